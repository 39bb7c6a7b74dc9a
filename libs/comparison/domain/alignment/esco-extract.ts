import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import type { ConceptLabelRow } from './concept-index';

const LANGS = ['en', 'nl', 'de'] as const;

/** One row of the project's ESCO extract (skills.csv / occupations.csv) as concept labels. */
export function extractRowLabels(rec: Record<string, string>): ConceptLabelRow | null {
  const uri = rec.conceptUri?.trim();
  if (!uri) return null;
  const labels: Record<string, string[]> = {};
  for (const lang of LANGS) {
    const list = [rec[`label_${lang}`], ...(rec[`altLabels_${lang}`] ?? '').split(' | ')].map((s) => s?.trim()).filter((s): s is string => !!s);
    if (list.length) labels[lang] = [...new Set(list)];
  }
  return { uri, labels };
}

/** Label rows of the ESCO extract in `dir` (skills and occupations), for tests and the benchmark. */
export function readEscoExtract(dir: string): ConceptLabelRow[] {
  const out: ConceptLabelRow[] = [];
  for (const file of ['skills.csv', 'occupations.csv']) {
    const path = join(dir, file);
    if (!existsSync(path)) throw new Error(`ESCO extract: ${path} not found`);
    const rows = parse(readFileSync(path), { columns: true, bom: true, skip_empty_lines: true }) as Array<Record<string, string>>;
    for (const rec of rows) {
      const row = extractRowLabels(rec);
      if (row) out.push(row);
    }
  }
  return out;
}
