import type { QualificationFile } from '../../catalogue/domain/qualification-file.schema';
import { LAW, msg } from './messages';
import { r4 } from './outcomes';
import type { PolicyParams } from './policy';
import { isAutomatic } from './regime';
import type { ComparisonRegime, DocumentNeeded, MinimumsKey, RegimeSummary, ReportLang, TrainingCheck, TrainingComparison, WorkloadSide } from './types';

interface Minimums {
  legalBasis: string;
  durationMonths?: number;
  hoursTotal?: number;
  hoursTheory?: number;
  hoursPractice?: number;
}

/**
 * Training minimums set in law.
 * Art. 31(3): at least 3 years and 4,600 hours; theory at least one third and clinical training at least one half
 * of the minimum duration. PflAPrV §1: 2,100 hours of theoretical and practical instruction and 2,500 hours of practical training.
 */
export const TRAINING_MINIMUMS: Record<MinimumsKey, Minimums> = {
  ART31_3_NURSE: { legalBasis: LAW.art31_3, durationMonths: 36, hoursTotal: 4600, hoursTheory: Math.ceil(4600 / 3), hoursPractice: 4600 / 2 },
  PFLAPRV_1: { legalBasis: LAW.pflaprv1, hoursTheory: 2100, hoursPractice: 2500 },
};

/** Professions whose training minimums are set in law, by the catalogue's profession keys. */
const BY_PROFESSION: Record<string, MinimumsKey[]> = {
  'nurse-general-care': ['ART31_3_NURSE'],
  pflegefachperson: ['ART31_3_NURSE', 'PFLAPRV_1'],
};

/** The minimums for a pair: the caller's, else those of the reference's professions; none outside regulated professions. */
export function minimumsFor(reference: QualificationFile, regime: ComparisonRegime | undefined): MinimumsKey[] {
  if (regime?.kind === 'NOT_REGULATED' || regime?.kind === 'AUTOMATIC_LEVEL') return [];
  if (regime?.minimums) return [...new Set(regime.minimums)].sort();
  const keys = new Set(reference.professions.flatMap((p) => BY_PROFESSION[p] ?? []));
  // PflAPrV is German law: it binds a German reference only.
  if (!reference.jurisdiction.startsWith('DE')) keys.delete('PFLAPRV_1');
  return [...keys].sort();
}

const ITEMS = ['DURATION_MONTHS', 'HOURS_TOTAL', 'HOURS_THEORY', 'HOURS_PRACTICE'] as const;
const FIELD = { DURATION_MONTHS: 'durationMonths', HOURS_TOTAL: 'hoursTotal', HOURS_THEORY: 'hoursTheory', HOURS_PRACTICE: 'hoursPractice' } as const;

/** The holder's duration, total, theory and practice hours against each minimum that applies. */
export function checkTraining(
  holder: WorkloadSide,
  keys: MinimumsKey[],
  regime: RegimeSummary,
  p: PolicyParams,
  lang: ReportLang,
): { training: TrainingComparison; documents: DocumentNeeded[] } {
  const checks: TrainingCheck[] = [];
  const documents: DocumentNeeded[] = [];
  const value = { DURATION_MONTHS: holder.durationMonths, HOURS_TOTAL: holder.hours, HOURS_THEORY: holder.hoursTheory, HOURS_PRACTICE: holder.hoursPractice };
  for (const minimum of keys) {
    const m = TRAINING_MINIMUMS[minimum];
    for (const item of ITEMS) {
      const required = m[FIELD[item]];
      if (required === undefined) continue;
      const h = value[item];
      const met = h === null ? null : h >= required;
      const gap = met === false ? required - h! : null;
      const shortfallHours = gap === null ? null : r4(item === 'DURATION_MONTHS' ? gap * p.hoursPerMonth : gap);
      checks.push({ minimum, legalBasis: m.legalBasis, item, required, holder: h, met, shortfallHours });
      const what = msg(lang, `item.${item}`);
      const code = `HOLDER_${item}`;
      if (met === null && !documents.some((d) => d.code === code)) {
        documents.push({ code, side: 'HOLDER', message: msg(lang, 'doc.training', { item: what, basis: m.legalBasis, req: required }) });
      } else if (met === false && isAutomatic(regime.kind)) {
        // Automatic recognition rests on the listed qualification; data below the minimum call for its documents.
        documents.push({ code: `${code}_${minimum}`, side: 'HOLDER', message: msg(lang, 'doc.trainingAutomatic', { item: what, holder: h!, req: required, basis: m.legalBasis }) });
      }
    }
  }
  const note = checks.some((c) => c.item === 'HOURS_PRACTICE') ? msg(lang, 'training.note') : null;
  return { training: { minimums: keys, checks, note }, documents };
}
