import type { EntityManager } from 'typeorm';
import type { EscoLabels } from '../domain/esco-labels';

/** Preferred labels of these ESCO skills from the esco_skill table (filled by `import-esco`); unknown URIs are absent. */
export async function loadEscoSkillLabels(m: EntityManager, uris: Iterable<string>): Promise<EscoLabels> {
  const list = [...new Set(uris)];
  if (!list.length) return {};
  const rows: Array<{ uri: string; label: Record<string, string> }> = await m.query(`SELECT uri, label FROM esco_skill WHERE uri = ANY($1::text[])`, [list]);
  return Object.fromEntries(rows.map((r) => [r.uri, r.label]));
}

/** ISCO codes (4 digits) of the ESCO occupations of each qualification's professions (all, or the given ones), from esco_occupation. */
export async function loadIscoGroups(m: EntityManager, qualificationIds?: string[]): Promise<Map<string, string[]>> {
  const rows: Array<{ qualification_id: string; isco: string[] }> = await m.query(
    `SELECT qp.qualification_id, array_agg(DISTINCT o.isco_group ORDER BY o.isco_group) AS isco
       FROM qualification_profession qp
       JOIN profession p ON p.key = qp.profession_key
       JOIN esco_occupation o ON o.uri = p.esco_occupation
      WHERE o.isco_group IS NOT NULL AND ($1::uuid[] IS NULL OR qp.qualification_id = ANY($1::uuid[]))
      GROUP BY qp.qualification_id`,
    [qualificationIds ?? null],
  );
  return new Map(rows.map((r) => [r.qualification_id, r.isco]));
}
