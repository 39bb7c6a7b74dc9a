import { CONCEPT_BOOST, type PreparedOutcome as AlignedOutcome } from './alignment';
import { compileOutcome, type CompiledOutcome } from './alignment/compiled';

/**
 * Pair scores of the aligner (soft Dice over translated words, lifted by shared ESCO concepts, as scoreMatrix),
 * with one difference that the engine needs: words are weighed by how rare they are among the REFERENCE file's
 * outcomes (plus the holder outcome of the pair), not among both files. A pair's score then depends on the
 * reference file and the two outcomes only, so taking outcomes away from the holder never raises another pair's
 * score, and the engine's coverage stays monotone in what the holder shows.
 */
export class ReferenceContext {
  readonly compiled: CompiledOutcome[];
  /** Number of outcomes a word's rarity is counted among: the reference outcomes and the holder outcome. */
  private readonly n: number;
  private readonly conceptDf = new Map<number, number>();
  private readonly conceptSize = new Map<number, number>();
  /** Local number of each term the reference file has; reference outcomes containing local term i: refItems[refStart[i] … refStart[i + 1]). */
  readonly localOf = new Map<number, number>();
  readonly refStart: Int32Array;
  readonly refItems: Int32Array;
  /** The terms of each reference outcome as local numbers (parallel to compiled.terms). */
  readonly localTerms: Int32Array[];
  /** Idf of each local term, and of a term no reference outcome has. */
  private readonly localIdf: Float64Array;
  private readonly unknownIdf: number;
  /** Reference outcomes containing each concept, ascending. */
  readonly conceptPostings = new Map<number, number[]>();
  readonly wordWeights: Float64Array[];
  readonly totals: Float64Array;
  readonly conceptTotals: Float64Array;
  private readonly holders = new WeakMap<CompiledOutcome, HolderSide>();

  constructor(outcomes: AlignedOutcome[]) {
    this.compiled = outcomes.map(compileOutcome);
    this.n = outcomes.length + 1;
    const termPostings: number[][] = [];
    this.compiled.forEach((c, r) => {
      for (const t of c.distinctTerms) {
        let li = this.localOf.get(t);
        if (li === undefined) {
          li = termPostings.length;
          this.localOf.set(t, li);
          termPostings.push([]);
        }
        termPostings[li].push(r);
      }
      c.concepts.forEach((id, k) => {
        this.conceptDf.set(id, (this.conceptDf.get(id) ?? 0) + 1);
        this.conceptSize.set(id, Math.max(this.conceptSize.get(id) ?? 0, c.conceptSizes[k]));
        push(this.conceptPostings, id, r);
      });
    });
    this.refStart = new Int32Array(termPostings.length + 1);
    termPostings.forEach((l, i) => (this.refStart[i + 1] = this.refStart[i] + l.length));
    this.refItems = Int32Array.from(termPostings.flat());
    this.localTerms = this.compiled.map((c) => this.local(c.terms));
    this.localIdf = new Float64Array(termPostings.length);
    termPostings.forEach((l, i) => (this.localIdf[i] = this.idf(l.length)));
    this.unknownIdf = this.idf(0);
    this.totals = new Float64Array(outcomes.length);
    this.wordWeights = this.compiled.map((c, r) => {
      const w = this.weigh(c.wordStart, this.localTerms[r]);
      this.totals[r] = w.reduce((s, x) => s + x, 0);
      return w;
    });
    this.conceptTotals = Float64Array.from(this.compiled, (c) => {
      let t = 0;
      c.concepts.forEach((id) => (t += this.conceptWeight(id, 0)));
      return t;
    });
  }

  /** What the scores need of a holder outcome in this context, computed once per outcome (files are kept per version). */
  holderSide(c: CompiledOutcome): HolderSide {
    let side = this.holders.get(c);
    if (!side) {
      const local = this.local(c.terms);
      const weights = this.weigh(c.wordStart, local);
      side = { local, distinctLocal: this.local(c.distinctTerms), weights, total: weights.reduce((s, x) => s + x, 0) };
      this.holders.set(c, side);
    }
    return side;
  }

  /** Local numbers of these terms; -1 for a term no reference outcome has. */
  local(terms: Int32Array): Int32Array {
    const out = new Int32Array(terms.length);
    for (let k = 0; k < terms.length; k++) {
      const li = this.localOf.get(terms[k]);
      out[k] = li === undefined ? -1 : li;
    }
    return out;
  }

  /** Inverse document frequency, counting the holder outcome of the pair as one that has the term. */
  private idf(df: number): number {
    return Math.log(1 + this.n / (df + 1));
  }

  /** A concept weighs its largest label size times its rarity (as scoreMatrix). */
  conceptWeight(id: number, holderSize: number): number {
    return Math.max(this.conceptSize.get(id) ?? 0, holderSize) * this.idf(this.conceptDf.get(id) ?? 0);
  }

