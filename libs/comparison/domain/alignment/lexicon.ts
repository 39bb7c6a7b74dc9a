import { cognateSkeleton } from './cognate';
import { stem } from './stemmer';
import type { AlignLang } from './types';

/**
 * The shipped bilingual lexicon: for Dutch and German word stems, the English stems they translate to.
 * English is the pivot; an English word stands for its own stem.
 */
export interface LexiconData {
  format: 1;
  /** Where the entries came from, with their licences (see libs/comparison/data/LICENSES.md). */
  sources: Array<{ id: string; description: string; licence: string }>;
  /** English stems, referred to by position. */
  pivots: string[];
  /** Dutch / German stem → positions in `pivots`, best translation first. */
  nl: Record<string, number[]>;
  de: Record<string, number[]>;
  /** Word forms (lower case) whose own translations differ from their stem's: tried before the stem. */
  forms: { nl: Record<string, number[]>; de: Record<string, number[]> };
}

/** How a word reached its pivot terms. */
export type TermOrigin = 'identity' | 'lexicon' | 'compound' | 'cognate';

export interface WordTerms {
  /** The word, or the part of a compound, these terms stand for. */
  surface: string;
  terms: string[];
  origin: TermOrigin;
}

const MIN_PART = 3;
/** Linking elements between compound parts: Pflege-s-kraft, zieken-huis, Kinder-garten. */
const LINKS: Record<'nl' | 'de', string[]> = { nl: ['s', 'en', 'e', 'n'], de: ['s', 'es', 'n', 'en', 'e', 'er'] };
const MAX_TERMS = 4;

interface Part {
  surface: string;
  terms: string[];
}

/** Lexicon lookups with inflection fallbacks and dictionary-driven compound splitting. */
export class Lexicon {
  private readonly maps: Record<'nl' | 'de', Map<string, string[]>>;
  private readonly forms: Record<'nl' | 'de', Map<string, string[]>>;

  constructor(readonly data: LexiconData) {
    const toMap = (rec: Record<string, number[]>) => new Map(Object.entries(rec).map(([k, v]) => [k, v.slice(0, MAX_TERMS).map((i) => `en:${data.pivots[i]}`)]));
    this.maps = { nl: toMap(data.nl), de: toMap(data.de) };
    this.forms = { nl: toMap(data.forms.nl), de: toMap(data.forms.de) };
  }

  get size(): number {
    return this.maps.nl.size + this.maps.de.size;
  }

  /**
   * Pivot terms of one lower-case content word: one entry, or one per part of a compound
   * ("zorgbehoefte" → zorg + behoefte); null when neither the lexicon nor compound splitting knows it.
   */
  termsOf(lang: AlignLang, word: string): WordTerms[] | null {
    if (lang === 'en') return [{ surface: word, terms: [`en:${stem('en', word)}`], origin: 'identity' }];
    const direct = this.lookup(lang, word);
    if (direct) return [{ surface: word, terms: direct, origin: 'lexicon' }];
    const parts = this.split(lang, word, 0);
    return parts ? parts.map((p) => ({ surface: p.surface, terms: p.terms, origin: 'compound' as const })) : null;
  }

  /**
   * The word's own entry, or one of its verb forms (3rd person "-t" → infinitive), in the lexicon; then its stem's.
   * A form's own translations come first (the stem may merge unrelated words: Fertigkeit/fertig); when they are
   * fewer than MAX_TERMS the stem's fill up the rest, so one odd form entry cannot hide the usual senses.
   */
  private lookup(lang: 'nl' | 'de', word: string): string[] | null {
    const candidates = inflectionCandidates(lang, word);
    let own: string[] | undefined;
    for (const form of candidates) if ((own = this.forms[lang].get(form))) break;
    if (own && own.length >= MAX_TERMS) return own;
    let byStem: string[] | undefined;
    for (const form of candidates) if ((byStem = this.maps[lang].get(stem(lang, form)))) break;
    if (!own) return byStem ?? null;
    if (!byStem) return own;
    const merged = [...own];
    for (const t of byStem) if (merged.length < MAX_TERMS && !merged.includes(t)) merged.push(t);
    return merged;
  }

  /** Splits a compound into known words, head (last part) as long as possible; depth-limited. */
  private split(lang: 'nl' | 'de', word: string, depth: number): Part[] | null {
    if (depth > 2 || word.length < 2 * MIN_PART) return null;
    for (let cut = MIN_PART; cut <= word.length - MIN_PART; cut++) {
      const head = word.slice(cut);
      const headTerms = this.lookup(lang, head);
      if (!headTerms) continue;
      const modParts = this.modifier(lang, word.slice(0, cut), depth);
      if (modParts) return [...modParts, { surface: head, terms: headTerms }];
    }
    return null;
  }

  private modifier(lang: 'nl' | 'de', modifier: string, depth: number): Part[] | null {
    const candidates = [modifier];
    for (const l of LINKS[lang]) if (modifier.endsWith(l) && modifier.length - l.length >= MIN_PART) candidates.push(modifier.slice(0, -l.length));
    for (const c of candidates) {
      const t = this.lookup(lang, c);
      if (t) return [{ surface: c, terms: t }];
    }
    for (const c of candidates) {
      const parts = this.split(lang, c, depth + 1);
      if (parts) return parts;
    }
    return null;
  }
}

/** The word itself, then infinitive guesses for a finite verb ("evalueert" → "evalueren", "führt" → "führen"). */
export function inflectionCandidates(lang: 'nl' | 'de', word: string): string[] {
  const out = [word];
  if (word.length < 4) return out;
  if (lang === 'nl' && word.endsWith('t')) {
    const base = word.slice(0, -1); // evalueer, plan, voer
    out.push(base + 'en', base.replace(/([aeou])\1(\p{L})$/u, '$1$2') + 'en', base);
    if (base.endsWith('f')) out.push(base.slice(0, -1) + 'ven');
    if (base.endsWith('s')) out.push(base.slice(0, -1) + 'zen');
  }
  if (lang === 'de') {
    if (word.endsWith('t')) out.push(word.slice(0, -1) + 'en', word.slice(0, -1) + 'n');
    if (word.endsWith('et')) out.push(word.slice(0, -2) + 'en');
  }
  return out;
}

/** The cognate term of a word, if it is long enough to have one. */
export function cognateTerm(word: string): string | null {
  const s = cognateSkeleton(word);
  return s ? `~${s}` : null;
}
