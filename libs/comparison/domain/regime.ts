import { z } from 'zod';
import type { ComparisonRegime, MinimumsKey, RegimeKind, RegimeSummary } from './types';

export const REGIME_KINDS = ['SECTORAL_AUTOMATIC', 'AUTOMATIC_LEVEL', 'GENERAL_SYSTEM', 'NOT_REGULATED'] as const satisfies readonly RegimeKind[];
export const MINIMUMS_KEYS = ['ART31_3_NURSE', 'PFLAPRV_1'] as const satisfies readonly MinimumsKey[];

/** What a caller (the recognition rules and registry) may state about a pair; validated before it reaches compare(). */
export const ComparisonRegimeSchema = z
  .object({
    kind: z.enum(REGIME_KINDS),
    legalBasis: z.string().min(1).max(2000),
    ruleKey: z.string().min(1).max(120).regex(/^[a-z0-9][a-z0-9._-]*$/, 'must be lower-case letters, digits, ".", "_" or "-"').optional(),
    minimums: z.array(z.enum(MINIMUMS_KEYS)).max(MINIMUMS_KEYS.length).optional(),
  })
  .strict();

/** Automatic recognition (Annex V sectoral, or a rule with automatic level effect) decides by itself. */
export const isAutomatic = (kind: RegimeSummary['kind']): boolean => kind === 'SECTORAL_AUTOMATIC' || kind === 'AUTOMATIC_LEVEL';

/** Art. 13(4) and Art. 14 are rules of the general system; without a regime they are applied where Art. 11 levels are stated. */
export const generalSystemApplies = (kind: RegimeSummary['kind']): boolean => kind === 'GENERAL_SYSTEM' || kind === 'UNSPECIFIED';

export function regimeSummary(regime: ComparisonRegime | undefined): RegimeSummary {
  if (!regime) return { kind: 'UNSPECIFIED', legalBasis: null, ruleKey: null, contentComparison: 'DECISIVE' };
  return {
    kind: regime.kind,
    legalBasis: regime.legalBasis,
    ruleKey: regime.ruleKey ?? null,
    // Not regulated: no authority decides on access to the profession, so the comparison informs (employer, chamber).
    contentComparison: isAutomatic(regime.kind) || regime.kind === 'NOT_REGULATED' ? 'INFORMATIONAL' : 'DECISIVE',
  };
}
