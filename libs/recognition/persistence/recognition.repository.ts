import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { StoredRule, RuleStatus } from '../domain/rules';
import type { Verdict } from '../domain/citations';
import type { RecognitionRule, RegulatedProfession } from '../domain/schemas';

export interface RuleRow {
  id: string;
  key: string;
  version: number;
  status: RuleStatus;
  effect: string;
  document: RecognitionRule;
  content_hash: string;
  retired_on: string | null;
  author: string;
  approved_by: string | null;
  approved_at: Date | null;
  retired_by: string | null;
  retired_at: Date | null;
  created_at: Date;
  updated_at: Date;
}

export interface RegistryRow {
  id: string;
  profession_key: string;
  jurisdiction_code: string;
  regime: string;
  document: RegulatedProfession;
  content_hash: string;
  created_by: string;
  updated_by: string;
  created_at: Date;
  updated_at: Date;
}

/** A published expert decision on a holder's qualification, with its reference qualification. */
export interface PublishedDecisionRow {
  id: string;
  verdict: Verdict;
  rationale: string;
  compensation: string[];
  destination_jurisdiction: string;
  published_at: Date;
  reference_id: string;
  reference_key: string;
  reference_title: Record<string, string>;
  reference_professions: string[];
  holder_title: Record<string, string>;
}

// Dates as text: a `date` column must never shift with the server's time zone.
const RULE_COLUMNS = `id, key, version, status, effect, document, content_hash, retired_on::text AS retired_on, author, approved_by, approved_at,
  retired_by, retired_at, created_at, updated_at`;

export const toStoredRule = (r: RuleRow): StoredRule => ({ id: r.id, key: r.key, version: r.version, status: r.status, retiredOn: r.retired_on, document: r.document });

/** Plain SQL over recognition_rule and regulated_profession. */
@Injectable()
export class RecognitionRepository {
  constructor(private readonly dataSource: DataSource) {}

  private m(m?: EntityManager): EntityManager {
    return m ?? this.dataSource.manager;
  }

  async rules(filter: { key?: string | null; status?: RuleStatus | null } = {}, m?: EntityManager): Promise<RuleRow[]> {
    const where: string[] = [];
    const params: unknown[] = [];
    if (filter.key) where.push(`key = $${params.push(filter.key)}`);
    if (filter.status) where.push(`status = $${params.push(filter.status)}`);
    return this.m(m).query(`SELECT ${RULE_COLUMNS} FROM recognition_rule ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY key, version DESC`, params);
  }

  /** Every version that may apply (approved or retired); drafts never do. */
  async applicableRules(): Promise<StoredRule[]> {
    const rows: RuleRow[] = await this.dataSource.query(`SELECT ${RULE_COLUMNS} FROM recognition_rule WHERE status <> 'DRAFT' ORDER BY key, version`);
    return rows.map(toStoredRule);
  }

  async rule(id: string, m?: EntityManager, lock = false): Promise<RuleRow | null> {
    const rows: RuleRow[] = await this.m(m).query(`SELECT ${RULE_COLUMNS} FROM recognition_rule WHERE id = $1 ${lock ? 'FOR UPDATE' : ''}`, [id]);
    return rows[0] ?? null;
  }

  async latestVersion(m: EntityManager, key: string): Promise<RuleRow | null> {
    const rows: RuleRow[] = await m.query(`SELECT ${RULE_COLUMNS} FROM recognition_rule WHERE key = $1 ORDER BY version DESC LIMIT 1`, [key]);
    return rows[0] ?? null;
  }

  async insertRule(m: EntityManager, v: { key: string; version: number; status: RuleStatus; document: RecognitionRule; hash: string; author: string; approvedBy?: string | null }): Promise<RuleRow> {
    const rows: Array<{ id: string }> = await m.query(
      `INSERT INTO recognition_rule (key, version, status, effect, document, content_hash, valid_from, valid_until, author, approved_by, approved_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, CASE WHEN $10::text IS NULL THEN NULL ELSE now() END) RETURNING id`,
      [v.key, v.version, v.status, v.document.effect, JSON.stringify(v.document), v.hash, v.document.validFrom ?? null, v.document.validUntil ?? null, v.author, v.approvedBy ?? null],
    );
    return (await this.rule(rows[0].id, m))!;
  }

  async approve(m: EntityManager, id: string, by: string): Promise<RuleRow> {
    await m.query(`UPDATE recognition_rule SET status = 'APPROVED', approved_by = $2, approved_at = now(), updated_at = now() WHERE id = $1`, [id, by]);
    return (await this.rule(id, m))!;
  }

