import type { LabelKey, PageLang } from './i18n';

/** What a person reads off a credential. Defensive: an unverified credential may hold anything. */
export interface CredentialFacts {
  type: Extract<LabelKey, 'LearningUnitCredential' | 'DiplomaCredential' | 'RecognitionStatementCredential'> | null;
  title: string | null;
  holder: string | null;
  level: string | null;
  awardedOn: string | null;
  validFrom: string | null;
  validUntil: string | null;
  issuerName: string | null;
  /** Learning outcomes of a learning unit, in the page language when present. */
  outcomes: string[];
  /** Learning unit: where and when; recognition statement: destination and verdict. */
  activity: string | null;
  verdict: string | null;
  destination: string | null;
}

const TYPES = ['LearningUnitCredential', 'DiplomaCredential', 'RecognitionStatementCredential'] as const;
const str = (v: unknown): string | null => (typeof v === 'string' && v.length ? v : null);
const obj = (v: unknown): Record<string, any> => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, any>) : {});
const date = (v: unknown): string | null => str(v)?.slice(0, 10) ?? null;

/** A language map's text in the wanted language, else English, Dutch, German, then any. */
export function localized(v: unknown, lang: PageLang): string | null {
  const m = obj(v);
  for (const l of [lang, 'en', 'nl', 'de', ...Object.keys(m)]) if (str(m[l])) return m[l];
  return null;
}

export function credentialFacts(credential: unknown, lang: PageLang): CredentialFacts | null {
  const c = obj(credential);
  if (!Object.keys(c).length) return null;
  const types = Array.isArray(c.type) ? c.type : [];
  const type = TYPES.find((x) => types.includes(x)) ?? null;
  const subject = obj(c.credentialSubject);
  const claim = obj(subject.hasClaim);
  const spec = obj(claim.specifiedBy);
  const holder = [str(subject.givenName), str(subject.familyName)].filter(Boolean).join(' ') || null;
  let level: string | null = null;
  if (typeof spec.eqfLevel === 'number') {
    level = str(spec.framework) && str(spec.nationalLevel) ? `${spec.framework} ${spec.nationalLevel} · EQF ${spec.eqfLevel}` : `EQF ${spec.eqfLevel}`;
  }
  const activityObj = obj(claim.influencedBy);
  const activity = str(activityObj.location) ? `${activityObj.location} (${str(activityObj.hostCountry) ?? ''}), ${date(activityObj.startDate) ?? ''} – ${date(activityObj.endDate) ?? ''}` : null;
  const outcomes = Array.isArray(spec.learningOutcome) ? spec.learningOutcome.map((o: unknown) => localized(obj(o).text, lang)).filter((x: string | null): x is string => !!x) : [];
  const title = localized(claim.title, lang) ?? localized(spec.title, lang) ?? (type === 'RecognitionStatementCredential' ? str(claim.holderQualification) : null);
  return {
    type,
    title,
    holder,
    level,
    awardedOn: date(obj(claim.awardedBy).awardingDate),
    validFrom: date(c.validFrom),
    validUntil: date(c.validUntil),
    issuerName: str(obj(c.issuer).name),
    outcomes,
    activity,
    verdict: str(claim.verdict),
    destination: str(claim.destinationJurisdiction),
  };
}
