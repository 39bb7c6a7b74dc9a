import { Inject, Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import PgBoss from 'pg-boss';
import { DataSource } from 'typeorm';
import { z } from 'zod';
import { Actor } from '../platform/auth/actor';
import { APP_CONFIG } from '../platform/config/config.module';
import { AppConfig } from '../platform/config/config.schema';
import { AppError } from '../platform/errors/app-error';
import { parseOrThrow } from '../platform/errors/zod-problems';
import { DiplomaRequestSchema, LearningUnitRequestSchema } from './domain/credential-request.schema';
import { IssuanceService, IssueKind } from './issuance.service';

export const MAX_BATCH = 10_000;
const QUEUE = 'credential-batch';

const ItemSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('LearningUnitCredential'), request: LearningUnitRequestSchema }).strict(),
  z.object({ kind: z.literal('DiplomaCredential'), request: DiplomaRequestSchema }).strict(),
]);
const BatchSchema = z
  .array(ItemSchema)
  .min(1)
  .max(MAX_BATCH)
  .superRefine((items, ctx) => {
    const seen = new Map<string, number>();
    items.forEach((it, i) => {
      const prev = seen.get(it.request.idempotencyKey);
      if (prev !== undefined) ctx.addIssue({ code: 'custom', path: [i, 'request', 'idempotencyKey'], message: `duplicates items[${prev}]` });
      seen.set(it.request.idempotencyKey, i);
    });
  });

export interface BatchProgress {
  id: string;
  institutionId: string;
  total: number;
  issued: number;
  reused: number;
  failed: number;
  pending: number;
  finished: boolean;
  errors: Array<{ position: number; error: string }>;
}

/**
 * Bulk issuance through a job queue in PostgreSQL (pg-boss). Items are stored before the job is queued,
 * and each carries its idempotency key, so a crash or a retry loses nothing and duplicates nothing.
 */
@Injectable()
export class BatchIssuanceService implements OnModuleInit, OnApplicationShutdown {
  private readonly log = new Logger('BatchIssuance');
  private boss: PgBoss | null = null;
  private stopping = false;

  constructor(
    private readonly dataSource: DataSource,
    private readonly issuance: IssuanceService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onModuleInit(): Promise<void> {
    const opts = this.dataSource.options as { url?: string };
    this.boss = new PgBoss({ connectionString: opts.url!, max: 3 });
    // Once shutdown begins, the database may go away under pg-boss's pollers; that is expected.
    this.boss.on('error', (e) => (this.stopping ? this.log.debug?.(e.message) : this.log.error(e.message)));
    await this.boss.start();
    await this.boss.createQueue(QUEUE, { name: QUEUE, retryLimit: 5, retryDelay: 2, expireInSeconds: 3600 });
    await this.boss.work<{ batchId: string }>(QUEUE, { batchSize: 1, pollingIntervalSeconds: 0.5 }, async ([job]) => this.run(job.data.batchId));
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopping = true;
    await this.boss?.stop({ graceful: true, timeout: 10_000, wait: true } as never);
  }

  async submit(actor: Actor, items: unknown): Promise<BatchProgress> {
    const institutionId = this.issuance.issuingInstitution(actor);
    const parsed = parseOrThrow(BatchSchema, items, 'items');
    const batchId = await this.dataSource.transaction(async (m) => {
      const [{ id }] = await m.query('INSERT INTO issuance_batch (institution_id, actor, total) VALUES ($1, $2, $3) RETURNING id', [institutionId, actor, parsed.length]);
      // One multi-row insert per chunk keeps 10,000 items fast.
      for (let i = 0; i < parsed.length; i += 1000) {
        const chunk = parsed.slice(i, i + 1000).map((it, j) => ({ position: i + j, kind: it.kind, request: it.request }));
        await m.query(
          `INSERT INTO issuance_batch_item (batch_id, position, kind, request)
           SELECT $1, x.position, x.kind, x.request FROM jsonb_to_recordset($2::jsonb) AS x(position int, kind text, request jsonb)`,
          [id, JSON.stringify(chunk)],
        );
      }
      return id as string;
    });
    const jobId = await this.boss!.send(QUEUE, { batchId }, { singletonKey: batchId });
    await this.dataSource.query('UPDATE issuance_batch SET job_id = $2 WHERE id = $1', [batchId, jobId]);
    return this.progress(actor, batchId);
  }

  /** Works through the pending items; safe to run again after a crash. */
  async run(batchId: string): Promise<void> {
    const [batch] = await this.dataSource.query('SELECT * FROM issuance_batch WHERE id = $1', [batchId]);
    if (!batch) return;
    const actor = batch.actor as Actor;
    for (;;) {
      const items: Array<{ position: number; kind: IssueKind; request: unknown }> = await this.dataSource.query(
        'SELECT position, kind, request FROM issuance_batch_item WHERE batch_id = $1 AND credential_id IS NULL AND error IS NULL ORDER BY position LIMIT 200',
        [batchId],
      );
      if (!items.length) break;
      for (const item of items) {
        try {
          const r = await this.issuance.issue(actor, item.kind, item.request, { root: `items[${item.position}].request` });
          await this.dataSource.query('UPDATE issuance_batch_item SET credential_id = $3, created = $4 WHERE batch_id = $1 AND position = $2', [batchId, item.position, r.row.id, r.created]);
        } catch (e) {
          if (!(e instanceof AppError)) throw e; // infrastructure failure: let pg-boss retry the job
          await this.dataSource.query('UPDATE issuance_batch_item SET error = $3 WHERE batch_id = $1 AND position = $2', [batchId, item.position, `${e.code}: ${e.message}`]);
        }
      }
    }
    await this.dataSource.query('UPDATE issuance_batch SET finished_at = now() WHERE id = $1 AND finished_at IS NULL', [batchId]);
  }

  async progress(actor: Actor, batchId: string): Promise<BatchProgress> {
    if (!/^[0-9a-f-]{36}$/.test(batchId)) throw AppError.badInput([{ field: 'id', message: 'must be a UUID' }]);
    const [batch] = await this.dataSource.query('SELECT * FROM issuance_batch WHERE id = $1', [batchId]);
    if (!batch) throw AppError.notFound('issuance batch', batchId);
    if (!(actor.role === 'admin' || (actor.role === 'school' && actor.institution === batch.institution_id))) {
      throw AppError.forbidden('only the issuing institution or an admin may read this batch');
    }
    const [c] = await this.dataSource.query(
      `SELECT count(*) FILTER (WHERE created) AS issued, count(*) FILTER (WHERE created = false) AS reused,
              count(*) FILTER (WHERE error IS NOT NULL) AS failed, count(*) FILTER (WHERE credential_id IS NULL AND error IS NULL) AS pending
       FROM issuance_batch_item WHERE batch_id = $1`,
      [batchId],
    );
    const errors = await this.dataSource.query('SELECT position, error FROM issuance_batch_item WHERE batch_id = $1 AND error IS NOT NULL ORDER BY position LIMIT 100', [batchId]);
    return {
      id: batchId,
      institutionId: batch.institution_id,
      total: batch.total,
      issued: Number(c.issued),
      reused: Number(c.reused),
      failed: Number(c.failed),
      pending: Number(c.pending),
      finished: !!batch.finished_at,
      errors,
    };
  }
}
