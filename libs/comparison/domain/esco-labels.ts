import type { EscoSkillRef, ReportLang } from './types';

/** Preferred labels of ESCO skills by URI, per language, as the ESCO tables hold them. */
export type EscoLabels = Readonly<Record<string, Readonly<Partial<Record<string, string>>>>>;

/** English is the one language ESCO labels every concept in; it stands in when the requested one is missing. */
const FALLBACK: readonly string[] = ['en', 'de', 'nl'];

/** A skill as a report shows it: its label in the requested language where ESCO has one, the URI beside it. */
export function skillRef(uri: string, labels: EscoLabels, lang: ReportLang): EscoSkillRef {
  const l = labels[uri];
  if (l?.[lang]) return { uri, label: l[lang]!, labelLang: lang };
  for (const other of FALLBACK) if (l?.[other]) return { uri, label: l[other]!, labelLang: other };
  return { uri, label: null, labelLang: null };
}

/** The labels that can appear in a report for these URIs, in a stable form: part of the report's input hash. */
export function labelsUsed(uris: Iterable<string>, labels: EscoLabels, lang: ReportLang): Array<[string, string | null, string | null]> {
  return [...new Set(uris)].sort().map((u) => {
    const r = skillRef(u, labels, lang);
    return [u, r.label, r.labelLang];
  });
}
