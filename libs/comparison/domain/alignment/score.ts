import { compileOutcome, conceptIdLimit, termIdLimit, type CompiledOutcome } from './compiled';
import type { PreparedOutcome } from './types';

/** How much a shared ESCO concept lifts a pair beyond its word overlap. */
export const CONCEPT_BOOST = 0.5;

/**
 * Scratch arrays indexed by global term / concept id, reused across calls. A slot is valid for the current call
 * only when its stamp equals the call's generation, so nothing has to be cleared between calls.
 */
class IdScratch {
  stamp = new Int32Array(0);
  local = new Int32Array(0);
  df = new Int32Array(0);
  generation = 0;

  /** Starts a call for ids below `limit`; returns the generation to compare stamps with. */
  begin(limit: number): number {
    if (this.stamp.length < limit) {
      const size = Math.max(limit, this.stamp.length * 2, 1024);
      this.stamp = new Int32Array(size);
      this.local = new Int32Array(size);
      this.df = new Int32Array(size);
      this.generation = 0;
    }
    if (++this.generation === 0x7fffffff) {
      this.stamp.fill(0);
      this.generation = 1;
    }
    return this.generation;
  }
}

const termScratch = new IdScratch();
const conceptScratch = new IdScratch();

/** For each local id, the (ascending) indices of one side's outcomes that contain it: CSR layout. */
interface Postings {
  start: Int32Array;
  items: Int32Array;
}

/**
 * Numbers every id of `lists` locally (in first-seen order) and counts in how many outcomes it occurs.
 * Returns the number of local ids.
 */
function numberIds(s: IdScratch, gen: number, sides: CompiledOutcome[][], ids: (c: CompiledOutcome) => Int32Array): number {
  let n = 0;
  for (const side of sides)
    for (const c of side) {
      const list = ids(c);
      for (let k = 0; k < list.length; k++) {
        const id = list[k];
        if (s.stamp[id] !== gen) {
          s.stamp[id] = gen;
          s.local[id] = n++;
          s.df[id] = 0;
        }
        s.df[id]++;
      }
    }
  return n;
}

function postings(s: IdScratch, side: CompiledOutcome[], localCount: number, ids: (c: CompiledOutcome) => Int32Array): Postings {
  const start = new Int32Array(localCount + 1);
  let total = 0;
  for (const c of side) {
    const list = ids(c);
    for (let k = 0; k < list.length; k++) start[s.local[list[k]] + 1]++;
    total += list.length;
  }
  for (let i = 0; i < localCount; i++) start[i + 1] += start[i];
  const items = new Int32Array(total);
  const fill = start.slice(0, localCount);
  side.forEach((c, o) => {
    const list = ids(c);
    for (let k = 0; k < list.length; k++) items[fill[s.local[list[k]]]++] = o;
  });
  return { start, items };
}

const distinctTerms = (c: CompiledOutcome) => c.distinctTerms;
const conceptList = (c: CompiledOutcome) => c.concepts;

/** Weight of each word: the inverse document frequency of its rarest term among all outcomes of this call. */
function wordWeights(side: CompiledOutcome[], idf: Float64Array): { weights: Float64Array[]; totals: Float64Array } {
  const s = termScratch;
  const totals = new Float64Array(side.length);
  const weights = side.map((c, o) => {
    const words = c.wordStart.length - 1;
    const w = new Float64Array(words);
    let total = 0;
    for (let i = 0; i < words; i++) {
      let best = 0;
      for (let k = c.wordStart[i]; k < c.wordStart[i + 1]; k++) {
        const x = idf[s.local[c.terms[k]]];
        if (x > best) best = x;
      }
      w[i] = best;
      total += best;
    }
    totals[o] = total;
    return w;
  });
  return { weights, totals };
}

/**
 * Adds, for each word of each `from` outcome, its weight to the cell of every `to` outcome that has one of its
 * terms (once per word). Cell of (f, t) = f * fStride + t * tStride.
 */
