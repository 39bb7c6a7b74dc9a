import { createReadStream, existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Injectable } from '@nestjs/common';
import { parse } from 'csv-parse';
import { DataSource, EntityManager } from 'typeorm';

export interface EscoFileReport {
  file: string;
  kind: 'skill' | 'occupation';
  languages: string[];
  rows: number;
}

interface EscoRow {
  uri: string;
  label: Record<string, string>;
  altLabels: Record<string, string[]>;
  skillType?: string | null;
  reuseLevel?: string | null;
  iscoGroup?: string | null;
  regulatedNote?: string | null;
  description?: string | null;
}

const OFFICIAL = /^(skills|occupations)_([a-z]{2})\.csv$/;
const EXTRACT = /^(skills|occupations)\.csv$/;
const BATCH = 500;

/**
 * Imports ESCO concepts. Reads the official CSV download (one file per language, e.g. skills_en.csv)
 * and also the project's merged extract (skills.csv with label_en/label_nl/label_de columns).
 * Labels of several languages merge into one row per concept.
 */
@Injectable()
export class EscoImporter {
  constructor(private readonly dataSource: DataSource) {}

  detectFiles(dir: string): Array<{ file: string; kind: 'skill' | 'occupation'; lang: string | null }> {
    if (!existsSync(dir)) throw new Error(`ESCO directory not found: ${dir}`);
    const out: Array<{ file: string; kind: 'skill' | 'occupation'; lang: string | null }> = [];
    for (const name of readdirSync(dir).sort()) {
      const official = OFFICIAL.exec(name);
      const extract = EXTRACT.exec(name);
      const m = official ?? extract;
      if (!m) continue;
      out.push({ file: join(dir, name), kind: m[1] === 'skills' ? 'skill' : 'occupation', lang: official ? official[2] : null });
    }
    if (!out.length) throw new Error(`no ESCO skills_<lang>.csv / occupations_<lang>.csv (or skills.csv / occupations.csv) in ${dir}`);
    return out;
  }

  async importDir(dir: string, onRows?: (file: string, rows: number) => void): Promise<EscoFileReport[]> {
    const reports: EscoFileReport[] = [];
    for (const f of this.detectFiles(dir)) {
      // One transaction per file: a broken file leaves the previous state intact.
      const report = await this.dataSource.transaction(async (m) => {
        let rows = 0;
        const languages = new Set<string>();
        let batch: EscoRow[] = [];
        const flush = async () => {
          if (batch.length) await this.upsert(m, f.kind, batch);
          rows += batch.length;
          onRows?.(f.file, rows);
          batch = [];
        };
        const parser = createReadStream(f.file).pipe(parse({ columns: true, bom: true, relax_column_count: false, skip_empty_lines: true }));
        for await (const rec of parser as AsyncIterable<Record<string, string>>) {
          const row = f.lang ? officialRow(rec, f.lang, f.kind) : extractRow(rec, f.kind);
          if (!row) continue;
          Object.keys(row.label).forEach((l) => languages.add(l));
          batch.push(row);
          if (batch.length >= BATCH) await flush();
        }
        await flush();
        return { file: f.file, kind: f.kind, languages: [...languages].sort(), rows };
      });
      reports.push(report);
    }
    return reports;
  }

