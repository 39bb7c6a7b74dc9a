import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import {
  alignOutcomes,
  ConceptIndex,
  DEFAULT_THRESHOLD,
  loadLexicon,
  prepareOutcome,
  readEscoExtract,
  type AlignmentResources,
  type PreparedOutcome,
} from '../libs/comparison/domain/alignment';
import { benchSeconds, fixed, measure, printStats, section, summarise } from './support';

export const description = 'cross-language outcome alignment: top-1, precision and recall per language pair on the gold set; 100×100 alignment time';

interface GoldItem {
  key: string;
  texts: Partial<Record<string, string>>;
  urls: Partial<Record<string, string>>;
}
interface GoldSet {
  id: string;
  title: string;
  items: GoldItem[];
}

const PAIRS: Array<[string, string]> = [
  ['nl', 'de'],
  ['nl', 'en'],
  ['de', 'en'],
];

interface Tally {
  withCounterpart: number;
  top1: number;
  aligned: number;
  alignedCorrect: number;
  distractors: number;
  distractorsAligned: number;
}

const empty = (): Tally => ({ withCounterpart: 0, top1: 0, aligned: 0, alignedCorrect: 0, distractors: 0, distractorsAligned: 0 });

function escoDir(): string {
  return process.env.ESCO_EXTRACT_DIR ?? resolve(__dirname, '..', '..', '..', 'shared', 'data', 'esco');
}

/** Aligns the `from` texts of a set (reference) with its `to` texts (holder) and counts hits. */
function evaluate(set: GoldSet, from: string, to: string, prepared: Map<string, PreparedOutcome>, t: Tally, threshold: number, assignment: 'best' | 'one-to-one'): void {
  const ref = set.items.filter((i) => i.texts[from]);
  const hol = set.items.filter((i) => i.texts[to]);
  if (!ref.length || !hol.length) return;
  const alignments = alignOutcomes(
    ref.map((i) => prepared.get(`${set.id}/${i.key}/${from}`)!),
    hol.map((i) => prepared.get(`${set.id}/${i.key}/${to}`)!),
    { threshold, assignment },
  );
  for (const a of alignments) {
    const item = ref[a.referenceIndex];
    const hasCounterpart = !!item.texts[to];
    const correct = (h: number | null) => h !== null && hol[h].key === item.key;
    if (hasCounterpart) {
      t.withCounterpart++;
      if (correct(a.bestHolderIndex)) t.top1++;
    } else {
      t.distractors++;
      if (a.holderIndex !== null) t.distractorsAligned++;
    }
    if (a.holderIndex !== null) {
      t.aligned++;
      if (correct(a.holderIndex)) t.alignedCorrect++;
    }
  }
}

function report(label: string, tallies: Map<string, Tally>): void {
  process.stdout.write(`\n${label}\n`);
  process.stdout.write(`${'pair'.padEnd(8)}${'pairs'.padStart(7)}${'top-1'.padStart(8)}${'precision'.padStart(11)}${'recall'.padStart(8)}${'distractors aligned'.padStart(21)}\n`);
  for (const [pair, t] of tallies) {
    const p = t.aligned ? t.alignedCorrect / t.aligned : NaN;
    const r = t.withCounterpart ? t.alignedCorrect / t.withCounterpart : NaN;
    process.stdout.write(
      `${pair.padEnd(8)}${String(t.withCounterpart).padStart(7)}${fixed(t.withCounterpart ? t.top1 / t.withCounterpart : NaN, 3).padStart(8)}${fixed(p, 3).padStart(11)}${fixed(r, 3).padStart(8)}${`${t.distractorsAligned}/${t.distractors}`.padStart(21)}\n`,
    );
  }
}

/** Pooled precision / recall / F1 of some sets at one threshold, both directions of every pair. */
function pooled(sets: GoldSet[], prepared: Map<string, PreparedOutcome>, threshold: number, assignment: 'best' | 'one-to-one'): Tally {
  const t = empty();
  for (const [a, b] of PAIRS)
    for (const set of sets) {
      evaluate(set, a, b, prepared, t, threshold, assignment);
      evaluate(set, b, a, prepared, t, threshold, assignment);
    }
  return t;
}

const f1 = (t: Tally) => {
  const p = t.aligned ? t.alignedCorrect / t.aligned : 0;
  const r = t.withCounterpart ? t.alignedCorrect / t.withCounterpart : 0;
  return p + r > 0 ? (2 * p * r) / (p + r) : 0;
};

const THRESHOLDS = [0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6];