function matchWords(from: CompiledOutcome[], weights: Float64Array[], to: Postings, toCount: number, acc: Float64Array, fStride: number, tStride: number): void {
  const local = termScratch.local;
  const mark = new Int32Array(toCount);
  let stamp = 0;
  for (let f = 0; f < from.length; f++) {
    const { terms, wordStart } = from[f];
    const w = weights[f];
    const base = f * fStride;
    for (let i = 0; i < w.length; i++) {
      stamp++;
      const weight = w[i];
      for (let k = wordStart[i]; k < wordStart[i + 1]; k++) {
        const lt = local[terms[k]];
        for (let j = to.start[lt]; j < to.start[lt + 1]; j++) {
          const t = to.items[j];
          if (mark[t] === stamp) continue;
          mark[t] = stamp;
          acc[base + t * tStride] += weight;
        }
      }
    }
  }
}

/**
 * Row-major R×H matrix of pair scores (0…1). Word evidence is a soft Dice: a word counts as matched when any of
 * its terms occurs in the other outcome, weighted by how rare its terms are among the outcomes of this comparison;
 * shared ESCO concepts, weighted alike, add to that.
 */
export function scoreMatrix(reference: PreparedOutcome[], holder: PreparedOutcome[]): Float64Array {
  const R = reference.length;
  const H = holder.length;
  const lex = new Float64Array(R * H);
  if (R === 0 || H === 0) return lex;
  const ref = reference.map(compileOutcome);
  const hol = holder.map(compileOutcome);
  const n = R + H;

  // Terms: local numbering, document frequencies, postings of both sides.
  const ts = termScratch;
  const tg = ts.begin(termIdLimit());
  const terms = numberIds(ts, tg, [ref, hol], distinctTerms);
  const idf = new Float64Array(terms);
  for (const side of [ref, hol])
    for (const c of side)
      for (let k = 0; k < c.distinctTerms.length; k++) {
        const id = c.distinctTerms[k];
        idf[ts.local[id]] = Math.log(1 + n / ts.df[id]);
      }
  const refW = wordWeights(ref, idf);
  const holW = wordWeights(hol, idf);
  matchWords(ref, refW.weights, postings(ts, hol, terms, distinctTerms), H, lex, H, 1);
  matchWords(hol, holW.weights, postings(ts, ref, terms, distinctTerms), R, lex, 1, H);

  // Concepts: weight = label size × idf, the largest over the outcomes that have it.
  const cs = conceptScratch;
  const cg = cs.begin(conceptIdLimit());
  const concepts = numberIds(cs, cg, [ref, hol], conceptList);
  const con = concepts > 0 ? new Float64Array(R * H) : null;
  const refCT = new Float64Array(R);
  const holCT = new Float64Array(H);
  if (con) {
    const cw = new Float64Array(concepts);
    for (const side of [ref, hol])
      for (const c of side)
        for (let k = 0; k < c.concepts.length; k++) {
          const id = c.concepts[k];
          const w = c.conceptSizes[k] * Math.log(1 + n / cs.df[id]);
          if (w > cw[cs.local[id]]) cw[cs.local[id]] = w;
        }
    const total = (c: CompiledOutcome) => {
      let t = 0;
      for (let k = 0; k < c.concepts.length; k++) t += cw[cs.local[c.concepts[k]]];
      return t;
    };
    ref.forEach((c, r) => (refCT[r] = total(c)));
    hol.forEach((c, h) => (holCT[h] = total(c)));
    const holP = postings(cs, hol, concepts, conceptList);
    for (let r = 0; r < R; r++) {
      const c = ref[r];
      for (let k = 0; k < c.concepts.length; k++) {
        const lc = cs.local[c.concepts[k]];
        const w = 2 * cw[lc];
        for (let j = holP.start[lc]; j < holP.start[lc + 1]; j++) con[r * H + holP.items[j]] += w;
      }
    }
  }

  // Combine in place: the lexical share, lifted by shared concepts.
  for (let r = 0; r < R; r++) {
    const rt = refW.totals[r];
    const rc = refCT[r];
    for (let h = 0; h < H; h++) {
      const i = r * H + h;
      const denom = rt + holW.totals[h];
      const l = denom > 0 ? lex[i] / denom : 0;
      let c = 0;
      if (con) {
        const cDenom = rc + holCT[h];
        c = cDenom > 0 ? con[i] / cDenom : 0;
      }
      const s = l + (1 - l) * c * CONCEPT_BOOST;
      lex[i] = s < 1 ? s : 1;
    }
  }
  return lex;
}
