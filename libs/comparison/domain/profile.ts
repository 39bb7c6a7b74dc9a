import type { QualificationFile } from '../../catalogue/domain/qualification-file.schema';
import type { LevelComparison, LevelSide } from './types';

export { compareWorkload } from './workload';

const ART11 = ['a', 'b', 'c', 'd', 'e'];

function levelSide(f: QualificationFile): LevelSide {
  return { framework: f.framework, nationalLevel: f.nationalLevel, eqfLevel: f.eqfLevel, art11Level: f.art11Level ?? null };
}

/**
 * Lisbon element "level"; Directive 2005/36/EC Art. 11 and 13 as amended by Directive 2013/55/EU.
 * Art. 11 levels (a)–(e) are not EQF levels: only Art. 13(4) (an Art. 11(a) holder where the host requires
 * Art. 11(e)) lets the host refuse; an EQF gap is reported and can only feed the differences of Art. 14.
 */
export function compareLevel(holder: QualificationFile, reference: QualificationFile): LevelComparison {
  const h = levelSide(holder);
  const r = levelSide(reference);
  const art11Gap = h.art11Level && r.art11Level ? ART11.indexOf(r.art11Level) - ART11.indexOf(h.art11Level) : null;
  return { holder: h, reference: r, eqfGap: r.eqfLevel - h.eqfLevel, art11Gap, art13_4: h.art11Level === 'a' && r.art11Level === 'e' };
}
