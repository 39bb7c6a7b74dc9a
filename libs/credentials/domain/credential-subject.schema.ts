import { z } from 'zod';

/** The signed credential's content. Enforced at issuance and again at verification. */
const uri = z.string().min(3).max(500).regex(/^[a-z][a-z0-9+.-]*:\S+$/i, 'must be an absolute IRI');
const urnId = z.string().regex(/^urn:uuid:[0-9a-f-]{36}$/, 'must be a urn:uuid IRI');
const langMap = z
  .partialRecord(z.enum(['nl', 'de', 'en', 'fr']), z.string().min(1).max(1000))
  .refine((m) => Object.keys(m).length > 0, 'needs at least one language');
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD');
const isoDateTime = z.iso.datetime({ offset: true });
const escoSkill = z.string().regex(/^http:\/\/data\.europa\.eu\/esco\/skill\/[0-9a-f-]{36}$/, 'must be an ESCO skill URI');
const dimension = z.enum(['KNOWLEDGE', 'SKILLS', 'RESPONSIBILITY_AUTONOMY']);

export const LearningOutcomeClaimSchema = z
  .object({
    id: z.string().regex(/^urn:[a-z]+:\S+$/),
    type: z.literal('LearningOutcome'),
    text: langMap,
    eqfDimension: dimension,
    relatedESCOSkill: z.array(escoSkill).max(50).optional(),
  })
  .strict();

const AwardingProcessSchema = z
  .object({
    id: urnId,
    type: z.literal('AwardingProcess'),
    awardingBody: z.array(uri).min(1).max(10),
    awardingDate: isoDateTime,
  })
  .strict();

const PersonFields = {
  id: uri.optional(),
  type: z.literal('Person'),
  givenName: z.string().min(1).max(200),
  familyName: z.string().min(1).max(200),
  dateOfBirth: isoDate.optional(),
};

export const LearningUnitSubjectSchema = z
  .object({
    ...PersonFields,
    hasClaim: z
      .object({
        id: urnId,
        type: z.literal('LearningAchievement'),
        title: langMap,
        specifiedBy: z
          .object({
            id: z.string().regex(/^urn:recognition:learning-unit:\S+$/),
            type: z.literal('LearningAchievementSpecification'),
            title: langMap,
            programme: z.string().min(1).max(200),
            eqfLevel: z.number().int().min(1).max(8),
            volumeOfLearningHours: z.number().positive().max(100000).optional(),
            ects: z.number().positive().max(1000).optional(),
            ecvet: z.number().positive().max(1000).optional(),
            learningOutcome: z.array(LearningOutcomeClaimSchema).min(1).max(200),
          })
          .strict(),
        influencedBy: z
          .object({
            id: urnId,
            type: z.literal('LearningActivity'),
            location: z.string().min(1).max(300),
            hostCountry: z.string().regex(/^[A-Z]{2}$/, 'must be an ISO 3166 country code'),
            partnerInstitution: uri.optional(),
            hostCompany: z.string().regex(/^urn:recognition:learning-company:[a-z0-9][a-z0-9._-]{0,119}$/).optional(),
            startDate: isoDate,
            endDate: isoDate,
          })
          .strict(),
        provenBy: z
          .object({
            id: urnId,
            type: z.literal('LearningAssessment'),
            assessmentMethod: z.string().min(1).max(300),
            assessmentDate: isoDate,
            grade: z.string().min(1).max(100),
          })
          .strict(),
        awardedBy: AwardingProcessSchema,
      })
      .strict(),
  })
  .strict();

export const DiplomaSubjectSchema = z
  .object({
    ...PersonFields,
    hasClaim: z
      .object({
        id: urnId,
        type: z.literal('LearningAchievement'),
        title: langMap,
        specifiedBy: z
          .object({
            id: z.string().regex(/^urn:recognition:qualification:\S+$/),
            type: z.literal('Qualification'),
            title: langMap,
            catalogueKey: z.string().min(1).max(120),
            qualificationCode: z.string().min(1).max(60).optional(),
            jurisdiction: z.string().regex(/^[A-Z]{2}(-[A-Z]{2,3})?$/),
            framework: z.string().min(2).max(20),
            nationalLevel: z.string().min(1).max(20),
            eqfLevel: z.number().int().min(1).max(8),
          })
          .strict(),
        awardedBy: AwardingProcessSchema,
      })
      .strict(),
  })
  .strict();

