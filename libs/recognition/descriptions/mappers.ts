import { pick, type DescriptionCitation } from '../domain/advise';
import type { DescriptionRow } from './description.repository';
import { DESCRIPTION_LANGS, type DescriptionLang } from './domain/description.schema';
import { pendingCountries, textFor } from './domain/lifecycle';
import type { BinationalDescriptionModel, DescriptionTextModel } from './models/description.model';

export function descriptionText(r: Pick<DescriptionRow, 'document'>, lang: DescriptionLang): DescriptionTextModel {
  const t = textFor(r.document, lang);
  return { lang: t.lang, ...t.text };
}

export function toDescriptionCitation(r: DescriptionRow, lang: DescriptionLang): DescriptionCitation {
  return { id: r.id, key: r.key, version: r.version, title: pick(r.document.title, lang, r.key), publishedAt: new Date(r.published_at!).toISOString(), text: descriptionText(r, lang) };
}

export function toDescriptionModel(r: DescriptionRow, lang: DescriptionLang = 'en'): BinationalDescriptionModel {
  const d = r.document;
  return {
    id: r.id,
    key: r.key,
    version: r.version,
    status: r.status,
    kind: d.kind,
    title: pick(d.title, lang, r.key),
    sides: d.sides.map((s) => ({ jurisdiction: s.jurisdiction, qualificationKeys: s.qualificationKeys, professions: s.professions })),
    text: descriptionText(r, lang),
    languages: DESCRIPTION_LANGS.filter((l) => d.content[l]),
    author: r.author,
    approvals: r.approvals.map((a) => ({ approver: a.approver, country: a.country, approvedAt: new Date(a.approved_at) })),
    pendingCountries: r.status === 'DRAFT' ? pendingCountries(d, r.approvals) : [],
    publishedAt: r.published_at,
    supersededBy: r.superseded_by,
    sourceUrls: d.sources.map((s) => s.url),
    notes: d.notes ?? null,
    document: d,
    createdAt: r.created_at,
  };
}
