import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { z } from 'zod';
import { QualificationService } from '../catalogue/qualification.service';
import { contentHash } from '../catalogue/domain/qualification-text';
import { AuditRecord, AuditService } from '../platform/audit/audit.service';
import { Actor, jurisdictionInScope } from '../platform/auth/actor';
import { RecognitionService, StatementBasis } from '../recognition/recognition.service';
import { LearningCompanyService } from '../recognition/learning-companies/learning-company.service';
import { AppError } from '../platform/errors/app-error';
import { parseOrThrow } from '../platform/errors/zod-problems';
import { AccreditationService, AccreditationTarget, matchAccreditation } from './accreditation.service';
import { CredentialsCache, CredentialsView } from './credentials-cache';
import { GroupedWrites, isolatingFailures } from './domain/grouped-writes';
import {
  buildDiplomaCredential,
  buildKeuzedeelCredential,
  buildLanguageAchievementCredential,
  buildLearningUnitCredential,
  buildRecognitionStatementCredential,
  Envelope,
} from './domain/credential-builder';
import {
  DiplomaRequest,
  DiplomaRequestSchema,
  KeuzedeelRequest,
  KeuzedeelRequestSchema,
  LanguageAchievementRequest,
  LanguageAchievementRequestSchema,
  LearningUnitRequest,
  LearningUnitRequestSchema,
  RecognitionStatementRequest,
  RecognitionStatementRequestSchema,
} from './domain/credential-request.schema';
import { handlesCredential } from './domain/credential-access';
import { SUBJECT_SCHEMAS } from './domain/credential-subject.schema';
import { signJwt, VerifiableCredential } from './domain/proofs';
import { ProofPool } from './proof-pool/proof-pool.service';
import { IssuerService } from './issuer.service';
import { CredentialLoader } from './loader.provider';
import { CredentialsRepository } from './persistence/credentials.repository';
import { IssuedCredentialRow } from './persistence/rows';
import { Allocation, StatusService } from './status.service';

export type IssueKind = 'LearningUnitCredential' | 'DiplomaCredential' | 'RecognitionStatementCredential' | 'LanguageAchievementCredential' | 'KeuzedeelCredential';

type AnyRequest = LearningUnitRequest | DiplomaRequest | RecognitionStatementRequest | LanguageAchievementRequest | KeuzedeelRequest;
const REQUEST_SCHEMAS: Record<IssueKind, z.ZodType<AnyRequest>> = {
  LearningUnitCredential: LearningUnitRequestSchema,
  DiplomaCredential: DiplomaRequestSchema,
  RecognitionStatementCredential: RecognitionStatementRequestSchema,
  LanguageAchievementCredential: LanguageAchievementRequestSchema,
  KeuzedeelCredential: KeuzedeelRequestSchema,
};

export interface IssueOutcome {
  row: IssuedCredentialRow;
  /** False when an earlier request with the same idempotency key is returned. */
  created: boolean;
}

interface PendingIssue {
  row: Omit<IssuedCredentialRow, 'status' | 'cosigned_by'>;
  audit: AuditRecord;
}

/** A single issuance's write, and the registry counter its checks read. */
interface CredentialWrite {
  actor: Actor;
  pending: PendingIssue;
  registryVersion: string;
}

type WriteOutcome = 'INSERTED' | 'DUPLICATE' | 'REGISTRY_CHANGED';

/** SQLSTATE of credentials_registry_guard (migration RegistryGuard). */
const REGISTRY_CHANGED = 'RG001';
/** Fresh views an issuance takes before it gives up on a registry that keeps changing. */
const MAX_ATTEMPTS = 4;

interface DraftIssue {
  row: Omit<IssuedCredentialRow, 'status' | 'cosigned_by' | 'document' | 'jwt'>;
  /** The registry view the checks read; the signing key comes from it too. */
  view: CredentialsView;
  unsigned: VerifiableCredential;
  audit: AuditRecord;
}

