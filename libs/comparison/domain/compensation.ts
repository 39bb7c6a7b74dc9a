import type { QualificationFile } from '../../catalogue/domain/qualification-file.schema';
import { dimensionLabel, msg, pct } from './messages';
import { r4 } from './outcomes';
import type { PolicyParams } from './policy';
import type { Compensation, Difference, ReportLang, UnitComparison, WorkloadComparison } from './types';

const round1 = (x: number) => Math.round(x * 10) / 10;

/**
 * Directive 2005/36/EC Art. 14(1)–(3), BQFG §§9–11: an adaptation period (length estimated from the
 * missing hours) or an aptitude test limited to the substantial differences found.
 */
export function compensationFor(
  open: Difference[],
  units: UnitComparison[],
  reference: QualificationFile,
  workload: WorkloadComparison,
  p: PolicyParams,
  lang: ReportLang,
): Compensation {
  const parts: string[] = [];

  // Content: each missing outcome carries an equal share of its unit's hours; distinct outcomes count once.
  let totalHours = workload.reference.hours;
  if (totalHours === null && workload.reference.durationMonths !== null) {
    totalHours = r4(workload.reference.durationMonths * p.hoursPerMonth);
    parts.push(msg(lang, 'est.totalFromDuration', { months: workload.reference.durationMonths, hpm: p.hoursPerMonth, total: totalHours }));
  }
  const allOutcomes = units.reduce((s, u) => s + u.outcomes.length, 0);
  const missingByUnit = new Map<string, Set<string>>();
  for (const d of open) {
    for (const m of d.missing) {
      const set = missingByUnit.get(m.unitKey) ?? new Set<string>();
      set.add(m.outcomeKey);
      missingByUnit.set(m.unitKey, set);
    }
  }
  let contentHours = 0;
  let contentKnown = true;
  for (const u of units) {
    const missing = missingByUnit.get(u.unitKey);
    if (!missing || u.outcomes.length === 0) continue;
    const gapShare = u.outcomes.filter((o) => missing.has(o.outcomeKey)).reduce((s, o) => s + (1 - o.coverage), 0) / u.outcomes.length;
    const title = u.title ?? u.unitKey;
    if (u.hours !== null) {
      const h = r4(u.hours * gapShare);
      contentHours += h;
      parts.push(msg(lang, 'est.unitHours', { title, hours: u.hours, gap: pct(gapShare, lang), missing: round1(h) }));
    } else if (totalHours !== null && allOutcomes > 0) {
      const share = u.outcomes.length / allOutcomes;
      const unitHours = r4(totalHours * share);
      const h = r4(unitHours * gapShare);
      contentHours += h;
      parts.push(msg(lang, 'est.unitShare', { title, share: pct(share, lang), total: totalHours, hours: round1(unitHours), gap: pct(gapShare, lang), missing: round1(h) }));
    } else {
      contentKnown = false;
    }
  }
  const duration = open.find((d) => d.kind === 'DURATION');
  const durationHours = duration?.missingHours ?? 0;
  if (duration) parts.push(msg(lang, 'est.durationHours', { months: workload.durationDifferenceMonths!, hpm: p.hoursPerMonth, missing: durationHours }));
  const work = open.find((d) => d.kind === 'WORKLOAD');
  const workloadHours = work?.missingHours ?? 0;
  if (work) parts.push(msg(lang, 'est.workloadHours', { missing: workloadHours }));
  if (duration || work) parts.push(msg(lang, 'est.max'));

  const hours = Math.max(r4(contentHours), durationHours, workloadHours);
  let adaptationPeriod: Compensation['adaptationPeriod'] = null;
  if (hours > 0) {
    const months = Math.min(p.maxAdaptationMonths, Math.max(1, Math.ceil(hours / p.hoursPerMonth)));
    adaptationPeriod = {
      months,
      hours: round1(hours),
      estimate: msg(lang, 'est.total', { parts: parts.join('; '), hours: round1(hours), hpm: p.hoursPerMonth, months, max: p.maxAdaptationMonths }),
    };
  }

  // Aptitude-test topics, from the substantial differences; each missing outcome is named once.
  const topics: string[] = [];
  const named = new Set<string>();
  for (const d of open) {
    if (d.kind === 'LEVEL') topics.push(msg(lang, 'topic.level', { r: reference.eqfLevel }));
    if (d.kind !== 'UNIT' && d.kind !== 'DIMENSION') continue;
    const fresh = d.missing.filter((m) => !named.has(`${m.unitKey}/${m.outcomeKey}`));
    if (!fresh.length) continue;
    for (const m of fresh) named.add(`${m.unitKey}/${m.outcomeKey}`);
    const head = d.kind === 'UNIT' ? (units.find((u) => u.unitKey === d.unitKey)?.title ?? d.unitKey!) : dimensionLabel(lang, d.dimension!);
    topics.push(`${head}: ${fresh.map((m) => m.text).join('; ')}`);
  }
  // Some unit hours could not be estimated: the period is a lower bound, or cannot be given at all.
  const note = adaptationPeriod && contentKnown ? msg(lang, 'comp.note') : `${msg(lang, 'comp.note')} ${msg(lang, 'est.none')}`;
  return { adaptationPeriod, aptitudeTestTopics: topics, note };
}
