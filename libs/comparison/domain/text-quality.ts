/** Checks on generated texts that people read: no word said twice in a row, no raw identifiers. */

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;
// A word, then only spaces and opening quotes or brackets, then the same word (case-insensitive).
const REPEATED = /(?<![\p{L}\p{N}])(\p{L}[\p{L}\p{N}]*)\s+[“„"'‘(«]*\1(?![\p{L}\p{N}])/giu;

/** Words repeated immediately ("decision decision"), as found. */
export function repeatedWords(text: string): string[] {
  return [...text.matchAll(REPEATED)].map((m) => m[0]);
}

/** UUIDs in a text meant for people. */
export function rawUuids(text: string): string[] {
  return text.match(UUID) ?? [];
}