/** Issues, co-signs and returns credentials. Signing happens outside any transaction; the writes share a short one. */
@Injectable()
export class IssuanceService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly repo: CredentialsRepository,
    private readonly issuers: IssuerService,
    private readonly status: StatusService,
    private readonly accreditation: AccreditationService,
    private readonly qualifications: QualificationService,
    private readonly loader: CredentialLoader,
    private readonly audit: AuditService,
    private readonly recognition: RecognitionService,
    private readonly proofs: ProofPool,
    private readonly learningCompanies: LearningCompanyService,
    private readonly cache: CredentialsCache,
  ) {}

  /** The institution a school token issues for; naming another is refused. */
  issuingInstitution(actor: Actor, requested?: string | null): string {
    if (actor.role !== 'school' || !actor.institution) throw AppError.forbidden(`role "${actor.role}" may not issue credentials; only schools issue`);
    if (requested && requested !== actor.institution) {
      throw AppError.forbidden(`a token of institution "${actor.institution}" cannot issue as "${requested}"`);
    }
    return actor.institution;
  }

  async issue(actor: Actor, kind: IssueKind, request: unknown, opts: { issuer?: string | null; root?: string } = {}): Promise<IssueOutcome> {
    const root = opts.root ?? 'request';
    const parsed = parseOrThrow(REQUEST_SCHEMAS[kind], request, root);
    const institutionId = kind === 'RecognitionStatementCredential' ? await this.statementAuthority(actor, parsed as RecognitionStatementRequest, root) : this.issuingInstitution(actor, opts.issuer);
    const requestHash = contentHash(parsed);

    // Optimistic on the idempotency key: a retry is rare, so a new request makes no lookup before it is signed; the
    // insert's unique key finds the earlier issuance instead. A retry that the checks now refuse (an accreditation
    // withdrawn since) still gets its earlier credential.
    const earlierOr = async (e: unknown): Promise<IssueOutcome> => {
      const earlier = e instanceof AppError ? await this.repo.credentialByIdempotencyKey(institutionId, parsed.idempotencyKey) : null;
      if (earlier) return this.replay(earlier, requestHash, root);
      throw e;
    };
    // The checks read the registry as of the newest change counter this process has seen, with no round trip; the
    // insert confirms that counter in its own statement. A refusal on such a view, or an insert that finds the
    // registry changed, is checked (and signed) again on a fresh view.
    let view = await this.cache.latestView();
    for (let attempt = 1; ; attempt++) {
      let pending: PendingIssue;
      try {
        // Checks and signing hold no transaction; the writes are one statement.
        pending = await this.sign(await this.draft(actor, kind, institutionId, parsed, requestHash, root, { view }));
      } catch (e) {
        if (view.unconfirmed && e instanceof AppError) {
          view = await this.cache.view();
          continue;
        }
        return earlierOr(e);
      }
      // The credential and its audit entry, in one statement with the other issuances ready at the same moment.
      const written = await this.credentialWrites.submit({ actor, pending, registryVersion: view.registryVersion });
      if (written === 'INSERTED') return { row: { ...pending.row, status: 'ACTIVE', cosigned_by: [] }, created: true };
      if (written === 'REGISTRY_CHANGED') {
        // Its two status indexes stay reserved and unused, as a lost race's do.
        if (attempt >= MAX_ATTEMPTS) throw AppError.conflict(`${root}`, `the registry of institutions, keys and accreditations changed ${attempt} times while this credential was issued; send it again`);
        view = await this.cache.view();
        continue;
      }
      // The key was used before (a retry, or a concurrent one that won the race): return that credential. Its two
      // status indexes stay reserved and unused.
      return this.replay((await this.repo.credentialByIdempotencyKey(institutionId, parsed.idempotencyKey))!, requestHash, root);
    }
  }

  /** Single issuances' writes, grouped: under load several credentials share one statement and one commit. */
  private readonly credentialWrites = new GroupedWrites<CredentialWrite, WriteOutcome>((items) => this.writeCredentials(items));

  /** Each group of items checked against the same registry counter is written by one guarded statement. */
  private async writeCredentials(items: ReadonlyArray<CredentialWrite>): Promise<Array<WriteOutcome | Error>> {
    const byVersion = new Map<string, CredentialWrite[]>();
    for (const i of items) byVersion.set(i.registryVersion, [...(byVersion.get(i.registryVersion) ?? []), i]);
    const outcomes = new Map<CredentialWrite, WriteOutcome | Error>();
    await Promise.all(
      [...byVersion.values()].map(async (group) => {
        const results = await this.writeGuarded(group);
        group.forEach((item, k) => outcomes.set(item, results[k]));
      }),
    );
    return items.map((i) => outcomes.get(i)!);
  }

  /**
   * Credentials (checked against one registry counter) and their audit entries in one statement, atomic: INSERTED,
   * or DUPLICATE for one whose idempotency key is already stored; REGISTRY_CHANGED for all when the counter moved
   * since their checks. A row the statement refuses for another reason fails only that item (isolatingFailures).
   */
  private readonly writeGuarded = isolatingFailures<CredentialWrite, WriteOutcome>(
    async (items) => {
      const inserted = await this.storeCredentials(this.dataSource, items, items[0].registryVersion);
      return items.map((i) => (inserted.has(i.pending.row.id) ? 'INSERTED' : 'DUPLICATE'));
    },
    (e) => ((e as { code?: unknown }).code === REGISTRY_CHANGED ? 'REGISTRY_CHANGED' : undefined),
  );

  /**
   * Credentials and, for each one inserted, its audit entry, in one statement; the ids inserted (a stored idempotency
   * key inserts nothing). With `registryVersion`, nothing is written if the registry counter is no longer that one.
   */
  private async storeCredentials(db: EntityManager | DataSource, items: ReadonlyArray<{ actor: Actor; pending: PendingIssue }>, registryVersion?: string): Promise<Set<string>> {
    if (!items.length) return new Set();
    const audit = items.map((i) => ({ actor: i.actor, rec: i.pending.audit }));
    return new Set(await this.audit.recordForInserted(db, audit, this.repo.insertCredentialsStatement(items.map((i) => i.pending.row), registryVersion)));
  }

  /** Statements are issued by an AUTHORITY institution, by an expert of its jurisdiction (or an admin). */
  private async statementAuthority(actor: Actor, r: RecognitionStatementRequest, root: string): Promise<string> {
    if (actor.role !== 'expert' && actor.role !== 'admin') throw AppError.forbidden(`role "${actor.role}" may not issue recognition statements; experts of the authority do`);
    const inst = await this.repo.institution(r.authority);
    if (!inst) throw AppError.badInput([{ field: `${root}.authority`, message: `unknown institution "${r.authority}"` }]);
    if (inst.type !== 'AUTHORITY') throw AppError.badInput([{ field: `${root}.authority`, message: `"${r.authority}" is a ${inst.type}, not an AUTHORITY` }]);
    if (actor.role === 'expert' && !jurisdictionInScope(actor.jurisdictions, inst.jurisdiction_code)) {
      throw AppError.forbidden(`an expert for ${actor.jurisdictions.join(', ')} may not issue for an authority of ${inst.jurisdiction_code}`);
    }
    return inst.id;
  }

  private replay(earlier: IssuedCredentialRow, requestHash: string, root: string): IssueOutcome {
    if (earlier.request_hash !== requestHash) {
      throw AppError.conflict(`${root}.idempotencyKey`, 'was already used for a different request');
    }
    return { row: earlier, created: false };
  }

  /** Checks, reserved status indexes and the unsigned credential. */
  private async draft(
    actor: Actor,
    kind: IssueKind,
    institutionId: string,
    r: AnyRequest,
    requestHash: string,
    root: string,
    block?: { view: CredentialsView; alloc?: () => Allocation },
  ): Promise<DraftIssue> {
    // Outside any transaction, so the registry comes from the cache (current as of this view).
    const view = block?.view ?? (await this.cache.view());
    const inst = await view.institution(institutionId);
    if (!inst) throw AppError.notFound('institution', institutionId);
    const issuedAt = new Date();
    let target: AccreditationTarget | null = null;
    let statement: StatementBasis | null = null;
    let qualificationId: string | null = null;
    let coIssuerDids: string[] = [];
    let partnerDid: string | undefined;

    if (kind === 'LearningUnitCredential') {
      const lu = r as LearningUnitRequest;
      target = { programme: lu.programme };
      for (const [i, co] of lu.coIssuers.entries()) {
        if (co === institutionId) throw AppError.badInput([{ field: `${root}.coIssuers[${i}]`, message: 'the issuer is not its own co-issuer' }]);
        const c = await view.institution(co);
        if (!c) throw AppError.badInput([{ field: `${root}.coIssuers[${i}]`, message: `unknown institution "${co}"` }]);
        coIssuerDids.push(c.did);
      }
      if (lu.activity.hostCompany && !(await this.learningCompanies.find(lu.activity.hostCompany))) {
        throw AppError.badInput([{ field: `${root}.activity.hostCompany`, message: `unknown learning company "${lu.activity.hostCompany}"` }]);
      }
      if (lu.activity.partnerInstitution) {
        const p = await view.institution(lu.activity.partnerInstitution);
        if (!p) throw AppError.badInput([{ field: `${root}.activity.partnerInstitution`, message: `unknown institution "${lu.activity.partnerInstitution}"` }]);
        partnerDid = p.did;
      }
    } else if (kind === 'RecognitionStatementCredential') {
      const sr = r as RecognitionStatementRequest;
      statement = await this.recognition.publishedStatementBasis(sr.decisionId, actor).catch((e) => {
        if (e instanceof AppError && e.code === 'NOT_FOUND') throw AppError.badInput([{ field: `${root}.decisionId`, message: `unknown decision "${sr.decisionId}"` }]);
        throw e;
      });
      if (!jurisdictionInScope([inst.jurisdiction_code.split('-')[0]], statement.destinationJurisdiction)) {
        throw AppError.forbidden(`authority "${inst.id}" (${inst.jurisdiction_code}) is not competent for a decision on ${statement.destinationJurisdiction}`);
      }
      if (actor.role === 'expert' && !jurisdictionInScope(actor.jurisdictions, statement.destinationJurisdiction)) {
        throw AppError.forbidden(`an expert for ${actor.jurisdictions.join(', ')} may not issue a statement on a decision for ${statement.destinationJurisdiction}`);
      }
    } else if (kind === 'LanguageAchievementCredential' || kind === 'KeuzedeelCredential') {
      // No catalogue accreditation covers these yet: the issuer must be in the registry, and verification says so.
    } else {
      const d = r as DiplomaRequest;
      const q = await this.qualifications.get(d.qualificationId).catch(() => {
        throw AppError.badInput([{ field: `${root}.qualificationId`, message: `unknown qualification "${d.qualificationId}"` }]);
      });
      if (q.retiredAt) throw AppError.badInput([{ field: `${root}.qualificationId`, message: `qualification "${q.key}" is retired` }]);
      qualificationId = q.id;
      target = { qualification: { key: q.key, code: q.code, jurisdiction: q.jurisdictionCode } };
    }

    if (target) {
      const accredited = matchAccreditation(await view.accreditationsOf(institutionId), institutionId, target, issuedAt);
      if (!accredited.ok) throw AppError.forbidden(accredited.reason);
    }

    const alloc = block?.alloc ? block.alloc() : await this.status.reserve(institutionId);
    const envelope: Envelope = {
      id: `urn:uuid:${randomUUID()}`,
      issuerDid: inst.did,
      issuerName: inst.name,
      issuedAt,
      validUntil: r.validUntil,
      status: [
        { statusListCredential: this.statusUrl(alloc.revocation.list.id), statusListIndex: alloc.revocation.index, statusPurpose: 'revocation' },
        { statusListCredential: this.statusUrl(alloc.suspension.list.id), statusListIndex: alloc.suspension.index, statusPurpose: 'suspension' },
      ],
    };
    let unsigned: VerifiableCredential;
    if (kind === 'LearningUnitCredential') {
      unsigned = buildLearningUnitCredential(r as LearningUnitRequest, envelope, { partnerDid, awardingBodies: [inst.did, ...coIssuerDids] });
    } else if (statement) {
      unsigned = buildRecognitionStatementCredential(r as RecognitionStatementRequest, envelope, {
        decisionId: statement.id,
        decisionVersion: statement.version,
        verdict: statement.verdict,
        destinationJurisdiction: statement.destinationJurisdiction,
        holderKey: statement.holderKey,
        referenceKey: statement.referenceKey,
        compensation: statement.compensation,
        rationale: statement.rationale,
      });
    } else if (kind === 'LanguageAchievementCredential') {
      unsigned = buildLanguageAchievementCredential(r as LanguageAchievementRequest, envelope);
    } else if (kind === 'KeuzedeelCredential') {
      unsigned = buildKeuzedeelCredential(r as KeuzedeelRequest, envelope);
    } else {
      const file = (await this.qualifications.exportFile(qualificationId!))!;
      const title = Object.fromEntries(Object.entries(file.title).filter(([l]) => ['nl', 'de', 'en'].includes(l))) as Record<string, string>;
      unsigned = buildDiplomaCredential(r as DiplomaRequest, envelope, { key: file.key, code: file.code, jurisdiction: file.jurisdiction, framework: file.framework, nationalLevel: file.nationalLevel, eqfLevel: file.eqfLevel, title });
    }
    // The subject schema is enforced on what is signed, not only on the request.
    parseOrThrow(SUBJECT_SCHEMAS[kind], unsigned.credentialSubject, 'credentialSubject');

    const row: Omit<IssuedCredentialRow, 'status' | 'cosigned_by' | 'document' | 'jwt'> = {
      id: envelope.id,
      institution_id: institutionId,
      type: kind,
      format: r.format,
      idempotency_key: r.idempotencyKey,
      request_hash: requestHash,
      qualification_id: qualificationId,
      programme: kind === 'LearningUnitCredential' ? (r as LearningUnitRequest).programme : null,
      revocation_list_id: alloc.revocation.list.id,
      revocation_index: alloc.revocation.index,
      suspension_list_id: alloc.suspension.list.id,
      suspension_index: alloc.suspension.index,
      co_issuers: coIssuerDids,
      issued_at: issuedAt,
      valid_until: r.validUntil ? new Date(r.validUntil) : null,
    };
    return { row, unsigned, view, audit: { action: 'credential.issue', entityType: 'credential', entityId: row.id, before: null, after: { type: kind, format: r.format, issuer: inst.did, coIssuers: coIssuerDids } } };
  }

  /** The proof (on the pool) or the JWT, with the institution's active key. */
  private async sign(draft: DraftIssue): Promise<PendingIssue> {
    const key = await this.issuers.signingKey(draft.row.institution_id, undefined, draft.view);
    const document = draft.row.format === 'JWT' ? draft.unsigned : await this.proofs.signAsIssuer(draft.unsigned, key);
    const jwt = draft.row.format === 'JWT' ? await signJwt(draft.unsigned, key) : null;
    return { row: { ...draft.row, document, jwt }, audit: draft.audit };
  }

  /**
   * Issues a block of batch items for one school: one query for earlier issuances of their idempotency keys, the
   * checks and status indexes item by item, the proofs on the pool at the same time, then one transaction: one
   * statement for the credentials and their audit entries, and `within` recording the outcomes. An
   * item that fails for a reason of its own (AppError) comes back as its error; anything else throws, and nothing
   * of the block is stored.
   */
  async issueBlock(
    actor: Actor,
    items: ReadonlyArray<{ kind: IssueKind; request: unknown; root: string }>,
    within: (m: EntityManager, outcomes: ReadonlyArray<IssueOutcome | AppError>) => Promise<void>,
  ): Promise<Array<IssueOutcome | AppError>> {
    const institutionId = this.issuingInstitution(actor);
    const outcomes: Array<IssueOutcome | AppError | null> = items.map(() => null);
    const parsed = items.map((it, i) => {
      try {
        const r = parseOrThrow(REQUEST_SCHEMAS[it.kind], it.request, it.root);
        return { r, hash: contentHash(r) };
      } catch (e) {
        if (!(e instanceof AppError)) throw e;
        outcomes[i] = e;
        return null;
      }
    });
    const keys = parsed.flatMap((p) => (p ? [p.r.idempotencyKey] : []));
    const earlier = new Map<string, IssuedCredentialRow>((await this.repo.credentialsByIdempotencyKeys(institutionId, keys)).map((row) => [row.idempotency_key, row]));
    const replayOrError = (i: number, row: IssuedCredentialRow) => {
      try {
        return this.replay(row, parsed[i]!.hash, items[i].root);
      } catch (e) {
        if (e instanceof AppError) return e;
        throw e;
      }
    };
    for (const [i, p] of parsed.entries()) {
      const before = p && earlier.get(p.r.idempotencyKey);
      if (before) outcomes[i] = replayOrError(i, before);
    }
    // One view of the registry and one reservation of status indexes for the whole block.
    const fresh = parsed.flatMap((p, i) => (p && !outcomes[i] ? [i] : []));
    const view = await this.cache.view();
    const allocations = await this.status.reserveMany(institutionId, fresh.length);
    const block = { view, alloc: () => allocations.shift()! };
    const signing: Array<{ i: number; pending: Promise<PendingIssue> }> = [];
    try {
      for (const i of fresh) {
        const p = parsed[i]!;
        try {
          const draft = await this.draft(actor, items[i].kind, institutionId, p.r, p.hash, items[i].root, block);
          // The proofs of the block are made on the pool while the next items are checked.
          const pending = this.sign(draft);
          pending.catch(() => undefined);
          signing.push({ i, pending });
        } catch (e) {
          if (!(e instanceof AppError)) throw e;
          outcomes[i] = e;
        }
      }
    } finally {
      await Promise.allSettled(signing.map((s) => s.pending));
    }
    const signed = await Promise.all(signing.map(async (s) => ({ i: s.i, pending: await s.pending })));
    return this.dataSource.transaction(async (m) => {
      const inserted = await this.storeCredentials(m, signed.map((s) => ({ actor, pending: s.pending })));
      // A key another run stored meanwhile (its insert won): that credential is the item's.
      const lost = signed.filter((s) => !inserted.has(s.pending.row.id));
      const winners = new Map((await this.repo.credentialsByIdempotencyKeys(institutionId, lost.map((s) => s.pending.row.idempotency_key), m)).map((row) => [row.idempotency_key, row]));
      for (const s of signed) {
        outcomes[s.i] = inserted.has(s.pending.row.id) ? { row: { ...s.pending.row, status: 'ACTIVE', cosigned_by: [] }, created: true } : replayOrError(s.i, winners.get(s.pending.row.idempotency_key)!);
      }
      const done = outcomes as Array<IssueOutcome | AppError>;
      await within(m, done);
      return done;
    });
  }

  private statusUrl(listId: string): string {
    return `${this.loader.statusPrefix}${listId}`;
  }

  /** A partner school adds its proof to a binational credential that names it as co-issuer. */
  async cosign(actor: Actor, credentialId: string): Promise<IssuedCredentialRow> {
    if (actor.role !== 'school' || !actor.institution) throw AppError.forbidden('only schools co-sign credentials');
    return this.dataSource.transaction(async (m) => {
      const row = await this.repo.credential(credentialId, m, true);
      if (!row) throw AppError.notFound('credential', credentialId);
      const inst = await this.repo.institution(actor.institution!, m);
      if (!inst || !row.co_issuers.includes(inst.did)) throw AppError.forbidden(`institution "${actor.institution}" is not a co-issuer of this credential`);
      if (row.format !== 'DATA_INTEGRITY') throw AppError.badInput([{ field: 'id', message: 'only Data Integrity credentials carry proof sets; a JWT cannot be co-signed' }]);
      if (row.cosigned_by.includes(inst.did)) return row;
      if (row.status === 'REVOKED') throw AppError.conflict('id', 'a revoked credential cannot be co-signed');
      if (!row.programme) throw AppError.badInput([{ field: 'id', message: 'only learning-unit credentials have co-issuers' }]);
      const accredited = await this.accreditation.check(inst.id, { programme: row.programme }, new Date(), m);
      if (!accredited.ok) throw AppError.forbidden(accredited.reason);
      const document = await this.proofs.addCoIssuerProof(row.document, await this.issuers.signingKey(inst.id, m));
      const cosignedBy = [...row.cosigned_by, inst.did];
      await this.repo.updateCredentialDocument(m, row.id, document, cosignedBy);
      await this.audit.record(m, actor, { action: 'credential.cosign', entityType: 'credential', entityId: row.id, before: { cosignedBy: row.cosigned_by }, after: { cosignedBy } });
      return { ...row, document, cosigned_by: cosignedBy };
    });
  }

  async get(id: string): Promise<IssuedCredentialRow> {
    const row = await this.repo.credential(id);
    if (!row) throw AppError.notFound('credential', id);
    return row;
  }

  /**
   * The stored credential a school (or an admin) names by the id in the credential, as the VC-API does, or by its
   * row id. A client may give several credentials the same id: then only the row id is unambiguous.
   */
  async byAnyId(actor: Actor, id: string): Promise<IssuedCredentialRow> {
    const rows = await this.repo.credentialsByAnyId(id, actor.role === 'admin' ? null : (actor.institution ?? ''));
    if (rows.length === 0) throw AppError.notFound('credential', id);
    if (rows.length > 1) throw AppError.conflict('credentialId', `several credentials carry the id "${id}"; name one by the service's credential id (GraphQL revokeCredential)`);
    return rows[0];
  }

  /** The stored credential when the actor may handle it (see handlesCredential), else FORBIDDEN with `refusal`. */
  async getHandled(actor: Actor, id: string, refusal: string): Promise<IssuedCredentialRow> {
    const row = await this.get(id);
    const own = actor.institution && actor.role !== 'admin' ? await this.repo.institution(actor.institution) : null;
    if (!handlesCredential(actor, own?.did ?? null, row)) throw AppError.forbidden(refusal);
    return row;
  }
}
