import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { Actor } from '../auth/actor';
import { AuditEntryEntity } from './audit-entry.entity';

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
  async record(manager: EntityManager, actor: Actor, rec: AuditRecord): Promise<void> {
    await manager.insert(AuditEntryEntity, {
      actor: actor.subject,
      actorRole: actor.role,
      action: rec.action,
      entityType: rec.entityType,
      entityId: rec.entityId,
      before: (rec.before ?? null) as object | null,
      after: (rec.after ?? null) as object | null,
    });
  }

  /** Several entries in one statement, inside the caller's transaction. */
  async recordMany(manager: EntityManager, actor: Actor, recs: readonly AuditRecord[]): Promise<void> {
    if (!recs.length) return;
    await manager.insert(
      AuditEntryEntity,
      recs.map((rec) => ({
        actor: actor.subject,
        actorRole: actor.role,
        action: rec.action,
        entityType: rec.entityType,
        entityId: rec.entityId,
        before: (rec.before ?? null) as object | null,
        after: (rec.after ?? null) as object | null,
      })),
    );
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
