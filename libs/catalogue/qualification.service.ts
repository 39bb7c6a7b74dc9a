import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, QueryFailedError } from 'typeorm';
import { AuditService } from '../platform/audit/audit.service';
import { Actor, jurisdictionInScope } from '../platform/auth/actor';
import { AppError } from '../platform/errors/app-error';
import { parseOrThrow } from '../platform/errors/zod-problems';
import { decodeCursor, encodeCursor } from './domain/cursor';
import { QualificationFile, QualificationFileSchema } from './domain/qualification-file.schema';
import { contentHash } from './domain/qualification-text';
import { checkReferences } from './domain/reference-check';
import { QualificationEntity } from './persistence/qualification.entity';
import { QualificationFilter, QualificationRepository } from './persistence/qualification.repository';

export interface UpsertResult {
  id: string;
  key: string;
  created: boolean;
  changed: boolean;
}

export interface QualificationPage {
  items: QualificationEntity[];
  cursors: string[];
  totalCount: number;
  hasNextPage: boolean;
  hasPreviousPage: boolean;
}

export const MAX_PAGE_SIZE = 100;

const at = (root: string, field: string) => (root ? `${root}.${field}` : field);

@Injectable()
export class QualificationService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly repo: QualificationRepository,
    private readonly audit: AuditService,
  ) {}

  /** Validates a qualification file, checks the actor's scope, and stores it with an audit entry, all or nothing. */
  async upsert(actor: Actor, document: unknown, root = 'document', manager?: EntityManager): Promise<UpsertResult> {
    const file = parseOrThrow(QualificationFileSchema, document, root);
    this.assertCanEdit(actor, file.jurisdiction, at(root, 'jurisdiction'));
    const work = (m: EntityManager) => this.upsertIn(m, actor, file, root);
    try {
      return manager ? await work(manager) : await this.dataSource.transaction(work);
    } catch (e) {
      // Two writers racing on the same code: the unique index decides, the caller gets CONFLICT.
      if (e instanceof QueryFailedError && (e as QueryFailedError & { code?: string }).code === '23505') {
        throw AppError.conflict(at(root, 'code'), 'another qualification in this jurisdiction already has this code');
      }
      throw e;
    }
  }

  private async upsertIn(m: EntityManager, actor: Actor, file: QualificationFile, root: string): Promise<UpsertResult> {
    const problems = checkReferences(file, await this.repo.loadReferences(m), root);
    if (problems.length) throw AppError.badInput(problems);

    const existing = await this.repo.findByKey(m, file.key, true);
    if (existing) this.assertCanEdit(actor, existing.jurisdictionCode, at(root, 'key'));
    if (file.code) {
      const sameCode = await this.repo.findByCode(m, file.jurisdiction, file.code);
      if (sameCode && sameCode.key !== file.key) {
        throw AppError.conflict(at(root, 'code'), `code "${file.code}" is already used in ${file.jurisdiction} by qualification "${sameCode.key}"`);
      }
    }
    const hash = contentHash(file);
    if (existing && existing.contentHash === hash) return { id: existing.id, key: file.key, created: false, changed: false };

    const before = existing ? await this.repo.loadFile(existing.id, m) : null;
    const id = await this.repo.save(m, file, hash, existing);
    await this.audit.record(m, actor, {
      action: existing ? 'qualification.update' : 'qualification.create',
      entityType: 'qualification',
      entityId: id,
      before,
      after: file,
    });
    return { id, key: file.key, created: !existing, changed: true };
  }

  async retire(actor: Actor, id: string, reason: string): Promise<QualificationEntity> {
    if (!reason.trim()) throw AppError.badInput([{ field: 'reason', message: 'must not be empty' }]);
    return this.dataSource.transaction(async (m) => {
      const existing = await m.findOne(QualificationEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!existing) throw AppError.notFound('qualification', id);
      this.assertCanEdit(actor, existing.jurisdictionCode, 'id');
      if (existing.retiredAt) throw AppError.conflict('id', `qualification "${existing.key}" is already retired`);
      const at = new Date();
      await this.repo.retire(m, id, at, reason);
      await this.audit.record(m, actor, {
        action: 'qualification.retire',
        entityType: 'qualification',
        entityId: id,
        before: { retiredAt: null },
        after: { retiredAt: at.toISOString(), reason },
      });
      return (await this.repo.findById(id, m))!;
    });
  }

  async get(id: string): Promise<QualificationEntity> {
    if (!/^[0-9a-f-]{36}$/i.test(id)) throw AppError.badInput([{ field: 'id', message: 'must be a UUID' }]);
    const q = await this.repo.findById(id);
    if (!q) throw AppError.notFound('qualification', id);
    return q;
  }

  async exportFile(id: string): Promise<QualificationFile> {
    await this.get(id);
    return (await this.repo.loadFile(id))!;
  }

  async list(filter: QualificationFilter, first: number, after?: string | null): Promise<QualificationPage> {
    if (!Number.isInteger(first) || first < 0 || first > MAX_PAGE_SIZE) {
      throw AppError.badInput([{ field: 'first', message: `must be an integer between 0 and ${MAX_PAGE_SIZE}` }]);
    }
    let afterKey: string | null = null;
    if (after) {
      afterKey = decodeCursor(after);
      if (afterKey === null) throw AppError.badInput([{ field: 'after', message: 'is not a cursor returned by this API' }]);
    }
    const page = await this.repo.search(filter, first, afterKey);
    return { ...page, cursors: page.items.map((q) => encodeCursor(q.key)), hasPreviousPage: afterKey !== null };
  }

  private assertCanEdit(actor: Actor, jurisdiction: string, field: string): void {
    if (actor.role === 'admin') return;
    if (actor.role !== 'expert') throw AppError.forbidden(`role "${actor.role}" may not edit qualifications`);
    if (!jurisdictionInScope(actor.jurisdictions, jurisdiction)) {
      throw AppError.forbidden(`${field}: an expert for ${actor.jurisdictions.join(', ')} may not edit a qualification of ${jurisdiction}`);
    }
  }
}
