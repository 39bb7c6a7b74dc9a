import { usableEvidence } from './decide';
import { dimensionLabel, msg, pct } from './messages';
import { r4 } from './outcomes';
import type { PolicyParams } from './policy';
import { TRAINING_MINIMUMS } from './training';
import type {
  Compensation,
  CompensationMeasure,
  Difference,
  DocumentNeeded,
  ExperienceEvidence,
  MissingOutcome,
  RegimeSummary,
  ReportLang,
  UnitComparison,
  WorkloadComparison,
} from './types';

const round1 = (x: number) => Math.round(x * 10) / 10;
/** Art. 14(1) and BQFG §11: an adaptation period lasts at most three years, whatever a policy stores. */
export const LEGAL_MAX_ADAPTATION_MONTHS = 36;
const CONTENT = new Set(['UNIT', 'DIMENSION']);
const QUANTITY = new Set(['DURATION', 'WORKLOAD', 'TRAINING']);

export interface CompensationInput {
  units: UnitComparison[];
  workload: WorkloadComparison;
  evidence: ExperienceEvidence[];
  regime: RegimeSummary;
}

/**
 * Directive 2005/36/EC Art. 14(1)–(5), BQFG §§9–11: one measure per substantial difference, limited to the reference
 * units it covers. Content: the uncovered share of those units' hours, minus outcomes the applicant's experience
 * shows. Duration, workload and training minimums: only the hours the content measures do not already hold, minus
 * the experience. The adaptation period is the sum of the measures, capped at three years.
 */
export function compensationFor(open: Difference[], x: CompensationInput, p: PolicyParams, lang: ReportLang): { compensation: Compensation; documents: DocumentNeeded[] } {
  const unitsByKey = new Map(x.units.map((u) => [u.unitKey, u]));
  const usable = usableEvidence(x.evidence, p);
  const shown = new Set(usable.flatMap((i) => x.evidence[i].escoSkills));
  const years = usable.reduce((s, i) => s + x.evidence[i].years, 0);
  const parts: string[] = [];
  const documents: DocumentNeeded[] = [];
  const unknownUnits = new Set<string>();

  // Units without hours get a share of the reference's total by their number of outcomes.
  let totalHours = x.workload.reference.hours;
  if (totalHours === null && x.workload.reference.durationMonths !== null) {
    totalHours = r4(x.workload.reference.durationMonths * p.hoursPerMonth);
    parts.push(msg(lang, 'est.totalFromDuration', { months: x.workload.reference.durationMonths, hpm: p.hoursPerMonth, total: totalHours }));
  }
  const allOutcomes = x.units.reduce((s, u) => s + u.outcomes.length, 0);
  const unitHours = (u: UnitComparison): number | null =>
    u.hours !== null ? u.hours : totalHours !== null && allOutcomes > 0 ? r4((totalHours * u.outcomes.length) / allOutcomes) : null;

  const measures: CompensationMeasure[] = [];
  const assigned = new Set<string>();
  const label = (d: Difference) =>
    d.kind === 'UNIT' ? (unitsByKey.get(d.unitKey!)?.title ?? d.unitKey!)
      : d.kind === 'DIMENSION' ? dimensionLabel(lang, d.dimension!)
        : d.kind === 'TRAINING' ? trainingLabel(d.id, lang)
          : d.message.split(':')[0];

  // Content differences first, units before dimensions, so that an outcome is compensated once.
  const content = open.filter((d) => CONTENT.has(d.kind)).sort((a, b) => (a.kind === b.kind ? 0 : a.kind === 'UNIT' ? -1 : 1));
  let contentHours = 0;
  for (const d of content) {
    const fresh = missingOf(d, unitsByKey).filter((m) => !assigned.has(`${m.unitKey}/${m.outcomeKey}`));
    for (const m of fresh) assigned.add(`${m.unitKey}/${m.outcomeKey}`);
    // Art. 14(5): an outcome whose every missing skill the applicant's experience shows needs no measure.
    const byExperience = fresh.filter((m) => m.missingSkills.length > 0 && m.missingSkills.every((s) => shown.has(s.uri)));
    const remaining = fresh.filter((m) => !byExperience.includes(m));
    const byUnit = new Map<string, MissingOutcome[]>();
    for (const m of remaining) byUnit.set(m.unitKey, [...(byUnit.get(m.unitKey) ?? []), m]);
    let hours: number | null = 0;
    const subjects: string[] = [];
    for (const [unitKey, ms] of [...byUnit].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
      const u = unitsByKey.get(unitKey)!;
      const title = u.title ?? unitKey;
      subjects.push(`${title}: ${ms.map((m) => m.text).join('; ')}`);
      const uh = unitHours(u);
      const gap = ms.reduce((s, m) => s + (1 - m.coverage), 0) / u.outcomes.length;
      if (uh === null) {
        unknownUnits.add(title);
        hours = null;
        continue;
      }
      const h = r4(uh * gap);
      if (hours !== null) hours = r4(hours + h);
      parts.push(u.hours !== null
        ? msg(lang, 'est.unitHours', { title, hours: uh, gap: pct(gap, lang), missing: round1(h) })
        : msg(lang, 'est.unitShare', { title, share: pct(u.outcomes.length / allOutcomes, lang), total: totalHours!, hours: round1(uh), gap: pct(gap, lang), missing: round1(h) }));
    }
    if (byExperience.length) parts.push(msg(lang, 'comp.experienceOutcomes', { n: byExperience.length }));
    if (hours !== null) contentHours += hours;
    measures.push(measure(d, [...byUnit.keys()].sort(), hours, subjects, byExperience, label(d), p, lang));
  }

  // Quantitative differences overlap with each other and with the content: only the largest counts, less what is already held.
  const quantity = open.filter((d) => QUANTITY.has(d.kind)).sort((a, b) => (b.missingHours ?? 0) - (a.missingHours ?? 0));
  const experienceHours = r4(years * 12 * p.hoursPerMonth);
  quantity.forEach((d, i) => {
    const q = d.missingHours;
    const hours = q === null ? null : i === 0 ? r4(Math.max(0, q - contentHours - experienceHours)) : 0;
    if (q !== null) parts.push(msg(lang, 'comp.residual', { id: label(d), q: round1(q), c: i === 0 ? round1(Math.min(q, contentHours)) : round1(q), x: i === 0 ? round1(Math.min(experienceHours, Math.max(0, q - contentHours))) : 0, hours: round1(hours ?? 0) }));
    measures.push(measure(d, [], hours, [], [], label(d), p, lang));
  });

  for (const m of measures) if (m.hours !== 0) parts.push(m.note);
  if (unknownUnits.size) documents.push({ code: 'REFERENCE_UNIT_HOURS', side: 'REFERENCE', message: msg(lang, 'doc.unitHours', { units: [...unknownUnits].sort().join(', ') }) });

  const cap = Math.min(p.maxAdaptationMonths, LEGAL_MAX_ADAPTATION_MONTHS);
  const known = measures.filter((m) => m.months !== null);
  const uncapped = known.length ? round1(known.reduce((s, m) => s + m.months!, 0)) : null;
  const hours = round1(known.reduce((s, m) => s + m.hours!, 0));
  let adaptationPeriod: Compensation['adaptationPeriod'] = null;
  if (uncapped !== null && hours > 0) {
    const months = Math.min(cap, Math.max(1, Math.ceil(uncapped)));
    adaptationPeriod = { months, hours, estimate: `${parts.join('; ')}; ${msg(lang, 'comp.sum', { sum: uncapped, cap, months })}.` };
  }
  const topics = [...new Set(measures.flatMap((m) => m.testSubjects))];
  const choice = x.regime.kind === 'NOT_REGULATED' ? 'comp.choiceNotRegulated' : x.regime.kind === 'GENERAL_SYSTEM' ? 'comp.choiceGeneral' : 'comp.choiceUnspecified';
  const complete = adaptationPeriod !== null && !unknownUnits.size;
  const note = complete ? msg(lang, 'comp.note') : `${msg(lang, 'comp.note')} ${msg(lang, 'est.none')}`;
  return {
    compensation: { adaptationPeriod, aptitudeTestTopics: topics, note, measures, uncappedMonths: uncapped, capMonths: cap, choice: msg(lang, choice) },
    documents,
  };
}

