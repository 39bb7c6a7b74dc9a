import type { EqfDimension } from '../../catalogue/domain/qualification-file.schema';

/** 1.1.0: ESCO skills carry their label; outcome texts are never shortened; explanations cite no ids. */
export const ENGINE_VERSION = '1.1.0';

export type ReportLang = 'nl' | 'de' | 'en';
export type Verdict = 'FULL' | 'PARTIAL' | 'NONE';
export type EvidenceKind = 'EXPERT_MAPPING' | 'SHARED_ESCO' | 'LEXICAL';
export type DifferenceKind = 'LEVEL' | 'UNIT' | 'DIMENSION' | 'DURATION' | 'WORKLOAD';
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
}

export interface WorkloadSide {
  durationMonths: number | null;
  hoursTheory: number | null;
  hoursPractice: number | null;
  /** Total hours, or an estimate; see hoursSource. */
  hours: number | null;
  hoursSource: 'HOURS_TOTAL' | 'THEORY_PLUS_PRACTICE' | 'SBU' | 'ECTS' | 'UNIT_HOURS' | null;
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

export interface AdaptationPeriod {
  months: number;
  hours: number;
  estimate: string;
}

export interface Compensation {
  adaptationPeriod: AdaptationPeriod | null;
  aptitudeTestTopics: string[];
  note: string;
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
}
