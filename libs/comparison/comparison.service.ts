import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { z } from 'zod';
import type { QualificationFile } from '../catalogue/domain/qualification-file.schema';
import { QualificationService } from '../catalogue/qualification.service';
import { AuditService } from '../platform/audit/audit.service';
import { Actor, jurisdictionInScope } from '../platform/auth/actor';
import { AppError } from '../platform/errors/app-error';
import { parseOrThrow } from '../platform/errors/zod-problems';
import { compare } from './domain/compare';
import { ExperienceEvidenceSchema, OutcomeRefSchema } from './domain/inputs';
import { ComparisonPolicy, DEFAULT_POLICY_KEY, PolicyParamsSchema } from './domain/policy';
import type { ComparisonReport, ExperienceEvidence, OutcomeMapping, ReportLang } from './domain/types';
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
    opts: { policyId?: string | null; evidence?: unknown; lang?: ReportLang; store?: boolean },
  ): Promise<StoredComparison> {
    assertUuid(holderId, 'holderId');
    assertUuid(referenceId, 'referenceId');
    if (opts.policyId) assertUuid(opts.policyId, 'policyId');
    const evidence: ExperienceEvidence[] = parseOrThrow(z.array(ExperienceEvidenceSchema).max(50), opts.evidence ?? [], 'evidence');
    const holder = await this.loadFile(holderId, 'holderId');
    const reference = await this.loadFile(referenceId, 'referenceId');
    const policy = await this.policy(opts.policyId ?? null);
    const mappings = await this.mappingsFor(holderId, holder, referenceId, reference);
    const uris = [holder, reference].flatMap((f) => f.units.flatMap((u) => u.outcomes.flatMap((o) => o.escoSkills)));
    const skillLabels = await loadEscoSkillLabels(this.dataSource.manager, uris);
    const report = compare(holder, reference, policy, evidence, mappings, { lang: opts.lang ?? 'en', skillLabels });
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
    assertUuid(input.holderQualificationId, 'input.holderQualificationId');
    assertUuid(input.referenceQualificationId, 'input.referenceQualificationId');
    parseOrThrow(OutcomeRefSchema, input.holderOutcome, 'input.holderOutcome');
    parseOrThrow(OutcomeRefSchema, input.referenceOutcome, 'input.referenceOutcome');
    if (input.note && input.note.length > 4000) throw AppError.badInput([{ field: 'input.note', message: 'must be at most 4000 characters' }]);
    const holder = await this.loadFile(input.holderQualificationId, 'input.holderQualificationId');
    const reference = await this.loadFile(input.referenceQualificationId, 'input.referenceQualificationId');
    assertExpert(actor, reference.jurisdiction, 'map outcomes');
    const problems = [
      ...outcomeProblem(holder, input.holderOutcome, 'input.holderOutcome'),
      ...outcomeProblem(reference, input.referenceOutcome, 'input.referenceOutcome'),
    ];
    if (problems.length) throw AppError.badInput(problems);
    return this.dataSource.transaction(async (m) => {
      const where = {
        holderQualificationId: input.holderQualificationId,
        holderUnitKey: input.holderOutcome.unitKey,
        holderOutcomeKey: input.holderOutcome.outcomeKey,
        referenceQualificationId: input.referenceQualificationId,
        referenceUnitKey: input.referenceOutcome.unitKey,
        referenceOutcomeKey: input.referenceOutcome.outcomeKey,
      };
      await m.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`outcome_mapping:${Object.values(where).join('|')}`]);
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
    });
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

function outcomeProblem(file: QualificationFile, ref: { unitKey: string; outcomeKey: string }, field: string) {
  const unit = file.units.find((u) => u.key === ref.unitKey);
  if (!unit) return [{ field: `${field}.unitKey`, message: `qualification "${file.key}" has no unit "${ref.unitKey}"` }];
  if (!unit.outcomes.some((o) => o.key === ref.outcomeKey)) {
    return [{ field: `${field}.outcomeKey`, message: `unit "${ref.unitKey}" has no outcome "${ref.outcomeKey}"` }];
  }
  return [];
}
