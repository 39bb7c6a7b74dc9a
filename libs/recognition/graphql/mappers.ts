import type { RouteAdvice } from '../domain/advise';
import { pick } from '../domain/advise';
import type { RegistryRow, RuleRow } from '../persistence/recognition.repository';
import type { RecognitionRuleModel, RegulatedProfessionModel, RouteAdviceModel } from './models';

const authority = (a: { name: string; jurisdiction?: string; url?: string } | null | undefined) => (a ? { name: a.name, jurisdiction: a.jurisdiction ?? null, url: a.url ?? null } : null);

export function toRouteAdviceModel(a: RouteAdvice): RouteAdviceModel {
  return {
    ...a,
    competentAuthority: authority(a.competentAuthority),
    consideredRules: a.consideredRules.map((r) => ({ ...r, reasons: [...r.reasons] })),
    languageRequirement: a.languageRequirement && { ...a.languageRequirement, missing: a.languageRequirement.missing.map((g) => ({ ...g })) },
    alternatives: a.alternatives.map(toRouteAdviceModel),
  };
}

export function toRuleModel(r: RuleRow, lang: 'nl' | 'de' | 'en' = 'en'): RecognitionRuleModel {
  const d = r.document;
  return {
    id: r.id,
    key: r.key,
    version: r.version,
    status: r.status,
    effect: d.effect,
    title: pick(d.title, lang, d.key),
    instrument: d.instrument.name,
    parties: d.parties,
    validFrom: d.validFrom ?? null,
    validUntil: d.validUntil ?? null,
    retiredOn: r.retired_on,
    notes: d.notes ?? null,
    author: r.author,
    approvedBy: r.approved_by,
    approvedAt: r.approved_at,
    retiredBy: r.retired_by,
    document: d,
    createdAt: r.created_at,
  };
}

export function toRegistryModel(r: RegistryRow): RegulatedProfessionModel {
  const d = r.document;
  return {
    id: r.id,
    profession: d.profession,
    jurisdiction: d.jurisdiction,
    regulated: d.regulated,
    regime: d.regime,
    confirmed: d.confirmed,
    competentAuthority: authority(d.competentAuthority),
    referenceQualificationKey: d.referenceQualificationKey ?? null,
    languageRequirement: d.languageRequirement
      ? { language: d.languageRequirement.language, level: d.languageRequirement.level ?? null, skills: d.languageRequirement.skills, sourceUrls: d.languageRequirement.sources.map((s) => s.url), notes: d.languageRequirement.notes ?? null }
      : null,
    legalBasis: d.legalBasis ?? null,
    validFrom: d.validFrom ?? null,
    validUntil: d.validUntil ?? null,
    notes: d.notes ?? null,
    sourceUrls: d.sources.map((s) => s.url),
    document: d,
  };
}
