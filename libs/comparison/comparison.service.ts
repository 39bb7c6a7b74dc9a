import { Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { z } from 'zod';
import type { QualificationFile } from '../catalogue/domain/qualification-file.schema';
import { QualificationService } from '../catalogue/qualification.service';
import { AuditService } from '../platform/audit/audit.service';
import { Actor, jurisdictionInScope } from '../platform/auth/actor';
import { AppError } from '../platform/errors/app-error';
import { parseOrThrow } from '../platform/errors/zod-problems';
import { PREPARATION_VERSION, type AlignmentResources } from './domain/alignment';
import { compare } from './domain/compare';
import { ExperienceEvidenceSchema, OutcomeRefSchema } from './domain/inputs';
import { alignmentResources, attachAlignment, prepareFileAlignment } from './domain/outcome-alignment';
import { conceptRows, PreparedFiles, type EscoLabelRow } from './domain/prepared-files';
import { outcomeProblem } from './domain/mapping-checks';
import { suggestMappings, type MappingSuggestion } from './domain/suggestions';
import { ComparisonPolicy, DEFAULT_POLICY_KEY, PolicyParamsSchema } from './domain/policy';
import type { ComparisonRegime, ComparisonReport, ExperienceEvidence, OutcomeMapping, ReportLang } from './domain/types';
import { ComparisonPolicyEntity, ComparisonReportEntity, OutcomeMappingEntity } from './persistence/entities';
import { loadEscoSkillLabels } from './persistence/esco-labels';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const POLICY_KEY = /^[a-z0-9][a-z0-9._-]{0,119}$/;

export function assertUuid(value: string, field: string): void {
  if (!UUID.test(value)) throw AppError.badInput([{ field, message: 'must be a UUID' }]);
}

export function assertExpert(actor: Actor, jurisdiction: string, what: string): void {
  if (actor.role === 'admin') return;
  if (actor.role !== 'expert') throw AppError.forbidden(`role "${actor.role}" may not ${what}`);
  if (!jurisdictionInScope(actor.jurisdictions, jurisdiction)) {
    throw AppError.forbidden(`an expert for ${actor.jurisdictions.join(', ') || 'no jurisdiction'} may not ${what} for ${jurisdiction}`);
  }
}

export interface StoredComparison {
  /** Null when the report was computed and not stored. */
  id: string | null;
  report: ComparisonReport;
  holderQualificationId: string;
  referenceQualificationId: string;
  createdAt: Date;
}

/** The alignment resources and the state of the ESCO tables they were built from. */
interface Alignment {
  tables: string;
  resources: AlignmentResources;
}

export interface MappingInput {
  holderQualificationId: string;
  holderOutcome: { unitKey: string; outcomeKey: string };
  referenceQualificationId: string;
  referenceOutcome: { unitKey: string; outcomeKey: string };
  status: 'ASSERTED' | 'REJECTED';
  note?: string | null;
}

/** Orchestrates comparisons: load both files, the policy and the expert mappings; call the pure engine; store the report. */
@Injectable()
export class ComparisonService {
  /** The lexicon and the concept index of the imported ESCO tables, with the state of the tables it was built from. */
  private alignment: { tables: string; resources: Promise<AlignmentResources> } | null = null;
  /** Files with their outcomes prepared for alignment, per qualification id and version. */
  private readonly prepared = new PreparedFiles();

  constructor(
    private readonly dataSource: DataSource,
    private readonly qualifications: QualificationService,
    private readonly audit: AuditService,
  ) {}

  /**
   * Compares and, with `store` (experts and admins only), keeps the report for decisions. Public callers get
   * the same report computed and returned, and nothing is written.
   */
  async compareQualifications(
    holderId: string,
    referenceId: string,
    opts: { policyId?: string | null; evidence?: unknown; lang?: ReportLang; store?: boolean; regime?: ComparisonRegime },
  ): Promise<StoredComparison> {
    assertUuid(holderId, 'holderId');
    assertUuid(referenceId, 'referenceId');
    if (opts.policyId) assertUuid(opts.policyId, 'policyId');
    const evidence: ExperienceEvidence[] = parseOrThrow(z.array(ExperienceEvidenceSchema).max(50), opts.evidence ?? [], 'evidence');
    const align = await this.alignmentResources();
    const holder = await this.preparedFile(holderId, 'holderId', align);
    const reference = await this.preparedFile(referenceId, 'referenceId', align);
    const policy = await this.policy(opts.policyId ?? null);
    const mappings = await this.mappingsFor(holderId, holder, referenceId, reference);
    const uris = [holder, reference].flatMap((f) => f.units.flatMap((u) => u.outcomes.flatMap((o) => o.escoSkills)));
    const skillLabels = await loadEscoSkillLabels(this.dataSource.manager, uris);
    const report = compare(holder, reference, policy, evidence, mappings, { lang: opts.lang ?? 'en', skillLabels, ...(opts.regime ? { regime: opts.regime } : {}) });
    // The lexicon (its preparation version) and the ESCO concept index shape the alignment: inputs of the stored report too.
    report.inputHash = createHash('sha256').update(`${report.inputHash}|alignment:${PREPARATION_VERSION}|esco:${align.tables}`).digest('hex');
    if (!opts.store) return { id: null, report, holderQualificationId: holderId, referenceQualificationId: referenceId, createdAt: new Date() };
    // The same inputs give the same report: store it once, keyed by its input hash.
    await this.dataSource
      .createQueryBuilder()
      .insert()
      .into(ComparisonReportEntity)
      .values({
        inputHash: report.inputHash,
        holderQualificationId: holderId,
        referenceQualificationId: referenceId,
        policyId: policy.id,
        policyVersion: policy.version,
        engineVersion: report.engineVersion,
        lang: report.lang,
        verdict: report.verdict,
        report: report as unknown as object,
      })
      .orIgnore()
      .execute();
    const row = await this.dataSource.manager.findOneOrFail(ComparisonReportEntity, { where: { inputHash: report.inputHash } });
    return this.toStored(row);
  }

  /** A stored report: it may hold a holder's experience, so only admins and experts of its destination read it. */
  async comparison(id: string, field = 'id', actor?: Actor): Promise<StoredComparison> {
    assertUuid(id, field);
    const row = await this.dataSource.manager.findOne(ComparisonReportEntity, { where: { id } });
    if (!row) throw AppError.notFound('comparison', id);
    const stored = this.toStored(row);
    if (actor && actor.role !== 'admin' && !(actor.role === 'expert' && jurisdictionInScope(actor.jurisdictions, stored.report.reference.jurisdiction))) {
      // Not FORBIDDEN: whether a report exists is itself not public.
      throw AppError.notFound('comparison', id);
    }
    return stored;
  }

  private toStored(row: ComparisonReportEntity): StoredComparison {
    return {
      id: row.id,
      report: row.report as unknown as ComparisonReport,
      holderQualificationId: row.holderQualificationId,
      referenceQualificationId: row.referenceQualificationId,
      createdAt: row.createdAt,
    };
  }

  /**
   * The file with its outcomes prepared for alignment (lexicon plus the ESCO concept index), kept per id and
   * version so that a comparison does the expensive preparation once per file version.
   */
  private async preparedFile(id: string, field: string, { tables, resources }: Alignment): Promise<QualificationFile> {
    let key: string;
    try {
      const q = await this.qualifications.get(id);
      key = `${id}@${q.version}#${q.contentHash}`;
    } catch (e) {
      if (e instanceof AppError && e.code === 'NOT_FOUND') throw AppError.notFound(`qualification (${field})`, id);
      throw e;
    }
    const hit = this.prepared.get(key, tables);
    if (hit) return hit;
    const file = await this.loadFile(id, field);
    attachAlignment(file, prepareFileAlignment(file, resources));
    this.prepared.set(key, tables, file);
    return file;
  }

  /** Rebuilt when the ESCO tables change (an import); without an ESCO import, the lexicon alone. */
  private async alignmentResources(): Promise<Alignment> {
    const [t]: Array<{ s: number; su: Date | null; o: number; ou: Date | null }> = await this.dataSource.query(
      `SELECT (SELECT count(*) FROM esco_skill)::int AS s, (SELECT max(updated_at) FROM esco_skill) AS su,
              (SELECT count(*) FROM esco_occupation)::int AS o, (SELECT max(updated_at) FROM esco_occupation) AS ou`,
    );
    const tables = t.s + t.o === 0 ? EMPTY_TABLES : `${t.s}:${t.su?.toISOString() ?? ''}:${t.o}:${t.ou?.toISOString() ?? ''}`;
    if (this.alignment?.tables !== tables) {
      // One build per state of the tables, shared by the requests that arrive while it runs.
      const rows: Promise<EscoLabelRow[]> =
        tables === EMPTY_TABLES ? Promise.resolve([]) : this.dataSource.query(`SELECT uri, label, alt_labels FROM esco_skill UNION ALL SELECT uri, label, alt_labels FROM esco_occupation`);
      const resources = rows.then((r) => alignmentResources(conceptRows(r)));
      this.alignment = { tables, resources };
      resources.catch(() => {
        if (this.alignment?.resources === resources) this.alignment = null;
      });
    }
    return { tables, resources: await this.alignment.resources };
  }

  private async loadFile(id: string, field: string): Promise<QualificationFile> {
    try {
      return await this.qualifications.exportFile(id);
    } catch (e) {
      if (e instanceof AppError && e.code === 'NOT_FOUND') throw AppError.notFound(`qualification (${field})`, id);
      throw e;
    }
  }

  // ---- policies

  /** A policy version by id, or the latest version of the default policy. */
  async policy(id: string | null, m: EntityManager = this.dataSource.manager): Promise<ComparisonPolicy> {
    const row = id
      ? await m.findOne(ComparisonPolicyEntity, { where: { id } })
      : await m.findOne(ComparisonPolicyEntity, { where: { key: DEFAULT_POLICY_KEY }, order: { version: 'DESC' } });
    if (!row) throw id ? AppError.notFound('policy', id) : AppError.notFound('policy', DEFAULT_POLICY_KEY);
    return { id: row.id, key: row.key, version: row.version, params: PolicyParamsSchema.parse(row.params) };
  }

  async policies(key?: string | null): Promise<ComparisonPolicyEntity[]> {
    return this.dataSource.manager.find(ComparisonPolicyEntity, { where: key ? { key } : {}, order: { key: 'ASC', version: 'DESC' } });
  }

  /** Stores a new version of a policy (version 1 when the key is new); older versions stay readable. */
  /**
   * Shared policies (no jurisdiction; "default" among them) are the admins'; a policy of a jurisdiction
   * belongs to that jurisdiction's experts. A key keeps the jurisdiction of its first version.
   */
  async savePolicy(actor: Actor, key: string, params: unknown, note?: string | null, jurisdiction?: string | null): Promise<ComparisonPolicyEntity> {
    if (actor.role !== 'expert' && actor.role !== 'admin') throw AppError.forbidden(`role "${actor.role}" may not maintain policies`);
    if (!POLICY_KEY.test(key)) throw AppError.badInput([{ field: 'key', message: 'must be lower-case letters, digits, ".", "_" or "-" (at most 120)' }]);
    const parsed = parseOrThrow(PolicyParamsSchema, params ?? {}, 'params');
    if (note && note.length > 4000) throw AppError.badInput([{ field: 'note', message: 'must be at most 4000 characters' }]);
    return this.dataSource.transaction(async (m) => {
      // Serialise writers of the same key so versions stay dense.
      await m.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`comparison_policy:${key}`]);
      const latest = await m.findOne(ComparisonPolicyEntity, { where: { key }, order: { version: 'DESC' } });
      if (latest && jurisdiction != null && latest.jurisdiction !== jurisdiction) {
        throw AppError.badInput([{ field: 'jurisdiction', message: `policy "${key}" belongs to ${latest.jurisdiction ?? 'no jurisdiction (shared)'}; a key keeps its jurisdiction` }]);
      }
      const owner = latest ? latest.jurisdiction : (jurisdiction ?? null);
      if (owner === null) {
        if (actor.role !== 'admin') throw AppError.forbidden(`policy "${key}" is shared by every comparison without a policy of its own; only admins may change shared policies`);
      } else {
        if (!latest && !(await m.query('SELECT 1 FROM jurisdiction WHERE code = $1', [owner])).length) {
          throw AppError.badInput([{ field: 'jurisdiction', message: `unknown jurisdiction "${owner}"` }]);
        }
        assertExpert(actor, owner, 'maintain comparison policies');
      }
      const inserted = await m.insert(ComparisonPolicyEntity, {
        key,
        version: (latest?.version ?? 0) + 1,
        params: parsed,
        note: note ?? null,
        jurisdiction: owner,
        createdBy: actor.subject,
      });
      const row = await m.findOneOrFail(ComparisonPolicyEntity, { where: { id: inserted.identifiers[0].id as string } });
      await this.audit.record(m, actor, {
        action: latest ? 'comparison-policy.version' : 'comparison-policy.create',
        entityType: 'comparison-policy',
        entityId: row.id,
        before: latest ? { id: latest.id, version: latest.version, params: latest.params } : null,
        after: { key: row.key, version: row.version, params: row.params, note: row.note, jurisdiction: row.jurisdiction },
      });
      return row;
    });
  }

  // ---- outcome mappings

  async mappingsFor(holderId: string, holder: QualificationFile, referenceId: string, reference: QualificationFile): Promise<OutcomeMapping[]> {
    const rows = await this.dataSource.manager.find(OutcomeMappingEntity, { where: { holderQualificationId: holderId, referenceQualificationId: referenceId } });
    return rows.map((r) => ({
      id: r.id,
      holder: { qualificationKey: holder.key, unitKey: r.holderUnitKey, outcomeKey: r.holderOutcomeKey },
      reference: { qualificationKey: reference.key, unitKey: r.referenceUnitKey, outcomeKey: r.referenceOutcomeKey },
      status: r.status,
      ...(r.note ? { note: r.note } : {}),
    }));
  }

  async listMappings(holderId: string, referenceId: string): Promise<OutcomeMappingEntity[]> {
    assertUuid(holderId, 'holderId');
    assertUuid(referenceId, 'referenceId');
    return this.dataSource.manager.find(OutcomeMappingEntity, {
      where: { holderQualificationId: holderId, referenceQualificationId: referenceId },
      order: { referenceUnitKey: 'ASC', referenceOutcomeKey: 'ASC', holderUnitKey: 'ASC', holderOutcomeKey: 'ASC' },
    });
  }

  /** Asserts or rejects "holder outcome X corresponds to reference outcome Y"; experts of the reference's jurisdiction. */
  async setMapping(actor: Actor, input: MappingInput): Promise<OutcomeMappingEntity> {
    await this.checkMapping(actor, input, 'input', new Map());
    return this.dataSource.transaction((m) => this.writeMapping(m, actor, input));
  }

  /**
   * An expert's review of suggestions: every item is checked first, then all are written in one transaction
   * (each versioned and audited as setMapping does), so a bad item writes nothing.
   */
  async reviewMappings(actor: Actor, input: MappingInput[]): Promise<OutcomeMappingEntity[]> {
    if (!Array.isArray(input) || input.length === 0) throw AppError.badInput([{ field: 'input', message: 'must list at least one mapping' }]);
    if (input.length > MAX_REVIEW) throw AppError.badInput([{ field: 'input', message: `must list at most ${MAX_REVIEW} mappings` }]);
    const files = new Map<string, Promise<QualificationFile>>();
    const seen = new Map<string, number>();
    for (const [i, item] of input.entries()) {
      await this.checkMapping(actor, item, `input[${i}]`, files);
      const key = mappingLockKey(item);
      const first = seen.get(key);
      if (first !== undefined) throw AppError.badInput([{ field: `input[${i}]`, message: `maps the same pair of outcomes as input[${first}]` }]);
      seen.set(key, i);
    }
    // Locks taken in one order, so that two overlapping reviews cannot deadlock.
    const order = input.map((item, i) => ({ item, i })).sort((a, b) => (mappingLockKey(a.item) < mappingLockKey(b.item) ? -1 : 1));
    return this.dataSource.transaction(async (m) => {
      const rows: OutcomeMappingEntity[] = new Array(input.length);
      for (const { item, i } of order) rows[i] = await this.writeMapping(m, actor, item);
      return rows;
    });
  }

  /** The engine's open proposals for a pair (experts and admins): matches nobody has asserted or rejected yet. */
  async mappingSuggestions(holderId: string, referenceId: string): Promise<MappingSuggestion[]> {
    assertUuid(holderId, 'holderId');
    assertUuid(referenceId, 'referenceId');
    const align = await this.alignmentResources();
    const holder = await this.preparedFile(holderId, 'holderId', align);
    const reference = await this.preparedFile(referenceId, 'referenceId', align);
    const policy = await this.policy(null);
    return suggestMappings(holder, reference, await this.mappingsFor(holderId, holder, referenceId, reference), policy.params);
  }

  /** Validates one mapping (ids, keys, note, scope: experts of the reference's jurisdiction); files are loaded once. */
  private async checkMapping(actor: Actor, input: MappingInput, at: string, files: Map<string, Promise<QualificationFile>>): Promise<void> {
    assertUuid(input.holderQualificationId, `${at}.holderQualificationId`);
    assertUuid(input.referenceQualificationId, `${at}.referenceQualificationId`);
    parseOrThrow(OutcomeRefSchema, input.holderOutcome, `${at}.holderOutcome`);
    parseOrThrow(OutcomeRefSchema, input.referenceOutcome, `${at}.referenceOutcome`);
    if (input.status !== 'ASSERTED' && input.status !== 'REJECTED') throw AppError.badInput([{ field: `${at}.status`, message: 'must be ASSERTED or REJECTED' }]);
    if (input.note && input.note.length > 4000) throw AppError.badInput([{ field: `${at}.note`, message: 'must be at most 4000 characters' }]);
    const load = (id: string, field: string) => {
      let f = files.get(id);
      if (!f) {
        f = this.loadFile(id, field);
        files.set(id, f);
      }
      return f;
    };
    const holder = await load(input.holderQualificationId, `${at}.holderQualificationId`);
    const reference = await load(input.referenceQualificationId, `${at}.referenceQualificationId`);
    assertExpert(actor, reference.jurisdiction, 'map outcomes');
    const problems = [...outcomeProblem(holder, input.holderOutcome, `${at}.holderOutcome`), ...outcomeProblem(reference, input.referenceOutcome, `${at}.referenceOutcome`)];
    if (problems.length) throw AppError.badInput(problems);
  }

  private async writeMapping(m: EntityManager, actor: Actor, input: MappingInput): Promise<OutcomeMappingEntity> {
    const where = {
      holderQualificationId: input.holderQualificationId,
      holderUnitKey: input.holderOutcome.unitKey,
      holderOutcomeKey: input.holderOutcome.outcomeKey,
      referenceQualificationId: input.referenceQualificationId,
      referenceUnitKey: input.referenceOutcome.unitKey,
      referenceOutcomeKey: input.referenceOutcome.outcomeKey,
    };
    await m.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`outcome_mapping:${mappingLockKey(input)}`]);
    const existing = await m.findOne(OutcomeMappingEntity, { where });
    let id: string;
    if (existing) {
      id = existing.id;
      await m.update(OutcomeMappingEntity, { id }, { status: input.status, note: input.note ?? null, updatedBy: actor.subject });
    } else {
      const r = await m.insert(OutcomeMappingEntity, { ...where, status: input.status, note: input.note ?? null, createdBy: actor.subject, updatedBy: actor.subject });
      id = r.identifiers[0].id as string;
    }
    const row = await m.findOneOrFail(OutcomeMappingEntity, { where: { id } });
    await this.audit.record(m, actor, {
      action: existing ? 'outcome-mapping.update' : 'outcome-mapping.create',
      entityType: 'outcome-mapping',
      entityId: id,
      before: existing ? { status: existing.status, note: existing.note } : null,
      after: { ...where, status: row.status, note: row.note },
    });
    return row;
  }

  async deleteMapping(actor: Actor, id: string): Promise<boolean> {
    assertUuid(id, 'id');
    return this.dataSource.transaction(async (m) => {
      const existing = await m.findOne(OutcomeMappingEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!existing) throw AppError.notFound('outcome mapping', id);
      const reference = await this.qualifications.get(existing.referenceQualificationId);
      assertExpert(actor, reference.jurisdictionCode, 'map outcomes');
      await m.delete(OutcomeMappingEntity, { id });
      await this.audit.record(m, actor, { action: 'outcome-mapping.delete', entityType: 'outcome-mapping', entityId: id, before: existing, after: null });
      return true;
    });
  }
}

/** The ESCO tables hold nothing: alignment runs on the lexicon alone. */
const EMPTY_TABLES = 'empty';
/** Mappings one review may confirm or reject. */
const MAX_REVIEW = 200;

/** The pair a mapping is about, as its advisory lock names it (same form as before the review existed). */
function mappingLockKey(i: MappingInput): string {
  return [i.holderQualificationId, i.holderOutcome.unitKey, i.holderOutcome.outcomeKey, i.referenceQualificationId, i.referenceOutcome.unitKey, i.referenceOutcome.outcomeKey].join('|');
}
