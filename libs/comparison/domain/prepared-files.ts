import type { QualificationFile } from '../../catalogue/domain/qualification-file.schema';
import type { ConceptLabelRow } from './alignment';

/** An ESCO skill or occupation row as the esco_skill / esco_occupation tables hold it. */
export interface EscoLabelRow {
  uri: string;
  label: Record<string, string> | null;
  alt_labels: Record<string, string[]> | null;
}

/** Preferred label first, then the alternative labels, per language: what the concept index reads. */
export function conceptRows(rows: EscoLabelRow[]): ConceptLabelRow[] {
  return rows.map((r) => {
    const labels: Record<string, string[]> = {};
    const langs = new Set([...Object.keys(r.label ?? {}), ...Object.keys(r.alt_labels ?? {})]);
    for (const lang of langs) {
      const list = [r.label?.[lang], ...(r.alt_labels?.[lang] ?? [])].filter((s): s is string => typeof s === 'string' && s.trim().length > 0);
      if (list.length) labels[lang] = [...new Set(list)];
    }
    return { uri: r.uri, labels };
  });
}

/**
 * Qualification files with their outcomes prepared for alignment, by "id@version", least recently used dropped
 * first. `resources` names the alignment resources they were prepared with; a new ESCO import makes them stale.
 */
export class PreparedFiles {
  private readonly entries = new Map<string, { resources: string; file: QualificationFile }>();

  constructor(private readonly max = 200) {}

  get(key: string, resources: string): QualificationFile | undefined {
    const e = this.entries.get(key);
    if (!e || e.resources !== resources) return undefined;
    this.entries.delete(key);
    this.entries.set(key, e);
    return e.file;
  }

  set(key: string, resources: string, file: QualificationFile): void {
    this.entries.delete(key);
    this.entries.set(key, { resources, file });
    while (this.entries.size > this.max) this.entries.delete(this.entries.keys().next().value!);
  }

  get size(): number {
    return this.entries.size;
  }
}
