import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { LearningCompany } from './domain/learning-company.schema';

export interface LearningCompanyRow {
  id: string;
  key: string;
  name: string;
  jurisdiction_code: string;
  document: LearningCompany;
  content_hash: string;
  created_by: string;
  updated_by: string;
  created_at: Date;
  updated_at: Date;
}

/** Plain SQL over learning_company. */
@Injectable()
export class LearningCompanyRepository {
  constructor(private readonly dataSource: DataSource) {}

  async list(filter: { jurisdiction?: string | null; programme?: string | null; qualificationKey?: string | null }): Promise<LearningCompanyRow[]> {
    const where: string[] = [];
    const params: unknown[] = [];
    if (filter.jurisdiction) where.push(`(jurisdiction_code = $${params.push(filter.jurisdiction)} OR jurisdiction_code LIKE $${params.length} || '-%')`);
    if (filter.programme) where.push(`document @> jsonb_build_object('recognitions', jsonb_build_array(jsonb_build_object('programmes', jsonb_build_array($${params.push(filter.programme)}::text))))`);
    if (filter.qualificationKey) where.push(`document @> jsonb_build_object('recognitions', jsonb_build_array(jsonb_build_object('qualificationKeys', jsonb_build_array($${params.push(filter.qualificationKey)}::text))))`);
    return this.dataSource.query(`SELECT * FROM learning_company ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY jurisdiction_code, name, key`, params);
  }

  async byKey(key: string, m?: EntityManager, lock = false): Promise<LearningCompanyRow | null> {
    const rows: LearningCompanyRow[] = await (m ?? this.dataSource.manager).query(`SELECT * FROM learning_company WHERE key = $1 ${lock ? 'FOR UPDATE' : ''}`, [key]);
    return rows[0] ?? null;
  }

  async upsert(m: EntityManager, c: LearningCompany, hash: string, by: string): Promise<LearningCompanyRow> {
    await m.query(
      `INSERT INTO learning_company (key, name, jurisdiction_code, document, content_hash, created_by, updated_by) VALUES ($1, $2, $3, $4, $5, $6, $6)
       ON CONFLICT (key) DO UPDATE SET name = EXCLUDED.name, jurisdiction_code = EXCLUDED.jurisdiction_code, document = EXCLUDED.document,
         content_hash = EXCLUDED.content_hash, updated_by = EXCLUDED.updated_by, updated_at = now()`,
      [c.key, c.name, c.jurisdiction, JSON.stringify(c), hash, by],
    );
    return (await this.byKey(c.key, m))!;
  }

  async existing(table: 'jurisdiction' | 'qualification', column: 'code' | 'key', values: string[], m: EntityManager): Promise<Set<string>> {
    if (!values.length) return new Set();
    const rows: Array<{ v: string }> = await m.query(`SELECT ${column} AS v FROM ${table} WHERE ${column} = ANY($1)`, [values]);
    return new Set(rows.map((r) => r.v));
  }
}
