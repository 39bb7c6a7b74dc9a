import { z } from 'zod';

/** What a school sends to issue a credential; the service turns it into a signed credential. */
const langMap = z
  .object({ nl: z.string().min(1).max(500).optional(), de: z.string().min(1).max(500).optional(), en: z.string().min(1).max(500).optional() })
  .strict()
  .refine((m) => Object.values(m).some(Boolean), 'needs at least one of nl, de, en');
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD');
const institutionId = z.string().regex(/^[a-z0-9][a-z0-9-]{1,62}$/, 'must be an institution id');

export const LearnerSchema = z
  .object({
    id: z.string().regex(/^[a-z][a-z0-9+.-]*:\S+$/i, 'must be an absolute IRI such as a DID').max(500).optional(),
    givenName: z.string().min(1).max(200),
    familyName: z.string().min(1).max(200),
    dateOfBirth: isoDate.optional(),
  })
  .strict();

const common = {
  idempotencyKey: z.string().min(8).max(200),
  learner: LearnerSchema,
  validUntil: z.iso.datetime({ offset: true }).optional(),
  format: z.enum(['DATA_INTEGRITY', 'JWT']).default('DATA_INTEGRITY'),
};

export const LearningUnitRequestSchema = z
  .object({
    ...common,
    programme: z.string().min(1).max(200),
    title: langMap,
    eqfLevel: z.number().int().min(1).max(8),
    volume: z
      .object({ hours: z.number().positive().max(100000).optional(), ects: z.number().positive().max(1000).optional(), ecvet: z.number().positive().max(1000).optional() })
      .strict()
      .refine((v) => v.hours !== undefined || v.ects !== undefined || v.ecvet !== undefined, 'needs hours, ects or ecvet'),
    outcomes: z
      .array(
        z
          .object({
            text: z.string().min(1).max(1000),
            lang: z.enum(['nl', 'de', 'en']),
            dimension: z.enum(['KNOWLEDGE', 'SKILLS', 'RESPONSIBILITY_AUTONOMY']),
            escoSkills: z.array(z.string().regex(/^http:\/\/data\.europa\.eu\/esco\/skill\/[0-9a-f-]{36}$/, 'must be an ESCO skill URI')).max(50).default([]),
          })
          .strict(),
      )
      .min(1)
      .max(200),
    activity: z
      .object({
        location: z.string().min(1).max(300),
        hostCountry: z.string().regex(/^[A-Z]{2}$/, 'must be an ISO 3166 country code'),
        partnerInstitution: institutionId.optional(),
        /** The recognised learning company hosting the activity (registry key). */
        hostCompany: z.string().regex(/^[a-z0-9][a-z0-9._-]{0,119}$/, 'must be a learning-company key').optional(),
        startDate: isoDate,
        endDate: isoDate,
      })
      .strict()
      .refine((a) => a.endDate >= a.startDate, { message: 'must not be before startDate', path: ['endDate'] }),
    assessment: z.object({ method: z.string().min(1).max(300), date: isoDate, result: z.string().min(1).max(100) }).strict(),
    /** Partner schools that co-award the unit; each adds its own proof with cosignCredential. */
    coIssuers: z.array(institutionId).max(5).default([]),
  })
  .strict();

export const DiplomaRequestSchema = z
  .object({
    ...common,
    qualificationId: z.uuid(),
    awardingDate: isoDate,
  })
  .strict();

export const RecognitionStatementRequestSchema = z
  .object({
    ...common,
    /** The authority (an AUTHORITY institution in the registry) that issues the statement. */
    authority: institutionId,
    decisionId: z.uuid(),
  })
  .strict();

const cefr = z.enum(['A1', 'A2', 'B1', 'B2', 'C1', 'C2']);

/** A language certificate (e.g. a Goethe-Zertifikat): the CEFR level per skill, its scheme and assessing body. */
export const LanguageAchievementRequestSchema = z
  .object({
    ...common,
    language: z.enum(['nl', 'de', 'fr', 'en']),
    /** The certificate's scheme, e.g. "Goethe-Zertifikat B2". */
    scheme: z.string().trim().min(1).max(200),
    /** Who assessed, e.g. "Goethe-Institut". */
    assessingBody: z.string().trim().min(1).max(300),
    levels: z
      .object({ listening: cefr.optional(), reading: cefr.optional(), speaking: cefr.optional(), writing: cefr.optional() })
      .strict()
      .refine((l) => Object.values(l).some(Boolean), 'needs the level of at least one skill (listening, reading, speaking, writing)'),
    assessmentDate: isoDate,
  })
  .strict();

/** A keuzedeel (elective unit of Dutch mbo) completed by the learner. */
export const KeuzedeelRequestSchema = z
  .object({
    ...common,
    /** The SBB keuzedeel code, e.g. K0123. */
    code: z.string().regex(/^K\d{4}$/, 'must be a keuzedeel code such as K0123'),
    title: langMap,
    /** Study load in hours (studiebelastingsuren). */
    hours: z.number().int().positive().max(2000),
    /** mbo level (niveau), which is the NLQF level. */
    level: z.number().int().min(1).max(4),
    completionDate: isoDate,
  })
  .strict();

export type LanguageAchievementRequest = z.infer<typeof LanguageAchievementRequestSchema>;
export type KeuzedeelRequest = z.infer<typeof KeuzedeelRequestSchema>;
export type RecognitionStatementRequest = z.infer<typeof RecognitionStatementRequestSchema>;
export type LearningUnitRequest = z.infer<typeof LearningUnitRequestSchema>;
export type DiplomaRequest = z.infer<typeof DiplomaRequestSchema>;
