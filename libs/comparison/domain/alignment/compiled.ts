import type { PreparedOutcome } from './types';

/**
 * A prepared outcome in the form scoring reads: terms and concepts as integer ids of one process-wide table,
 * flattened into typed arrays. Ids are process-local, so this form is never stored: it is derived from the
 * stored PreparedOutcome on first use and kept on the object under a non-enumerable symbol, so it goes when the
 * outcome goes and JSON.stringify never sees it. (A WeakMap did the same, but its GC cost doubled the p95 of
 * aligning outcomes freshly read from storage.)
 */
export interface CompiledOutcome {
  /** Term ids of all words, word after word. */
  readonly terms: Int32Array;
  /** Word i has the terms terms[wordStart[i]] … terms[wordStart[i + 1] - 1]. Length = words + 1. */
  readonly wordStart: Int32Array;
  /** Distinct term ids of the outcome (for document frequencies and postings). */
  readonly distinctTerms: Int32Array;
  /** Concept ids, and the size (content words) of the label that matched each. */
  readonly concepts: Int32Array;
  readonly conceptSizes: Float64Array;
}

/**
 * Process-wide id tables. They only grow: with the lexicon's pivots, cognate skeletons of the words seen and
 * the ESCO URIs, that is tens of thousands of short strings at most.
 */
const termIds = new Map<string, number>();
const conceptIds = new Map<string, number>();
const COMPILED = Symbol('compiledOutcome');
type Carrier = PreparedOutcome & { [COMPILED]?: CompiledOutcome };
/** Last outcome (by serial) each term id was seen in: finds distinct terms without a Set per outcome. */
let seenIn = new Int32Array(1024);
let serial = 0;

function idOf(table: Map<string, number>, key: string): number {
  let id = table.get(key);
  if (id === undefined) {
    id = table.size;
    table.set(key, id);
  }
  return id;
}

/** Upper bounds of the ids handed out so far (for sizing scratch arrays indexed by id). */
export function termIdLimit(): number {
  return termIds.size;
}

export function conceptIdLimit(): number {
  return conceptIds.size;
}

/** The compiled form of an outcome, computed once per object (frozen objects: every time). */
export function compileOutcome(o: PreparedOutcome): CompiledOutcome {
  const hit = (o as Carrier)[COMPILED];
  if (hit) return hit;
  let n = 0;
  for (const w of o.words) n += w.terms.length;
  const terms = new Int32Array(n);
  const wordStart = new Int32Array(o.words.length + 1);
  let k = 0;
  for (let i = 0; i < o.words.length; i++) {
    wordStart[i] = k;
    const ts = o.words[i].terms;
    for (let j = 0; j < ts.length; j++) terms[k++] = idOf(termIds, ts[j]);
  }
  wordStart[o.words.length] = k;
  if (seenIn.length < termIds.size) {
    const grown = new Int32Array(Math.max(termIds.size, seenIn.length * 2));
    grown.set(seenIn);
    seenIn = grown;
  }
  if (++serial === 0x7fffffff) {
    seenIn.fill(0);
    serial = 1;
  }
  const distinct: number[] = [];
  for (let j = 0; j < n; j++)
    if (seenIn[terms[j]] !== serial) {
      seenIn[terms[j]] = serial;
      distinct.push(terms[j]);
    }
  // One id per concept: the same URI found twice (own language and through English) counts once, at its largest size.
  const bySize = new Map<number, number>();
  for (const c of o.concepts) {
    const id = idOf(conceptIds, c.uri);
    bySize.set(id, Math.max(bySize.get(id) ?? 0, c.size));
  }
  const compiled: CompiledOutcome = {
    terms,
    wordStart,
    distinctTerms: Int32Array.from(distinct),
    concepts: Int32Array.from(bySize.keys()),
    conceptSizes: Float64Array.from(bySize.values()),
  };
  if (Object.isExtensible(o)) Object.defineProperty(o, COMPILED, { value: compiled, enumerable: false });
  return compiled;
}
