import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { z } from 'zod';
import { SYSTEM_ACTOR } from '../platform/auth/actor';
import { parseOrThrow } from '../platform/errors/zod-problems';
import { AccreditationInputSchema, AccreditationService } from './accreditation.service';
import { IssuerService } from './issuer.service';
import { CredentialsRepository } from './persistence/credentials.repository';

export const DEMO_SCHOOLS_SEED = join('demo', 'schools.json');

const DemoSchoolsSchema = z.object({
  notes: z.string(),
  institutions: z.array(z.object({ id: z.string(), name: z.string(), jurisdiction: z.string(), type: z.literal('SCHOOL') }).strict()),
  accreditations: z.array(AccreditationInputSchema),
});

export interface DemoSeedSummary {
  institutions: number;
  accreditations: number;
}

/**
 * Development only: the two demo schools of the README walkthrough, with their keys and accreditations.
 * Idempotent: what exists is left alone, so keys (and every DID issued with them) survive restarts.
 */
@Injectable()
export class DemoSeedService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly issuers: IssuerService,
    private readonly accreditations: AccreditationService,
    private readonly repo: CredentialsRepository,
  ) {}

  async seed(seedsDir: string): Promise<DemoSeedSummary> {
    const path = join(seedsDir, DEMO_SCHOOLS_SEED);
    if (!existsSync(path)) return { institutions: 0, accreditations: 0 };
    const demo = parseOrThrow(DemoSchoolsSchema, JSON.parse(readFileSync(path, 'utf8')), DEMO_SCHOOLS_SEED);
    return this.dataSource.transaction(async (m) => {
      await m.query('SELECT pg_advisory_xact_lock(hashtext($1))', ['demo-seed']);
      const summary: DemoSeedSummary = { institutions: 0, accreditations: 0 };
      for (const inst of demo.institutions) {
        if (await this.repo.institution(inst.id, m)) continue;
        await this.issuers.register(SYSTEM_ACTOR, inst, m);
        summary.institutions += 1;
      }
      for (const a of demo.accreditations) {
        const existing = await this.repo.accreditationsOf(a.institutionId, m);
        const same = existing.some((r) => r.scope === a.scope && r.programme === (a.programme ?? null) && r.qualification_key === (a.qualificationKey ?? null));
        if (same) continue;
        await this.accreditations.record({ ...SYSTEM_ACTOR, subject: `seed:${DEMO_SCHOOLS_SEED}` }, a, m);
        summary.accreditations += 1;
      }
      return summary;
    });
  }
}