  async retire(m: EntityManager, id: string, by: string, on: string): Promise<RuleRow> {
    await m.query(`UPDATE recognition_rule SET status = 'RETIRED', retired_by = $2, retired_on = $3, retired_at = now(), updated_at = now() WHERE id = $1`, [id, by, on]);
    return (await this.rule(id, m))!;
  }

  async registry(filter: { profession?: string | null; jurisdiction?: string | null } = {}, m?: EntityManager): Promise<RegistryRow[]> {
    const where: string[] = [];
    const params: unknown[] = [];
    if (filter.profession) where.push(`profession_key = $${params.push(filter.profession)}`);
    if (filter.jurisdiction) where.push(`jurisdiction_code = $${params.push(filter.jurisdiction)}`);
    return this.m(m).query(`SELECT * FROM regulated_profession ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY profession_key, jurisdiction_code`, params);
  }

  async registryEntry(m: EntityManager, profession: string, jurisdiction: string, lock = false): Promise<RegistryRow | null> {
    const rows: RegistryRow[] = await m.query(`SELECT * FROM regulated_profession WHERE profession_key = $1 AND jurisdiction_code = $2 ${lock ? 'FOR UPDATE' : ''}`, [profession, jurisdiction]);
    return rows[0] ?? null;
  }

  async upsertRegistry(m: EntityManager, e: RegulatedProfession, hash: string, by: string): Promise<RegistryRow> {
    await m.query(
      `INSERT INTO regulated_profession (profession_key, jurisdiction_code, regime, document, content_hash, created_by, updated_by)
       VALUES ($1, $2, $3, $4, $5, $6, $6)
       ON CONFLICT (profession_key, jurisdiction_code) DO UPDATE SET regime = EXCLUDED.regime, document = EXCLUDED.document,
         content_hash = EXCLUDED.content_hash, updated_by = EXCLUDED.updated_by, updated_at = now()`,
      [e.profession, e.jurisdiction, e.regime, JSON.stringify(e), hash, by],
    );
    return (await this.registryEntry(m, e.profession, e.jurisdiction))!;
  }

  async exists(m: EntityManager, table: 'profession' | 'jurisdiction' | 'qualification', column: string, value: string): Promise<boolean> {
    const rows = await m.query(`SELECT 1 FROM ${table} WHERE ${column} = $1`, [value]);
    return rows.length > 0;
  }

  /** The destination's reference qualification for a profession: by key, else the catalogue's qualification for that profession in the destination or its state. */
  async referenceQualification(profession: string, destination: string, key?: string | null): Promise<{ id: string; key: string; title: Record<string, string> } | null> {
    if (key) {
      const rows = await this.dataSource.query(`SELECT id, key, title FROM qualification WHERE key = $1 AND retired_at IS NULL`, [key]);
      if (rows[0]) return rows[0];
    }
    const rows = await this.dataSource.query(
      `SELECT q.id, q.key, q.title FROM qualification q JOIN qualification_profession p ON p.qualification_id = q.id
        WHERE p.profession_key = $1 AND q.retired_at IS NULL AND ($2 = q.jurisdiction_code OR $2 LIKE q.jurisdiction_code || '-%')
        ORDER BY length(q.jurisdiction_code) DESC, q.key LIMIT 1`,
      [profession, destination],
    );
    return rows[0] ?? null;
  }

  /** Every published (not superseded) expert decision on the holder's qualification, with the reference's key, title and professions. */
  async publishedDecisions(holderId: string): Promise<PublishedDecisionRow[]> {
    return this.dataSource.query(
      `SELECT d.id, d.verdict, d.rationale, d.compensation, d.destination_jurisdiction, d.published_at,
              r.id AS reference_id, r.key AS reference_key, r.title AS reference_title, h.title AS holder_title,
              coalesce((SELECT array_agg(p.profession_key ORDER BY p.profession_key) FROM qualification_profession p WHERE p.qualification_id = r.id), '{}') AS reference_professions
         FROM expert_decision d
         JOIN qualification r ON r.id = d.reference_qualification_id
         JOIN qualification h ON h.id = d.holder_qualification_id
        WHERE d.holder_qualification_id = $1 AND d.status = 'PUBLISHED' AND d.published_at IS NOT NULL
        ORDER BY d.published_at DESC, d.id`,
      [holderId],
    );
  }
}
