import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { contentHash } from '../../catalogue/domain/qualification-text';
import { assertUuid } from '../../comparison/comparison.service';
import { AuditService } from '../../platform/audit/audit.service';
import type { Actor } from '../../platform/auth/actor';
import { AppError, type FieldProblem } from '../../platform/errors/app-error';
import { parseOrThrow } from '../../platform/errors/zod-problems';
import { DescriptionRepository, type DescriptionRow } from './description.repository';
import { BinationalDescriptionSchema, countryOf, type BinationalDescription } from './domain/description.schema';
import { approvalFor, covers, DESCRIPTION_STATUSES, pendingCountries, sidesInScope, type CoverQuery, type DescriptionStatus } from './domain/lifecycle';

/** Published and superseded versions are public; a draft only for admins and experts of one of its sides. */
export function mayReadDescription(actor: Actor | null, r: Pick<DescriptionRow, 'status' | 'document'>): boolean {
  if (r.status !== 'DRAFT' || actor?.role === 'admin') return true;
  return actor?.role === 'expert' && sidesInScope(actor, r.document).length > 0;
}

/** Authorised binational descriptions: draft → approved by an expert of each country (never the author) → published → superseded. */
@Injectable()
export class DescriptionService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly repo: DescriptionRepository,
    private readonly audit: AuditService,
  ) {}

  async list(filter: { key?: string | null; status?: string | null }, actor: Actor | null): Promise<DescriptionRow[]> {
    if (filter.status && !(DESCRIPTION_STATUSES as readonly string[]).includes(filter.status)) {
      throw AppError.badInput([{ field: 'status', message: `must be one of ${DESCRIPTION_STATUSES.join(', ')}` }]);
    }
    return (await this.repo.list({ key: filter.key, status: filter.status as DescriptionStatus | null })).filter((r) => mayReadDescription(actor, r));
  }

  async get(id: string, actor: Actor | null): Promise<DescriptionRow> {
    assertUuid(id, 'id');
    const r = await this.repo.get(id);
    if (!r || !mayReadDescription(actor, r)) throw AppError.notFound('binational description', id);
    return r;
  }

  /** A new draft: version 1 of a new key or the next version of a published one. One open draft per key. */
  async draft(actor: Actor, document: unknown): Promise<DescriptionRow> {
    const d = parseOrThrow(BinationalDescriptionSchema, document, 'document');
    if (actor.role !== 'admin') {
      if (actor.role !== 'expert') throw AppError.forbidden(`role "${actor.role}" may not draft binational descriptions`);
      if (!sidesInScope(actor, d).length) throw AppError.forbidden(`an expert for ${actor.jurisdictions.join(', ') || 'no jurisdiction'} may not draft a description of ${d.sides.map((s) => s.jurisdiction).join(' and ')}`);
    }
    await this.assertKnown(d);
    return this.dataSource.transaction(async (m) => {
      await m.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`binational_description:${d.key}`]);
      const open = (await this.repo.list({ key: d.key, status: 'DRAFT' }, m))[0];
      if (open) throw AppError.conflict('document.key', `version ${open.version} of description "${d.key}" is still a draft`);
      const latest = await this.repo.latestVersion(m, d.key);
      const row = await this.repo.insert(m, { document: d, version: latest + 1, hash: contentHash(d), author: actor.subject });
      await this.audit.record(m, actor, {
        action: 'binational-description.draft',
        entityType: 'binational-description',
        entityId: row.id,
        before: null,
        after: { key: row.key, version: row.version, status: row.status, document: d },
      });
      return row;
    });
  }

  /** One expert's approval for their country; when every country has approved, the draft is published. */
  async approve(actor: Actor, id: string): Promise<DescriptionRow> {
    assertUuid(id, 'id');
    return this.dataSource.transaction(async (m) => {
      const r = await this.repo.get(id, m, true);
      if (!r || !mayReadDescription(actor, r)) throw AppError.notFound('binational description', id);
      if (r.status !== 'DRAFT') throw AppError.conflict('id', `only a draft can be approved; this description is ${r.status}`);
      const check = approvalFor(actor, r.document, r.author, r.approvals);
      if (!check.ok) throw check.code === 'FORBIDDEN' ? AppError.forbidden(check.reason) : AppError.conflict('id', check.reason);
      await this.repo.addApproval(m, id, { approver: actor.subject, country: check.country });
      const approvals = [...r.approvals, { approver: actor.subject, country: check.country }];
      const pending = pendingCountries(r.document, approvals);
      await this.audit.record(m, actor, { action: 'binational-description.approve', entityType: 'binational-description', entityId: id, before: { status: r.status, approvals: r.approvals }, after: { country: check.country, pending } });
      if (!pending.length) {
        const superseded = await this.repo.publish(m, id, r.key);
        await this.audit.record(m, actor, { action: 'binational-description.publish', entityType: 'binational-description', entityId: id, before: { status: 'DRAFT' }, after: { status: 'PUBLISHED', approvals, supersedes: superseded } });
        if (superseded) await this.audit.record(m, actor, { action: 'binational-description.supersede', entityType: 'binational-description', entityId: superseded, before: { status: 'PUBLISHED' }, after: { status: 'SUPERSEDED', supersededBy: id } });
      }
      return (await this.repo.get(id, m))!;
    });
  }

  /** Published descriptions covering a qualification going to a destination (what the route advisor cites). */
  async publishedCovering(q: CoverQuery): Promise<DescriptionRow[]> {
    return (await this.repo.list({ status: 'PUBLISHED' })).filter((r) => covers(r.document, q));
  }

  private async assertKnown(d: BinationalDescription): Promise<void> {
    const [jurisdictions, qualifications, professions] = await Promise.all([
      this.repo.existing('jurisdiction', 'code', d.sides.map((s) => s.jurisdiction)),
      this.repo.qualificationJurisdictions(d.sides.flatMap((s) => s.qualificationKeys)),
      this.repo.existing('profession', 'key', d.sides.flatMap((s) => s.professions)),
    ]);
    const problems: FieldProblem[] = [];
    d.sides.forEach((s, i) => {
      if (!jurisdictions.has(s.jurisdiction)) problems.push({ field: `document.sides[${i}].jurisdiction`, message: `unknown jurisdiction "${s.jurisdiction}"` });
      s.qualificationKeys.forEach((k, j) => {
        const at = qualifications.get(k);
        if (!at) problems.push({ field: `document.sides[${i}].qualificationKeys[${j}]`, message: `unknown qualification "${k}"` });
        else if (countryOf(at) !== countryOf(s.jurisdiction)) problems.push({ field: `document.sides[${i}].qualificationKeys[${j}]`, message: `"${k}" is a qualification of ${at}, not of this side's country` });
      });
      s.professions.forEach((k, j) => {
        if (!professions.has(k)) problems.push({ field: `document.sides[${i}].professions[${j}]`, message: `unknown profession "${k}"` });
      });
    });
    if (problems.length) throw AppError.badInput(problems);
  }
}
