import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { contentHash } from '../catalogue/domain/qualification-text';
import { AuditService } from '../platform/audit/audit.service';
import { Actor } from '../platform/auth/actor';
import { AppError, FieldProblem } from '../platform/errors/app-error';
import { AccreditationService, AccreditationTarget } from './accreditation.service';
import { RECOGNITION_CONTEXT_V1 } from './domain/constants';
import { CREDENTIAL_TYPES, CredentialType, SUBJECT_SCHEMAS } from './domain/credential-subject.schema';
import { dataModelProblems, vcVersionOf } from './domain/data-model';
import { OwnEnvelopeSchema } from './domain/verification-checks';
import type { VerifiableCredential } from './domain/proofs';
import { CredentialsSettings } from './credentials.settings';
import { STATUS_POLICY_PATH } from './domain/status-policy';
import { IssuanceService } from './issuance.service';
import { IssuerService } from './issuer.service';
import { CredentialLoader } from './loader.provider';
import { CredentialsRepository } from './persistence/credentials.repository';
import { IssuedCredentialRow } from './persistence/rows';
import { ProofPool } from './proof-pool/proof-pool.service';
import { StatusService } from './status.service';

type Purpose = 'revocation' | 'suspension';

/** `options.credentialStatus` of the VC-API: which status entries to add. */
export function requestedStatusPurposes(options: unknown): Purpose[] | FieldProblem {
  const o = options && typeof options === 'object' && !Array.isArray(options) ? (options as Record<string, unknown>) : {};
  if (o.credentialStatus === undefined) return [];
  const list = Array.isArray(o.credentialStatus) ? o.credentialStatus : [o.credentialStatus];
  const purposes: Purpose[] = [];
  for (const [i, e] of list.entries()) {
    const entry = e as Record<string, unknown> | null;
    const field = Array.isArray(o.credentialStatus) ? `options.credentialStatus[${i}]` : 'options.credentialStatus';
    if (!entry || typeof entry !== 'object' || entry.type !== 'BitstringStatusListEntry') return { field: `${field}.type`, message: 'only "BitstringStatusListEntry" is supported' };
    const asked = entry.statusPurpose ?? 'revocation';
    for (const p of Array.isArray(asked) ? asked : [asked]) {
      if (p !== 'revocation' && p !== 'suspension') return { field: `${field}.statusPurpose`, message: 'must be "revocation" or "suspension"' };
      if (!purposes.includes(p)) purposes.push(p);
    }
  }
  return purposes;
}

/**
 * VC-API issuance of a W3C credential given whole (`{credential, options}`): the school's DID is the issuer,
 * the service's own types keep their subject schema and accreditation check, other types need the
 * institution's generic-credentials setting. The service's own issuance request stays the GraphQL path.
 */
