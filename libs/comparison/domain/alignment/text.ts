import { isStopword } from './stopwords';
import type { AlignLang } from './types';

/** Lower-case words of a text, split at anything that is not a letter or digit (hyphens split compounds like "IT-Systeme"). */
export function words(text: string): string[] {
  return text
    .normalize('NFC')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0);
}

/** Words that carry content: no stop words, no single letters, no bare numbers. */
export function contentWords(lang: AlignLang, text: string): string[] {
  return words(text).filter((w) => w.length > 1 && !/^\p{N}+$/u.test(w) && !isStopword(lang, w));
}
