import { dimensionLabel, LAW, msg as say, pct } from './messages';
import { r4 } from './outcomes';
import type { PolicyParams } from './policy';
import { generalSystemApplies, isAutomatic } from './regime';
import type {
  ComparisonReport,
  Difference,
  ExperienceEvidence,
  LevelComparison,
  MissingOutcome,
  RegimeSummary,
  ReportLang,
  TrainingComparison,
  UnitComparison,
  Verdict,
  WorkloadComparison,
} from './types';

export type Explain = (rule: string, legalBasis: string | null, code: string, params?: Record<string, string | number>) => void;
export const silent: Explain = () => undefined;

/** What the decision weighs: computed once, then decided again for every threshold the sensitivity check moves. */
export interface DecisionInput {
  level: LevelComparison;
  workload: WorkloadComparison;
  training: TrainingComparison;
  units: UnitComparison[];
  coverage: ComparisonReport['coverage'];
  essential: ReadonlySet<string>;
  evidence: ExperienceEvidence[];
  regime: RegimeSummary;
}

export interface Decision {
  differences: Difference[];
  reasons: string[];
  verdict: Verdict;
}

/** Substantial differences (BQFG §4(2), Art. 14(1) and (4)), experience (Art. 14(5)), and the verdict. */
export function decide(x: DecisionInput, p: PolicyParams, lang: ReportLang, explain: Explain = silent, o: { verdictOnly?: boolean } = {}): Decision {
  // The sensitivity check decides again for every moved threshold and reads only the verdict: no texts then.
  const msg: typeof say = o.verdictOnly ? () => '' : say;
  const { level, workload, units, coverage, essential } = x;
  const differences: Difference[] = [];
  // Decided from the coverage, so that moving the outcome threshold needs no new matching.
  const missingOf = (unitKey: string, os: UnitComparison['outcomes']): MissingOutcome[] =>
    os
      .filter((o) => o.coverage < p.outcomeCoveredThreshold)
      .map((o) => ({ unitKey, outcomeKey: o.outcomeKey, dimension: o.dimension, text: o.text, coverage: o.coverage, missingSkills: o.missingSkills }));
  // Outcome texts are quoted whole: a shortened text can change what a missing outcome says.
  const describeMissing = (m: MissingOutcome[]) => {
    if (!m.length) return msg(lang, 'word.none');
    const head = m.slice(0, 3).map((o) => `"${o.text}"`).join('; ');
    return m.length > 3 ? `${head}; ${msg(lang, 'word.moreOutcomes', { n: m.length - 3 })}` : head;
  };
  const base = { compensated: false, compensatedBy: [] as number[], unitKey: null, dimension: null, coverage: null, threshold: null, missing: [] as MissingOutcome[], missingHours: null };

  // Level: reported, never substantial by itself (Art. 13 as amended by Directive 2013/55/EU).
  if (level.eqfGap > 0) {
    differences.push({ ...base, id: 'LEVEL', kind: 'LEVEL', substantial: false, message: msg(lang, 'diff.level', { h: level.holder.eqfLevel, r: level.reference.eqfLevel, gap: level.eqfGap }) });
    explain('LEVEL_GAP_REPORTED', `${LAW.dir2013}; ${LAW.art11}; ${LAW.art14_1}`, 'rule.levelReported', { gap: level.eqfGap });
  }
  const dd = workload.durationDifferenceMonths;
  if (dd !== null && dd >= p.durationShortfallMonths) {
    differences.push({
      ...base, id: 'DURATION', kind: 'DURATION', substantial: true, threshold: p.durationShortfallMonths, missingHours: r4(dd * p.hoursPerMonth),
      message: msg(lang, 'diff.duration', { h: workload.holder.durationMonths!, r: workload.reference.durationMonths!, d: dd }),
    });
    explain('DURATION_SHORTFALL', LAW.bqfg4, 'rule.durationShortfall', { d: dd, thr: p.durationShortfallMonths });
  }
  const hr = workload.hoursRelative;
  if (hr !== null && hr >= p.workloadShortfallRatio) {
    differences.push({
      ...base, id: 'WORKLOAD', kind: 'WORKLOAD', substantial: true, threshold: p.workloadShortfallRatio, missingHours: workload.hoursDifference,
      message: msg(lang, 'diff.workload', { h: workload.holder.hours!, r: workload.reference.hours!, p: pct(hr, lang) }),
    });
    explain('WORKLOAD_SHORTFALL', LAW.bqfg4, 'rule.workloadShortfall', { p: pct(hr, lang), thr: pct(p.workloadShortfallRatio, lang) });
  }
  for (const c of x.training.checks) {
    if (c.met === null) continue;
    const item = msg(lang, `item.${c.item}`);
    explain('TRAINING_MINIMUM', c.legalBasis, 'rule.trainingCheck', { basis: c.legalBasis, item, holder: c.holder!, req: c.required, result: msg(lang, c.met ? 'word.met' : 'word.notMet') });
    if (c.met) continue;
    differences.push({
      ...base, id: `TRAINING:${c.minimum}:${c.item}`, kind: 'TRAINING', substantial: !isAutomatic(x.regime.kind), threshold: c.required, missingHours: c.shortfallHours,
      message: msg(lang, 'diff.training', { basis: c.legalBasis, item, holder: c.holder!, req: c.required, short: c.shortfallHours! }),
    });
  }
  for (const u of units) {
    if (!u.essential || u.coverage === null || u.coverage >= p.unitCoverageThreshold) continue;
    const missing = missingOf(u.unitKey, u.outcomes);
    differences.push({
      ...base, id: `UNIT:${u.unitKey}`, kind: 'UNIT', substantial: true, unitKey: u.unitKey, coverage: u.coverage, threshold: p.unitCoverageThreshold, missing,
      message: msg(lang, 'diff.unit', { title: u.title ?? u.unitKey, cov: pct(u.coverage, lang), thr: pct(p.unitCoverageThreshold, lang), missing: describeMissing(missing) }),
    });
    explain('UNIT_BELOW_THRESHOLD', `${LAW.bqfg4}; ${LAW.art14_4}`, 'rule.unitBelow', { unit: u.unitKey, cov: pct(u.coverage, lang), thr: pct(p.unitCoverageThreshold, lang) });
  }
  for (const d of coverage.byDimension) {
    if (d.coverage === null || d.coverage >= p.dimensionCoverageThreshold) continue;
    const missing = units.flatMap((u) => missingOf(u.unitKey, u.outcomes.filter((o) => o.dimension === d.dimension)));
    differences.push({
      ...base, id: `DIMENSION:${d.dimension}`, kind: 'DIMENSION', substantial: missing.some((m) => essential.has(m.unitKey)), dimension: d.dimension, coverage: d.coverage,
      threshold: p.dimensionCoverageThreshold, missing,
      message: msg(lang, 'diff.dimension', { dim: dimensionLabel(lang, d.dimension), cov: pct(d.coverage, lang), thr: pct(p.dimensionCoverageThreshold, lang), missing: describeMissing(missing) }),
    });
    explain('DIMENSION_BELOW_THRESHOLD', `${LAW.lisbonOutcomes}; ${LAW.bqfg4}`, 'rule.dimensionBelow', { dim: d.dimension, cov: pct(d.coverage, lang), thr: pct(p.dimensionCoverageThreshold, lang) });
  }

  applyExperience(differences, x.evidence, p, lang, explain);

  if (isAutomatic(x.regime.kind)) {
    explain('VERDICT_AUTOMATIC', x.regime.legalBasis, 'rule.automatic', { kind: x.regime.kind, basis: x.regime.legalBasis ?? '' });
    return { differences, reasons: [], verdict: 'FULL' };
  }
  const reasons: string[] = [];
  if (level.art13_4 && generalSystemApplies(x.regime.kind)) {
    reasons.push(msg(lang, 'reason.art13_4'));
    explain('ART13_4_REFUSAL_PERMITTED', LAW.art13_4, 'rule.art13_4');
  }
  if (coverage.overall !== null && coverage.overall < p.coverageFloor) {
    reasons.push(msg(lang, 'reason.floor', { cov: pct(coverage.overall, lang), floor: pct(p.coverageFloor, lang) }));
    explain('COVERAGE_BELOW_FLOOR', LAW.bqfg7, 'rule.floor', { cov: pct(coverage.overall, lang), floor: pct(p.coverageFloor, lang) });
  }
  const open = differences.filter((d) => d.substantial && !d.compensated);
  const verdict: Verdict = reasons.length ? 'NONE' : open.length ? 'PARTIAL' : 'FULL';
  if (verdict === 'FULL') explain('VERDICT_FULL', `${LAW.lisbon}; ${LAW.bqfg4}`, 'rule.verdictFull');
  else if (verdict === 'PARTIAL') explain('VERDICT_PARTIAL', `${LAW.bqfg4}; ${LAW.art14_1}`, 'rule.verdictPartial', { n: open.length });
  else explain('VERDICT_NONE', LAW.bqfg7, 'rule.verdictNone');
  return { differences, reasons, verdict };
}

