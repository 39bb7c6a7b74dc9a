import { z } from 'zod';

/** Version of the exchange format; bump when the shape changes incompatibly. */
export const QUALIFICATION_FILE_FORMAT = 'recognition-engine/qualification-file@1';

export const EQF_DIMENSIONS = ['KNOWLEDGE', 'SKILLS', 'RESPONSIBILITY_AUTONOMY'] as const;
export const QUALIFICATION_KINDS = ['VOCATIONAL', 'HIGHER_EDUCATION', 'SCHOOL'] as const;
export const UNIT_KINDS = ['CORE_TASK', 'WORK_PROCESS', 'LERNFELD', 'MODULE', 'EXAM_PART', 'COMPETENCE_AREA'] as const;
/** Directive 2005/36/EC Art. 11 levels (a)–(e). */
export const ART11_LEVELS = ['a', 'b', 'c', 'd', 'e'] as const;
export const LANGUAGES = ['nl', 'de', 'en', 'fr'] as const;

const key = z
  .string()
  .min(1)
  .max(120)
  .regex(/^[a-z0-9][a-z0-9._-]*$/, 'must be lower-case letters, digits, ".", "_" or "-"');
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date in the form YYYY-MM-DD');
const url = z.url({ protocol: /^https?$/ }).max(2000);
const escoSkillUri = z
  .string()
  .regex(/^http:\/\/data\.europa\.eu\/esco\/skill\/[0-9a-f-]{36}$/, 'must be an ESCO skill URI');
const nonNegative = z.number().finite().nonnegative();

export const LocalizedTextSchema = z
  .object({
    nl: z.string().min(1).max(500).optional(),
    de: z.string().min(1).max(500).optional(),
    en: z.string().min(1).max(500).optional(),
    fr: z.string().min(1).max(500).optional(),
  })
  .strict()
  .refine((t) => Object.values(t).some((v) => v !== undefined), 'needs at least one language');

export const LearningOutcomeSchema = z
  .object({
    key,
    text: z.string().min(1).max(4000),
    lang: z.enum(LANGUAGES),
    dimension: z.enum(EQF_DIMENSIONS),
    escoSkills: z.array(escoSkillUri).max(50).default([]),
    notes: z.string().max(4000).optional(),
  })
  .strict();

export const QualificationUnitSchema = z
  .object({
    key,
    kind: z.enum(UNIT_KINDS),
    code: z.string().max(60).optional(),
    title: LocalizedTextSchema,
    hours: nonNegative.optional(),
    /** Share of the final assessment, in percent, where the regulation states one. */
    assessmentWeightPercent: z.number().min(0).max(100).optional(),
    outcomes: z.array(LearningOutcomeSchema).max(500).default([]),
    notes: z.string().max(4000).optional(),
  })
  .strict();

export const WorkloadSchema = z
  .object({
    hoursTheory: nonNegative.optional(),
    hoursPractice: nonNegative.optional(),
    hoursTotal: nonNegative.optional(),
    ects: nonNegative.optional(),
    ecvet: nonNegative.optional(),
    sbu: nonNegative.optional(),
    /** Learning routes, e.g. BOL (school-based) and BBL (work-based) in Dutch mbo, or DUAL in Germany. */
    routes: z.array(z.enum(['BOL', 'BBL', 'DUAL', 'SCHOOL_BASED', 'FULL_TIME', 'PART_TIME'])).default([]),
  })
  .strict();

export const BodySchema = z
  .object({
    name: z.string().min(1).max(300),
    role: z.enum(['AWARDING', 'COMPETENT', 'STANDARD_SETTING']),
    jurisdiction: z.string().min(2).max(10).optional(),
    url: url.optional(),
  })
  .strict();

export const SourceSchema = z
  .object({
    url,
    title: z.string().max(500).optional(),
    accessed: isoDate.optional(),
  })
  .strict();

export const QualificationFileSchema = z
  .object({
    format: z.literal(QUALIFICATION_FILE_FORMAT).optional(),
    key,
    code: z.string().min(1).max(60).optional(),
    codeScheme: z.string().max(60).optional(),
    jurisdiction: z.string().regex(/^[A-Z]{2}(-[A-Z]{2,3})?$/, 'must be a jurisdiction code such as NL, DE-NW or BE-VLG'),
    kind: z.enum(QUALIFICATION_KINDS),
    title: LocalizedTextSchema,
    framework: z.string().min(2).max(20),
    nationalLevel: z.string().min(1).max(20),
    eqfLevel: z.number().int().min(1).max(8),
    art11Level: z.enum(ART11_LEVELS).optional(),
    durationMonths: z.number().int().positive().max(120).optional(),
    workload: WorkloadSchema.default({ routes: [] }),
    legalBasis: z.string().max(1000).optional(),
    bodies: z.array(BodySchema).max(50).default([]),
    validFrom: isoDate.optional(),
    validUntil: isoDate.optional(),
    professions: z.array(key).max(50).default([]),
    sources: z.array(SourceSchema).min(1, 'every qualification file needs at least one source').max(50),
    notes: z.string().max(8000).optional(),
    units: z.array(QualificationUnitSchema).max(500).default([]),
  })
  .strict()
  .superRefine((file, ctx) => {
    if (file.validFrom && file.validUntil && file.validUntil < file.validFrom) {
      ctx.addIssue({ code: 'custom', path: ['validUntil'], message: 'must not be before validFrom' });
    }
    const unitKeys = new Set<string>();
    file.units.forEach((unit, u) => {
      if (unitKeys.has(unit.key)) {
        ctx.addIssue({ code: 'custom', path: ['units', u, 'key'], message: `duplicate unit key "${unit.key}"` });
      }
      unitKeys.add(unit.key);
      const outcomeKeys = new Set<string>();
      unit.outcomes.forEach((o, i) => {
        if (outcomeKeys.has(o.key)) {
          ctx.addIssue({ code: 'custom', path: ['units', u, 'outcomes', i, 'key'], message: `duplicate outcome key "${o.key}"` });
        }
        outcomeKeys.add(o.key);
      });
    });
  });

export type LocalizedText = z.infer<typeof LocalizedTextSchema>;
export type LearningOutcome = z.infer<typeof LearningOutcomeSchema>;
export type QualificationUnit = z.infer<typeof QualificationUnitSchema>;
export type QualificationFile = z.infer<typeof QualificationFileSchema>;
export type QualificationFileInput = z.input<typeof QualificationFileSchema>;
export type EqfDimension = (typeof EQF_DIMENSIONS)[number];
