import { z } from 'zod';

const key = z.string().min(1).max(120).regex(/^[a-z0-9][a-z0-9._-]*$/, 'must be lower-case letters, digits, ".", "_" or "-"');
const share = z.number().finite().min(0).max(1);

/** Reference units a policy marks essential for a profession (BQFG §4(2) no. 2, Directive 2005/36/EC Art. 14(4)). */
export const EssentialUnitsSchema = z
  .object({
    /** Key of the reference qualification file. */
    reference: key,
    /** When set, applies only if the reference file is linked to this profession. */
    profession: key.optional(),
    units: z.array(key).min(1).max(200),
    note: z.string().max(2000).optional(),
  })
  .strict();

/** The thresholds and weights experts maintain; stored as versioned records. */
export const PolicyParamsSchema = z
  .object({
    /** How shared ESCO tags score a pair: share of the reference outcome's tags (CONTAINMENT), Jaccard, or overlap coefficient. */
    escoMeasure: z.enum(['CONTAINMENT', 'JACCARD', 'OVERLAP']).default('CONTAINMENT'),
    /** Let the holder's outcomes together cover a reference outcome's tags (union), not only the single best one. */
    combineEscoAcrossOutcomes: z.boolean().default(true),
    /** Lexical similarity (same language only) is weaker evidence: its score is multiplied by this. */
    lexicalWeight: share.default(0.8),
    /** A match between outcomes of different EQF dimensions counts with this factor. */
    crossDimensionFactor: share.default(0.4),
    /**
     * What a hand-placed ESCO tag does: EVIDENCE shows shared tags beside a match and proposes mappings to experts,
     * but coverage comes from the outcome texts; SCORE also lets shared tags raise coverage (engine 2.x behaviour).
     */
    escoTags: z.enum(['EVIDENCE', 'SCORE']).default('EVIDENCE'),
    /** Aligner scores at or below this are no evidence; between it and alignmentFull the coverage grows linearly. */
    alignmentFloor: share.default(0.25),
    /** An aligner score at or above this covers the reference outcome fully (the aligner's operating threshold). */
    alignmentFull: share.default(0.45),
    /** Let the aligner also score outcomes written in the same language (stems, rare words weigh more). */
    alignSameLanguage: z.boolean().default(false),
    minMatchScore: share.default(0.15),
    maxMatchesPerOutcome: z.number().int().min(1).max(20).default(3),
    /** An outcome counts as covered at or above this coverage. */
    outcomeCoveredThreshold: share.default(0.5),
    /** An essential unit below this coverage is a substantial difference in content. */
    unitCoverageThreshold: share.default(0.6),
    /** An EQF dimension of the reference below this coverage is a difference. */
    dimensionCoverageThreshold: share.default(0.5),
    /** Overall coverage below this floor gives NONE. */
    coverageFloor: share.default(0.1),
    /**
     * Ignored since engine 2.0.0 and kept only so that stored policies still parse: it applied the pre-2013
     * "one level below" rule of Art. 13, which Directive 2013/55/EU deleted. EQF gaps are reported, never a refusal.
     */
    maxLevelGap: z.number().int().min(0).max(7).optional(),
    /** A holder training this many months shorter (or more) is a substantial difference in duration. */
    durationShortfallMonths: z.number().int().min(1).max(120).default(12),
    /** A holder workload this share below the reference's is a substantial difference in workload. */
    workloadShortfallRatio: share.default(0.25),
    hoursPerEcts: z.number().positive().max(60).default(27.5),
    /** Full-time hours per month, to turn missing hours into an adaptation period (1,680 h a year). */
    hoursPerMonth: z.number().positive().max(400).default(140),
    /** Art. 14(1): an adaptation period lasts at most 3 years (the engine never goes above 36, whatever is stored). */
    maxAdaptationMonths: z.number().int().min(1).max(36).default(36),
    /** Experience counts only from this many years. */
    minExperienceYears: z.number().min(0).max(50).default(1),
    /** Share of a difference's missing ESCO skills that experience must show to compensate it (BQFG §4(2) no. 3, Art. 14(5)). */
    experienceCompensationShare: share.default(0.75),
    essentialUnits: z.array(EssentialUnitsSchema).max(500).default([]),
  })
  .strict();

export type PolicyParams = z.infer<typeof PolicyParamsSchema>;
export type PolicyParamsInput = z.input<typeof PolicyParamsSchema>;
export type EssentialUnits = z.infer<typeof EssentialUnitsSchema>;

/** A policy version as the engine sees it. */
export interface ComparisonPolicy {
  id: string;
  key: string;
  version: number;
  params: PolicyParams;
}

export const DEFAULT_POLICY_KEY = 'default';
/** Fixed id of the default policy's current version, 2 (inserted by migration 1765094400000; version 1 stays stored). */
export const DEFAULT_POLICY_ID = '00000000-0000-4000-8000-000000000002';

export const DEFAULT_POLICY: ComparisonPolicy = {
  id: DEFAULT_POLICY_ID,
  key: DEFAULT_POLICY_KEY,
  version: 2,
  params: PolicyParamsSchema.parse({}),
};