export async function run(): Promise<void> {
  const gold = JSON.parse(readFileSync(join(__dirname, '..', '..', 'bench', 'data', 'alignment-gold.json'), 'utf8')) as { sets: GoldSet[] };

  section('resources');
  let t0 = performance.now();
  // ALIGN_LEXICON: another lexicon file, to compare generator variants.
  const lexicon = loadLexicon(process.env.ALIGN_LEXICON || undefined);
  process.stdout.write(`lexicon loaded in ${fixed(performance.now() - t0, 0)} ms (${lexicon.size} nl/de stems; sources: ${lexicon.data.sources.map((x) => x.id).join(', ')})\n`);
  t0 = performance.now();
  const concepts = new ConceptIndex(readEscoExtract(escoDir()));
  process.stdout.write(`ESCO concept index built in ${fixed(performance.now() - t0, 0)} ms (${concepts.size} labels) from ${escoDir()}\n`);
  const res: AlignmentResources = { lexicon, concepts };

  t0 = performance.now();
  const prepared = new Map<string, PreparedOutcome>();
  for (const set of gold.sets) for (const item of set.items) for (const [lang, text] of Object.entries(item.texts)) prepared.set(`${set.id}/${item.key}/${lang}`, prepareOutcome(text!, lang, res));
  process.stdout.write(`prepared ${prepared.size} outcomes in ${fixed(performance.now() - t0, 0)} ms (${fixed((performance.now() - t0) / prepared.size, 2)} ms each)\n`);

  for (const assignment of ['best', 'one-to-one'] as const) {
    const tallies = new Map<string, Tally>();
    for (const [a, b] of PAIRS) {
      const t = empty();
      // Both directions: each side is once the reference file and once the holder's.
      for (const set of gold.sets) {
        evaluate(set, a, b, prepared, t, DEFAULT_THRESHOLD, assignment);
        evaluate(set, b, a, prepared, t, DEFAULT_THRESHOLD, assignment);
      }
      tallies.set(`${a}↔${b}`, t);
    }
    report(`gold set, both directions, threshold ${DEFAULT_THRESHOLD}, assignment '${assignment}' (pairs = reference outcomes with a counterpart)`, tallies);
  }

  for (const assignment of ['best', 'one-to-one'] as const) {
    section(`precision / recall against the threshold (all pairs pooled, assignment '${assignment}')`, false);
    for (const threshold of THRESHOLDS) {
      const t = pooled(gold.sets, prepared, threshold, assignment);
      process.stdout.write(`threshold ${fixed(threshold, 2)}: precision ${fixed(t.alignedCorrect / t.aligned, 3)}, recall ${fixed(t.alignedCorrect / t.withCounterpart, 3)}, F1 ${fixed(f1(t), 3)}, distractors aligned ${t.distractorsAligned}/${t.distractors}\n`);
    }
  }

  // Held-out check of the operating point: the threshold is chosen (best F1) on every other set, in file order,
  // and judged on the rest; then the other way round.
  section('threshold chosen on one half of the sets, judged on the other (pooled, both assignments)', false);
  const halves = [gold.sets.filter((_, i) => i % 2 === 0), gold.sets.filter((_, i) => i % 2 === 1)];
  for (const assignment of ['best', 'one-to-one'] as const)
    for (const [tune, test] of [[halves[0], halves[1]], [halves[1], halves[0]]]) {
      let best = THRESHOLDS[0];
      for (const th of THRESHOLDS) if (f1(pooled(tune, prepared, th, assignment)) > f1(pooled(tune, prepared, best, assignment))) best = th;
      const tt = pooled(tune, prepared, best, assignment);
      const ht = pooled(test, prepared, best, assignment);
      const fmt = (t: Tally) => `P ${fixed(t.alignedCorrect / t.aligned, 3)} R ${fixed(t.alignedCorrect / t.withCounterpart, 3)} F1 ${fixed(f1(t), 3)}`;
      process.stdout.write(`${assignment.padEnd(11)} tune [${tune.map((x) => x.id).join(' ')}] → threshold ${fixed(best, 2)} (${fmt(tt)}); held out [${test.map((x) => x.id).join(' ')}]: ${fmt(ht)}\n`);
    }

  section('100×100 alignment, one core');
  const pool = [...prepared.values()];
  const reference = Array.from({ length: 100 }, (_, i) => pool[i % pool.length]);
  const holder = Array.from({ length: 100 }, (_, i) => pool[(i * 7 + 3) % pool.length]);
  const stats = await measure('prepared outcomes', benchSeconds(3), 1, async () => {
    alignOutcomes(reference, holder);
  });
  // As a service gets them: parsed from stored JSON, so the term ids are interned on first use (parse not timed).
  const stored = JSON.stringify([reference, holder]);
  const cold: number[] = [];
  const until = performance.now() + benchSeconds(3) * 1000;
  while (performance.now() < until) {
    const [r, h] = JSON.parse(stored) as [PreparedOutcome[], PreparedOutcome[]];
    const c0 = performance.now();
    alignOutcomes(r, h);
    cold.push(performance.now() - c0);
  }
  printStats(summarise('fresh from JSON (parse excluded)', cold, 0, benchSeconds(3)));
  process.stdout.write(`\ngoals: top-1 ≥ 0.8 and precision ≥ 0.9 per pair; 100×100 alignment ≤ 5 ms (measured p95 ${fixed(stats.p95, 2)} ms prepared)\n`);
}
