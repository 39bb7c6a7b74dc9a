import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import PgBoss from 'pg-boss';
import { DataSource, EntityManager } from 'typeorm';
import { z } from 'zod';
import { Actor } from '../platform/auth/actor';
import { APP_CONFIG } from '../platform/config/config.module';
import { AppConfig } from '../platform/config/config.schema';
import { AppError } from '../platform/errors/app-error';
import { parseOrThrow } from '../platform/errors/zod-problems';
import { DiplomaRequestSchema, LearningUnitRequestSchema } from './domain/credential-request.schema';
import { IssuanceService, IssueKind, IssueOutcome } from './issuance.service';

export const MAX_BATCH = 10_000;
const QUEUE = 'credential-batch';
/** A worker renews its lease every LEASE_RENEW_MS; a lease not renewed for LEASE_SECONDS means the worker died. */
const LEASE_SECONDS = 15;
/** Items per block: one transaction, one multi-row insert each, and the unit in which progress moves. */
const BLOCK = 100;
const LEASE_RENEW_MS = 5_000;
/** How often each process looks for batches whose worker died (and once at start). */
const SWEEP_MS = 5_000;

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
 * One process works a batch at a time, under a lease; every process sweeps for batches whose lease
 * expired (their worker died) and resumes them, at start and every few seconds.
 */
