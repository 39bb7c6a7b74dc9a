import type { QualificationFile } from '../../catalogue/domain/qualification-file.schema';

/**
 * What the outcome comparison reads of a file, one string per outcome. Caches keyed by the file object compare
 * it on every use, so a file changed in place after it was first compared is prepared again, not served stale.
 */
export function outcomeSignature(file: QualificationFile): string[] {
  const out: string[] = [];
  for (const u of file.units) for (const o of u.outcomes) out.push(`${u.key}\u0000${o.key}\u0000${o.lang}\u0000${o.dimension}\u0000${o.text}\u0000${o.escoSkills.join(' ')}`);
  return out;
}

export function sameSignature(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
