import { randomUUID } from 'node:crypto';
import { RECOGNITION_CONTEXT_V1, SCHEMA_BASE, VC_V2_CONTEXT } from './constants';
import { CredentialType, SCHEMA_FILES } from './credential-subject.schema';
import type { DiplomaRequest, KeuzedeelRequest, LanguageAchievementRequest, LearningUnitRequest, RecognitionStatementRequest } from './credential-request.schema';
import type { VerifiableCredential } from './proofs';

export interface StatusEntry {
  statusListCredential: string;
  statusListIndex: number;
  statusPurpose: 'revocation' | 'suspension';
}

export interface Envelope {
  id: string;
  issuerDid: string;
  issuerName: string;
  issuedAt: Date;
  validUntil?: string;
  status: StatusEntry[];
  ids?: () => string;
}

function envelope(type: CredentialType, e: Envelope, subject: Record<string, unknown>): VerifiableCredential {
  return {
    '@context': [VC_V2_CONTEXT, RECOGNITION_CONTEXT_V1],
    id: e.id,
    type: ['VerifiableCredential', type],
    issuer: { id: e.issuerDid, name: e.issuerName },
    validFrom: e.issuedAt.toISOString().replace(/\.\d{3}Z$/, 'Z'),
    ...(e.validUntil ? { validUntil: e.validUntil } : {}),
    credentialSchema: { id: `${SCHEMA_BASE}${SCHEMA_FILES[type]}`, type: 'JsonSchema' },
    credentialStatus: e.status.map((s) => ({
      id: `${s.statusListCredential}#${s.statusListIndex}`,
      type: 'BitstringStatusListEntry',
      statusPurpose: s.statusPurpose,
      statusListIndex: String(s.statusListIndex),
      statusListCredential: s.statusListCredential,
    })),
    credentialSubject: subject,
  };
}

const urn = (ids?: () => string) => `urn:uuid:${ids ? ids() : randomUUID()}`;

/** The ELM awarding process: who awards, and when (a date of the request, or the issuance instant to the second). */
const awardedBy = (e: Envelope, bodies: string[], date: string | null) => ({
  id: urn(e.ids),
  type: 'AwardingProcess',
  awardingBody: bodies,
  awardingDate: date ? `${date}T00:00:00Z` : e.issuedAt.toISOString().replace(/\.\d{3}Z$/, 'Z'),
});

function learner(r: { learner: LearningUnitRequest['learner'] }) {
  return {
    ...(r.learner.id ? { id: r.learner.id } : {}),
    type: 'Person',
    givenName: r.learner.givenName,
    familyName: r.learner.familyName,
    ...(r.learner.dateOfBirth ? { dateOfBirth: r.learner.dateOfBirth } : {}),
  };
}

function stripUndefined<T>(v: T): T {
  return JSON.parse(JSON.stringify(v));
}

/** A binational learning unit, modelled on ELM: achievement, specification, outcomes, activity, assessment, awarding. */
export function buildLearningUnitCredential(
  r: LearningUnitRequest,
  e: Envelope,
  parties: { partnerDid?: string; awardingBodies: string[] },
): VerifiableCredential {
  const specId = `urn:recognition:learning-unit:${encodeURIComponent(r.programme)}:${e.id.replace(/^urn:uuid:/, '')}`;
  return envelope(
    'LearningUnitCredential',
    e,
    stripUndefined({
      ...learner(r),
      hasClaim: {
        id: urn(e.ids),
        type: 'LearningAchievement',
        title: r.title,
        specifiedBy: {
          id: specId,
          type: 'LearningAchievementSpecification',
          title: r.title,
          programme: r.programme,
          eqfLevel: r.eqfLevel,
          volumeOfLearningHours: r.volume.hours,
          ects: r.volume.ects,
          ecvet: r.volume.ecvet,
          learningOutcome: r.outcomes.map((o, i) => ({
            id: `${specId}:outcome:${i + 1}`,
            type: 'LearningOutcome',
            text: { [o.lang]: o.text },
            eqfDimension: o.dimension,
            ...(o.escoSkills.length ? { relatedESCOSkill: o.escoSkills } : {}),
          })),
        },
        influencedBy: {
          id: urn(e.ids),
          type: 'LearningActivity',
          location: r.activity.location,
          hostCountry: r.activity.hostCountry,
          partnerInstitution: parties.partnerDid,
          hostCompany: r.activity.hostCompany ? `urn:recognition:learning-company:${r.activity.hostCompany}` : undefined,
          startDate: r.activity.startDate,
          endDate: r.activity.endDate,
        },
        provenBy: {
          id: urn(e.ids),
          type: 'LearningAssessment',
          assessmentMethod: r.assessment.method,
          assessmentDate: r.assessment.date,
          grade: r.assessment.result,
        },
        awardedBy: awardedBy(e, parties.awardingBodies, null),
      },
    }),
  );
}

