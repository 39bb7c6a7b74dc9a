import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { QualificationFileSchema, type QualificationFile } from '../../catalogue/domain/qualification-file.schema';
import { compare } from './compare';
import { MESSAGE_CODES, msg } from './messages';
import { nearestReason } from './nearest-reason';
import { DEFAULT_POLICY } from './policy';
import { rawUuids, repeatedWords } from './text-quality';
import type { ComparisonReport, ReportLang } from './types';

const LANGS: ReportLang[] = ['nl', 'de', 'en'];

/** Sample values per placeholder, in the shape the engine passes them (words in the report's language). */
function samples(lang: ReportLang): Record<string, string | number> {
  const w = (code: string) => msg(lang, code);
  return {
    a: 1, x: 0, n: 4, i: 0, h: 3, r: 4, d: 12, gap: 1, max: 1, l: 4, g: '2',
    hf: 'NLQF', hn: '3', rf: 'DQR', rn: '4', ha: w('word.unknown'), ra: 'c',
    hd: 36, rd: 36, hh: 3200, rh: 4600, hp: '50%', rp: '54%', hprof: 'BOTH', rprof: 'WORK_BASED',
    key: 'default', version: 2, engine: '2.0.0', id: 'UNIT:praxis',
    title: lang === 'de' ? 'Praktische Ausbildung' : lang === 'nl' ? 'Praktijkopleiding' : 'Practical training',
    unit: 'praxis', units: 'praxis, unterricht',
    dim: w('dim.RESPONSIBILITY_AUTONOMY'), dims: `${w('dim.KNOWLEDGE')} 80% (3), ${w('dim.SKILLS')} 64% (4)`,
    cov: '64%', thr: '70%', overall: '71%', essential: '64%', floor: '30%', p: '30%', share: '50%',
    missing: '"Übernimmt Verantwortung für die Pflege alter Menschen und arbeitet selbstständig im Team."; "Kennt die rechtlichen Rahmenbedingungen der Altenpflege."',
    measure: 'OVERLAP', combine: w('word.yes'), lw: 0.5, cdf: 0.5, min: 0.3, oc: 0.7,
    hours: 1200, total: 4600, hpm: 160, months: 8, missingHours: 320,
    parts: `${msg(lang, 'est.unitHours', { title: 'Praxis', hours: 2500, gap: '20%', missing: 500 })}; ${msg(lang, 'est.max')}`,
    shown: 2, result: w('word.compensated'), years: 3, need: 1.5,
    skills: '4', r4: 1,
    basis: 'Directive 2005/36/EC Art. 31(3)', item: w('item.HOURS_PRACTICE'), holder: 2000, req: 2300, short: 300, who: w('word.holder'),
    sbu: 3200, ects: 180, ecvet: 120, hpe: 27.5, source: "ECTS Users' Guide 2015", c: 400, q: 1200, cap: 36, sum: 14.3,
    kind: 'GENERAL_SYSTEM', choice: w('comp.choiceGeneral'), param: 'unitCoverageThreshold', moved: 0.54, base: 0.6, verdict: 'FULL',
    moves: msg(lang, 'sens.move', { param: 'unitCoverageThreshold', moved: 0.54, base: 0.6, verdict: 'FULL' }),
    statement: msg(lang, 'sens.robust', { verdict: 'PARTIAL' }),
  };
}

const load = (file: string): QualificationFile => QualificationFileSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
const SEED_DIR = join(__dirname, '../../../seeds/qualifications');
const FILES = readdirSync(SEED_DIR)
  .filter((f) => f.endsWith('.json'))
  .map((f) => load(join(SEED_DIR, f)));

/** Unit titles and outcome texts quote their source (e.g. the Lernfeld "Lernen lernen"): checked as the source wrote them, not here. */
const sourceTexts = (...qs: QualificationFile[]): string[] =>
  qs.flatMap((q) => q.units.flatMap((u) => [...Object.values(u.title), ...u.outcomes.map((o) => o.text)])).filter((t): t is string => !!t).sort((a, b) => b.length - a.length);
const withoutSourceTexts = (text: string, quotes: string[]): string => quotes.reduce((t, q) => t.split(q).join(' '), text);

/** Every text of a report that a person reads. */
const reportTexts = (r: ComparisonReport): string[] => [
  ...r.differences.map((d) => d.message),
  ...r.reasons,
  ...r.explanation.map((e) => e.detail),
  ...(r.compensation ? [r.compensation.note, ...r.compensation.aptitudeTestTopics, r.compensation.adaptationPeriod?.estimate ?? ''] : []),
];

describe('comparison texts', () => {
  it('every template renders in nl, de and en with every placeholder filled, no doubled word and no raw id', () => {
    expect(MESSAGE_CODES.length).toBeGreaterThan(40);
    for (const lang of LANGS) {
      const values = samples(lang);
      for (const code of MESSAGE_CODES) {
        const text = msg(lang, code, values);
        expect({ code, lang, text, left: text.match(/\{\w+\}/g) ?? [] }).toEqual({ code, lang, text, left: [] });
        expect({ code, lang, repeated: repeatedWords(text), uuids: rawUuids(text) }).toEqual({ code, lang, repeated: [], uuids: [] });
      }
    }
  });

  it('the reports on every seeded pair, in every language, have no doubled word and no raw id (also the policy is named by key)', () => {
    const policy = { ...DEFAULT_POLICY, id: '9b2f6c1e-4d3a-4e5b-8c7d-6e5f4a3b2c1d' };
    for (const lang of LANGS)
      for (const holder of FILES)
        for (const reference of FILES) {
          if (holder.key === reference.key) continue;
          const skills = reference.units.flatMap((u) => u.outcomes.flatMap((o) => o.escoSkills)).slice(0, 3);
          const evidence = skills.length ? [{ escoSkills: skills, years: 3 }, { escoSkills: skills, years: 0.2 }] : [];
          const quotes = sourceTexts(holder, reference);
          const texts = reportTexts(compare(holder, reference, policy, evidence, [], { lang })).map((t) => withoutSourceTexts(t, quotes));
          expect({ pair: `${holder.key}/${reference.key}`, lang, repeated: texts.flatMap(repeatedWords), uuids: texts.flatMap(rawUuids) }).toEqual({
            pair: `${holder.key}/${reference.key}`,
            lang,
            repeated: [],
            uuids: [],
          });
        }
  });

  it('nearest-equivalent reasons have no doubled word either', () => {
    const entry = { id: 'x', key: 'k', jurisdiction: 'DE', eqfLevel: 4, title: { en: 't' }, tags: [] };
    for (const lang of LANGS)
      for (const [sharedSkills, levelGap, common] of [[0, 0, ['5']], [1, 1, []], [4, -1, null]] as const) {
        const text = nearestReason({ entry, score: 0.3, sharedSkills, levelGap, shared: [], commonIscoMajorGroups: common ? [...common] : null }, lang);
        expect(repeatedWords(text)).toEqual([]);
      }
  });
});
