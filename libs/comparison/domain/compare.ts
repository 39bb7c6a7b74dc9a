import { createHash } from 'node:crypto';
import { EQF_DIMENSIONS, type EqfDimension, type QualificationFile } from '../../catalogue/domain/qualification-file.schema';
import { pickLabel, stableStringify } from '../../catalogue/domain/qualification-text';
import { compensationFor } from './compensation';
import { type EscoLabels, labelsUsed, skillRef } from './esco-labels';
import { dimensionLabel, LAW, msg, num, pct } from './messages';
import { cmp, compareOutcome, HolderIndex, indexMappings, prepareOutcomes, r4 } from './outcomes';
import type { ComparisonPolicy, PolicyParams } from './policy';
import { compareLevel, compareWorkload } from './profile';
import {
  ENGINE_VERSION,
  type ComparisonReport,
  type Difference,
  type ExperienceEvidence,
  type ExplanationEntry,
  type MissingOutcome,
  type OutcomeMapping,
  type ReportLang,
  type UnitComparison,
  type Verdict,
} from './types';

export interface CompareOptions {
  lang?: ReportLang;
  /** Preferred labels of the ESCO skills (from the ESCO tables), so that reports name skills, not just URIs. */
  skillLabels?: EscoLabels;
}

const mean = (xs: number[]) => (xs.length ? r4(xs.reduce((s, x) => s + x, 0) / xs.length) : null);

/** Sorted, canonical copies so that input order never changes the report. */
function canonicalEvidence(evidence: ExperienceEvidence[]): ExperienceEvidence[] {
  return evidence
    .map((e) => ({ ...(e.description ? { description: e.description } : {}), escoSkills: [...new Set(e.escoSkills)].sort(), years: e.years }))
    .sort((a, b) => cmp(stableStringify(a), stableStringify(b)));
}

function canonicalMappings(mappings: OutcomeMapping[]): OutcomeMapping[] {
  const ref = (r: OutcomeMapping['holder']) => `${r.qualificationKey}/${r.unitKey}/${r.outcomeKey}`;
  return [...mappings].sort((a, b) => cmp(ref(a.reference), ref(b.reference)) || cmp(ref(a.holder), ref(b.holder)) || cmp(a.status, b.status));
}

/**
 * Compares a holder's qualification with a reference qualification the way a recognition body does:
 * level, workload and profile, learning outcomes, substantial differences, verdict and compensation.
 * Pure and deterministic: the same inputs give a byte-identical report.
 */
