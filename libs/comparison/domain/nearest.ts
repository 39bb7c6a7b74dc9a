import type { LocalizedText } from '../../catalogue/domain/qualification-file.schema';

export interface IndexEntry {
  id: string;
  key: string;
  jurisdiction: string;
  eqfLevel: number;
  title: LocalizedText;
  tags: readonly string[];
}

export interface NearestHit {
  entry: IndexEntry;
  score: number;
  sharedSkills: number;
  levelGap: number;
}

/** Weight of shared ESCO skills against closeness of EQF level in the ranking. */
const TAG_WEIGHT = 0.8;
const LEVEL_WEIGHT = 0.2;
const levelSimilarity = (a: number, b: number) => Math.max(0, 1 - Math.abs(a - b) / 3);
const inScope = (destination: string, jurisdiction: string) => jurisdiction === destination || jurisdiction.startsWith(`${destination}-`);

/**
 * In-memory index of qualification files by ESCO skill (inverted lists, IDF weights) and EQF level.
 * Ranking: 0.8 × IDF-weighted cosine of the skill sets + 0.2 × level closeness. Pure; the service rebuilds it on change.
 */
export class EquivalenceIndex {
  private readonly entries: IndexEntry[];
  private readonly postings = new Map<string, number[]>();
  private readonly idf = new Map<string, number>();
  private readonly norms: Float64Array;
  private readonly byId = new Map<string, number>();

  constructor(entries: IndexEntry[]) {
    this.entries = [...entries].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    this.entries.forEach((e, i) => {
      this.byId.set(e.id, i);
      for (const t of new Set(e.tags)) {
        const list = this.postings.get(t);
        if (list) list.push(i);
        else this.postings.set(t, [i]);
      }
    });
    const n = this.entries.length;
    for (const [t, list] of this.postings) this.idf.set(t, Math.log(1 + n / list.length));
    this.norms = new Float64Array(n);
    this.entries.forEach((e, i) => {
      let s = 0;
      for (const t of new Set(e.tags)) s += this.idf.get(t)! ** 2;
      this.norms[i] = Math.sqrt(s);
    });
  }

  get size(): number {
    return this.entries.length;
  }

  get(id: string): IndexEntry | undefined {
    const i = this.byId.get(id);
    return i === undefined ? undefined : this.entries[i];
  }

  nearest(query: { id?: string; eqfLevel: number; tags: readonly string[] }, destination: string, k: number): NearestHit[] {
    const n = this.entries.length;
    const dot = new Float64Array(n);
    const shared = new Uint16Array(n);
    const touched: number[] = [];
    let qNorm = 0;
    for (const t of new Set(query.tags)) {
      const list = this.postings.get(t);
      const w = this.idf.get(t) ?? Math.log(1 + n);
      qNorm += w * w;
      if (!list) continue;
      for (const i of list) {
        if (shared[i] === 0) touched.push(i);
        dot[i] += w * w;
        shared[i]++;
      }
    }
    qNorm = Math.sqrt(qNorm);
    const hits: NearestHit[] = [];
    const seen = new Set<number>();
    const consider = (i: number) => {
      const e = this.entries[i];
      if (e.id === query.id || !inScope(destination, e.jurisdiction)) return;
      const tagSim = shared[i] && qNorm && this.norms[i] ? dot[i] / (qNorm * this.norms[i]) : 0;
      const score = Math.round((TAG_WEIGHT * tagSim + LEVEL_WEIGHT * levelSimilarity(query.eqfLevel, e.eqfLevel)) * 10_000) / 10_000;
      hits.push({ entry: e, score, sharedSkills: shared[i], levelGap: e.eqfLevel - query.eqfLevel });
      seen.add(i);
    };
    for (const i of touched) consider(i);
    // Fewer skill matches than k: fill with the closest levels, so the answer is never empty for a known destination.
    if (hits.length < k) for (let i = 0; i < n; i++) if (!seen.has(i) && Math.abs(this.entries[i].eqfLevel - query.eqfLevel) <= 1) consider(i);
    hits.sort((a, b) => b.score - a.score || (a.entry.key < b.entry.key ? -1 : a.entry.key > b.entry.key ? 1 : 0));
    return hits.slice(0, k);
  }
}
