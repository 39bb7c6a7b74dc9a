/**
 * Builds libs/comparison/data/lexicon.json, the compact nl→en and de→en lexicon the outcome aligner ships with.
 *
 *   apt-get install -y trans-de-en dict-freedict-nld-eng dict-freedict-eng-nld dict-freedict-nld-deu dict-freedict-deu-nld
 *   npx nest build api && node dist/bench/generate-lexicon.js [--esco DIR] [--dictd DIR] [--ding FILE] [--out FILE]
 *                                                             [--sources id,id,…]
 *
 * Sources, all GPL-2.0-or-later or ESCO: Ding's German-English word list (Debian trans-de-en), the FreeDict
 * Dutch-English and Dutch-German dictionaries (dictd format), and the parallel one-word labels of the ESCO extract.
 * FreeDict deu-eng/eng-deu are deliberately NOT used: their FreeDict edition is GPL-3.0 + AGPL-3.0.
 * `--sources` picks a subset (ids as in SOURCES below), to measure what each one contributes.
 * Entries are kept only where the English side occurs in ESCO's English labels or descriptions, so the file stays
 * small and about work and learning. Licences: libs/comparison/data/LICENSES.md.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { parse } from 'csv-parse/sync';
import { contentWords, words } from '../libs/comparison/domain/alignment/text';
import { stem } from '../libs/comparison/domain/alignment/stemmer';
import type { AlignLang } from '../libs/comparison/domain/alignment/types';
import type { LexiconData } from '../libs/comparison/domain/alignment/lexicon';

const MAX_PER_WORD = 6;

/** Every source the generator knows, with what LICENSES.md says of it. Order = priority of its translations. */
const SOURCES: LexiconData['sources'] = [
  { id: 'ding-de-en', description: 'Ding German-English word list "devel 2023-01-30" (Debian trans-de-en 1.9-6), © Frank Richter 1995–2023', licence: 'GPL-2.0-or-later' },
  { id: 'freedict-nld-eng', description: 'FreeDict Dutch-English 0.2 (Debian dict-freedict-nld-eng 2022.04.21-1)', licence: 'GPL-2.0-or-later' },
  { id: 'freedict-eng-nld', description: 'FreeDict English-Dutch 0.2 (Debian dict-freedict-eng-nld 2022.04.21-1)', licence: 'GPL-2.0-or-later' },
  { id: 'freedict-nld-deu', description: 'FreeDict Dutch-German 0.2.1 (Debian dict-freedict-nld-deu 2022.04.21-1)', licence: 'GPL-2.0-or-later' },
  { id: 'freedict-deu-nld', description: 'FreeDict German-Dutch 0.1.5 (Debian dict-freedict-deu-nld 2022.04.21-1)', licence: 'GPL-2.0-or-later' },
  { id: 'esco-labels', description: 'one-word parallel preferred labels of the ESCO extract (skills, occupations)', licence: 'ESCO: Commission Decision 2011/833/EU reuse' },
];

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(name);
  return i > 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const b64num = (s: string) => [...s].reduce((n, c) => n * 64 + B64.indexOf(c), 0);

/** Headword → translation phrases of one dictd dictionary. */
function readDictd(dir: string, name: string): Array<[string, string[]]> {
  const dict = gunzipSync(readFileSync(join(dir, `freedict-${name}.dict.dz`)));
  const out: Array<[string, string[]]> = [];
  for (const line of readFileSync(join(dir, `freedict-${name}.index`), 'utf8').split('\n')) {
    const [head, off, len] = line.split('\t');
    if (!head || !off || head.startsWith('00-database') || head.startsWith('00database')) continue;
    const body = dict.subarray(b64num(off), b64num(off) + b64num(len)).toString('utf8').split('\n').slice(1);
    const translations: string[] = [];
    for (let l of body) {
      l = l.trim();
      if (!l || /^(Note|Notes|Synonyms?|see|See|Example|Examples|Usage|Antonyms?)\b/.test(l)) continue;
      l = stripNotes(l).replace(/^\s*\d+\.\s*/, '');
      for (const t of l.split(/[,;]/)) {
        const clean = t.replace(/\s+/g, ' ').trim();
        if (clean) translations.push(clean);
      }
    }
    out.push([head, translations]);
  }
  return out;
}

const stripNotes = (s: string) => s.replace(/<[^>]*>|\[[^\]]*\]|\{[^}]*\}|\([^)]*\)|"[^"]*"/g, ' ');

/**
 * Ding's word list: one line per entry, "German side :: English side"; each side holds the same number of
 * "|"-separated sub-entries (headword, inflected forms, phrases), each a ";"-separated list of synonyms.
 * Yields, per sub-entry, its German and English synonyms and whether it is the headword (the first sub-entry).
 */