/** A published expert decision, issued to the holder of the assessed qualification. */
export const RecognitionStatementSubjectSchema = z
  .object({
    ...PersonFields,
    hasClaim: z
      .object({
        id: urnId,
        type: z.literal('RecognitionStatement'),
        decision: z.string().regex(/^urn:recognition:decision:[0-9a-f-]{36}$/),
        decisionVersion: z.number().int().positive(),
        verdict: z.enum(['FULL', 'PARTIAL', 'NONE']),
        destinationJurisdiction: z.string().regex(/^[A-Z]{2}(-[A-Z]{2,3})?$/),
        holderQualification: z.string().regex(/^urn:recognition:qualification:\S+$/),
        referenceQualification: z.string().regex(/^urn:recognition:qualification:\S+$/),
        compensationMeasure: z.array(z.string().min(1).max(1000)).max(20).optional(),
        rationale: z.string().min(1).max(8000),
        awardedBy: AwardingProcessSchema,
      })
      .strict(),
  })
  .strict();

const cefr = z.enum(['A1', 'A2', 'B1', 'B2', 'C1', 'C2']);

/** A language certificate: CEFR level per skill, scheme and assessing body. */
export const LanguageAchievementSubjectSchema = z
  .object({
    ...PersonFields,
    hasClaim: z
      .object({
        id: urnId,
        type: z.literal('LanguageAchievement'),
        language: z.enum(['nl', 'de', 'fr', 'en']),
        certificateScheme: z.string().min(1).max(200),
        assessingBody: z.string().min(1).max(300),
        cefrLevel: z
          .object({ listening: cefr.optional(), reading: cefr.optional(), speaking: cefr.optional(), writing: cefr.optional() })
          .strict()
          .refine((l) => Object.values(l).some(Boolean), 'needs the level of at least one skill'),
        assessmentDate: isoDate,
        awardedBy: AwardingProcessSchema,
      })
      .strict(),
  })
  .strict();

/** A completed keuzedeel (mbo elective unit): code, title, hours and level. */
export const KeuzedeelSubjectSchema = z
  .object({
    ...PersonFields,
    hasClaim: z
      .object({
        id: urnId,
        type: z.literal('LearningAchievement'),
        title: langMap,
        specifiedBy: z
          .object({
            id: z.string().regex(/^urn:recognition:keuzedeel:K\d{4}$/),
            type: z.literal('LearningAchievementSpecification'),
            title: langMap,
            keuzedeelCode: z.string().regex(/^K\d{4}$/),
            volumeOfLearningHours: z.number().int().positive().max(2000),
            framework: z.literal('NLQF'),
            nationalLevel: z.enum(['1', '2', '3', '4']),
          })
          .strict(),
        awardedBy: AwardingProcessSchema,
      })
      .strict(),
  })
  .strict();

export type LanguageAchievementSubject = z.infer<typeof LanguageAchievementSubjectSchema>;
export type LearningUnitSubject = z.infer<typeof LearningUnitSubjectSchema>;
export type DiplomaSubject = z.infer<typeof DiplomaSubjectSchema>;

export const CREDENTIAL_TYPES = ['LearningUnitCredential', 'DiplomaCredential', 'RecognitionStatementCredential', 'LanguageAchievementCredential', 'KeuzedeelCredential'] as const;
export type CredentialType = (typeof CREDENTIAL_TYPES)[number];

/** The subject schema of each credential type, by type; used at issuance and at verification. */
export const SUBJECT_SCHEMAS: Record<CredentialType, z.ZodType> = {
  LearningUnitCredential: LearningUnitSubjectSchema,
  DiplomaCredential: DiplomaSubjectSchema,
  RecognitionStatementCredential: RecognitionStatementSubjectSchema,
  LanguageAchievementCredential: LanguageAchievementSubjectSchema,
  KeuzedeelCredential: KeuzedeelSubjectSchema,
};

export const SCHEMA_FILES: Record<CredentialType, string> = {
  LearningUnitCredential: 'learning-unit-credential-subject.schema.json',
  DiplomaCredential: 'diploma-credential-subject.schema.json',
  RecognitionStatementCredential: 'recognition-statement-credential-subject.schema.json',
  LanguageAchievementCredential: 'language-achievement-credential-subject.schema.json',
  KeuzedeelCredential: 'keuzedeel-credential-subject.schema.json',
};
