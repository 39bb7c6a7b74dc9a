import { newStemmer, type Stemmer } from 'snowball-stemmers';
import type { AlignLang } from './types';

const ALGORITHM: Record<AlignLang, string> = { nl: 'dutch', de: 'german', en: 'english' };
const stemmers = new Map<AlignLang, Stemmer>();
const memo = new Map<string, string>();
/** Building the ESCO index stems the same words many times over; the memo is bounded. */
const MEMO_LIMIT = 200_000;

/** Snowball stem of a lower-case word (Dutch, German or English Porter2). */
export function stem(lang: AlignLang, word: string): string {
  const key = `${lang}:${word}`;
  const hit = memo.get(key);
  if (hit !== undefined) return hit;
  let s = stemmers.get(lang);
  if (!s) {
    s = newStemmer(ALGORITHM[lang]);
    stemmers.set(lang, s);
  }
  const out = s.stem(word);
  if (memo.size >= MEMO_LIMIT) memo.clear();
  memo.set(key, out);
  return out;
}