function* readDing(file: string): Generator<[string[], string[], boolean]> {
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (!line || line.startsWith('#')) continue;
    const [de, en] = line.split(' :: ');
    if (!de || !en) continue;
    const deParts = de.split(' | ');
    const enParts = en.split(' | ');
    // Sub-entries pair up only when both sides have as many; otherwise only the headwords are trusted.
    const n = deParts.length === enParts.length ? deParts.length : 1;
    for (let i = 0; i < n; i++) {
      const split = (s: string) => stripNotes(s).split(';').map((x) => x.replace(/\s+/g, ' ').trim()).filter(Boolean);
      yield [split(deParts[i]), split(enParts[i]), i === 0];
    }
  }
}

const LEADING: Record<AlignLang, RegExp> = {
  en: /^(to|the|a|an)\s+/,
  de: /^(der|die|das|sich|etw\.?|jdn\.?|jdm\.?|jds\.?)\s+/,
  nl: /^(de|het|een|zich)\s+/,
};

/** The single content word of a phrase, or null when it has none or several. */
function single(lang: AlignLang, phrase: string): string | null {
  const p = phrase.toLowerCase().replace(LEADING[lang], '').trim();
  const ws = contentWords(lang, p);
  if (ws.length !== 1 || words(p).length > 2) return null;
  return ws[0].length >= 2 ? ws[0] : null;
}