/** A unit below its threshold whose outcomes are each partly covered still misses their uncovered share. */
function missingOf(d: Difference, units: Map<string, UnitComparison>): MissingOutcome[] {
  if (d.kind !== 'UNIT' || d.missing.length) return d.missing;
  return units.get(d.unitKey!)!.outcomes
    .filter((o) => o.coverage < 1)
    .map((o) => ({ unitKey: d.unitKey!, outcomeKey: o.outcomeKey, dimension: o.dimension, text: o.text, coverage: o.coverage, missingSkills: o.missingSkills }));
}

function measure(d: Difference, units: string[], hours: number | null, testSubjects: string[], byExperience: MissingOutcome[], label: string, p: PolicyParams, lang: ReportLang): CompensationMeasure {
  const months = hours === null ? null : round1(hours / p.hoursPerMonth);
  const note =
    hours === null ? msg(lang, 'comp.measureUnknown', { id: label })
      : hours === 0 ? msg(lang, 'comp.already', { id: label })
        : msg(lang, 'comp.measure', { id: label, hours: round1(hours), units: units.join(', ') || '–', hpm: p.hoursPerMonth, months: months! });
  return { differenceId: d.id, units, hours: hours === null ? null : round1(hours), months, testSubjects, coveredByExperience: byExperience.map((m) => `${m.unitKey}/${m.outcomeKey}`), note };
}

/** "theory hours (Directive 2005/36/EC Art. 31(3))" from the difference id TRAINING:<minimum>:<item>. */
function trainingLabel(id: string, lang: ReportLang): string {
  const [, minimum, item] = id.split(':');
  return `${msg(lang, `item.${item}`)} (${TRAINING_MINIMUMS[minimum as keyof typeof TRAINING_MINIMUMS].legalBasis})`;
}
