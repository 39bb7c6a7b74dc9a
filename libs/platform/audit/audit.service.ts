import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { Actor } from '../auth/actor';
import { AuditEntryEntity } from './audit-entry.entity';

/**
 * Who an audit entry names: an authenticated caller, or a wallet acting through a protocol (OpenID4VCI/VP), which
 * holds no account and no role; it is named by the offer or presentation request it used.
 */
export type AuditedParty = Actor | WalletParty;

export interface WalletParty {
  subject: `wallet:${string}`;
  role: 'wallet';
}

export const walletParty = (on: string): WalletParty => ({ subject: `wallet:${on}`, role: 'wallet' });

export interface AuditRecord {
  action: string;
  entityType: string;
  entityId: string;
  before: unknown;
  after: unknown;
}

export interface AuditQuery {
  entityType?: string;
  entityId?: string;
  first: number;
  afterId?: string;
}

@Injectable()
export class AuditService {
  constructor(private readonly dataSource: DataSource) {}

  /** Writes inside the caller's transaction, so the change and its audit entry commit together. */
  async record(manager: EntityManager, actor: AuditedParty, rec: AuditRecord): Promise<void> {
    await this.recordMany(manager, actor, [rec]);
  }

  /** Several entries in one statement, inside the caller's transaction. */
  async recordMany(manager: EntityManager, actor: AuditedParty, recs: readonly AuditRecord[]): Promise<void> {
    if (!recs.length) return;
    const { values, params } = auditValues(actor, recs, 0);
    await manager.query(`INSERT INTO audit_log (${AUDIT_COLUMNS}) VALUES ${values}`, params);
  }

  /**
   * An INSERT of several rows and, for each row it inserts, that row's audit entry: one statement. `change.sql`
   * must end in `RETURNING id` (rows it skips, ON CONFLICT DO NOTHING, get no entry). Returns the ids inserted.
   */
  async recordForInserted(db: EntityManager | DataSource, entries: ReadonlyArray<{ actor: AuditedParty; rec: AuditRecord }>, change: { sql: string; params: unknown[] }): Promise<string[]> {
    const params = [...change.params];
    const rows = entries.map(({ actor, rec }) => {
      const row = auditValues(actor, [rec], params.length);
      params.push(...row.params);
      return row.values;
    });
    const written: Array<{ entity_id: string }> = await db.query(
      `WITH change AS (${change.sql})
       INSERT INTO audit_log (${AUDIT_COLUMNS}) SELECT a.* FROM (VALUES ${rows.join(', ')}) AS a(${AUDIT_COLUMNS}) JOIN change ON change.id = a.entity_id
       RETURNING entity_id`,
      params,
    );
    return written.map((w) => w.entity_id);
  }

  async list(query: AuditQuery): Promise<{ items: AuditEntryEntity[]; totalCount: number }> {
    const qb = this.dataSource.getRepository(AuditEntryEntity).createQueryBuilder('a');
    if (query.entityType) qb.andWhere('a.entity_type = :t', { t: query.entityType });
    if (query.entityId) qb.andWhere('a.entity_id = :e', { e: query.entityId });
    const totalCount = await qb.getCount();
    if (query.afterId) qb.andWhere('a.id < :after', { after: query.afterId });
    const items = await qb.orderBy('a.id', 'DESC').take(query.first).getMany();
    return { items, totalCount };
  }
}

const AUDIT_COLUMNS = 'actor, actor_role, action, entity_type, entity_id, before, after';

/** `(…), (…)` rows for AUDIT_COLUMNS with parameters numbered after `offset`; before/after go as JSON text. */
function auditValues(actor: AuditedParty, recs: readonly AuditRecord[], offset: number): { values: string; params: unknown[] } {
  const params: unknown[] = [];
  const rows = recs.map((rec) => {
    const at = offset + params.length;
    params.push(actor.subject, actor.role, rec.action, rec.entityType, rec.entityId, rec.before == null ? null : JSON.stringify(rec.before), rec.after == null ? null : JSON.stringify(rec.after));
    return `($${at + 1}, $${at + 2}, $${at + 3}, $${at + 4}, $${at + 5}, $${at + 6}::jsonb, $${at + 7}::jsonb)`;
  });
  return { values: rows.join(', '), params };
}