function main(): void {
  const root = resolve(__dirname, '..', '..');
  const esco = arg('--esco', process.env.ESCO_EXTRACT_DIR ?? resolve(root, '..', 'shared', 'data', 'esco'));
  const dictd = arg('--dictd', '/usr/share/dictd');
  const ding = arg('--ding', '/usr/share/trans/de-en');
  const outFile = arg('--out', resolve(root, 'libs', 'comparison', 'data', 'lexicon.json'));
  const wanted = new Set(arg('--sources', SOURCES.map((s) => s.id).join(',')).split(','));
  for (const id of wanted) if (!SOURCES.some((s) => s.id === id)) throw new Error(`unknown source ${id}`);
  const use = (id: string) => wanted.has(id);

  // ESCO vocabulary: which English stems (and German stems) are about work and learning.
  const enVocab = new Set<string>();
  const deVocab = new Set<string>();
  const parallel: Array<[AlignLang, string, string]> = [];
  for (const file of ['skills.csv', 'occupations.csv']) {
    const rows = parse(readFileSync(join(esco, file)), { columns: true, bom: true }) as Array<Record<string, string>>;
    for (const r of rows) {
      for (const col of ['label_en', 'altLabels_en', 'description_en']) for (const w of contentWords('en', r[col] ?? '')) enVocab.add(stem('en', w));
      for (const col of ['label_de', 'altLabels_de', 'description_de']) for (const w of contentWords('de', r[col] ?? '')) deVocab.add(stem('de', w));
      const en = (r.label_en ?? '').split('/').map((s) => single('en', s));
      for (const lang of ['nl', 'de'] as const) {
        const other = (r[`label_${lang}`] ?? '').split('/').map((s) => single(lang, s));
        if (en.length === 1 && en[0]) for (const o of other) if (o) parallel.push([lang, o, en[0]]);
      }
    }
  }

  // stem(lang) → ordered English stems, by source priority.
  const maps: Record<'nl' | 'de', Map<string, string[]>> = { nl: new Map(), de: new Map() };
  // Word forms as the dictionaries write them: a stem can merge unrelated words (Fertigkeit/fertig, lösen/Lose).
  const forms: Record<'nl' | 'de', Map<string, string[]>> = { nl: new Map(), de: new Map() };
  const push = (m: Map<string, string[]>, k: string, e: string) => {
    const list = m.get(k) ?? [];
    if (!list.includes(e) && list.length < MAX_PER_WORD) list.push(e);
    m.set(k, list);
  };
  /** `asForm`: also record the translation for this exact word form (only for headwords: an inflected form or a
   *  phrase part seen once would otherwise shadow the stem's fuller list). */
  const add = (lang: 'nl' | 'de', word: string, enWord: string, asForm = true) => {
    const k = stem(lang, word);
    const e = stem('en', enWord);
    if (!enVocab.has(e)) return;
    if (lang === 'de' && !deVocab.has(k) && word.length > 8) return;
    push(maps[lang], k, e);
    if (asForm) push(forms[lang], word, e);
  };
  const counts: Record<string, number> = {};
  const forward = (name: string, lang: 'nl' | 'de') => {
    for (const [head, ts] of readDictd(dictd, name)) {
      const w = single(lang, head);
      if (!w) continue;
      for (const t of ts) {
        const e = single('en', t);
        if (e) add(lang, w, e);
      }
    }
    counts[name] = maps[lang].size;
  };
  const backward = (name: string, lang: 'nl' | 'de') => {
    for (const [head, ts] of readDictd(dictd, name)) {
      const e = single('en', head);
      if (!e) continue;
      for (const t of ts) {
        const w = single(lang, t);
        if (w) add(lang, w, e);
      }
    }
    counts[name] = maps[lang].size;
  };

  if (use('freedict-nld-eng')) forward('nld-eng', 'nl');
  if (use('freedict-eng-nld')) backward('eng-nld', 'nl');

  // Dutch–German pairs of nld-deu and deu-nld: they carry each language's English over to the other one.
  const nlDe: Array<[string, string]> = [];
  if (use('freedict-nld-deu'))
    for (const [head, ts] of readDictd(dictd, 'nld-deu')) {
      const n = single('nl', head);
      if (n) for (const t of ts) { const d = single('de', t); if (d) nlDe.push([n, d]); }
    }
  if (use('freedict-deu-nld'))
    for (const [head, ts] of readDictd(dictd, 'deu-nld')) {
      const d = single('de', head);
      if (d) for (const t of ts) { const n = single('nl', t); if (n) nlDe.push([n, d]); }
    }
  if (use('ding-de-en')) {
    if (!existsSync(ding)) throw new Error(`${ding} not found: apt-get install -y trans-de-en`);
    // Ding lists a word's senses in no useful order ("allgemein": common before general). A translation that the
    // Dutch dictionaries confirm (allgemein → algemeen → general) goes first; the rest keep Ding's order.
    // (Ranking by ESCO frequency instead was tried and aligned worse: frequent English words make unrelated
    // outcomes overlap.)
    const viaDutch = new Map<string, Set<string>>();
    for (const [n, d] of nlDe) {
      const es = maps.nl.get(stem('nl', n));
      if (!es) continue;
      const set = viaDutch.get(d) ?? new Set<string>();
      for (const e of es) set.add(e);
      viaDutch.set(d, set);
    }
    const candidates = new Map<string, Array<[string, boolean]>>();
    for (const [des, ens, head] of readDing(ding)) {
      const es = ens.map((t) => single('en', t)).filter((e): e is string => !!e);
      for (const d of des) {
        // One German word only: "ohne Probleme" → "easily" translates the phrase, not "Probleme".
        const w = single('de', d);
        if (!w || words(d.replace(LEADING.de, '')).length !== 1) continue;
        const list = candidates.get(w) ?? [];
        for (const e of es) list.push([e, head]);
        candidates.set(w, list);
      }
    }
    for (const [w, list] of candidates) {
      const confirmed = viaDutch.get(w);
      const rank = ([e]: [string, boolean]) => (confirmed?.has(stem('en', e)) ? 0 : 1);
      for (const [e, head] of [...list].sort((x, y) => rank(x) - rank(y))) add('de', w, e, head);
    }
    counts['ding-de-en'] = maps.de.size;
  }
  const englishOf = (lang: 'nl' | 'de', w: string) => forms[lang].get(w) ?? maps[lang].get(stem(lang, w)) ?? [];
  // German through Dutch: only for German words no direct source translates (two hops drift in meaning).
  const deDirect = new Set(maps.de.keys());
  for (const [n, d] of nlDe) {
    if (deDirect.has(stem('de', d))) continue;
    for (const e of englishOf('nl', n)) {
      push(maps.de, stem('de', d), e);
      push(forms.de, d, e);
    }
  }
  counts['de-via-nl'] = maps.de.size;
  // Dutch through German (Dutch has the smaller dictionaries): appended after the direct translations.
  for (const [n, d] of nlDe) {
    for (const e of englishOf('de', d)) {
      push(maps.nl, stem('nl', n), e);
      push(forms.nl, n, e);
    }
  }
  counts['nl-via-de'] = maps.nl.size;
  if (use('esco-labels')) for (const [lang, w, e] of parallel) add(lang as 'nl' | 'de', w, e);
  counts['esco-labels'] = maps.nl.size + maps.de.size;

  // A form is stored only where its own translations differ from those of its stem.
  const onlyDiffering = (lang: 'nl' | 'de') => {
    const m = new Map<string, string[]>();
    for (const [w, es] of forms[lang]) {
      const byStem = maps[lang].get(stem(lang, w)) ?? [];
      if (es.join() !== byStem.slice(0, es.length).join()) m.set(w, es);
    }
    return m;
  };
  const pivots: string[] = [];
  const pivotIndex = new Map<string, number>();
  const encode = (m: Map<string, string[]>) => {
    const rec: Record<string, number[]> = {};
    for (const k of [...m.keys()].sort()) {
      rec[k] = m.get(k)!.map((e) => {
        let i = pivotIndex.get(e);
        if (i === undefined) {
          i = pivots.length;
          pivots.push(e);
          pivotIndex.set(e, i);
        }
        return i;
      });
    }
    return rec;
  };
  const data: LexiconData = {
    format: 1,
    sources: SOURCES.filter((s) => use(s.id)),
    pivots,
    nl: encode(maps.nl),
    de: encode(maps.de),
    forms: { nl: encode(onlyDiffering('nl')), de: encode(onlyDiffering('de')) },
  };
  writeFileSync(outFile, JSON.stringify(data));
  process.stdout.write(
    `lexicon: ${Object.keys(data.nl).length} Dutch and ${Object.keys(data.de).length} German stems → ${pivots.length} English stems; ` +
      `${(JSON.stringify(data).length / 1e6).toFixed(2)} MB → ${outFile}\n` +
      `cumulative entries after each source: ${JSON.stringify(counts)}\n`,
  );
}

main();
