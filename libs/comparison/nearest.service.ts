import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { pickLabel } from '../catalogue/domain/qualification-text';
import { QualificationService } from '../catalogue/qualification.service';
import { AppError } from '../platform/errors/app-error';
import { assertUuid } from './comparison.service';
import { EquivalenceIndex, IndexEntry, NearestHit } from './domain/nearest';
import { nearestReason } from './domain/nearest-reason';
import type { ReportLang } from './domain/types';
import { loadEscoSkillLabels, loadIscoGroups } from './persistence/esco-labels';

const JURISDICTION = /^[A-Z]{2}(-[A-Z]{2,3})?$/;
export const MAX_K = 50;

export interface NearestResult extends NearestHit {
  reason: string;
}

/**
 * Ranks a destination's qualifications against one qualification, from an in-memory index of ESCO skills
 * and EQF levels built from the database. A cheap signature query per call rebuilds it when the catalogue
 * changed (also on other replicas).
 */
@Injectable()
export class NearestEquivalentsService {
  private index: EquivalenceIndex | null = null;
  private signature = '';
  private building: Promise<EquivalenceIndex> | null = null;

  constructor(
    private readonly dataSource: DataSource,
    private readonly qualifications: QualificationService,
  ) {}

  async nearest(qualificationId: string, destination: string, k: number, lang: ReportLang = 'en'): Promise<NearestResult[]> {
    assertUuid(qualificationId, 'qualificationId');
    if (!JURISDICTION.test(destination)) throw AppError.badInput([{ field: 'destination', message: 'must be a jurisdiction code such as NL, DE or BE-VLG' }]);
    if (!Number.isInteger(k) || k < 1 || k > MAX_K) throw AppError.badInput([{ field: 'k', message: `must be an integer between 1 and ${MAX_K}` }]);
    const index = await this.current();
    let query = index.get(qualificationId);
    if (!query) {
      // Retired qualifications are not in the index but can still be the starting point.
      const file = await this.qualifications.exportFile(qualificationId);
      const isco = (await loadIscoGroups(this.dataSource.manager, [qualificationId])).get(qualificationId) ?? [];
      query = { id: qualificationId, key: file.key, jurisdiction: file.jurisdiction, eqfLevel: file.eqfLevel, title: file.title, tags: file.units.flatMap((u) => u.outcomes.flatMap((o) => o.escoSkills)), iscoGroups: isco };
    }
    const hits = index.nearest(query, destination, k);
    const labels = await loadEscoSkillLabels(this.dataSource.manager, hits.flatMap((h) => h.shared));
    return hits.map((h) => ({ ...h, reason: nearestReason(h, lang, labels) }));
  }

  titleOf(entry: IndexEntry, lang: ReportLang): string | null {
    return pickLabel(entry.title, lang);
  }

  /** The index for the catalogue as it is now (an ESCO import can change the ISCO groups, so it counts too). */
  async current(): Promise<EquivalenceIndex> {
    const [row] = await this.dataSource.query(
      `SELECT count(*)::text AS n, coalesce(max(updated_at)::text, '') AS u, coalesce(sum(version), 0)::text AS v, count(retired_at)::text AS r,
              (SELECT count(*)::text || '|' || coalesce(max(updated_at)::text, '') FROM esco_occupation) AS o,
              (SELECT coalesce(max(updated_at)::text, '') FROM profession) AS p
         FROM qualification`,
    );
    const signature = `${row.n}|${row.u}|${row.v}|${row.r}|${row.o}|${row.p}`;
    if (this.index && signature === this.signature) return this.index;
    if (!this.building) {
      this.building = this.build()
        .then((index) => {
          this.index = index;
          this.signature = signature;
          return index;
        })
        .finally(() => {
          this.building = null;
        });
    }
    return this.building;
  }

  private async build(): Promise<EquivalenceIndex> {
    const rows: Array<{ id: string; key: string; jurisdiction_code: string; eqf_level: number; title: IndexEntry['title']; tags: string[] }> = await this.dataSource.query(`
      SELECT q.id, q.key, q.jurisdiction_code, q.eqf_level, q.title,
             coalesce((SELECT array_agg(DISTINCT t) FROM learning_outcome o, unnest(o.esco_skills) t WHERE o.qualification_id = q.id), '{}') AS tags
        FROM qualification q
       WHERE q.retired_at IS NULL`);
    const isco = await loadIscoGroups(this.dataSource.manager);
    return new EquivalenceIndex(rows.map((r) => ({ id: r.id, key: r.key, jurisdiction: r.jurisdiction_code, eqfLevel: Number(r.eqf_level), title: r.title, tags: r.tags, iscoGroups: isco.get(r.id) ?? [] })));
  }
}
