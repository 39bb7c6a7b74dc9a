import { createHash } from 'node:crypto';
import type { LocalizedText, QualificationFile } from './qualification-file.schema';

/** Lower-cased, accent-free text of everything a user might search for, in every language. */
export function searchTextOf(file: QualificationFile): string {
  const parts = [file.key, file.code ?? '', ...Object.values(file.title), ...file.units.flatMap((u) => [u.code ?? '', ...Object.values(u.title)])];
  return normaliseSearch(parts.filter(Boolean).join(' | '));
}

export function normaliseSearch(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}

/** Stable hash of a document: key order does not matter, so re-seeding unchanged files is a no-op. */
export function contentHash(value: unknown): string {
  return createHash('sha256').update(stableStringify(value)).digest('hex');
}

export function stableStringify(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(stableStringify).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableStringify(v)}`).join(',')}}`;
}

export type Lang = 'nl' | 'de' | 'en';

/** Picks the requested language, falling back to English, then to any language present. */
export function pickLabel(text: LocalizedText | null | undefined, lang: Lang): string | null {
  if (!text) return null;
  return text[lang] ?? text.en ?? text.nl ?? text.de ?? text.fr ?? null;
}
