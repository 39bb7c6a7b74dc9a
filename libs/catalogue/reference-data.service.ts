import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { Framework, Jurisdiction, Profession } from './domain/reference-data.schema';
import { contentHash } from './domain/qualification-text';
import { FrameworkLevelEntity } from './persistence/framework-level.entity';
import { FrameworkEntity } from './persistence/framework.entity';
import { JurisdictionEntity } from './persistence/jurisdiction.entity';
import { ProfessionEntity } from './persistence/profession.entity';

/** Jurisdictions, frameworks and professions: read by everyone, written by seeds. */
@Injectable()
export class ReferenceDataService {
  constructor(private readonly dataSource: DataSource) {}

  jurisdictions(): Promise<JurisdictionEntity[]> {
    return this.dataSource.getRepository(JurisdictionEntity).find({ order: { code: 'ASC' } });
  }

  frameworks(): Promise<FrameworkEntity[]> {
    return this.dataSource
      .getRepository(FrameworkEntity)
      .createQueryBuilder('f')
      .leftJoinAndSelect('f.levels', 'l')
      .orderBy('f.code', 'ASC')
      .addOrderBy('l.position', 'ASC')
      .getMany();
  }

  professions(): Promise<ProfessionEntity[]> {
    return this.dataSource.getRepository(ProfessionEntity).find({ order: { key: 'ASC' } });
  }

  async professionsByKeys(keys: string[]): Promise<ProfessionEntity[]> {
    if (!keys.length) return [];
    return this.dataSource.getRepository(ProfessionEntity).createQueryBuilder('p').where('p.key = ANY(:keys)', { keys }).orderBy('p.key').getMany();
  }

  /** Returns true when the row was written (new or changed). */
  async upsertJurisdiction(m: EntityManager, j: Jurisdiction): Promise<boolean> {
    const hash = contentHash(j);
    const existing = await m.findOne(JurisdictionEntity, { where: { code: j.code } });
    if (existing?.contentHash === hash) return false;
    await m.save(JurisdictionEntity, {
      code: j.code,
      parentCode: j.parent ?? null,
      type: j.type,
      name: j.name,
      sources: j.sources,
      notes: j.notes ?? null,
      contentHash: hash,
    });
    return true;
  }

  async upsertFramework(m: EntityManager, f: Framework): Promise<boolean> {
    const hash = contentHash(f);
    const existing = await m.findOne(FrameworkEntity, { where: { code: f.code } });
    if (existing?.contentHash === hash) return false;
    await m.save(FrameworkEntity, {
      code: f.code,
      name: f.name,
      jurisdictionCode: f.jurisdiction ?? null,
      dimensions: f.dimensions,
      sources: f.sources,
      notes: f.notes ?? null,
      contentHash: hash,
    });
    // Levels are upserted, never deleted: qualifications refer to them.
    for (const [position, l] of f.levels.entries()) {
      await m.save(FrameworkLevelEntity, {
        frameworkCode: f.code,
        level: l.level,
        eqfLevel: l.eqfLevel,
        description: l.description ?? null,
        notes: l.notes ?? null,
        position,
      });
    }
    return true;
  }

  async upsertProfession(m: EntityManager, p: Profession): Promise<boolean> {
    const hash = contentHash(p);
    const existing = await m.findOne(ProfessionEntity, { where: { key: p.key } });
    if (existing?.contentHash === hash) return false;
    await m.save(ProfessionEntity, {
      key: p.key,
      title: p.title,
      escoOccupation: p.escoOccupation ?? null,
      escoNearestOnly: p.escoNearestOnly,
      jurisdictionCode: p.jurisdiction ?? null,
      sources: p.sources,
      notes: p.notes ?? null,
      contentHash: hash,
    });
    return true;
  }
}
