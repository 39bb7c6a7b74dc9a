import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { z } from 'zod';
import { contentHash } from '../catalogue/domain/qualification-text';
import { AuditService } from '../platform/audit/audit.service';
import { SYSTEM_ACTOR } from '../platform/auth/actor';
import { parseOrThrow } from '../platform/errors/zod-problems';
import { RecognitionRuleSchema, RegulatedProfessionSchema } from './domain/schemas';
import { RecognitionRepository } from './persistence/recognition.repository';

export const RULES_SEED = join('recognition', 'rules.json');
export const REGISTRY_SEED = join('recognition', 'regulated-professions.json');
/** Seeded rules are sourced facts: authored by their seed file and approved by the seeding system. */
export const SEED_AUTHOR = `seed:${RULES_SEED}`;

export interface RecognitionSeedSummary {
  rules: number;
  registry: number;
}

/**
 * Loads seeds/recognition (rules and the regulated-profession registry) after the catalogue seeds.
 * Idempotent. A changed seed rule becomes a new approved version, unless experts have versioned the
 * key since: their versions are never overridden by the seed.
 */
@Injectable()
export class RecognitionSeedService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly repo: RecognitionRepository,
    private readonly audit: AuditService,
  ) {}

  async seed(seedsDir: string): Promise<RecognitionSeedSummary> {
    const read = <T>(file: string, schema: z.ZodType<T>): T[] => {
      const path = join(seedsDir, file);
      return existsSync(path) ? parseOrThrow(z.array(schema), JSON.parse(readFileSync(path, 'utf8')), file) : [];
    };
    const rules = read(RULES_SEED, RecognitionRuleSchema);
    const registry = read(REGISTRY_SEED, RegulatedProfessionSchema);
    return this.dataSource.transaction(async (m) => {
      let r = 0;
      let e = 0;
      for (const d of rules) {
        await m.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`recognition_rule:${d.key}`]);
        const latest = await this.repo.latestVersion(m, d.key);
        const hash = contentHash(d);
        if (latest && (latest.author !== SEED_AUTHOR || latest.content_hash === hash)) continue;
        const row = await this.repo.insertRule(m, { key: d.key, version: (latest?.version ?? 0) + 1, status: 'APPROVED', document: d, hash, author: SEED_AUTHOR, approvedBy: SYSTEM_ACTOR.subject });
        await this.audit.record(m, SYSTEM_ACTOR, { action: 'recognition-rule.seed', entityType: 'recognition-rule', entityId: row.id, before: latest ? { id: latest.id, version: latest.version } : null, after: { key: row.key, version: row.version, status: row.status, document: d } });
        r += 1;
      }
      for (const x of registry) {
        const before = await this.repo.registryEntry(m, x.profession, x.jurisdiction, true);
        const hash = contentHash(x);
        // Entries experts have since edited are theirs; the seed does not override them.
        if (before && (before.content_hash === hash || before.updated_by !== SYSTEM_ACTOR.subject)) continue;
        const row = await this.repo.upsertRegistry(m, x, hash, SYSTEM_ACTOR.subject);
        await this.audit.record(m, SYSTEM_ACTOR, { action: before ? 'regulated-profession.update' : 'regulated-profession.create', entityType: 'regulated-profession', entityId: row.id, before: before?.document ?? null, after: x });
        e += 1;
      }
      return { rules: r, registry: e };
    });
  }
}