export interface QualificationClaim {
  key: string;
  code?: string;
  jurisdiction: string;
  framework: string;
  nationalLevel: string;
  eqfLevel: number;
  title: Record<string, string>;
}

/** A catalogue qualification awarded to a learner. */
export function buildDiplomaCredential(r: DiplomaRequest, e: Envelope, q: QualificationClaim): VerifiableCredential {
  return envelope(
    'DiplomaCredential',
    e,
    stripUndefined({
      ...learner(r),
      hasClaim: {
        id: urn(e.ids),
        type: 'LearningAchievement',
        title: q.title,
        specifiedBy: {
          id: `urn:recognition:qualification:${q.key}`,
          type: 'Qualification',
          title: q.title,
          catalogueKey: q.key,
          qualificationCode: q.code,
          jurisdiction: q.jurisdiction,
          framework: q.framework,
          nationalLevel: q.nationalLevel,
          eqfLevel: q.eqfLevel,
        },
        awardedBy: awardedBy(e, [e.issuerDid], r.awardingDate),
      },
    }),
  );
}

export interface StatementClaim {
  decisionId: string;
  decisionVersion: number;
  verdict: 'FULL' | 'PARTIAL' | 'NONE';
  destinationJurisdiction: string;
  holderKey: string;
  referenceKey: string;
  compensation: string[];
  rationale: string;
}

/** A published expert decision, issued by the competent authority to the holder. */
export function buildRecognitionStatementCredential(r: RecognitionStatementRequest, e: Envelope, d: StatementClaim): VerifiableCredential {
  return envelope(
    'RecognitionStatementCredential',
    e,
    stripUndefined({
      ...learner(r),
      hasClaim: {
        id: urn(e.ids),
        type: 'RecognitionStatement',
        decision: `urn:recognition:decision:${d.decisionId}`,
        decisionVersion: d.decisionVersion,
        verdict: d.verdict,
        destinationJurisdiction: d.destinationJurisdiction,
        holderQualification: `urn:recognition:qualification:${d.holderKey}`,
        referenceQualification: `urn:recognition:qualification:${d.referenceKey}`,
        compensationMeasure: d.compensation.length ? d.compensation : undefined,
        rationale: d.rationale,
        awardedBy: awardedBy(e, [e.issuerDid], null),
      },
    }),
  );
}

/** A language certificate, issued by the institution that assessed or registered it. */
export function buildLanguageAchievementCredential(r: LanguageAchievementRequest, e: Envelope): VerifiableCredential {
  return envelope(
    'LanguageAchievementCredential',
    e,
    stripUndefined({
      ...learner(r),
      hasClaim: {
        id: urn(e.ids),
        type: 'LanguageAchievement',
        language: r.language,
        certificateScheme: r.scheme,
        assessingBody: r.assessingBody,
        cefrLevel: { listening: r.levels.listening, reading: r.levels.reading, speaking: r.levels.speaking, writing: r.levels.writing },
        assessmentDate: r.assessmentDate,
        awardedBy: awardedBy(e, [e.issuerDid], r.assessmentDate),
      },
    }),
  );
}

/** A completed keuzedeel (mbo elective unit). */
export function buildKeuzedeelCredential(r: KeuzedeelRequest, e: Envelope): VerifiableCredential {
  return envelope(
    'KeuzedeelCredential',
    e,
    stripUndefined({
      ...learner(r),
      hasClaim: {
        id: urn(e.ids),
        type: 'LearningAchievement',
        title: r.title,
        specifiedBy: {
          id: `urn:recognition:keuzedeel:${r.code}`,
          type: 'LearningAchievementSpecification',
          title: r.title,
          keuzedeelCode: r.code,
          volumeOfLearningHours: r.hours,
          framework: 'NLQF',
          nationalLevel: String(r.level),
        },
        awardedBy: awardedBy(e, [e.issuerDid], r.completionDate),
      },
    }),
  );
}
