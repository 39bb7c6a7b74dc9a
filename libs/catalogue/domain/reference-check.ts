import type { FieldProblem } from '../../platform/errors/app-error';
import { formatPath } from '../../platform/errors/app-error';
import type { QualificationFile } from './qualification-file.schema';

/** What a qualification file may refer to; loaded from the catalogue. */
export interface CatalogueReferences {
  jurisdictions: ReadonlySet<string>;
  /** key `${framework}:${level}` → EQF level (null when the level has no EQF counterpart). */
  frameworkLevels: ReadonlyMap<string, number | null>;
  frameworks: ReadonlySet<string>;
  professions: ReadonlySet<string>;
}

/** Checks a schema-valid file against the catalogue; returns every problem with its path. */
export function checkReferences(file: QualificationFile, refs: CatalogueReferences, root?: string): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const at = (path: Array<string | number>, message: string) => problems.push({ field: formatPath(path, root), message });

  if (!refs.jurisdictions.has(file.jurisdiction)) at(['jurisdiction'], `unknown jurisdiction "${file.jurisdiction}"`);
  if (!refs.frameworks.has(file.framework)) {
    at(['framework'], `unknown qualification framework "${file.framework}"`);
  } else {
    const key = `${file.framework}:${file.nationalLevel}`;
    if (!refs.frameworkLevels.has(key)) {
      at(['nationalLevel'], `level "${file.nationalLevel}" does not exist in framework ${file.framework}`);
    } else {
      const eqf = refs.frameworkLevels.get(key);
      if (eqf !== file.eqfLevel) {
        at(['eqfLevel'], `${file.framework} level ${file.nationalLevel} maps to EQF ${eqf ?? 'none'}, not EQF ${file.eqfLevel}`);
      }
    }
  }
  file.professions.forEach((p, i) => {
    if (!refs.professions.has(p)) at(['professions', i], `unknown profession "${p}"`);
  });
  file.bodies.forEach((b, i) => {
    if (b.jurisdiction && !refs.jurisdictions.has(b.jurisdiction)) at(['bodies', i, 'jurisdiction'], `unknown jurisdiction "${b.jurisdiction}"`);
  });
  return problems;
}
