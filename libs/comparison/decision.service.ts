import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { Brackets, DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../platform/audit/audit.service';
import { Actor, jurisdictionInScope } from '../platform/auth/actor';
import { AppError, FieldProblem } from '../platform/errors/app-error';
import { assertExpert, assertUuid, ComparisonService } from './comparison.service';
import type { Verdict } from './domain/types';
import { DecisionStatus, DECISION_STATUSES, ExpertDecisionEntity } from './persistence/entities';

const VERDICTS = ['FULL', 'PARTIAL', 'NONE'];

export interface DecisionInput {
  verdict: string;
  rationale: string;
  compensation?: string[] | null;
}

export interface DecisionFilter {
  holderId?: string | null;
  referenceId?: string | null;
  status?: string | null;
  seriesId?: string | null;
  includeSuperseded?: boolean | null;
}

/** Decisions anyone may read: what was published, including the versions later revisions superseded. */
export const PUBLIC_DECISION_STATUSES = ['PUBLISHED', 'SUPERSEDED'];

function mayRead(actor: Actor | null, d: ExpertDecisionEntity): boolean {
  if (PUBLIC_DECISION_STATUSES.includes(d.status)) return true;
  if (actor?.role === 'admin') return true;
  return actor?.role === 'expert' && jurisdictionInScope(actor.jurisdictions, d.destinationJurisdiction);
}

export function encodeDecisionCursor(d: ExpertDecisionEntity): string {
  return Buffer.from(`${d.createdAt.toISOString()}|${d.id}`).toString('base64url');
}

function decodeDecisionCursor(cursor: string): { at: string; id: string } | null {
  const [at, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  return at && id && !Number.isNaN(Date.parse(at)) && /^[0-9a-f-]{36}$/i.test(id) ? { at, id } : null;
}

/** Expert decisions: draft → approved (by a second expert of the destination) → published; revisions supersede. */
@Injectable()
export class DecisionService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly comparisons: ComparisonService,
    private readonly audit: AuditService,
  ) {}

  async create(actor: Actor, reportId: string, input: DecisionInput): Promise<ExpertDecisionEntity> {
    assertUuid(reportId, 'reportId');
    validate(input, 'input');
    const stored = await this.comparisons.comparison(reportId, 'reportId');
    const destination = stored.report.reference.jurisdiction;
    assertExpert(actor, destination, 'write decisions');
    return this.dataSource.transaction(async (m) => {
      const row = await this.insert(m, {
        seriesId: randomUUID(),
        version: 1,
        reportId,
        holderQualificationId: stored.holderQualificationId,
        referenceQualificationId: stored.referenceQualificationId,
        destinationJurisdiction: destination,
        verdict: input.verdict,
        rationale: input.rationale.trim(),
        compensation: input.compensation ?? [],
        status: 'DRAFT',
        author: actor.subject,
        supersedesId: null,
      });
      await this.audit.record(m, actor, { action: 'decision.create', entityType: 'decision', entityId: row.id, before: null, after: row });
      return row;
    });
  }

  /** A new draft version of a published decision; the published one stays in force until the new one is published. */
  async revise(actor: Actor, id: string, input: DecisionInput, reportId?: string | null): Promise<ExpertDecisionEntity> {
    assertUuid(id, 'id');
    validate(input, 'input');
    if (reportId) assertUuid(reportId, 'reportId');
    const report = reportId ? await this.comparisons.comparison(reportId, 'reportId') : null;
    return this.dataSource.transaction(async (m) => {
      const current = await this.lock(m, id);
      assertExpert(actor, current.destinationJurisdiction, 'write decisions');
      if (current.status !== 'PUBLISHED') throw AppError.conflict('id', `only a published decision can be revised; this one is ${current.status}`);
      if (report && (report.holderQualificationId !== current.holderQualificationId || report.referenceQualificationId !== current.referenceQualificationId)) {
        throw AppError.badInput([{ field: 'reportId', message: 'must compare the same two qualifications as the decision' }]);
      }
      await m.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`decision:${current.seriesId}`]);
      const open = await m.findOne(ExpertDecisionEntity, { where: [{ seriesId: current.seriesId, status: 'DRAFT' }, { seriesId: current.seriesId, status: 'APPROVED' }] });
      if (open) throw AppError.conflict('id', `version ${open.version} of this decision is still ${open.status}`);
      const latest = await m.findOneOrFail(ExpertDecisionEntity, { where: { seriesId: current.seriesId }, order: { version: 'DESC' } });
      const row = await this.insert(m, {
        seriesId: current.seriesId,
        version: latest.version + 1,
        reportId: reportId ?? current.reportId,
        holderQualificationId: current.holderQualificationId,
        referenceQualificationId: current.referenceQualificationId,
        destinationJurisdiction: current.destinationJurisdiction,
        verdict: input.verdict,
        rationale: input.rationale.trim(),
        compensation: input.compensation ?? [],
        status: 'DRAFT',
        author: actor.subject,
        supersedesId: current.id,
      });
      await this.audit.record(m, actor, { action: 'decision.revise', entityType: 'decision', entityId: row.id, before: { id: current.id, version: current.version }, after: row });
      return row;
    });
  }

  async approve(actor: Actor, id: string): Promise<ExpertDecisionEntity> {
    assertUuid(id, 'id');
    if (actor.role !== 'expert') throw AppError.forbidden(`approval needs a second expert; role "${actor.role}" may not approve`);
    return this.dataSource.transaction(async (m) => {
      const d = await this.lock(m, id);
      assertExpert(actor, d.destinationJurisdiction, 'approve decisions');
      if (d.author === actor.subject) throw AppError.forbidden('the author of a decision may not approve it; a second expert must');
      if (d.status !== 'DRAFT') throw AppError.conflict('id', `only a draft can be approved; this decision is ${d.status}`);
      const at = new Date();
      await m.update(ExpertDecisionEntity, { id }, { status: 'APPROVED', approvedBy: actor.subject, approvedAt: at });
      await this.audit.record(m, actor, { action: 'decision.approve', entityType: 'decision', entityId: id, before: { status: d.status }, after: { status: 'APPROVED', approvedBy: actor.subject } });
      return m.findOneOrFail(ExpertDecisionEntity, { where: { id } });
    });
  }

  /** Publishes an approved decision; the version it revises becomes SUPERSEDED and stays readable. */
  async publish(actor: Actor, id: string): Promise<ExpertDecisionEntity> {
    assertUuid(id, 'id');
    return this.dataSource.transaction(async (m) => {
      const d = await this.lock(m, id);
      assertExpert(actor, d.destinationJurisdiction, 'publish decisions');
      if (d.status !== 'APPROVED') throw AppError.conflict('id', `only an approved decision can be published; this one is ${d.status}`);
      const at = new Date();
      const previous = await m.findOne(ExpertDecisionEntity, { where: { seriesId: d.seriesId, status: 'PUBLISHED' }, lock: { mode: 'pessimistic_write' } });
      if (previous) {
        await m.update(ExpertDecisionEntity, { id: previous.id }, { status: 'SUPERSEDED', supersededById: id });
        await this.audit.record(m, actor, { action: 'decision.supersede', entityType: 'decision', entityId: previous.id, before: { status: 'PUBLISHED' }, after: { status: 'SUPERSEDED', supersededById: id } });
      }
      await m.update(ExpertDecisionEntity, { id }, { status: 'PUBLISHED', publishedAt: at });
      await this.audit.record(m, actor, { action: 'decision.publish', entityType: 'decision', entityId: id, before: { status: d.status }, after: { status: 'PUBLISHED' } });
      return m.findOneOrFail(ExpertDecisionEntity, { where: { id } });
    });
  }

  /** A decision; drafts and approved-but-unpublished ones only for admins and experts of their destination. */
  async get(id: string, actor: Actor | null = null): Promise<ExpertDecisionEntity> {
    assertUuid(id, 'id');
    const d = await this.dataSource.manager.findOne(ExpertDecisionEntity, { where: { id } });
    if (!d || !mayRead(actor, d)) throw AppError.notFound('decision', id);
    return d;
  }

  async list(filter: DecisionFilter, first: number, after?: string | null, actor: Actor | null = null): Promise<{ items: ExpertDecisionEntity[]; totalCount: number; hasNextPage: boolean }> {
    if (!Number.isInteger(first) || first < 0 || first > 100) throw AppError.badInput([{ field: 'first', message: 'must be an integer between 0 and 100' }]);
    if (filter.holderId) assertUuid(filter.holderId, 'filter.holderId');
    if (filter.referenceId) assertUuid(filter.referenceId, 'filter.referenceId');
    if (filter.seriesId) assertUuid(filter.seriesId, 'filter.seriesId');
    if (filter.status && !(DECISION_STATUSES as readonly string[]).includes(filter.status)) {
      throw AppError.badInput([{ field: 'filter.status', message: `must be one of ${DECISION_STATUSES.join(', ')}` }]);
    }
    const qb = this.dataSource.getRepository(ExpertDecisionEntity).createQueryBuilder('d');
    if (filter.holderId) qb.andWhere('d.holder_qualification_id = :h', { h: filter.holderId });
    if (filter.referenceId) qb.andWhere('d.reference_qualification_id = :r', { r: filter.referenceId });
    if (filter.seriesId) qb.andWhere('d.series_id = :s', { s: filter.seriesId });
    if (filter.status) qb.andWhere('d.status = :st', { st: filter.status });
    else if (!filter.includeSuperseded) qb.andWhere("d.status <> 'SUPERSEDED'");
    if (actor?.role !== 'admin') {
      // Everyone reads published history; unpublished versions only experts of the destination.
      const scopes = actor?.role === 'expert' ? actor.jurisdictions : [];
      qb.andWhere(
        new Brackets((w) => {
          w.where('d.status IN (:...pub)', { pub: PUBLIC_DECISION_STATUSES });
          if (scopes.length) w.orWhere("(d.destination_jurisdiction = ANY(:scopes) OR split_part(d.destination_jurisdiction, '-', 1) = ANY(:scopes))", { scopes });
        }),
      );
    }
    const totalCount = await qb.getCount();
    if (after) {
      const c = decodeDecisionCursor(after);
      if (!c) throw AppError.badInput([{ field: 'after', message: 'is not a cursor returned by this API' }]);
      qb.andWhere('(d.created_at, d.id) < (:at, :id)', { at: c.at, id: c.id });
    }
    const rows = await qb.orderBy('d.created_at', 'DESC').addOrderBy('d.id', 'DESC').take(first + 1).getMany();
    return { items: rows.slice(0, first), totalCount, hasNextPage: rows.length > first };
  }

  private async lock(m: EntityManager, id: string): Promise<ExpertDecisionEntity> {
    const d = await m.findOne(ExpertDecisionEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!d) throw AppError.notFound('decision', id);
    return d;
  }

  private async insert(m: EntityManager, values: Omit<ExpertDecisionEntity, 'id' | 'createdAt' | 'updatedAt' | 'approvedBy' | 'approvedAt' | 'publishedAt' | 'supersededById'>): Promise<ExpertDecisionEntity> {
    const r = await m.insert(ExpertDecisionEntity, values);
    return m.findOneOrFail(ExpertDecisionEntity, { where: { id: r.identifiers[0].id as string } });
  }
}

function validate(input: DecisionInput, root: string): asserts input is DecisionInput & { verdict: Verdict } {
  const problems: FieldProblem[] = [];
  if (!VERDICTS.includes(input.verdict)) problems.push({ field: `${root}.verdict`, message: 'must be FULL, PARTIAL or NONE' });
  if (!input.rationale?.trim()) problems.push({ field: `${root}.rationale`, message: 'must not be empty' });
  else if (input.rationale.length > 20_000) problems.push({ field: `${root}.rationale`, message: 'must be at most 20000 characters' });
  const comp = input.compensation ?? [];
  if (comp.length > 50) problems.push({ field: `${root}.compensation`, message: 'must have at most 50 entries' });
  comp.forEach((c, i) => {
    if (!c.trim() || c.length > 2000) problems.push({ field: `${root}.compensation[${i}]`, message: 'must be 1 to 2000 characters' });
  });
  if (problems.length) throw AppError.badInput(problems);
}

export type { DecisionStatus };
