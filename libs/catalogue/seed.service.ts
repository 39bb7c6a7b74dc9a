import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { z } from 'zod';
import { SYSTEM_ACTOR } from '../platform/auth/actor';
import { parseOrThrow } from '../platform/errors/zod-problems';
import { FrameworkSchema, JurisdictionSchema, ProfessionSchema } from './domain/reference-data.schema';
import { ImportReport, QualificationImporter } from './import/qualification-importer';
import { ReferenceDataService } from './reference-data.service';

export interface SeedSummary {
  jurisdictions: number;
  frameworks: number;
  professions: number;
  qualifications: ImportReport[];
}

/**
 * Loads the sourced seed files. Idempotent: unchanged records are skipped by content hash, changed
 * files update their records, nothing is ever duplicated.
 */
@Injectable()
export class SeedService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly referenceData: ReferenceDataService,
    private readonly importer: QualificationImporter,
  ) {}

  async seed(seedsDir: string): Promise<SeedSummary> {
    const read = <T>(file: string, schema: z.ZodType<T>): T[] => {
      const path = join(seedsDir, file);
      return existsSync(path) ? parseOrThrow(z.array(schema), JSON.parse(readFileSync(path, 'utf8')), file) : [];
    };
    const jurisdictions = read('jurisdictions.json', JurisdictionSchema).sort((a, b) => Number(!!a.parent) - Number(!!b.parent));
    const frameworks = read('frameworks.json', FrameworkSchema);
    const professions = read('professions.json', ProfessionSchema);

    const counts = await this.dataSource.transaction(async (m) => {
      let j = 0, f = 0, p = 0;
      for (const x of jurisdictions) j += Number(await this.referenceData.upsertJurisdiction(m, x));
      for (const x of frameworks) f += Number(await this.referenceData.upsertFramework(m, x));
      for (const x of professions) p += Number(await this.referenceData.upsertProfession(m, x));
      return { jurisdictions: j, frameworks: f, professions: p };
    });

    const qualificationsDir = join(seedsDir, 'qualifications');
    const files = existsSync(qualificationsDir) ? this.importer.listFiles([qualificationsDir]) : [];
    const qualifications = await this.importer.importFiles(files, SYSTEM_ACTOR);
    const failed = qualifications.filter((r) => !r.ok);
    if (failed.length) {
      const lines = failed.flatMap((r) => (r.problems?.length ? r.problems.map((p) => `  ${r.file}: ${p.field}: ${p.message}`) : [`  ${r.file}: ${r.message}`]));
      throw new Error(`seed files are invalid:\n${lines.join('\n')}`);
    }
    return { ...counts, qualifications };
  }
}
