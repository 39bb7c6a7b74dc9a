import { alignOutcomes } from './align';
import { compileOutcome } from './compiled';
import { CONCEPT_BOOST, scoreMatrix } from './score';
import type { PreparedOutcome } from './types';

/** The scoring formula written the plain way (strings, maps, no typed arrays), to check the fast one against. */
function plainScores(ref: PreparedOutcome[], hol: PreparedOutcome[]): number[][] {
  const all = [...ref, ...hol];
  const n = all.length;
  const df = new Map<string, number>();
  const cdf = new Map<string, number>();
  for (const o of all) {
    for (const t of new Set(o.words.flatMap((w) => w.terms))) df.set(t, (df.get(t) ?? 0) + 1);
    for (const u of new Set(o.concepts.map((c) => c.uri))) cdf.set(u, (cdf.get(u) ?? 0) + 1);
  }
  const cw = new Map<string, number>();
  for (const o of all) for (const c of o.concepts) cw.set(c.uri, Math.max(cw.get(c.uri) ?? 0, c.size * Math.log(1 + n / cdf.get(c.uri)!)));
  const weight = (terms: string[]) => Math.max(0, ...terms.map((t) => Math.log(1 + n / df.get(t)!)));
  const has = (o: PreparedOutcome, t: string) => o.words.some((w) => w.terms.includes(t));
  const uris = (o: PreparedOutcome) => [...new Set(o.concepts.map((c) => c.uri))];
  return ref.map((r) =>
    hol.map((h) => {
      let matched = 0;
      let total = 0;
      for (const [a, b] of [[r, h], [h, r]] as const)
        for (const w of a.words) {
          total += weight(w.terms);
          if (w.terms.some((t) => has(b, t))) matched += weight(w.terms);
        }
      const lex = total > 0 ? matched / total : 0;
      const shared = uris(r).filter((u) => uris(h).includes(u)).reduce((x, u) => x + 2 * cw.get(u)!, 0);
      const cTotal = [...uris(r), ...uris(h)].reduce((x, u) => x + cw.get(u)!, 0);
      const c = cTotal > 0 ? shared / cTotal : 0;
      return Math.min(1, lex + (1 - lex) * c * CONCEPT_BOOST);
    }),
  );
}

function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

/** Outcomes over a small vocabulary, so that terms and concepts repeat within and across outcomes. */
function outcomes(rnd: () => number, count: number, tag: string): PreparedOutcome[] {
  const pick = (k: number) => Math.floor(rnd() * k);
  return Array.from({ length: count }, () => ({
    version: 1,
    lang: 'nl',
    words: Array.from({ length: pick(6) }, (_, i) => ({
      surface: `${tag}${i}`,
      terms: [...new Set(Array.from({ length: 1 + pick(3) }, () => (rnd() < 0.8 ? `en:t${pick(25)}` : `~c${pick(8)}`)))],
    })),
    concepts: Array.from({ length: pick(3) }, () => {
      const u = pick(5);
      return { uri: `urn:c${u}`, label: `c${u}`, labelLang: 'en', size: 1 + pick(3) };
    }),
  }));
}

describe('scoreMatrix (typed arrays, interned ids)', () => {
  it('equals the plain formula on random outcomes, including empty ones and repeated concepts', () => {
    const rnd = random(42);
    for (let round = 0; round < 40; round++) {
      const ref = outcomes(rnd, 1 + Math.floor(rnd() * 9), 'r');
      const hol = outcomes(rnd, 1 + Math.floor(rnd() * 9), 'h');
      const fast = scoreMatrix(ref, hol);
      const plain = plainScores(ref, hol);
      ref.forEach((_, r) => hol.forEach((__, h) => expect(fast[r * hol.length + h]).toBeCloseTo(plain[r][h], 12)));
    }
  });

  it('gives the same scores whether the outcomes were prepared in this process or read back from JSON', () => {
    const rnd = random(7);
    const ref = outcomes(rnd, 6, 'r');
    const hol = outcomes(rnd, 5, 'h');
    const warm = scoreMatrix(ref, hol);
    const [r2, h2] = JSON.parse(JSON.stringify([ref, hol])) as PreparedOutcome[][];
    expect(Array.from(scoreMatrix(r2, h2))).toEqual(Array.from(warm));
    // Frozen outcomes cannot carry the cached form; they are compiled each time and score the same.
    const frozen = (xs: PreparedOutcome[]) => xs.map((o) => Object.freeze(JSON.parse(JSON.stringify(o)) as PreparedOutcome));
    expect(Array.from(scoreMatrix(frozen(ref), frozen(hol)))).toEqual(Array.from(warm));
  });

  it('keeps the compiled form out of JSON and out of equality', () => {
    const [o] = outcomes(random(3), 1, 'x');
    const before = JSON.stringify(o);
    const copy = JSON.parse(before) as PreparedOutcome;
    const c = compileOutcome(o);
    expect(compileOutcome(o)).toBe(c);
    expect(JSON.stringify(o)).toBe(before);
    expect(o).toEqual(copy);
    expect(c.wordStart).toHaveLength(o.words.length + 1);
    expect(c.terms).toHaveLength(o.words.reduce((x, w) => x + w.terms.length, 0));
  });

  it('one-to-one takes pairs by descending score and leaves a reference outcome unaligned when its holder is taken', () => {
    const w = (...terms: string[]) => ({ surface: terms.join('+'), terms });
    const o = (...words: ReturnType<typeof w>[]): PreparedOutcome => ({ version: 1, lang: 'nl', words, concepts: [] });
    const ref = [o(w('en:a'), w('en:b')), o(w('en:a'), w('en:b'), w('en:c'))];
    const hol = [o(w('en:a'), w('en:b')), o(w('en:z'))];
    const scores = scoreMatrix(ref, hol);
    expect(scores[0]).toBe(1);
    expect(scores[2]).toBeGreaterThan(0);
    expect(scores[2]).toBeLessThan(1);
    const one = alignOutcomes(ref, hol, { assignment: 'one-to-one', threshold: 0.1 });
    expect(one.map((a) => a.holderIndex)).toEqual([0, null]);
    expect(one[1].bestHolderIndex).toBe(0);
    expect(alignOutcomes(ref, hol, { threshold: 0.1 }).map((a) => a.holderIndex)).toEqual([0, 0]);
  });
});
