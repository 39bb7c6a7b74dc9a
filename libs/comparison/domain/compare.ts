import { createHash } from 'node:crypto';
import { EQF_DIMENSIONS, type EqfDimension, type QualificationFile } from '../../catalogue/domain/qualification-file.schema';
import { pickLabel, stableStringify } from '../../catalogue/domain/qualification-text';
import { compensationFor } from './compensation';
import { decide, type DecisionInput } from './decide';
import { type EscoLabels, labelsUsed, skillRef } from './esco-labels';
import { dimensionLabel, LAW, msg, num, pct } from './messages';
import { cmp, compareOutcome, indexMappings, prepareFile, type PreparedFile, r4 } from './outcomes';
import type { ComparisonPolicy } from './policy';
import { compareLevel } from './profile';
import { isAutomatic, regimeSummary } from './regime';
import { sensitivity } from './sensitivity';
import { checkTraining, minimumsFor } from './training';
import {
  ENGINE_VERSION,
  type ComparisonRegime,
  type ComparisonReport,
  type ExperienceEvidence,
  type ExplanationEntry,
  type OutcomeMapping,
  type ReportLang,
  type UnitComparison,
} from './types';
import { compareWorkload, workloadDocuments } from './workload';

export interface CompareOptions {
  lang?: ReportLang;
  /** Preferred labels of the ESCO skills (from the ESCO tables), so that reports name skills, not just URIs. */
  skillLabels?: EscoLabels;
  /**
   * The legal regime of the pair, from the recognition rules and registry (the caller knows them; this engine
   * does not). Without it the content comparison decides and the general system's rules apply where they can.
   */
  regime?: ComparisonRegime;
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
  const regime = regimeSummary(options.regime);
  if (regime.kind === 'UNSPECIFIED') explain('REGIME', null, 'rule.regimeUnspecified');
  else explain('REGIME', regime.legalBasis, 'rule.regime', { kind: regime.kind, basis: regime.legalBasis ?? '' });

  // Level (Lisbon: level; Art. 11, 13).
  const level = compareLevel(holder, reference);
  explain('LEVEL_COMPARED', `${LAW.lisbonLevel}; ${LAW.art11}`, 'rule.level', {
    hf: level.holder.framework, hn: level.holder.nationalLevel, h: level.holder.eqfLevel,
    rf: level.reference.framework, rn: level.reference.nationalLevel, r: level.reference.eqfLevel,
    gap: level.eqfGap, ha: num(level.holder.art11Level, lang), ra: num(level.reference.art11Level, lang),
  });

  // Workload and profile.
  const workload = compareWorkload(holder, reference, p, lang);
  explain('WORKLOAD_COMPARED', LAW.lisbonWorkload, 'rule.workload', {
    hd: num(workload.holder.durationMonths, lang), rd: num(workload.reference.durationMonths, lang),
    hh: num(workload.holder.hours, lang), rh: num(workload.reference.hours, lang),
    hp: pct(workload.holder.practiceShare, lang), rp: pct(workload.reference.practiceShare, lang),
    hprof: workload.holder.profile, rprof: workload.reference.profile,
  });
  for (const c of [...workload.holder.conversions, ...workload.reference.conversions]) explain('WORKLOAD_CONVERSION', null, 'rule.conversion', { c });
  const trained = checkTraining(workload.holder, minimumsFor(reference, options.regime), regime, p, lang);
  const documentsNeeded = [...workloadDocuments(workload, lang), ...trained.documents];
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
  const holderFile = prepareFile(holder);
  const referenceFile = prepareFile(reference);
  const holderIndex = holderFile.holderIndex;
  const mapIndex = indexMappings(maps, holder.key, reference.key, holderIndex);
  explain('OUTCOME_MATCHING', LAW.lisbonOutcomes, 'rule.matching', {
    a: mapIndex.assertedCount, x: mapIndex.rejectedCount, measure: p.escoMeasure,
    combine: msg(lang, p.combineEscoAcrossOutcomes ? 'word.yes' : 'word.no'), lw: p.lexicalWeight,
    cdf: p.crossDimensionFactor, min: p.minMatchScore, oc: p.outcomeCoveredThreshold,
  });
  const refOutcomes = referenceFile.outcomes;
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

  // Differences, experience and verdict; decided again for every threshold the sensitivity check moves.
  const input: DecisionInput = { level, workload, training: trained.training, units, coverage, essential, evidence: ev, regime };
  const { differences, reasons, verdict } = decide(input, p, lang, explain);

  let compensation: ComparisonReport['compensation'] = null;
  if (verdict === 'PARTIAL' && !isAutomatic(regime.kind)) {
    const open = differences.filter((d) => d.substantial && !d.compensated);
    const c = compensationFor(open, { units, workload, evidence: ev, regime }, p, lang);
    compensation = c.compensation;
    documentsNeeded.push(...c.documents);
    if (compensation.adaptationPeriod) {
      explain('ADAPTATION_ESTIMATE', `${LAW.art14_1}; ${LAW.bqfg9_11}`, 'rule.adaptation', { months: compensation.adaptationPeriod.months, hours: compensation.adaptationPeriod.hours });
    }
    explain('COMPENSATION_CHOICE', regime.kind === 'NOT_REGULATED' ? null : LAW.art14_2, 'rule.choice', { choice: compensation.choice });
  }
  const sens = sensitivity(input, p, verdict, lang);
  explain('SENSITIVITY', null, 'rule.sensitivity', { statement: sens.statement });

  // The labels shown are an input too: a new ESCO import gives a new report, not a stale stored one.
  const shownLabels = labelsUsed([...holderIndex.outcomes.flatMap((o) => [...o.tags]), ...refOutcomes.flatMap((o) => [...o.tags])], labels, lang);
  const inputHash = createHash('sha256')
    .update(stableStringify({ holder: fileDigest(holder, holderFile), reference: fileDigest(reference, referenceFile), policy: { id: policy.id, version: policy.version, params: p }, evidence: ev, mappings: maps, lang, labels: shownLabels, engine: ENGINE_VERSION, ...(options.regime ? { regime: options.regime } : {}) }))
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
    regime,
    training: trained.training,
    documentsNeeded,
    sensitivity: sens,
  };
}

/**
 * What of a file the engine reads, as a digest: the file without its outcomes (stable key order) and the digest
 * of each outcome's key, language, dimension, text and tags (its signature, hashed once per file version).
 * Outcome notes are not read, so they are not in it.
 */
function fileDigest(file: QualificationFile, prepared: PreparedFile): string {
  const shell = { ...file, units: file.units.map((u) => ({ ...u, outcomes: u.outcomes.length })) };
  return createHash('sha256').update(stableStringify(shell)).update('\n').update(prepared.outcomesDigest).digest('hex');
}