/** Usable experience: at least the minimum years (proportionality, Art. 14(5)). */
export const usableEvidence = (evidence: ExperienceEvidence[], p: PolicyParams): number[] =>
  evidence.flatMap((e, i) => (e.years >= p.minExperienceYears ? [i] : []));

/** BQFG §4(2) no. 3 and Art. 14(5): professional experience can make up for a difference. */
function applyExperience(differences: Difference[], evidence: ExperienceEvidence[], p: PolicyParams, lang: ReportLang, explain: Explain): void {
  if (!evidence.length) return;
  evidence.forEach((e, i) => {
    if (e.years < p.minExperienceYears) explain('EXPERIENCE_IGNORED', LAW.bqfg4_3, 'rule.experienceIgnored', { i, years: e.years, min: p.minExperienceYears });
  });
  const usable = usableEvidence(evidence, p);
  if (!usable.length) return;
  const years = r4(usable.reduce((s, i) => s + evidence[i].years, 0));
  const result = (ok: boolean) => say(lang, ok ? 'word.compensated' : 'word.notCompensated');
  for (const d of differences) {
    if (d.kind === 'LEVEL') continue; // reported only; experience is weighed against content and duration
    if (d.kind === 'DURATION' || d.kind === 'WORKLOAD' || d.kind === 'TRAINING') {
      const need = r4((d.missingHours ?? 0) / (p.hoursPerMonth * 12));
      d.compensated = years >= need;
      d.compensatedBy = d.compensated ? usable : [];
      explain('EXPERIENCE_DURATION', `${LAW.bqfg4_3}; ${LAW.art14_5}`, 'rule.experienceYears', { id: d.id, years, need, result: result(d.compensated) });
    } else {
      const missing = new Set(d.missing.flatMap((m) => m.missingSkills.map((s) => s.uri)));
      if (missing.size === 0) continue;
      const by = usable.filter((i) => evidence[i].escoSkills.some((t) => missing.has(t)));
      if (!by.length) continue;
      const shown = new Set(by.flatMap((i) => evidence[i].escoSkills.filter((t) => missing.has(t)))).size;
      const share = shown / missing.size;
      d.compensated = share >= p.experienceCompensationShare;
      d.compensatedBy = d.compensated ? by : [];
      explain('EXPERIENCE_CONTENT', `${LAW.bqfg4_3}; ${LAW.art14_5}`, 'rule.experience', {
        id: d.id, shown, n: missing.size, share: pct(share, lang), thr: pct(p.experienceCompensationShare, lang), result: result(d.compensated),
      });
    }
    if (d.compensated) d.message += say(lang, 'diff.compensated');
  }
}
