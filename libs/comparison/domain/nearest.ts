import type { LocalizedText } from '../../catalogue/domain/qualification-file.schema';

export interface IndexEntry {
  id: string;
  key: string;
  jurisdiction: string;
  eqfLevel: number;
  title: LocalizedText;
  tags: readonly string[];
  /** ISCO codes of the ESCO occupations of the qualification's professions; empty or absent when not known. */
  iscoGroups?: readonly string[];
}

export interface NearestHit {
  entry: IndexEntry;
  score: number;
  sharedSkills: number;
  levelGap: number;
  /** The shared ESCO skills, the rarest (most telling) first. */
  shared: string[];
  /** ISCO major groups (first digit) the two sides' professions have in common; null when either side's is not known. */
  commonIscoMajorGroups: string[] | null;
}

/** Weight of shared ESCO skills against closeness of EQF level in the ranking. */
const TAG_WEIGHT = 0.8;
const LEVEL_WEIGHT = 0.2;
/**
 * Default minimum score: what closeness of level alone can give at most. A hit must show shared skills,
 * or be at the same level in the same ISCO major group, to count as an equivalent.
 */
export const NEAREST_MIN_SCORE = LEVEL_WEIGHT;
export const iscoMajorGroups = (codes: readonly string[] | undefined): string[] => [...new Set((codes ?? []).filter((c) => /^\d/.test(c)).map((c) => c[0]))].sort();
const levelSimilarity = (a: number, b: number) => Math.max(0, 1 - Math.abs(a - b) / 3);
const inScope = (destination: string, jurisdiction: string) => jurisdiction === destination || jurisdiction.startsWith(`${destination}-`);

/**
 * In-memory index of qualification files by ESCO skill (inverted lists, IDF weights), EQF level and the
 * ISCO groups of their professions. Ranking: 0.8 × IDF-weighted cosine of the skill sets + 0.2 × level
 * closeness. Pure; the service rebuilds it on change.
 */
export class EquivalenceIndex {
  private readonly entries: IndexEntry[];
  private readonly postings = new Map<string, number[]>();
  private readonly idf = new Map<string, number>();
  private readonly norms: Float64Array;
  private readonly byId = new Map<string, number>();
  private readonly majors: string[][];

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
    this.majors = this.entries.map((e) => iscoMajorGroups(e.iscoGroups));
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

  /**
   * The destination's k nearest qualifications with at least `minScore`. A qualification that shares no
   * skill is never ranked unless its professions are in the query's ISCO major group (a care and an IT
   * qualification at the same level are not equivalents); where ISCO groups are not known it is left out.
   */
  nearest(query: { id?: string; eqfLevel: number; tags: readonly string[]; iscoGroups?: readonly string[] }, destination: string, k: number, minScore = NEAREST_MIN_SCORE): NearestHit[] {
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
    const queryMajor = iscoMajorGroups(query.iscoGroups);
    const found: Array<{ i: number; score: number; common: string[] | null }> = [];
    const consider = (i: number) => {
      const e = this.entries[i];
      if (e.id === query.id || !inScope(destination, e.jurisdiction)) return;
      const tagSim = shared[i] && qNorm && this.norms[i] ? dot[i] / (qNorm * this.norms[i]) : 0;
      const score = Math.round((TAG_WEIGHT * tagSim + LEVEL_WEIGHT * levelSimilarity(query.eqfLevel, e.eqfLevel)) * 10_000) / 10_000;
      if (score < minScore) return;
      const major = this.majors[i];
      const common = queryMajor.length && major.length ? queryMajor.filter((g) => major.includes(g)) : null;
      if (shared[i] === 0 && !common?.length) return;
      found.push({ i, score, common });
    };
    for (const i of touched) consider(i);
    // Without shared skills only the same ISCO major group can qualify (checked in consider).
    if (queryMajor.length) for (let i = 0; i < n; i++) if (shared[i] === 0) consider(i);
    const key = (x: { i: number }) => this.entries[x.i].key;
    found.sort((a, b) => b.score - a.score || (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
    const queryTags = new Set(query.tags);
    const byIdf = (a: string, b: string) => this.idf.get(b)! - this.idf.get(a)! || (a < b ? -1 : a > b ? 1 : 0);
    return found.slice(0, k).map(({ i, score, common }) => {
      const e = this.entries[i];
      const sharedTags = [...new Set(e.tags)].filter((t) => queryTags.has(t)).sort(byIdf);
      return { entry: e, score, sharedSkills: shared[i], levelGap: e.eqfLevel - query.eqfLevel, shared: sharedTags, commonIscoMajorGroups: common };
    });
  }
}
