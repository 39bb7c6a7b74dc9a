import type { EqfDimension } from '../../catalogue/domain/qualification-file.schema';

/**
 * 1.1.0: ESCO skills carry their label; outcome texts are never shortened; explanations cite no ids.
 * 1.2.0: cross-language outcome alignment (lexicon, cognates, ESCO labels) is a match signal beside tags and text.
 * 2.0.0: the legal regime is an input; the pre-2013 "one level below" rule is gone (Directive 2013/55/EU);
 * training minimums, documents needed, compensation per difference, threshold sensitivity.
 */
export const ENGINE_VERSION = '3.0.0';

export type ReportLang = 'nl' | 'de' | 'en';
export type Verdict = 'FULL' | 'PARTIAL' | 'NONE';
export type EvidenceKind = 'EXPERT_MAPPING' | 'SHARED_ESCO' | 'LEXICAL' | 'ALIGNMENT';
export type DifferenceKind = 'LEVEL' | 'UNIT' | 'DIMENSION' | 'DURATION' | 'WORKLOAD' | 'TRAINING';
export type TrainingProfile = 'SCHOOL_BASED' | 'WORK_BASED' | 'BOTH' | 'UNKNOWN';

/** Professional experience the applicant shows (BQFG §4(2) no. 3, Directive 2005/36/EC Art. 14(5)). */
export interface ExperienceEvidence {
  description?: string;
  escoSkills: string[];
  years: number;
}

export interface OutcomeRef {
  qualificationKey: string;
  unitKey: string;
  outcomeKey: string;
}

/** An expert's statement that a holder outcome does (ASSERTED) or does not (REJECTED) correspond to a reference outcome. */
export interface OutcomeMapping {
  id?: string;
  holder: OutcomeRef;
  reference: OutcomeRef;
  status: 'ASSERTED' | 'REJECTED';
  note?: string;
}

/** An ESCO skill as reports show it: the preferred label (null when the ESCO tables have none) beside the URI. */
export interface EscoSkillRef {
  uri: string;
  label: string | null;
  /** The language of the label: the requested one, else the one that stood in (usually en). */
  labelLang: string | null;
}

export interface OutcomeMatch {
  holderUnitKey: string;
  holderOutcomeKey: string;
  score: number;
  evidence: EvidenceKind;
  sharedSkills: EscoSkillRef[];
  note?: string;
  /** Present when the outcome aligner found the pair (also when another signal scored higher). */
  alignment?: MatchAlignment;
}

/** One piece of alignment evidence: a shared ESCO concept (CONCEPT) or a shared translated/cognate word. */
export interface AlignmentEvidenceItem {
  signal: 'CONCEPT' | 'LEXICON' | 'COGNATE';
  /** CONCEPT: the ESCO URI; LEXICON: the English pivot stem; COGNATE: the shared skeleton. */
  key: string;
  reference: string;
  holder: string;
  weight: number;
}

/** What the outcome aligner saw in a pair: its score (0…1) and the concepts and words behind it. */
export interface MatchAlignment {
  score: number;
  evidence: AlignmentEvidenceItem[];
}

export interface OutcomeComparison {
  outcomeKey: string;
  dimension: EqfDimension;
  lang: string;
  text: string;
  coverage: number;
  covered: boolean;
  /** Reference ESCO skills the holder's outcomes do not show. */
  missingSkills: EscoSkillRef[];
  matches: OutcomeMatch[];
  /** Holder outcomes an expert rejected for this outcome. */
  rejected: Array<{ holderUnitKey: string; holderOutcomeKey: string; note?: string }>;
}

export interface UnitComparison {
  unitKey: string;
  title: string | null;
  hours: number | null;
  essential: boolean;
  /** null when the unit has no learning outcomes to compare. */
  coverage: number | null;
  outcomes: OutcomeComparison[];
}

export interface LevelSide {
  framework: string;
  nationalLevel: string;
  eqfLevel: number;
  art11Level: string | null;
}

export interface LevelComparison {
  holder: LevelSide;
  reference: LevelSide;
  /** Reference EQF level minus holder EQF level; positive means the holder is lower. */
  eqfGap: number;
  /** Steps between Art. 11 levels (a = 1 … e = 5), reference minus holder; null when either is not stated. */
  art11Gap: number | null;
  /** Art. 13(4): the holder has an Art. 11(a) attestation and the reference requires Art. 11(e); the host may refuse. */
  art13_4: boolean;
}

export interface WorkloadSide {
  durationMonths: number | null;
  hoursTheory: number | null;
  hoursPractice: number | null;
  /** Total hours, or an estimate; see hoursSource. */
  hours: number | null;
  hoursSource: 'HOURS_TOTAL' | 'THEORY_PLUS_PRACTICE' | 'SBU' | 'ECTS' | 'ECVET' | 'UNIT_HOURS' | null;
  /** The range a conversion allows (ECTS: 25–30 h a credit); null when the hours are stated. */
  hoursRange: { min: number; max: number } | null;
  /** Where the duration comes from: stated, or derived from ECTS or ECVET credits (60 a year). */
  durationSource: 'STATED' | 'ECTS' | 'ECVET' | null;
  /** How the hours and duration were derived, with the source of the conversion. */
  conversions: string[];
  ects: number | null;
  ecvet: number | null;
  practiceShare: number | null;
  routes: string[];
  profile: TrainingProfile;
}