@Injectable()
export class OpenIssuanceService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly repo: CredentialsRepository,
    private readonly issuance: IssuanceService,
    private readonly issuers: IssuerService,
    private readonly status: StatusService,
    private readonly accreditation: AccreditationService,
    private readonly loader: CredentialLoader,
    private readonly audit: AuditService,
    private readonly proofs: ProofPool,
    settings: CredentialsSettings,
  ) {
    this.statusReference = `${settings.baseUrl}${STATUS_POLICY_PATH}`;
  }

  private readonly statusReference: string;

  async issue(actor: Actor, input: unknown, options: unknown): Promise<VerifiableCredential> {
    const institutionId = this.issuance.issuingInstitution(actor);
    const inst = await this.repo.institution(institutionId);
    if (!inst) throw AppError.notFound('institution', institutionId);
    const problems: FieldProblem[] = dataModelProblems(input, { root: 'credential', unsigned: true }).map(({ field, message }) => ({ field, message }));
    const purposes = requestedStatusPurposes(options);
    if (!Array.isArray(purposes)) problems.push(purposes);
    if (problems.length) throw AppError.badInput(problems);
    const credential = structuredClone(input) as VerifiableCredential;
    const issuer = typeof credential.issuer === 'string' ? credential.issuer : credential.issuer.id;
    if (issuer !== inst.did) throw AppError.badInput([{ field: 'credential.issuer', message: `must be this school's DID ${inst.did}; a school signs only as itself` }]);

    const types: string[] = typeof credential.type === 'string' ? [credential.type] : credential.type;
    const own = types.find((t): t is CredentialType => (CREDENTIAL_TYPES as readonly string[]).includes(t));
    const issuedAt = new Date();
    let target: AccreditationTarget | null = null;
    if (own) target = this.ownTypeTarget(own, credential, inst.did);
    else if (!inst.allow_generic_credentials) {
      throw AppError.forbidden(`institution "${inst.id}" may issue only ${CREDENTIAL_TYPES.filter((t) => t !== 'RecognitionStatementCredential').join(' and ')}; an admin can allow other credential types (setInstitutionGenericCredentials)`);
    }
    if (target) {
      const accredited = await this.accreditation.check(inst.id, target, issuedAt);
      if (!accredited.ok) throw AppError.forbidden(accredited.reason);
    }

    const rowId = `urn:uuid:${randomUUID()}`;
    credential.id ??= rowId;
    // Indexes are reserved in both lists whatever is asked, so the stored row keeps its shape; only the
    // requested entries go into the credential.
    const alloc = await this.status.reserve(inst.id);
    // Status entries the credential brings itself are kept as given (the school answers for them); ours are added
    // only without them, and only to VC 2.0 credentials: Bitstring Status List is a VC 2.0 mechanism, and VC 1.1
    // verifiers would need a context they may not know.
    const addStatus = credential.credentialStatus === undefined && vcVersionOf(credential) === '2.0';
    const entries = (addStatus ? (purposes as Purpose[]) : []).map((p) => {
      const url = `${this.loader.statusPrefix}${alloc[p].list.id}`;
      const entry = { id: `${url}#${alloc[p].index}`, type: 'BitstringStatusListEntry', statusPurpose: p, statusListIndex: String(alloc[p].index), statusListCredential: url };
      // W3C credentials point to what the bits mean (revocation final, suspension liftable); the service's own types
      // keep their fixed entry shape.
      return own ? entry : { ...entry, statusReference: this.statusReference };
    });
    if (entries.length) credential.credentialStatus = entries.length === 1 && !own ? entries[0] : entries;
    if (own) {
      // What the verifier requires of the service's own types, required here too: never sign what would not verify.
      credential.validFrom ??= issuedAt.toISOString().replace(/\.\d{3}Z$/, 'Z');
      const envelope = OwnEnvelopeSchema.safeParse(credential);
      if (!envelope.success) throw AppError.badInput(envelope.error.issues.map((i) => ({ field: `credential.${i.path.join('.')}`, message: i.message })));
    }
    if (vcVersionOf(credential) === '1.1') credential.issuanceDate ??= issuedAt.toISOString().replace(/\.\d{3}Z$/, 'Z');

    let signed: VerifiableCredential;
    try {
      signed = await this.proofs.signAsIssuer(credential, await this.issuers.signingKey(inst.id));
    } catch (e) {
      // JSON-LD processing refuses what the structural checks cannot see: undefined terms, redefined protected terms.
      throw AppError.badInput([{ field: 'credential', message: `cannot be signed: ${signingError(e)}` }]);
    }
    const validUntil = signed.validUntil ?? signed.expirationDate;
    const row: Omit<IssuedCredentialRow, 'status' | 'cosigned_by'> = {
      id: rowId,
      institution_id: inst.id,
      type: own ?? types.find((t) => t !== 'VerifiableCredential') ?? 'VerifiableCredential',
      format: 'DATA_INTEGRITY',
      document: signed,
      jwt: null,
      idempotency_key: `vc-api:${rowId}`,
      request_hash: contentHash({ credential: input, options: options ?? null }),
      qualification_id: own === 'DiplomaCredential' ? await this.qualificationId(signed) : null,
      programme: own === 'LearningUnitCredential' ? (signed.credentialSubject?.hasClaim?.specifiedBy?.programme ?? null) : null,
      revocation_list_id: alloc.revocation.list.id,
      revocation_index: alloc.revocation.index,
      suspension_list_id: alloc.suspension.list.id,
      suspension_index: alloc.suspension.index,
      co_issuers: [],
      issued_at: issuedAt,
      valid_until: typeof validUntil === 'string' ? new Date(validUntil) : null,
    };
    await this.dataSource.transaction(async (m) => {
      await this.repo.insertCredential(m, row);
      await this.audit.record(m, actor, { action: 'credential.issue', entityType: 'credential', entityId: row.id, before: null, after: { type: row.type, format: row.format, issuer: inst.did, via: 'vc-api', credentialId: signed.id } });
    });
    return signed;
  }

  /** The service's own types: the subject schema as for the issuance request, and what accreditation covers. */
  private ownTypeTarget(type: CredentialType, c: VerifiableCredential, issuerDid: string): AccreditationTarget | null {
    if (type === 'RecognitionStatementCredential') throw AppError.forbidden('recognition statements are issued by authorities from published decisions (GraphQL), not from a given credential');
    if (!(c['@context'] as unknown[]).includes(RECOGNITION_CONTEXT_V1)) throw AppError.badInput([{ field: 'credential.@context', message: `${type} needs the context ${RECOGNITION_CONTEXT_V1}` }]);
    const subject = SUBJECT_SCHEMAS[type].safeParse(c.credentialSubject);
    if (!subject.success) throw AppError.badInput(subject.error.issues.map((i) => ({ field: `credential.credentialSubject.${i.path.join('.')}`, message: i.message })));
    const claim = c.credentialSubject.hasClaim;
    const bodies: unknown = claim?.awardedBy?.awardingBody;
    if (Array.isArray(bodies) && bodies.some((b) => b !== issuerDid)) {
      throw AppError.badInput([{ field: 'credential.credentialSubject.hasClaim.awardedBy.awardingBody', message: 'co-issued credentials are issued through the issuance request (coIssuers), not given whole' }]);
    }
    const spec = claim?.specifiedBy ?? {};
    return type === 'LearningUnitCredential' ? { programme: spec.programme } : { qualification: { key: spec.catalogueKey, code: spec.qualificationCode, jurisdiction: spec.jurisdiction } };
  }

  private async qualificationId(c: VerifiableCredential): Promise<string | null> {
    const key = c.credentialSubject?.hasClaim?.specifiedBy?.catalogueKey;
    if (typeof key !== 'string') return null;
    return (await this.dataSource.query('SELECT id FROM qualification WHERE key = $1', [key]))[0]?.id ?? null;
  }
}

function signingError(e: unknown): string {
  const err = e as { message?: string; details?: { cause?: { message?: string } }; cause?: { message?: string } };
  const inner = err?.details?.cause?.message ?? err?.cause?.message;
  return [err?.message ?? String(e), inner].filter(Boolean).join(': ').slice(0, 500);
}
