import { compileOutcome } from './compiled';
import type { AlignmentEvidence, PreparedOutcome } from './types';

const r4 = (x: number) => Math.round(x * 10_000) / 10_000;

/** Holder-side scratch: term id → index of the first holder word with that term, valid when stamped. */
let firstWord = new Int32Array(0);
let stampOf = new Int32Array(0);
let generation = 0;

function begin(limit: number): number {
  if (stampOf.length < limit) {
    const size = Math.max(limit, stampOf.length * 2, 1024);
    firstWord = new Int32Array(size);
    stampOf = new Int32Array(size);
    generation = 0;
  }
  if (++generation === 0x7fffffff) {
    stampOf.fill(0);
    generation = 1;
  }
  return generation;
}

/** The shared concepts and words behind one pair, strongest first: concepts, then words in reference order. */
export function explain(ref: PreparedOutcome, hol: PreparedOutcome, max = 8): AlignmentEvidence[] {
  const out: AlignmentEvidence[] = [];
  if (max <= 0) return out;
  if (ref.concepts.length && hol.concepts.length) {
    const conceptTotal = ref.concepts.reduce((x, c) => x + c.size, 0) + hol.concepts.reduce((x, c) => x + c.size, 0);
    for (const c of ref.concepts) {
      const h = hol.concepts.find((x) => x.uri === c.uri);
      if (h) out.push({ signal: 'CONCEPT', key: c.uri, reference: c.label, holder: h.label, weight: r4((c.size + h.size) / conceptTotal) });
    }
    out.sort((a, b) => b.weight - a.weight);
    if (out.length >= max) return out.slice(0, max);
  }

  const rc = compileOutcome(ref);
  const hc = compileOutcome(hol);
  let limit = 0;
  for (let k = 0; k < hc.terms.length; k++) if (hc.terms[k] >= limit) limit = hc.terms[k] + 1;
  const gen = begin(limit);
  for (let i = hc.wordStart.length - 2; i >= 0; i--)
    for (let k = hc.wordStart[i]; k < hc.wordStart[i + 1]; k++) {
      stampOf[hc.terms[k]] = gen;
      firstWord[hc.terms[k]] = i;
    }
  const weight = r4(2 / (ref.words.length + hol.words.length));
  const seen = new Set<string>();
  for (let i = 0; i < ref.words.length && out.length < max; i++) {
    let hit = -1;
    for (let k = rc.wordStart[i]; k < rc.wordStart[i + 1]; k++) {
      const t = rc.terms[k];
      if (t < limit && stampOf[t] === gen) {
        hit = k - rc.wordStart[i];
        break;
      }
    }
    if (hit < 0) continue;
    const w = ref.words[i];
    const term = w.terms[hit];
    if (seen.has(`${w.surface}|${term}`)) continue;
    seen.add(`${w.surface}|${term}`);
    const cognate = term.startsWith('~');
    out.push({
      signal: cognate ? 'COGNATE' : 'LEXICON',
      key: cognate ? term.slice(1) : term.slice(3),
      reference: w.surface,
      holder: hol.words[firstWord[rc.terms[rc.wordStart[i] + hit]]].surface,
      weight,
    });
  }
  return out;
}