  /** Weight of each word of an outcome (its terms as local numbers): the rarest of its terms. */
  weigh(wordStart: Int32Array, localTerms: Int32Array): Float64Array {
    const words = wordStart.length - 1;
    const w = new Float64Array(words);
    for (let i = 0; i < words; i++) {
      let best = 0;
      for (let k = wordStart[i]; k < wordStart[i + 1]; k++) {
        const li = localTerms[k];
        const x = li >= 0 ? this.localIdf[li] : this.unknownIdf;
        if (x > best) best = x;
      }
      w[i] = best;
    }
    return w;
  }
}

/** A holder outcome seen from a reference file: its terms as local numbers and its word weights. */
interface HolderSide {
  local: Int32Array;
  distinctLocal: Int32Array;
  weights: Float64Array;
  total: number;
}

function push(m: Map<number, number[]>, k: number, v: number): void {
  const list = m.get(k);
  if (list) list.push(v);
  else m.set(k, [v]);
}

/** Row-major R×H matrix of pair scores (0…1) of the reference outcomes against these holder outcomes. */
export function referenceScores(ctx: ReferenceContext, holder: AlignedOutcome[]): Float64Array {
  const R = ctx.compiled.length;
  const H = holder.length;
  const acc = new Float64Array(R * H);
  if (R === 0 || H === 0) return acc;
  const hol = holder.map(compileOutcome);
  const sides = hol.map((c) => ctx.holderSide(c));
  // Holder outcomes containing each reference term (terms the reference lacks can match no reference word).
  const L = ctx.refStart.length - 1;
  const start = new Int32Array(L + 1);
  for (const { distinctLocal } of sides) for (const li of distinctLocal) if (li >= 0) start[li + 1]++;
  for (let i = 0; i < L; i++) start[i + 1] += start[i];
  const items = new Int32Array(start[L]);
  const fill = start.slice(0, L);
  sides.forEach(({ distinctLocal }, h) => {
    for (const li of distinctLocal) if (li >= 0) items[fill[li]++] = h;
  });

  // Each word counts once per outcome of the other side that has one of its terms.
  const markH = new Int32Array(H);
  let stamp = 0;
  for (let r = 0; r < R; r++) {
    const { wordStart } = ctx.compiled[r];
    const terms = ctx.localTerms[r];
    const w = ctx.wordWeights[r];
    for (let i = 0; i < w.length; i++) {
      stamp++;
      for (let k = wordStart[i]; k < wordStart[i + 1]; k++) {
        const li = terms[k];
        for (let j = start[li]; j < start[li + 1]; j++) {
          const h = items[j];
          if (markH[h] === stamp) continue;
          markH[h] = stamp;
          acc[r * H + h] += w[i];
        }
      }
    }
  }
  const markR = new Int32Array(R);
  stamp = 0;
  for (let h = 0; h < H; h++) {
    const { wordStart } = hol[h];
    const terms = sides[h].local;
    const w = sides[h].weights;
    for (let i = 0; i < w.length; i++) {
      stamp++;
      for (let k = wordStart[i]; k < wordStart[i + 1]; k++) {
        const li = terms[k];
        if (li < 0) continue;
        for (let j = ctx.refStart[li]; j < ctx.refStart[li + 1]; j++) {
          const r = ctx.refItems[j];
          if (markR[r] === stamp) continue;
          markR[r] = stamp;
          acc[r * H + h] += w[i];
        }
      }
    }
  }
  for (let r = 0; r < R; r++)
    for (let h = 0; h < H; h++) {
      const denom = ctx.totals[r] + sides[h].total;
      acc[r * H + h] = denom > 0 ? acc[r * H + h] / denom : 0;
    }

  // Shared concepts lift the word score: l + (1 − l) · c · CONCEPT_BOOST.
  for (let h = 0; h < H; h++) {
    const c = hol[h];
    if (c.concepts.length === 0) continue;
    let holCT = 0;
    for (let k = 0; k < c.concepts.length; k++) holCT += ctx.conceptWeight(c.concepts[k], c.conceptSizes[k]);
    const shared = new Map<number, number>();
    for (let k = 0; k < c.concepts.length; k++) {
      const w = 2 * ctx.conceptWeight(c.concepts[k], c.conceptSizes[k]);
      for (const r of ctx.conceptPostings.get(c.concepts[k]) ?? []) shared.set(r, (shared.get(r) ?? 0) + w);
    }
    for (const [r, con] of shared) {
      const i = r * H + h;
      const l = acc[i];
      const cd = ctx.conceptTotals[r] + holCT;
      const s = l + (1 - l) * (cd > 0 ? con / cd : 0) * CONCEPT_BOOST;
      acc[i] = s < 1 ? s : 1;
    }
  }
  return acc;
}
