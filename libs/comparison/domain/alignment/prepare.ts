import { compileOutcome } from './compiled';
import type { ConceptIndex } from './concept-index';
import { cognateTerm, type Lexicon } from './lexicon';
import { stem } from './stemmer';
import { contentWords } from './text';
import { isAlignLang, type ConceptHit, type PreparedOutcome, type PreparedWord } from './types';

/** Bump when preparation changes (also when the shipped lexicon is regenerated), so stored preparations are recomputed. */
export const PREPARATION_VERSION = 2;

/** What preparation needs: the shipped lexicon and the ESCO concept index. */
export interface AlignmentResources {
  lexicon: Lexicon;
  concepts: ConceptIndex;
}

/**
 * The expensive, per-outcome part of alignment: words → language-independent terms (lexicon, compound parts,
 * cognates) and ESCO concepts named in the text. Deterministic for the same text, language and resources.
 */
export function prepareOutcome(text: string, lang: string, res: AlignmentResources): PreparedOutcome {
  if (!isAlignLang(lang)) {
    // Unknown language: cognates only, which still catch international words.
    const ws = contentWordsAnyLang(text);
    return compiled({ version: PREPARATION_VERSION, lang, words: ws.map((w) => ({ surface: w, terms: cognates(w) })).filter((w) => w.terms.length > 0), concepts: [] });
  }
  const out: PreparedWord[] = [];
  const ownStems: string[][] = [];
  const pivotStems: string[][] = [];
  for (const w of contentWords(lang, text)) {
    const found = res.lexicon.termsOf(lang, w);
    const cognate = cognates(w);
    if (found) {
      found.forEach((p, i) => {
        // The whole word's cognate belongs with its head (last part).
        const extra = i === found.length - 1 ? cognate : [];
        out.push({ surface: p.surface, terms: uniq([...p.terms, ...extra]) });
      });
    } else if (cognate.length) {
      out.push({ surface: w, terms: cognate });
    }
    ownStems.push([stem(lang, w)]);
    pivotStems.push(found ? [found[found.length - 1].terms[0].slice(3)] : []);
  }
  // Through English translations only multi-word labels count: one translated word is too often the wrong sense.
  const viaEnglish = lang === 'en' ? [] : res.concepts.find('en', pivotStems).filter((c) => c.size >= 2);
  const concepts = mergeConcepts(res.concepts.find(lang, ownStems), viaEnglish);
  return compiled({ version: PREPARATION_VERSION, lang, words: out, concepts });
}

/** Term ids are interned now, so that aligning freshly prepared outcomes does no string work. */
function compiled(o: PreparedOutcome): PreparedOutcome {
  compileOutcome(o);
  return o;
}

function cognates(word: string): string[] {
  const c = cognateTerm(word);
  return c ? [c] : [];
}

function uniq(xs: string[]): string[] {
  return [...new Set(xs)];
}

function contentWordsAnyLang(text: string): string[] {
  return text
    .normalize('NFC')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 3);
}

/** Concepts found in the outcome's own language win over those found through English translations. */
function mergeConcepts(own: ConceptHit[], viaEnglish: ConceptHit[]): ConceptHit[] {
  const byUri = new Map(own.map((c) => [c.uri, c]));
  for (const c of viaEnglish) if (!byUri.has(c.uri)) byUri.set(c.uri, c);
  return [...byUri.values()].sort((a, b) => (a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : 0));
}
