import type { AdviceLang } from './messages';
import { CEFR_LEVELS, type CefrLevel, type LanguageCode, type LanguageRequirement, type LanguageSkill } from './schemas';

/** A verified language achievement of the holder, as the verifier read it from a credential. */
export interface LanguageAchievementFact {
  credentialId: string | null;
  language: LanguageCode;
  scheme: string;
  assessingBody: string;
  levels: Partial<Record<LanguageSkill, CefrLevel>>;
}

export type LanguageStatus = 'MET' | 'NOT_MET' | 'NOT_SHOWN' | 'LEVEL_UNKNOWN';

export interface SkillGap {
  skill: LanguageSkill;
  required: CefrLevel;
  /** The best level the holder's credentials show for the skill; null when none does. */
  shown: CefrLevel | null;
}

export interface LanguageAssessment {
  language: LanguageCode;
  requiredLevel: CefrLevel | null;
  skills: LanguageSkill[];
  status: LanguageStatus;
  missing: SkillGap[];
  /** Best level shown per required skill. */
  shown: Array<{ skill: LanguageSkill; level: CefrLevel | null }>;
  /** Credentials whose levels were used. */
  evidence: string[];
  summary: string;
  sourceUrls: string[];
  notes: string | null;
}

const rank = (l: CefrLevel) => CEFR_LEVELS.indexOf(l);
const best = (a: CefrLevel | null, b: CefrLevel | undefined): CefrLevel | null => (b === undefined ? a : a === null || rank(b) > rank(a) ? b : a);

const LANGUAGE_NAMES: Record<LanguageCode, Record<AdviceLang, string>> = {
  de: { en: 'German', nl: 'Duits', de: 'Deutsch' },
  nl: { en: 'Dutch', nl: 'Nederlands', de: 'Niederländisch' },
  fr: { en: 'French', nl: 'Frans', de: 'Französisch' },
  en: { en: 'English', nl: 'Engels', de: 'Englisch' },
};
const SKILL_NAMES: Record<LanguageSkill, Record<AdviceLang, string>> = {
  listening: { en: 'listening', nl: 'luisteren', de: 'Hören' },
  reading: { en: 'reading', nl: 'lezen', de: 'Lesen' },
  speaking: { en: 'speaking', nl: 'spreken', de: 'Sprechen' },
  writing: { en: 'writing', nl: 'schrijven', de: 'Schreiben' },
};
const T: Record<LanguageStatus, Record<AdviceLang, string>> = {
  MET: {
    en: 'Language requirement met: {dest} requires {language} at level {level}, and the verified language credentials show it for {skills}.',
    nl: 'Taaleis gehaald: {dest} vraagt {language} op niveau {level}, en de geverifieerde taalcredentials tonen dat voor {skills}.',
    de: 'Sprachanforderung erfüllt: {dest} verlangt {language} auf Niveau {level}, und die geprüften Sprachnachweise zeigen es für {skills}.',
  },
  NOT_MET: {
    en: 'Language requirement not met: {dest} requires {language} at level {level}; missing: {missing}.',
    nl: 'Taaleis niet gehaald: {dest} vraagt {language} op niveau {level}; ontbreekt: {missing}.',
    de: 'Sprachanforderung nicht erfüllt: {dest} verlangt {language} auf Niveau {level}; es fehlt: {missing}.',
  },
  NOT_SHOWN: {
    en: '{dest} requires {language} at level {level}; no verified language credential shows it.',
    nl: '{dest} vraagt {language} op niveau {level}; geen geverifieerd taalcredential toont dat.',
    de: '{dest} verlangt {language} auf Niveau {level}; kein geprüfter Sprachnachweis zeigt es.',
  },
  LEVEL_UNKNOWN: {
    en: '{dest} requires the {language} knowledge the profession needs; the level is not recorded here (see the sources). Shown: {shown}.',
    nl: '{dest} vraagt de kennis van het {language} die het beroep nodig heeft; het niveau is hier niet vastgelegd (zie de bronnen). Getoond: {shown}.',
    de: '{dest} verlangt die für den Beruf erforderlichen Kenntnisse der Sprache {language}; das Niveau ist hier nicht erfasst (siehe Quellen). Nachgewiesen: {shown}.',
  },
};
const NONE: Record<AdviceLang, string> = { en: 'none', nl: 'niets', de: 'nichts' };
const SHOWN: Record<AdviceLang, string> = { en: 'shown', nl: 'getoond', de: 'nachgewiesen' };

/**
 * Compares the holder's verified language achievements with a jurisdiction's requirement: for each required
 * skill, the best level any credential in that language shows. Pure.
 */
export function assessLanguage(req: LanguageRequirement, achievements: readonly LanguageAchievementFact[], lang: AdviceLang, dest: string): LanguageAssessment {
  const inLanguage = achievements.filter((a) => a.language === req.language);
  const shown = req.skills.map((skill) => ({ skill, level: inLanguage.reduce<CefrLevel | null>((b, a) => best(b, a.levels[skill]), null) }));
  const required = req.level ?? null;
  const missing: SkillGap[] = required ? shown.filter((s) => s.level === null || rank(s.level) < rank(required)).map((s) => ({ skill: s.skill, required, shown: s.level })) : [];
  const status: LanguageStatus = !required ? 'LEVEL_UNKNOWN' : !inLanguage.length ? 'NOT_SHOWN' : missing.length ? 'NOT_MET' : 'MET';
  const skillText = (s: LanguageSkill) => SKILL_NAMES[s][lang];
  const params: Record<string, string> = {
    dest,
    language: LANGUAGE_NAMES[req.language][lang],
    level: required ?? '',
    skills: req.skills.map(skillText).join(', '),
    missing: missing.map((g) => `${skillText(g.skill)} ${g.required} (${SHOWN[lang]} ${g.shown ?? NONE[lang]})`).join('; '),
    shown: shown.some((s) => s.level) ? shown.map((s) => `${skillText(s.skill)} ${s.level ?? NONE[lang]}`).join(', ') : NONE[lang],
  };
  return {
    language: req.language,
    requiredLevel: required,
    skills: [...req.skills],
    status,
    missing,
    shown,
    evidence: [...new Set(inLanguage.flatMap((a) => (a.credentialId && req.skills.some((s) => a.levels[s]) ? [a.credentialId] : [])))],
    summary: T[status][lang].replace(/\{(\w+)\}/g, (_, k: string) => params[k] ?? ''),
    sourceUrls: req.sources.map((s) => s.url),
    notes: req.notes ?? null,
  };
}
