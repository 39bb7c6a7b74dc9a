import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { BinationalDescription } from './domain/description.schema';
import type { Approval, DescriptionStatus } from './domain/lifecycle';

export interface DescriptionRow {
  id: string;
  key: string;
  version: number;
  status: DescriptionStatus;
  document: BinationalDescription;
  content_hash: string;
  author: string;
  published_at: Date | null;
  superseded_by: string | null;
  superseded_at: Date | null;
  created_at: Date;
  approvals: Array<Approval & { approved_at: string }>;
}

const COLUMNS = `d.id, d.key, d.version, d.status, d.document, d.content_hash, d.author, d.published_at, d.superseded_by, d.superseded_at, d.created_at,
  coalesce((SELECT json_agg(json_build_object('approver', a.approver, 'country', a.country, 'approved_at', a.approved_at) ORDER BY a.approved_at, a.approver)
     FROM binational_description_approval a WHERE a.description_id = d.id), '[]') AS approvals`;

/** Plain SQL over binational_description and its approvals. */
@Injectable()
export class DescriptionRepository {
  constructor(private readonly dataSource: DataSource) {}

  private m(m?: EntityManager): EntityManager {
    return m ?? this.dataSource.manager;
  }

  async list(filter: { key?: string | null; status?: DescriptionStatus | null } = {}, m?: EntityManager): Promise<DescriptionRow[]> {
    const where: string[] = [];
    const params: unknown[] = [];
    if (filter.key) where.push(`d.key = $${params.push(filter.key)}`);
    if (filter.status) where.push(`d.status = $${params.push(filter.status)}`);
    return this.m(m).query(`SELECT ${COLUMNS} FROM binational_description d ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY d.key, d.version DESC`, params);
  }

  async get(id: string, m?: EntityManager, lock = false): Promise<DescriptionRow | null> {
    if (lock) await this.m(m).query('SELECT 1 FROM binational_description WHERE id = $1 FOR UPDATE', [id]);
    const rows: DescriptionRow[] = await this.m(m).query(`SELECT ${COLUMNS} FROM binational_description d WHERE d.id = $1`, [id]);
    return rows[0] ?? null;
  }

  async latestVersion(m: EntityManager, key: string): Promise<number> {
    const rows: Array<{ v: number | null }> = await m.query('SELECT max(version) AS v FROM binational_description WHERE key = $1', [key]);
    return rows[0]?.v ?? 0;
  }

  async insert(m: EntityManager, v: { document: BinationalDescription; version: number; hash: string; author: string }): Promise<DescriptionRow> {
    const rows: Array<{ id: string }> = await m.query(
      `INSERT INTO binational_description (key, version, status, document, content_hash, author) VALUES ($1, $2, 'DRAFT', $3, $4, $5) RETURNING id`,
      [v.document.key, v.version, JSON.stringify(v.document), v.hash, v.author],
    );
    return (await this.get(rows[0].id, m))!;
  }

  async addApproval(m: EntityManager, id: string, a: Approval): Promise<void> {
    await m.query('INSERT INTO binational_description_approval (description_id, approver, country) VALUES ($1, $2, $3)', [id, a.approver, a.country]);
  }

  /** Publishes a draft; the version published before it (if any) is superseded by it. Returns the superseded id. */
  async publish(m: EntityManager, id: string, key: string): Promise<string | null> {
    const prev: Array<{ id: string }> = await m.query(`SELECT id FROM binational_description WHERE key = $1 AND status = 'PUBLISHED' FOR UPDATE`, [key]);
    if (prev[0]) await m.query(`UPDATE binational_description SET status = 'SUPERSEDED', superseded_by = $2, superseded_at = now(), updated_at = now() WHERE id = $1`, [prev[0].id, id]);
    await m.query(`UPDATE binational_description SET status = 'PUBLISHED', published_at = now(), updated_at = now() WHERE id = $1`, [id]);
    return prev[0]?.id ?? null;
  }

  /** Jurisdiction of each catalogue qualification among the keys. */
  async qualificationJurisdictions(keys: string[]): Promise<Map<string, string>> {
    if (!keys.length) return new Map();
    const rows: Array<{ key: string; j: string }> = await this.dataSource.query('SELECT key, jurisdiction_code AS j FROM qualification WHERE key = ANY($1)', [keys]);
    return new Map(rows.map((r) => [r.key, r.j]));
  }

  async existing(table: 'qualification' | 'profession' | 'jurisdiction', column: 'key' | 'code', values: string[]): Promise<Set<string>> {
    if (!values.length) return new Set();
    const rows: Array<{ v: string }> = await this.dataSource.query(`SELECT ${column} AS v FROM ${table} WHERE ${column} = ANY($1)`, [values]);
    return new Set(rows.map((r) => r.v));
  }
}
