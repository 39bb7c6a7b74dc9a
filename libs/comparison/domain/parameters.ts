import type { PolicyParams } from './policy';

/** Why a policy parameter has its default: a legal or methodological source, or the expert body that set it. */
export interface ParamRationale {
  rationale: string;
  /** A citable source; null when the value is an expert's setting. */
  source: string | null;
  /** Who set the value when no source fixes it. */
  setBy: string | null;
  /** Whether the verdict is checked for a ±10% move of this value (thresholds only). */
  threshold: boolean;
}

const EXPERTS = 'comparison policy experts (default policy, version 1)';
const expert = (rationale: string, threshold = false): ParamRationale => ({ rationale, source: null, setBy: EXPERTS, threshold });
const sourced = (rationale: string, source: string, threshold = false): ParamRationale => ({ rationale, source, setBy: null, threshold });

/**
 * Every parameter of a comparison policy with its reason. A record over all keys, so that a new parameter
 * without a reason does not compile.
 */
export const PARAM_RATIONALE: Record<keyof PolicyParams, ParamRationale> = {
  escoMeasure: expert('Containment asks how much of the reference outcome the holder shows, which is the question of BQFG §4(2) no. 1; Jaccard would penalise a holder who shows more.'),
  combineEscoAcrossOutcomes: expert('A skill shown anywhere in the holder’s training counts; curricula cut the same content into different outcomes.'),
  lexicalWeight: expert('Same-language word overlap is weaker evidence than shared ESCO skills or an expert mapping.'),
  crossDimensionFactor: expert('Knowledge shown where the reference asks for a skill or for responsibility (or the reverse) is only partly the same learning outcome; below the covered threshold, so it never covers an outcome alone.'),
  escoTags: expert(
    'A hand-placed tag is an editor’s claim about a text, not the training: one tag moved Verzorgende-IG against Altenpfleger/in from 14% to 8.3% coverage and the verdict to NONE. Tags are shown beside matches and propose mappings; an expert’s confirmation makes them count.',
  ),
  alignmentFloor: expert('Below this aligner score the gold set’s pairs are mostly unrelated (bench/alignment); such a score is no evidence.'),
  alignmentFull: expert('The aligner’s operating threshold: at 0.45 its precision on the gold set is at least 0.9 for nl↔de, nl↔en and de↔en (npm run bench -- alignment).'),
  alignSameLanguage: expert('Off: within one language the aligner’s stems and rare words also pair outcomes that differ in the group they serve (alte Menschen against Menschen aller Altersstufen); word overlap stays the same-language signal.'),
  minMatchScore: expert('Below this score a match is noise and is not shown. A matching parameter: the ±10% check covers the decision thresholds only.'),
  maxMatchesPerOutcome: expert('Reports name the strongest matches only, to stay readable.'),
  outcomeCoveredThreshold: expert('An outcome at least half shown counts as covered; below that it is listed as missing.', true),
  unitCoverageThreshold: expert('An essential unit under 60% coverage differs substantially in content (BQFG §4(2) no. 1); set by the experts on the seeded cases.', true),
  dimensionCoverageThreshold: expert('An EQF dimension under half covered is a difference in the kind of learning, not only in topics.', true),
  coverageFloor: expert('Below 10% overall coverage the trainings are for different occupations: there is nothing to compensate.', true),
  maxLevelGap: sourced(
    'Ignored: the pre-2013 rule of Art. 13 (level at least the one immediately below the host’s) was deleted; an EQF gap is reported and may support an Art. 14 difference, never a refusal.',
    'Directive 2013/55/EU (OJ L 354, 28.12.2013) amending Directive 2005/36/EC Art. 13',
  ),
  durationShortfallMonths: expert('A training at least a year shorter differs substantially in duration (BQFG §4(2) no. 1).', true),
  workloadShortfallRatio: expert('A workload at least a quarter lower differs substantially (BQFG §4(2) no. 1).', true),
  hoursPerEcts: sourced('Midpoint of 25–30 hours a credit.', "ECTS Users' Guide 2015: 60 ECTS = one year of full-time study = 1,500–1,800 hours"),
  hoursPerMonth: expert('1,680 hours a full-time year (140 a month), within the ECTS yearly range of 1,500–1,800 hours; turns missing hours into months.'),
  maxAdaptationMonths: sourced('An adaptation period lasts at most three years.', 'Directive 2005/36/EC Art. 14(1); BQFG §11 (Anpassungslehrgang up to 3 years)'),
  minExperienceYears: expert('Experience shorter than a year is not weighed against missing training (proportionality of Art. 14(5)).', true),
  experienceCompensationShare: expert('Experience must show three quarters of a difference’s missing skills to compensate it (BQFG §4(2) no. 3, Art. 14(5)).', true),
  essentialUnits: sourced('Units the experts mark essential for the profession; without a mark all units count.', 'BQFG §4(2) no. 2; Directive 2005/36/EC Art. 14(4)'),
};

/** The numeric thresholds whose ±10% move the sensitivity check tries. */
export const THRESHOLD_PARAMS = (Object.keys(PARAM_RATIONALE) as Array<keyof PolicyParams>).filter((k) => PARAM_RATIONALE[k].threshold);