  private async upsert(m: EntityManager, kind: 'skill' | 'occupation', rows: EscoRow[]): Promise<void> {
    // Later files may repeat a concept in another language; duplicates inside one statement are merged first.
    const merged = new Map<string, EscoRow>();
    for (const r of rows) {
      const prev = merged.get(r.uri);
      merged.set(r.uri, prev ? { ...prev, ...stripNull(r), label: { ...prev.label, ...r.label }, altLabels: { ...prev.altLabels, ...r.altLabels } } : r);
    }
    const list = [...merged.values()];
    const json = JSON.stringify(list);
    if (kind === 'skill') {
      await m.query(
        `INSERT INTO esco_skill (uri, skill_type, reuse_level, label, alt_labels, description)
         SELECT r.uri, r."skillType", r."reuseLevel", coalesce(r.label, '{}'), coalesce(r."altLabels", '{}'), r.description
         FROM jsonb_to_recordset($1::jsonb) AS r(uri text, "skillType" text, "reuseLevel" text, label jsonb, "altLabels" jsonb, description text)
         ON CONFLICT (uri) DO UPDATE SET
           skill_type = coalesce(EXCLUDED.skill_type, esco_skill.skill_type),
           reuse_level = coalesce(EXCLUDED.reuse_level, esco_skill.reuse_level),
           label = esco_skill.label || EXCLUDED.label,
           alt_labels = esco_skill.alt_labels || EXCLUDED.alt_labels,
           description = coalesce(EXCLUDED.description, esco_skill.description),
           updated_at = now()`,
        [json],
      );
    } else {
      await m.query(
        `INSERT INTO esco_occupation (uri, isco_group, label, alt_labels, regulated_note, description)
         SELECT r.uri, r."iscoGroup", coalesce(r.label, '{}'), coalesce(r."altLabels", '{}'), r."regulatedNote", r.description
         FROM jsonb_to_recordset($1::jsonb) AS r(uri text, "iscoGroup" text, label jsonb, "altLabels" jsonb, "regulatedNote" text, description text)
         ON CONFLICT (uri) DO UPDATE SET
           isco_group = coalesce(EXCLUDED.isco_group, esco_occupation.isco_group),
           label = esco_occupation.label || EXCLUDED.label,
           alt_labels = esco_occupation.alt_labels || EXCLUDED.alt_labels,
           regulated_note = coalesce(EXCLUDED.regulated_note, esco_occupation.regulated_note),
           description = coalesce(EXCLUDED.description, esco_occupation.description),
           updated_at = now()`,
        [json],
      );
    }
  }
}

function stripNull<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== null && v !== undefined)) as Partial<T>;
}

const nonEmpty = (v: string | undefined): string | null => (v && v.trim() ? v.trim() : null);

function splitList(v: string | undefined, sep: RegExp): string[] {
  return (v ?? '').split(sep).map((s) => s.trim()).filter(Boolean);
}

/** One row of the official download: preferredLabel/altLabels are in the file's language. */
function officialRow(rec: Record<string, string>, lang: string, kind: 'skill' | 'occupation'): EscoRow | null {
  const uri = nonEmpty(rec.conceptUri);
  if (!uri) return null;
  const label = nonEmpty(rec.preferredLabel);
  const alt = splitList(rec.altLabels, /\r?\n/);
  return {
    uri,
    label: label ? { [lang]: label } : {},
    altLabels: alt.length ? { [lang]: alt } : {},
    skillType: kind === 'skill' ? nonEmpty(rec.skillType) : undefined,
    reuseLevel: kind === 'skill' ? nonEmpty(rec.reuseLevel) : undefined,
    iscoGroup: kind === 'occupation' ? nonEmpty(rec.iscoGroup) : undefined,
    regulatedNote: kind === 'occupation' ? nonEmpty(rec.regulatedProfessionNote) : undefined,
    description: lang === 'en' ? nonEmpty(rec.description) : null,
  };
}

/** One row of the merged extract: label_<lang> and altLabels_<lang> (joined with " | "). */
function extractRow(rec: Record<string, string>, kind: 'skill' | 'occupation'): EscoRow | null {
  const uri = nonEmpty(rec.conceptUri);
  if (!uri) return null;
  const label: Record<string, string> = {};
  const altLabels: Record<string, string[]> = {};
  for (const [col, value] of Object.entries(rec)) {
    const l = /^label_([a-z]{2})$/.exec(col);
    if (l && nonEmpty(value)) label[l[1]] = value.trim();
    const a = /^altLabels_([a-z]{2})$/.exec(col);
    if (a) {
      const list = splitList(value, /\s\|\s/);
      if (list.length) altLabels[a[1]] = list;
    }
  }
  return {
    uri,
    label,
    altLabels,
    skillType: kind === 'skill' ? nonEmpty(rec.skillType) : undefined,
    reuseLevel: kind === 'skill' ? nonEmpty(rec.reuseLevel) : undefined,
    iscoGroup: kind === 'occupation' ? nonEmpty(rec.iscoGroup) : undefined,
    regulatedNote: kind === 'occupation' ? nonEmpty(rec.regulatedProfessionNote) : undefined,
    description: nonEmpty(rec.description_en ?? rec.description),
  };
}
