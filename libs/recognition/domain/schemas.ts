import { z } from 'zod';
import { LocalizedTextSchema, QUALIFICATION_KINDS, SourceSchema } from '../../catalogue/domain/qualification-file.schema';

const key = z.string().min(1).max(120).regex(/^[a-z0-9][a-z0-9._-]*$/, 'must be lower-case letters, digits, ".", "_" or "-"');
const jurisdiction = z.string().regex(/^[A-Z]{2}(-[A-Z]{2,3})?$/, 'must be a jurisdiction code such as NL, DE-NW or BE-VLG');
export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date in the form YYYY-MM-DD')
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), 'is not a calendar date');

export const RULE_EFFECTS = ['AUTOMATIC_LEVEL_RECOGNITION', 'AUTOMATIC_PROFESSIONAL_RECOGNITION', 'GENERAL_SYSTEM', 'EQUIVALENCE_LIST'] as const;
export type RuleEffect = (typeof RULE_EFFECTS)[number];
export const PURPOSES = ['WORK', 'STUDY'] as const;
export type Purpose = (typeof PURPOSES)[number];

/**
 * A recognition rule as experts maintain it: a legal instrument, its parties, what it covers and what it
 * does, and when. Unknown facts stay empty and the notes say so (never invent a date).
 */
export const RecognitionRuleSchema = z
  .object({
    key,
    title: LocalizedTextSchema,
    instrument: z
      .object({
        name: z.string().min(1).max(300),
        /** Date the instrument was signed or adopted, where known. */
        signed: isoDate.optional(),
        /** Official reference, e.g. a treaty series number. */
        reference: z.string().max(300).optional(),
      })
      .strict(),
    /** States or communities bound by the instrument; a country code covers its Länder and communities. */
    parties: z.array(jurisdiction).min(1).max(60),
    /** Where the qualification must come from; empty means any party. */
    origins: z.array(jurisdiction).max(60).default([]),
    /** Where recognition is given; empty means any party. */
    destinations: z.array(jurisdiction).max(60).default([]),
    scope: z
      .object({
        eqfLevels: z.array(z.number().int().min(1).max(8)).max(8).optional(),
        kinds: z.array(z.enum(QUALIFICATION_KINDS)).max(3).optional(),
        /** Named qualifications (catalogue keys); when present, only these are covered (an empty list covers none). */
        qualificationKeys: z.array(key).max(500).optional(),
        /** Destination professions (catalogue profession keys) the rule gives access to. */
        professions: z.array(key).max(100).optional(),
      })
      .strict()
      .default({}),
    effect: z.enum(RULE_EFFECTS),
    purposes: z.array(z.enum(PURPOSES)).min(1).max(2).default(['WORK', 'STUDY']),
    /** First day the rule applies; empty when not known (the rule then applies to any date before validUntil). */
    validFrom: isoDate.optional(),
    /** Last day the rule applies. */
    validUntil: isoDate.optional(),
    legalBasis: z.string().max(2000).optional(),
    sources: z.array(SourceSchema).min(1, 'every rule needs at least one source').max(50),
    notes: z.string().max(8000).optional(),
  })
  .strict()
  .superRefine((r, ctx) => {
    if (r.validFrom && r.validUntil && r.validUntil < r.validFrom) ctx.addIssue({ code: 'custom', path: ['validUntil'], message: 'must not be before validFrom' });
    const outside = (list: string[], path: string) =>
      list.forEach((j, i) => {
        if (!r.parties.some((p) => j === p || j.startsWith(`${p}-`))) ctx.addIssue({ code: 'custom', path: [path, i], message: `${j} is not covered by the parties` });
      });
    outside(r.origins, 'origins');
    outside(r.destinations, 'destinations');
  });
export type RecognitionRule = z.infer<typeof RecognitionRuleSchema>;
export type RecognitionRuleInput = z.input<typeof RecognitionRuleSchema>;

export const REGIMES = ['SECTORAL_AUTOMATIC', 'GENERAL_SYSTEM', 'PROTECTED_TITLE', 'NOT_REGULATED'] as const;
export type Regime = (typeof REGIMES)[number];

export const AuthoritySchema = z
  .object({
    name: z.string().min(1).max(300),
    jurisdiction: jurisdiction.optional(),
    url: z.url({ protocol: /^https?$/ }).max(2000).optional(),
  })
  .strict();
export type Authority = z.infer<typeof AuthoritySchema>;

export const CEFR_LEVELS = ['A1', 'A2', 'B1', 'B2', 'C1', 'C2'] as const;
export type CefrLevel = (typeof CEFR_LEVELS)[number];
export const LANGUAGE_SKILLS = ['listening', 'reading', 'speaking', 'writing'] as const;
export type LanguageSkill = (typeof LANGUAGE_SKILLS)[number];
export const LANGUAGES = ['nl', 'de', 'fr', 'en'] as const;
export type LanguageCode = (typeof LANGUAGES)[number];

/** The language knowledge a jurisdiction requires for a profession. The level stays empty unless a source states it. */
export const LanguageRequirementSchema = z
  .object({
    language: z.enum(LANGUAGES),
    /** CEFR level; empty when the sources require the language without naming a level. */
    level: z.enum(CEFR_LEVELS).optional(),
    skills: z.array(z.enum(LANGUAGE_SKILLS)).min(1).max(4).default([...LANGUAGE_SKILLS]),
    sources: z.array(SourceSchema).min(1, 'a language requirement needs at least one source').max(20),
    notes: z.string().max(4000).optional(),
  })
  .strict()
  .refine((r) => new Set(r.skills).size === r.skills.length, { path: ['skills'], message: 'must not repeat a skill' });
export type LanguageRequirement = z.infer<typeof LanguageRequirementSchema>;

/** One profession in one jurisdiction: is it regulated, under which regime, who decides. */
export const RegulatedProfessionSchema = z
  .object({
    profession: key,
    jurisdiction,
    /** Null when not known. */
    regulated: z.boolean().nullable(),
    regime: z.enum(REGIMES),
    /** False when the sources mark the fact as likely but unverified (*confirm*). */
    confirmed: z.boolean().default(true),
    /** Who decides: for regulated professions the competent authority; empty when not in the sources. */
    competentAuthority: AuthoritySchema.optional(),
    /** The destination qualification a foreign one is compared with (catalogue key). */
    referenceQualificationKey: key.optional(),
    /** The language knowledge the jurisdiction requires, where a source states it. */
    languageRequirement: LanguageRequirementSchema.optional(),
    legalBasis: z.string().max(2000).optional(),
    validFrom: isoDate.optional(),
    validUntil: isoDate.optional(),
    sources: z.array(SourceSchema).min(1, 'every registry entry needs at least one source').max(50),
    notes: z.string().max(8000).optional(),
  })
  .strict()
  .superRefine((e, ctx) => {
    if (e.validFrom && e.validUntil && e.validUntil < e.validFrom) ctx.addIssue({ code: 'custom', path: ['validUntil'], message: 'must not be before validFrom' });
    if (e.regime === 'NOT_REGULATED' && e.regulated === true) ctx.addIssue({ code: 'custom', path: ['regulated'], message: 'must not be true when the regime is NOT_REGULATED' });
    if (e.regime !== 'NOT_REGULATED' && e.regulated === false) ctx.addIssue({ code: 'custom', path: ['regulated'], message: `must not be false when the regime is ${e.regime}` });
  });
export type RegulatedProfession = z.infer<typeof RegulatedProfessionSchema>;
