import { stem } from './stemmer';
import { contentWords } from './text';
import { isAlignLang, type AlignLang, type ConceptHit } from './types';

/** One ESCO concept with its labels per language (preferred label first, then alternative labels). */
export interface ConceptLabelRow {
  uri: string;
  labels: Partial<Record<string, string[]>>;
}

interface Entry {
  uri: string;
  label: string;
  lang: AlignLang;
  size: number;
}

/** Labels longer than this are sentences, not names of a skill. */
export const MAX_LABEL_WORDS = 5;

const keyOf = (lang: string, stems: string[]) => `${lang}|${[...new Set(stems)].sort().join(' ')}`;

/**
 * Maps label word-sets (stemmed, stop words removed, order ignored) to ESCO concepts, per language.
 * Built once from the label rows the service already imports; looked up per outcome at import time.
 */
export class ConceptIndex {
  private readonly byKey = new Map<string, Entry[]>();
  private labelCount = 0;

  constructor(rows: Iterable<ConceptLabelRow>) {
    for (const row of rows) {
      for (const [lang, labels] of Object.entries(row.labels)) {
        if (!isAlignLang(lang) || !labels) continue;
        for (const raw of labels) {
          // Occupation labels pair the gendered forms: "Pflegehelfer/Pflegehelferin".
          for (const label of raw.split('/')) {
            const ws = contentWords(lang, label);
            if (ws.length === 0 || ws.length > MAX_LABEL_WORDS) continue;
            const stems = ws.map((w) => stem(lang, w));
            if (stems.length === 1 && stems[0].length < 4) continue;
            const key = keyOf(lang, stems);
            const list = this.byKey.get(key) ?? [];
            if (!list.some((e) => e.uri === row.uri)) {
              list.push({ uri: row.uri, label: label.trim(), lang, size: new Set(stems).size });
              this.labelCount++;
            }
            this.byKey.set(key, list);
          }
        }
      }
    }
  }

  get size(): number {
    return this.labelCount;
  }

  /**
   * Concepts whose label words occur as a run of consecutive content words of the text (in any order).
   * `stemsPerWord[i]` lists the alternative stems of word i (its own stem, or English pivots); each run tries
   * the first alternative of every word, which keeps the lookup linear.
   */
  find(lang: AlignLang, stemsPerWord: string[][]): ConceptHit[] {
    const hits = new Map<string, ConceptHit>();
    const n = stemsPerWord.length;
    for (let i = 0; i < n; i++) {
      const run: string[] = [];
      for (let j = i; j < n && j - i < MAX_LABEL_WORDS; j++) {
        const s = stemsPerWord[j][0];
        if (!s) break;
        run.push(s);
        for (const e of this.byKey.get(keyOf(lang, run)) ?? []) {
          const prev = hits.get(e.uri);
          if (!prev || prev.size < e.size) hits.set(e.uri, { uri: e.uri, label: e.label, labelLang: e.lang, size: e.size });
        }
      }
    }
    return [...hits.values()].sort((a, b) => (a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : 0));
  }
}
