import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { CatalogueReferences } from '../domain/reference-check';
import type { QualificationFile } from '../domain/qualification-file.schema';
import { normaliseSearch, searchTextOf } from '../domain/qualification-text';
import { FrameworkLevelEntity } from './framework-level.entity';
import { FrameworkEntity } from './framework.entity';
import { JurisdictionEntity } from './jurisdiction.entity';
import { LearningOutcomeEntity } from './learning-outcome.entity';
import { ProfessionEntity } from './profession.entity';
import { QualificationUnitEntity } from './qualification-unit.entity';
import { QualificationEntity } from './qualification.entity';

export interface QualificationFilter {
  jurisdiction?: string;
  eqfLevel?: number;
  profession?: string;
  text?: string;
  includeRetired?: boolean;
}

/** Stores qualification files as rows (qualification → units → outcomes) and reads them back. */
@Injectable()
export class QualificationRepository {
  constructor(private readonly dataSource: DataSource) {}

  async loadReferences(m: EntityManager): Promise<CatalogueReferences> {
    // Sequential: a transaction's manager holds a single connection.
    const jurisdictions = await m.find(JurisdictionEntity, { select: { code: true } });
    const frameworks = await m.find(FrameworkEntity, { select: { code: true } });
    const levels = await m.find(FrameworkLevelEntity);
    const professions = await m.find(ProfessionEntity, { select: { key: true } });
    return {
      jurisdictions: new Set(jurisdictions.map((j) => j.code)),
      frameworks: new Set(frameworks.map((f) => f.code)),
      frameworkLevels: new Map(levels.map((l) => [`${l.frameworkCode}:${l.level}`, l.eqfLevel])),
      professions: new Set(professions.map((p) => p.key)),
    };
  }

  findByKey(m: EntityManager, key: string, lock = false): Promise<QualificationEntity | null> {
    const qb = m.createQueryBuilder(QualificationEntity, 'q').where('q.key = :key', { key });
    if (lock) qb.setLock('pessimistic_write');
    return qb.getOne();
  }

  findById(id: string, m: EntityManager = this.dataSource.manager): Promise<QualificationEntity | null> {
    return m.findOne(QualificationEntity, { where: { id } });
  }

  findByCode(m: EntityManager, jurisdiction: string, code: string): Promise<QualificationEntity | null> {
    return m.findOne(QualificationEntity, { where: { jurisdictionCode: jurisdiction, code } });
  }

  /** Inserts or replaces a file; units and outcomes are rewritten, since the file is the unit of change. */
  async save(m: EntityManager, file: QualificationFile, hash: string, existing: QualificationEntity | null): Promise<string> {
    const row = {
      key: file.key,
      code: file.code ?? null,
      codeScheme: file.codeScheme ?? null,
      jurisdictionCode: file.jurisdiction,
      kind: file.kind,
      title: file.title,
      frameworkCode: file.framework,
      nationalLevel: file.nationalLevel,
      eqfLevel: file.eqfLevel,
      art11Level: file.art11Level ?? null,
      durationMonths: file.durationMonths ?? null,
      workload: file.workload,
      legalBasis: file.legalBasis ?? null,
      bodies: file.bodies,
      validFrom: file.validFrom ?? null,
      validUntil: file.validUntil ?? null,
      sources: file.sources,
      notes: file.notes ?? null,
      contentHash: hash,
      searchText: searchTextOf(file),
    };
    let id: string;
    if (existing) {
      id = existing.id;
      await m.update(QualificationEntity, { id }, { ...row, version: existing.version + 1 });
      await m.delete(QualificationUnitEntity, { qualificationId: id });
      await m.query('DELETE FROM qualification_profession WHERE qualification_id = $1', [id]);
    } else {
      const inserted = await m.insert(QualificationEntity, { ...row, version: 1 });
      id = inserted.identifiers[0].id as string;
    }
    for (const [position, unit] of file.units.entries()) {
      const u = await m.insert(QualificationUnitEntity, {
        qualificationId: id,
        key: unit.key,
        kind: unit.kind,
        code: unit.code ?? null,
        title: unit.title,
        hours: unit.hours ?? null,
        assessmentWeightPercent: unit.assessmentWeightPercent ?? null,
        notes: unit.notes ?? null,
        position,
      });
      const unitId = u.identifiers[0].id as string;
      if (unit.outcomes.length) {
        await m.insert(
          LearningOutcomeEntity,
          unit.outcomes.map((o, i) => ({
            unitId,
            qualificationId: id,
            key: o.key,
            text: o.text,
            lang: o.lang,
            dimension: o.dimension,
            escoSkills: o.escoSkills,
            notes: o.notes ?? null,
            position: i,
          })),
        );
      }
    }
    for (const p of file.professions) {
      await m.query('INSERT INTO qualification_profession (qualification_id, profession_key) VALUES ($1, $2)', [id, p]);
    }
    return id;
  }

  async retire(m: EntityManager, id: string, at: Date, reason: string): Promise<void> {
    await m.update(QualificationEntity, { id }, { retiredAt: at, retiredReason: reason });
  }

