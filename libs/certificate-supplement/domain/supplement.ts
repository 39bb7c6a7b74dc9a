import type { LocalizedText, QualificationFile } from '../../catalogue/domain/qualification-file.schema';
import type { PageLang } from '../../verify-page/domain/i18n';

/**
 * A Europass certificate supplement, built only from the qualification file (and the titles of the
 * professions it names): a field the file does not hold stays empty, and the page says so.
 */
export interface Supplement {
  qualificationId: string;
  key: string;
  lang: PageLang;
  originalTitle: string;
  originalLanguage: string;
  /** The title in the reader's language, when the file has one that differs from the original. */
  translatedTitle: string | null;
  code: string | null;
  codeScheme: string | null;
  jurisdiction: string;
  framework: string;
  nationalLevel: string;
  eqfLevel: number;
  art11Level: string | null;
  units: Array<{ code: string | null; title: string; hours: number | null; assessmentWeightPercent: number | null; outcomes: Array<{ text: string; lang: string; dimension: string }> }>;
  occupations: string[];
  awardingBodies: Array<{ name: string; url: string | null }>;
  competentBodies: Array<{ name: string; url: string | null }>;
  standardSettingBodies: Array<{ name: string; url: string | null }>;
  legalBasis: string | null;
  validFrom: string | null;
  validUntil: string | null;
  durationMonths: number | null;
  routes: string[];
  hoursTheory: number | null;
  hoursPractice: number | null;
  hoursTotal: number | null;
  ects: number | null;
  ecvet: number | null;
  sbu: number | null;
  sources: Array<{ url: string; title: string | null }>;
}

/** The language a jurisdiction's own titles are in (the "original language" of Europass field 1). */
export function originalLanguageOf(jurisdiction: string): 'nl' | 'de' | 'fr' | 'en' {
  if (jurisdiction === 'NL' || jurisdiction === 'BE-VLG') return 'nl';
  if (jurisdiction.startsWith('DE') || jurisdiction === 'BE-DG') return 'de';
  if (jurisdiction.startsWith('BE')) return 'fr';
  return 'en';
}

const firstOf = (t: LocalizedText, order: string[]) => {
  for (const l of order) {
    const v = t[l as keyof LocalizedText];
    if (v) return { text: v, lang: l };
  }
  const [l, v] = Object.entries(t).find(([, x]) => !!x)!;
  return { text: v as string, lang: l };
};

export function buildSupplement(qualificationId: string, file: QualificationFile, lang: PageLang, professionTitles: Map<string, LocalizedText>): Supplement {
  const orig = firstOf(file.title, [originalLanguageOf(file.jurisdiction)]);
  const translated = file.title[lang];
  const bodies = (role: string) => file.bodies.filter((b) => b.role === role).map((b) => ({ name: b.name, url: b.url ?? null }));
  const w = file.workload ?? { routes: [] };
  return {
    qualificationId,
    key: file.key,
    lang,
    originalTitle: orig.text,
    originalLanguage: orig.lang,
    translatedTitle: translated && translated !== orig.text ? translated : null,
    code: file.code ?? null,
    codeScheme: file.codeScheme ?? null,
    jurisdiction: file.jurisdiction,
    framework: file.framework,
    nationalLevel: file.nationalLevel,
    eqfLevel: file.eqfLevel,
    art11Level: file.art11Level ?? null,
    units: file.units.map((u) => ({
      code: u.code ?? null,
      title: firstOf(u.title, [lang, 'en', originalLanguageOf(file.jurisdiction)]).text,
      hours: u.hours ?? null,
      assessmentWeightPercent: u.assessmentWeightPercent ?? null,
      outcomes: u.outcomes.map((o) => ({ text: o.text, lang: o.lang, dimension: o.dimension })),
    })),
    occupations: file.professions.map((p) => {
      const t = professionTitles.get(p);
      return t ? firstOf(t, [lang, 'en']).text : p;
    }),
    awardingBodies: bodies('AWARDING'),
    competentBodies: bodies('COMPETENT'),
    standardSettingBodies: bodies('STANDARD_SETTING'),
    legalBasis: file.legalBasis ?? null,
    validFrom: file.validFrom ?? null,
    validUntil: file.validUntil ?? null,
    durationMonths: file.durationMonths ?? null,
    routes: w.routes ?? [],
    hoursTheory: w.hoursTheory ?? null,
    hoursPractice: w.hoursPractice ?? null,
    hoursTotal: w.hoursTotal ?? null,
    ects: w.ects ?? null,
    ecvet: w.ecvet ?? null,
    sbu: w.sbu ?? null,
    sources: file.sources.map((s) => ({ url: s.url, title: s.title ?? null })),
  };
}