@Injectable()
export class BatchIssuanceService implements OnModuleInit, OnApplicationBootstrap, OnApplicationShutdown {
  private readonly log = new Logger('BatchIssuance');
  private boss: PgBoss | null = null;
  private stopping = false;
  private readonly instance = randomUUID();
  private readonly running = new Map<string, Promise<void>>();
  private sweeper: NodeJS.Timeout | null = null;

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
    // The queue only starts work quickly; whether a batch is done lives in our tables. A failed run is
    // resumed by the sweep, so the job never fails (pg-boss cannot record a failure while the database is away).
    await this.boss.work<{ batchId: string }>(QUEUE, { batchSize: 1, pollingIntervalSeconds: 0.5 }, async ([job]) => {
      await this.resume(job.data.batchId);
    });
  }

  onApplicationBootstrap(): void {
    void this.sweep();
    this.sweeper = setInterval(() => void this.sweep(), SWEEP_MS);
    this.sweeper.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopping = true;
    if (this.sweeper) clearInterval(this.sweeper);
    await Promise.allSettled(this.running.values());
    await this.boss?.stop({ graceful: true, timeout: 10_000, wait: true } as never);
  }

  /** Resumes every unfinished batch whose lease has expired (or was never taken). Never throws. */
  async sweep(): Promise<void> {
    if (this.stopping) return;
    try {
      const orphans: Array<{ id: string }> = await this.dataSource.query(
        `SELECT id FROM issuance_batch WHERE finished_at IS NULL AND (lease_until IS NULL OR lease_until < now()) ORDER BY created_at LIMIT 20`,
      );
      for (const { id } of orphans) void this.resume(id);
    } catch (e) {
      this.log.warn(`batch sweep failed (database unavailable?): ${(e as Error).message}`);
    }
  }

  /** Runs a batch in this process unless it already does; errors are logged and left to the next sweep. */
  resume(batchId: string): Promise<void> {
    const current = this.running.get(batchId);
    if (current) return current;
    const work = this.run(batchId)
      .catch((e) => this.log.warn(`batch ${batchId} interrupted, will resume: ${(e as Error).message}`))
      .finally(() => this.running.delete(batchId));
    this.running.set(batchId, work);
    return work;
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

  /**
   * Works through the pending items under this process's lease; safe to run again after a crash. Returns at
   * once when the batch is finished or another live worker holds it.
   */
  async run(batchId: string): Promise<void> {
    const lease = this.instance;
    const [batch] = updatedRows(await this.dataSource.query(
      `UPDATE issuance_batch SET lease_owner = $2, lease_until = now() + make_interval(secs => $3)
       WHERE id = $1 AND finished_at IS NULL AND (lease_owner IS NULL OR lease_owner = $2 OR lease_until < now())
       RETURNING *`,
      [batchId, lease, LEASE_SECONDS],
    ));
    if (!batch) return;
    const actor = batch.actor as Actor;
    let lost = false;
    const renew = setInterval(() => {
      this.dataSource
        .query(`UPDATE issuance_batch SET lease_until = now() + make_interval(secs => $3) WHERE id = $1 AND lease_owner = $2 RETURNING id`, [batchId, lease, LEASE_SECONDS])
        .then((result: unknown) => (lost ||= updatedRows(result).length === 0))
        .catch(() => undefined); // the database is away: the next renewal or the sweep sorts it out
    }, LEASE_RENEW_MS);
    try {
      for (;;) {
        if (this.stopping || lost) return;
        const items: Array<{ position: number; kind: IssueKind; request: unknown }> = await this.dataSource.query(
          `SELECT position, kind, request FROM issuance_batch_item WHERE batch_id = $1 AND credential_id IS NULL AND error IS NULL ORDER BY position LIMIT ${BLOCK}`,
          [batchId],
        );
        if (!items.length) break;
        // One block: its credentials, audit entries and item outcomes commit together, or none of them do.
        await this.issuance.issueBlock(
          actor,
          items.map((item) => ({ kind: item.kind, request: item.request, root: `items[${item.position}].request` })),
          (m, outcomes) => this.recordOutcomes(m, batchId, batch.created_at, items, outcomes),
        );
      }
      await this.dataSource.query('UPDATE issuance_batch SET finished_at = now(), lease_owner = NULL, lease_until = NULL WHERE id = $1 AND finished_at IS NULL', [batchId]);
    } finally {
      clearInterval(renew);
      // Give the batch back at once (not after the lease runs out) when this run stops early.
      await this.dataSource
        .query('UPDATE issuance_batch SET lease_owner = NULL, lease_until = NULL WHERE id = $1 AND lease_owner = $2 AND finished_at IS NULL', [batchId, lease])
        .catch(() => undefined);
    }
  }

  /** Marks each item of a block issued or failed, in the block's transaction; an item already marked keeps its outcome. */
  private async recordOutcomes(m: EntityManager, batchId: string, batchCreatedAt: Date, items: ReadonlyArray<{ position: number }>, outcomes: ReadonlyArray<IssueOutcome | AppError>): Promise<void> {
    const issued = outcomes.flatMap((o, i) => (o instanceof AppError ? [] : [{ position: items[i].position, credential_id: o.row.id, created: o.created }]));
    const failed = outcomes.flatMap((o, i) => (o instanceof AppError ? [{ position: items[i].position, error: `${o.code}: ${o.message}` }] : []));
    // "created" means created for this batch: a credential an earlier, interrupted run of the same batch issued
    // comes back as a retry, but it is still this batch's. First writer wins.
    if (issued.length) {
      await m.query(
        `UPDATE issuance_batch_item i SET credential_id = x.credential_id,
           created = x.created OR EXISTS (SELECT 1 FROM issued_credential c WHERE c.id = x.credential_id AND c.issued_at >= $2)
         FROM jsonb_to_recordset($3::jsonb) AS x(position int, credential_id text, created boolean)
         WHERE i.batch_id = $1 AND i.position = x.position AND i.credential_id IS NULL`,
        [batchId, batchCreatedAt, JSON.stringify(issued)],
      );
    }
    if (failed.length) {
      await m.query(
        `UPDATE issuance_batch_item i SET error = x.error FROM jsonb_to_recordset($2::jsonb) AS x(position int, error text)
         WHERE i.batch_id = $1 AND i.position = x.position AND i.credential_id IS NULL`,
        [batchId, JSON.stringify(failed)],
      );
    }
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

/** TypeORM answers an UPDATE … RETURNING on PostgreSQL with [rows, affectedCount]. */
function updatedRows(result: unknown): any[] {
  return Array.isArray(result) && Array.isArray(result[0]) && typeof result[1] === 'number' ? result[0] : (result as any[]);
}