  /** Reads a stored qualification back as the exchange document (for export, audit and comparison). */
  async loadFile(id: string, m: EntityManager = this.dataSource.manager): Promise<QualificationFile | null> {
    const q = await m
      .createQueryBuilder(QualificationEntity, 'q')
      .leftJoinAndSelect('q.units', 'u')
      .leftJoinAndSelect('u.outcomes', 'o')
      .where('q.id = :id', { id })
      .orderBy('u.position', 'ASC')
      .addOrderBy('o.position', 'ASC')
      .getOne();
    if (!q) return null;
    const professions: Array<{ profession_key: string }> = await m.query(
      'SELECT profession_key FROM qualification_profession WHERE qualification_id = $1 ORDER BY profession_key',
      [id],
    );
    return toFile(q, professions.map((p) => p.profession_key));
  }

  async professionKeysOf(ids: string[]): Promise<Map<string, string[]>> {
    const rows: Array<{ qualification_id: string; profession_key: string }> = await this.dataSource.query(
      'SELECT qualification_id, profession_key FROM qualification_profession WHERE qualification_id = ANY($1) ORDER BY profession_key',
      [ids],
    );
    const out = new Map<string, string[]>();
    for (const r of rows) out.set(r.qualification_id, [...(out.get(r.qualification_id) ?? []), r.profession_key]);
    return out;
  }

  async unitsOf(qualificationId: string): Promise<QualificationUnitEntity[]> {
    return this.dataSource
      .getRepository(QualificationUnitEntity)
      .createQueryBuilder('u')
      .leftJoinAndSelect('u.outcomes', 'o')
      .where('u.qualification_id = :id', { id: qualificationId })
      .orderBy('u.position', 'ASC')
      .addOrderBy('o.position', 'ASC')
      .getMany();
  }

  async search(filter: QualificationFilter, first: number, afterKey: string | null): Promise<{ items: QualificationEntity[]; totalCount: number; hasNextPage: boolean }> {
    const qb = this.dataSource.getRepository(QualificationEntity).createQueryBuilder('q');
    if (!filter.includeRetired) qb.andWhere('q.retired_at IS NULL');
    if (filter.jurisdiction) {
      qb.andWhere("(q.jurisdiction_code = :j OR q.jurisdiction_code LIKE :jprefix)", { j: filter.jurisdiction, jprefix: `${filter.jurisdiction}-%` });
    }
    if (filter.eqfLevel !== undefined) qb.andWhere('q.eqf_level = :eqf', { eqf: filter.eqfLevel });
    if (filter.profession) {
      qb.andWhere('EXISTS (SELECT 1 FROM qualification_profession qp WHERE qp.qualification_id = q.id AND qp.profession_key = :p)', { p: filter.profession });
    }
    if (filter.text) {
      const needle = normaliseSearch(filter.text).replace(/[\\%_]/g, (c) => `\\${c}`);
      qb.andWhere('q.search_text LIKE :t', { t: `%${needle}%` });
    }
    const totalCount = await qb.getCount();
    if (afterKey !== null) qb.andWhere('q.key > :after', { after: afterKey });
    const rows = await qb.orderBy('q.key', 'ASC').take(first + 1).getMany();
    return { items: rows.slice(0, first), totalCount, hasNextPage: rows.length > first };
  }
}

export function toFile(q: QualificationEntity, professions: string[]): QualificationFile {
  const file: QualificationFile = {
    key: q.key,
    code: q.code ?? undefined,
    codeScheme: q.codeScheme ?? undefined,
    jurisdiction: q.jurisdictionCode,
    kind: q.kind as QualificationFile['kind'],
    title: q.title,
    framework: q.frameworkCode,
    nationalLevel: q.nationalLevel,
    eqfLevel: q.eqfLevel,
    art11Level: (q.art11Level ?? undefined) as QualificationFile['art11Level'],
    durationMonths: q.durationMonths ?? undefined,
    workload: q.workload,
    legalBasis: q.legalBasis ?? undefined,
    bodies: q.bodies,
    validFrom: q.validFrom ?? undefined,
    validUntil: q.validUntil ?? undefined,
    professions,
    sources: q.sources,
    notes: q.notes ?? undefined,
    units: (q.units ?? []).map((u) => ({
      key: u.key,
      kind: u.kind as QualificationFile['units'][number]['kind'],
      code: u.code ?? undefined,
      title: u.title,
      hours: u.hours ?? undefined,
      assessmentWeightPercent: u.assessmentWeightPercent ?? undefined,
      notes: u.notes ?? undefined,
      outcomes: (u.outcomes ?? []).map((o) => ({
        key: o.key,
        text: o.text,
        lang: o.lang as QualificationFile['units'][number]['outcomes'][number]['lang'],
        dimension: o.dimension,
        escoSkills: o.escoSkills,
        notes: o.notes ?? undefined,
      })),
    })),
  };
  return JSON.parse(JSON.stringify(file)) as QualificationFile;
}
