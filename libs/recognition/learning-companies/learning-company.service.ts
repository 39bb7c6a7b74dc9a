import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { contentHash } from '../../catalogue/domain/qualification-text';
import { AuditService } from '../../platform/audit/audit.service';
import type { Actor } from '../../platform/auth/actor';
import { AppError, type FieldProblem } from '../../platform/errors/app-error';
import { parseOrThrow } from '../../platform/errors/zod-problems';
import { editRefusal, hostRecognition, recognitionJurisdictions, type HostQuery, type HostRecognition } from './domain/host-recognition';
import { COMPANY_KEY, LearningCompanySchema, type LearningCompany } from './domain/learning-company.schema';
import { LearningCompanyRepository, type LearningCompanyRow } from './learning-company.repository';

const JURISDICTION = /^[A-Z]{2}(-[A-Z]{2,3})?$/;

/** The registry of companies recognised to host learners, per jurisdiction, body and programme. Public to read. */
@Injectable()
export class LearningCompanyService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly repo: LearningCompanyRepository,
    private readonly audit: AuditService,
  ) {}

  async list(filter: { jurisdiction?: string | null; programme?: string | null; qualificationKey?: string | null }): Promise<LearningCompanyRow[]> {
    if (filter.jurisdiction && !JURISDICTION.test(filter.jurisdiction)) throw AppError.badInput([{ field: 'jurisdiction', message: 'must be a jurisdiction code such as NL or DE-NW' }]);
    return this.repo.list(filter);
  }

  async get(key: string): Promise<LearningCompanyRow> {
    if (!COMPANY_KEY.test(key)) throw AppError.badInput([{ field: 'key', message: 'must be a learning-company key' }]);
    const row = await this.repo.byKey(key);
    if (!row) throw AppError.notFound('learning company', key);
    return row;
  }

  /** The company by key, or null (for issuance and verification). */
  async find(key: string): Promise<LearningCompany | null> {
    return COMPANY_KEY.test(key) ? ((await this.repo.byKey(key))?.document ?? null) : null;
  }

  /** Whether the company was recognised to host an activity; null when the registry does not know it. */
  async hostRecognition(key: string, q: HostQuery): Promise<(HostRecognition & { company: LearningCompany }) | null> {
    const company = await this.find(key);
    return company ? { ...hostRecognition(company, q), company } : null;
  }

  /** Creates or replaces a company entry; experts change only what bodies of their jurisdictions decided (audited). */
  async upsert(actor: Actor, document: unknown): Promise<LearningCompanyRow> {
    const c = parseOrThrow(LearningCompanySchema, document, 'document');
    if (actor.role !== 'expert' && actor.role !== 'admin') throw AppError.forbidden(`role "${actor.role}" may not maintain the learning-company registry`);
    return this.dataSource.transaction(async (m) => {
      await this.assertKnown(c, m);
      const before = await this.repo.byKey(c.key, m, true);
      const refusal = editRefusal(actor, before?.document ?? null, c);
      if (refusal) throw AppError.forbidden(refusal);
      const hash = contentHash(c);
      if (before?.content_hash === hash) return before;
      const row = await this.repo.upsert(m, c, hash, actor.subject);
      await this.audit.record(m, actor, { action: before ? 'learning-company.update' : 'learning-company.create', entityType: 'learning-company', entityId: row.id, before: before?.document ?? null, after: c });
      return row;
    });
  }

  private async assertKnown(c: LearningCompany, m: Parameters<LearningCompanyRepository['existing']>[3]): Promise<void> {
    const jurisdictions = await this.repo.existing('jurisdiction', 'code', [c.jurisdiction, ...c.recognitions.flatMap(recognitionJurisdictions)], m);
    const qualifications = await this.repo.existing('qualification', 'key', c.recognitions.flatMap((r) => r.qualificationKeys), m);
    const problems: FieldProblem[] = [];
    if (!jurisdictions.has(c.jurisdiction)) problems.push({ field: 'document.jurisdiction', message: `unknown jurisdiction "${c.jurisdiction}"` });
    c.recognitions.forEach((r, i) => {
      if (!jurisdictions.has(r.recognisingBody.jurisdiction)) problems.push({ field: `document.recognitions[${i}].recognisingBody.jurisdiction`, message: `unknown jurisdiction "${r.recognisingBody.jurisdiction}"` });
      r.acceptedBy.forEach((a, j) => {
        if (!jurisdictions.has(a.body.jurisdiction)) problems.push({ field: `document.recognitions[${i}].acceptedBy[${j}].body.jurisdiction`, message: `unknown jurisdiction "${a.body.jurisdiction}"` });
      });
      r.qualificationKeys.forEach((k, j) => {
        if (!qualifications.has(k)) problems.push({ field: `document.recognitions[${i}].qualificationKeys[${j}]`, message: `unknown qualification "${k}"` });
      });
    });
    if (problems.length) throw AppError.badInput(problems);
  }
}