export interface WorkloadComparison {
  holder: WorkloadSide;
  reference: WorkloadSide;
  durationDifferenceMonths: number | null;
  durationRelative: number | null;
  hoursDifference: number | null;
  hoursRelative: number | null;
  theoryDifference: number | null;
  practiceDifference: number | null;
  profileDiffers: boolean;
}

export interface DimensionCoverage {
  dimension: EqfDimension;
  coverage: number | null;
  outcomes: number;
}

export interface MissingOutcome {
  unitKey: string;
  outcomeKey: string;
  dimension: EqfDimension;
  /** The full outcome text, never shortened. */
  text: string;
  coverage: number;
  missingSkills: EscoSkillRef[];
}

export interface Difference {
  id: string;
  kind: DifferenceKind;
  substantial: boolean;
  compensated: boolean;
  /** Indexes into the evidence list (sorted) that compensate, with the share of missing skills shown. */
  compensatedBy: number[];
  unitKey: string | null;
  dimension: EqfDimension | null;
  coverage: number | null;
  threshold: number | null;
  missing: MissingOutcome[];
  missingHours: number | null;
  message: string;
}

/** One substantial difference and what compensates it (Art. 14(1)–(4), BQFG §§9–11: limited to the differences found). */
export interface CompensationMeasure {
  differenceId: string;
  /** The reference units the difference covers. */
  units: string[];
  /** Hours of those units not covered, after the experience shown (Art. 14(5)). */
  hours: number | null;
  /** hours ÷ hours a month, one decimal; null when the hours are unknown. */
  months: number | null;
  /** Aptitude-test subjects, from the units' missing outcomes. */
  testSubjects: string[];
  /** Missing outcomes the applicant's experience covers, so left out of the measure. */
  coveredByExperience: string[];
  note: string;
}

export interface AdaptationPeriod {
  months: number;
  hours: number;
  estimate: string;
}

export interface Compensation {
  adaptationPeriod: AdaptationPeriod | null;
  aptitudeTestTopics: string[];
  note: string;
  /** Per substantial difference; the adaptation period is their sum, capped. */
  measures: CompensationMeasure[];
  /** Sum of the measures' months before the cap; null when no hours are known. */
  uncappedMonths: number | null;
  /** The cap applied: the policy's, never above Art. 14(1)'s 3 years. */
  capMonths: number;
  /** Who chooses between adaptation period and aptitude test, where the law says so. */
  choice: string;
}

export type RegimeKind = 'SECTORAL_AUTOMATIC' | 'AUTOMATIC_LEVEL' | 'GENERAL_SYSTEM' | 'NOT_REGULATED';
export type MinimumsKey = 'ART31_3_NURSE' | 'PFLAPRV_1';

/** The legal regime of the pair, as the caller (the recognition rules and registry) knows it. */
export interface ComparisonRegime {
  kind: RegimeKind;
  legalBasis: string;
  ruleKey?: string;
  /** Training minimums that apply; when absent they follow from the reference's professions. */
  minimums?: MinimumsKey[];
}

export interface RegimeSummary {
  /** UNSPECIFIED when the caller gave no regime: the content comparison decides. */
  kind: RegimeKind | 'UNSPECIFIED';
  legalBasis: string | null;
  ruleKey: string | null;
  /** Automatic recognition: informational, no compensation. Not regulated: informational, measures only as suggestions. */
  contentComparison: 'DECISIVE' | 'INFORMATIONAL';
}

export interface TrainingCheck {
  minimum: MinimumsKey;
  legalBasis: string;
  item: 'DURATION_MONTHS' | 'HOURS_TOTAL' | 'HOURS_THEORY' | 'HOURS_PRACTICE';
  required: number;
  /** The holder's value; null when unknown (then a document is needed). */
  holder: number | null;
  met: boolean | null;
  /** The shortfall in hours (months × hours a month for the duration); null when met or unknown. */
  shortfallHours: number | null;
}

export interface TrainingComparison {
  minimums: MinimumsKey[];
  checks: TrainingCheck[];
  /** The catalogue has no separate clinical hours: practice hours stand for clinical training. */
  note: string | null;
}

export interface DocumentNeeded {
  code: string;
  side: 'HOLDER' | 'REFERENCE';
  message: string;
}

export interface ThresholdMove {
  param: string;
  base: number;
  moved: number;
  verdict: Verdict;
}

export interface Sensitivity {
  /** True when no threshold moved by ±10% changes the verdict. */
  robust: boolean;
  /** "robust" or "borderline, because …", in the report's language. */
  statement: string;
  moves: ThresholdMove[];
}

export interface ExplanationEntry {
  rule: string;
  legalBasis: string | null;
  detail: string;
}

export interface FileSummary {
  key: string;
  jurisdiction: string;
  title: string | null;
}

export interface ComparisonReport {
  engineVersion: string;
  policy: { id: string; key: string; version: number };
  lang: ReportLang;
  inputHash: string;
  holder: FileSummary;
  reference: FileSummary;
  /** The experience evidence weighed, sorted; differences refer to it by index. */
  evidence: ExperienceEvidence[];
  level: LevelComparison;
  workload: WorkloadComparison;
  units: UnitComparison[];
  coverage: { overall: number | null; essential: number | null; byDimension: DimensionCoverage[] };
  differences: Difference[];
  verdict: Verdict;
  reasons: string[];
  compensation: Compensation | null;
  explanation: ExplanationEntry[];
  regime: RegimeSummary;
  training: TrainingComparison;
  documentsNeeded: DocumentNeeded[];
  sensitivity: Sensitivity;
}