export function compare(
  holder: QualificationFile,
  reference: QualificationFile,
  policy: ComparisonPolicy,
  evidence: ExperienceEvidence[] = [],
  mappings: OutcomeMapping[] = [],
  options: CompareOptions = {},
): ComparisonReport {
  const lang = options.lang ?? 'en';
  const labels = options.skillLabels ?? {};
  const skill = (uri: string) => skillRef(uri, labels, lang);
  const p = policy.params;
  const ev = canonicalEvidence(evidence);
  const maps = canonicalMappings(mappings);
  const explanation: ExplanationEntry[] = [];
  const explain = (rule: string, legalBasis: string | null, code: string, params: Record<string, string | number> = {}) =>
    explanation.push({ rule, legalBasis, detail: msg(lang, code, params) });

  explain('POLICY', null, 'rule.policy', { key: policy.key, version: policy.version, engine: ENGINE_VERSION });

  // Level (Lisbon: level; Art. 11, 13).
  const level = compareLevel(holder, reference);
  explain('LEVEL_COMPARED', `${LAW.lisbonLevel}; ${LAW.art11}`, 'rule.level', {
    hf: level.holder.framework, hn: level.holder.nationalLevel, h: level.holder.eqfLevel,
    rf: level.reference.framework, rn: level.reference.nationalLevel, r: level.reference.eqfLevel,
    gap: level.eqfGap, ha: num(level.holder.art11Level, lang), ra: num(level.reference.art11Level, lang),
  });

  // Workload and profile.
  const workload = compareWorkload(holder, reference, p);
  explain('WORKLOAD_COMPARED', LAW.lisbonWorkload, 'rule.workload', {
    hd: num(workload.holder.durationMonths, lang), rd: num(workload.reference.durationMonths, lang),
    hh: num(workload.holder.hours, lang), rh: num(workload.reference.hours, lang),
    hp: pct(workload.holder.practiceShare, lang), rp: pct(workload.reference.practiceShare, lang),
    hprof: workload.holder.profile, rprof: workload.reference.profile,
  });
  if (workload.profileDiffers) explain('PROFILE_DIFFERS', LAW.lisbonWorkload, 'rule.profile', { hprof: workload.holder.profile, rprof: workload.reference.profile });

  // Essential units.
  const assessable = reference.units.filter((u) => u.outcomes.length > 0);
  const marked = new Set<string>();
  for (const e of p.essentialUnits) {
    if (e.reference !== reference.key) continue;
    if (e.profession && !reference.professions.includes(e.profession)) continue;
    for (const u of e.units) if (reference.units.some((x) => x.key === u)) marked.add(u);
  }
  const essential = marked.size > 0 ? marked : new Set(assessable.map((u) => u.key));
  if (marked.size > 0) explain('ESSENTIAL_UNITS_FROM_POLICY', `${LAW.bqfg4}; ${LAW.art14_4}`, 'rule.essentialPolicy', { n: marked.size, units: [...marked].sort().join(', ') });
  else explain('ALL_UNITS_ESSENTIAL', `${LAW.bqfg4}; ${LAW.art14_4}`, 'rule.essentialAll', { n: essential.size });

  // Learning outcomes.
  const holderIndex = new HolderIndex(prepareOutcomes(holder));
  const mapIndex = indexMappings(maps, holder.key, reference.key, holderIndex);
  explain('OUTCOME_MATCHING', LAW.lisbonOutcomes, 'rule.matching', {
    a: mapIndex.assertedCount, x: mapIndex.rejectedCount, measure: p.escoMeasure,
    combine: msg(lang, p.combineEscoAcrossOutcomes ? 'word.yes' : 'word.no'), lw: p.lexicalWeight,
    cdf: p.crossDimensionFactor, min: p.minMatchScore, oc: p.outcomeCoveredThreshold,
  });
  const refOutcomes = prepareOutcomes(reference);
  let cursor = 0;
  const units: UnitComparison[] = reference.units.map((u) => {
    const outcomes = u.outcomes.map(() => compareOutcome(refOutcomes[cursor++], holderIndex, mapIndex, p, skill));
    return {
      unitKey: u.key,
      title: pickLabel(u.title, lang),
      hours: u.hours ?? null,
      essential: essential.has(u.key),
      coverage: mean(outcomes.map((o) => o.coverage)),
      outcomes,
    };
  });
  for (const u of units) if (u.coverage === null) explain('UNIT_NOT_ASSESSABLE', null, 'rule.unitNotAssessable', { unit: u.unitKey });

  const all = units.flatMap((u) => u.outcomes);
  const essentialOutcomes = units.filter((u) => u.essential).flatMap((u) => u.outcomes);
  const byDimension = EQF_DIMENSIONS.map((dimension) => {
    const os = all.filter((o) => o.dimension === dimension);
    return { dimension, coverage: mean(os.map((o) => o.coverage)), outcomes: os.length };
  });
  const coverage = { overall: mean(all.map((o) => o.coverage)), essential: mean(essentialOutcomes.map((o) => o.coverage)), byDimension };
  explain('COVERAGE', LAW.lisbonOutcomes, 'rule.coverage', {
    overall: pct(coverage.overall, lang), essential: pct(coverage.essential, lang),
    dims: byDimension.map((d) => `${dimensionLabel(lang, d.dimension)} ${pct(d.coverage, lang)} (${d.outcomes})`).join(', '),
  });
  if (all.length === 0) explain('NO_OUTCOMES', LAW.lisbon, 'rule.noOutcomes');

  // Differences.
  const differences: Difference[] = [];
  const missingOf = (unitKey: string, os: UnitComparison['outcomes']): MissingOutcome[] =>
    os.filter((o) => !o.covered).map((o) => ({ unitKey, outcomeKey: o.outcomeKey, dimension: o.dimension, text: o.text, coverage: o.coverage, missingSkills: o.missingSkills }));
  // Outcome texts are quoted whole: a shortened text can change what a missing outcome says.
  const describeMissing = (m: MissingOutcome[]) => {
    if (!m.length) return msg(lang, 'word.none');
    const head = m.slice(0, 3).map((o) => `"${o.text}"`).join('; ');
    return m.length > 3 ? `${head}; ${msg(lang, 'word.moreOutcomes', { n: m.length - 3 })}` : head;
  };
  const base = { compensated: false, compensatedBy: [] as number[], unitKey: null, dimension: null, coverage: null, threshold: null, missing: [] as MissingOutcome[], missingHours: null };

  if (level.eqfGap > 0) {
    differences.push({
      ...base, id: 'LEVEL', kind: 'LEVEL', substantial: true, coverage: null,
      message: msg(lang, 'diff.level', { h: level.holder.eqfLevel, r: level.reference.eqfLevel, gap: level.eqfGap }),
    });
    if (level.eqfGap <= p.maxLevelGap) explain('LEVEL_GAP_WITHIN_ART13', `${LAW.art13}; ${LAW.art14_1}`, 'rule.levelWithin', { gap: level.eqfGap, max: p.maxLevelGap });
  }
  const dd = workload.durationDifferenceMonths;
  if (dd !== null && dd >= p.durationShortfallMonths) {
    differences.push({
      ...base, id: 'DURATION', kind: 'DURATION', substantial: true, threshold: p.durationShortfallMonths,
      missingHours: r4(dd * p.hoursPerMonth),
      message: msg(lang, 'diff.duration', { h: workload.holder.durationMonths!, r: workload.reference.durationMonths!, d: dd }),
    });
    explain('DURATION_SHORTFALL', LAW.bqfg4, 'rule.durationShortfall', { d: dd, thr: p.durationShortfallMonths });
  }
  const hr = workload.hoursRelative;
  if (hr !== null && hr >= p.workloadShortfallRatio) {
    differences.push({
      ...base, id: 'WORKLOAD', kind: 'WORKLOAD', substantial: true, threshold: p.workloadShortfallRatio,
      missingHours: workload.hoursDifference,
      message: msg(lang, 'diff.workload', { h: workload.holder.hours!, r: workload.reference.hours!, p: pct(hr, lang) }),
    });
    explain('WORKLOAD_SHORTFALL', LAW.bqfg4, 'rule.workloadShortfall', { p: pct(hr, lang), thr: pct(p.workloadShortfallRatio, lang) });
  }
  for (const u of units) {
    if (!u.essential || u.coverage === null || u.coverage >= p.unitCoverageThreshold) continue;
    const missing = missingOf(u.unitKey, u.outcomes);
    differences.push({
      ...base, id: `UNIT:${u.unitKey}`, kind: 'UNIT', substantial: true, unitKey: u.unitKey, coverage: u.coverage,
      threshold: p.unitCoverageThreshold, missing,
      message: msg(lang, 'diff.unit', { title: u.title ?? u.unitKey, cov: pct(u.coverage, lang), thr: pct(p.unitCoverageThreshold, lang), missing: describeMissing(missing) }),
    });
    explain('UNIT_BELOW_THRESHOLD', `${LAW.bqfg4}; ${LAW.art14_4}`, 'rule.unitBelow', { unit: u.unitKey, cov: pct(u.coverage, lang), thr: pct(p.unitCoverageThreshold, lang) });
  }
  for (const d of byDimension) {
    if (d.coverage === null || d.coverage >= p.dimensionCoverageThreshold) continue;
    const missing = units.flatMap((u) => missingOf(u.unitKey, u.outcomes.filter((o) => o.dimension === d.dimension)));
    const substantial = missing.some((m) => essential.has(m.unitKey));
    differences.push({
      ...base, id: `DIMENSION:${d.dimension}`, kind: 'DIMENSION', substantial, dimension: d.dimension, coverage: d.coverage,
      threshold: p.dimensionCoverageThreshold, missing,
      message: msg(lang, 'diff.dimension', { dim: dimensionLabel(lang, d.dimension), cov: pct(d.coverage, lang), thr: pct(p.dimensionCoverageThreshold, lang), missing: describeMissing(missing) }),
    });
    explain('DIMENSION_BELOW_THRESHOLD', `${LAW.lisbonOutcomes}; ${LAW.bqfg4}`, 'rule.dimensionBelow', { dim: d.dimension, cov: pct(d.coverage, lang), thr: pct(p.dimensionCoverageThreshold, lang) });
  }

  applyExperience(differences, ev, p, lang, explain);

  // Verdict.
  const reasons: string[] = [];
  if (level.eqfGap > p.maxLevelGap) {
    reasons.push(msg(lang, 'reason.levelGap', { gap: level.eqfGap, max: p.maxLevelGap }));
    explain('LEVEL_GAP_EXCEEDS', `${LAW.art13}; ${LAW.bqfg7}`, 'rule.levelExceeds', { gap: level.eqfGap, max: p.maxLevelGap });
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

  const compensation = verdict === 'PARTIAL' ? compensationFor(open, units, reference, workload, p, lang) : null;
  if (compensation?.adaptationPeriod) {
    explain('ADAPTATION_ESTIMATE', LAW.art14_1, 'rule.adaptation', { months: compensation.adaptationPeriod.months, hours: compensation.adaptationPeriod.hours });
  }

  // The labels shown are an input too: a new ESCO import gives a new report, not a stale stored one.
  const shownLabels = labelsUsed([...holderIndex.outcomes.flatMap((o) => [...o.tags]), ...refOutcomes.flatMap((o) => [...o.tags])], labels, lang);
  const inputHash = createHash('sha256')
    .update(stableStringify({ holder, reference, policy: { id: policy.id, version: policy.version, params: p }, evidence: ev, mappings: maps, lang, labels: shownLabels, engine: ENGINE_VERSION }))
    .digest('hex');

  return {
    engineVersion: ENGINE_VERSION,
    policy: { id: policy.id, key: policy.key, version: policy.version },
    lang,
    inputHash,
    holder: { key: holder.key, jurisdiction: holder.jurisdiction, title: pickLabel(holder.title, lang) },
    reference: { key: reference.key, jurisdiction: reference.jurisdiction, title: pickLabel(reference.title, lang) },
    evidence: ev,
    level,
    workload,
    units,
    coverage,
    differences,
    verdict,
    reasons,
    compensation,
    explanation,
  };
}

/** BQFG §4(2) no. 3 and Art. 14(5): professional experience can make up for a difference. */
function applyExperience(
  differences: Difference[],
  evidence: ExperienceEvidence[],
  p: PolicyParams,
  lang: ReportLang,
  explain: (rule: string, legalBasis: string | null, code: string, params?: Record<string, string | number>) => void,
): void {
  if (!evidence.length) return;
  const usable: number[] = [];
  evidence.forEach((e, i) => {
    if (e.years >= p.minExperienceYears) usable.push(i);
    else explain('EXPERIENCE_IGNORED', LAW.bqfg4_3, 'rule.experienceIgnored', { i, years: e.years, min: p.minExperienceYears });
  });
  if (!usable.length) return;
  const years = r4(usable.reduce((s, i) => s + evidence[i].years, 0));
  const result = (ok: boolean) => msg(lang, ok ? 'word.compensated' : 'word.notCompensated');
  for (const d of differences) {
    if (d.kind === 'LEVEL') continue; // a level gap is an expert's call; experience is weighed against content and duration
    if (d.kind === 'DURATION' || d.kind === 'WORKLOAD') {
      const need = r4((d.missingHours ?? 0) / (p.hoursPerMonth * 12));
      d.compensated = years >= need;
      d.compensatedBy = d.compensated ? usable : [];
      explain('EXPERIENCE_DURATION', `${LAW.bqfg4_3}; ${LAW.art14_5}`, 'rule.experienceYears', { id: d.id, years, need, result: result(d.compensated) });
    } else {
      const missing = new Set(d.missing.flatMap((m) => m.missingSkills.map((s) => s.uri)));
      if (missing.size === 0) continue;
      const by = usable.filter((i) => evidence[i].escoSkills.some((t) => missing.has(t)));
      const shown = new Set(by.flatMap((i) => evidence[i].escoSkills.filter((t) => missing.has(t)))).size;
      if (!by.length) continue;
      const share = shown / missing.size;
      d.compensated = share >= p.experienceCompensationShare;
      d.compensatedBy = d.compensated ? by : [];
      explain('EXPERIENCE_CONTENT', `${LAW.bqfg4_3}; ${LAW.art14_5}`, 'rule.experience', {
        id: d.id, shown, n: missing.size, share: pct(share, lang), thr: pct(p.experienceCompensationShare, lang), result: result(d.compensated),
      });
    }
    if (d.compensated) d.message += msg(lang, 'diff.compensated');
  }
}
