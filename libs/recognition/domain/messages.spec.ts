import { rawUuids, repeatedWords } from '../../comparison/domain/text-quality';
import { type AdviceLang, MESSAGE_CODES, msg } from './messages';

const LANGS: AdviceLang[] = ['nl', 'de', 'en'];
const VERDICTS = ['verdict.FULL', 'verdict.PARTIAL', 'verdict.NONE', 'verdict.LEVEL'];

/**
 * Sample values per placeholder, built the way the advisor builds them: citations from the citation
 * templates, verdicts from the verdict texts, titles and names as the catalogue holds them.
 */
function samples(lang: AdviceLang, verdict: string): Record<string, string | number> {
  const title = msg(lang, 'cite.decisionTitle', { holder: 'Verzorgende-IG', reference: 'Altenpfleger/in', dest: 'DE' });
  return {
    dest: lang === 'en' ? 'North Rhine-Westphalia' : 'Nordrhein-Westfalen',
    profession: lang === 'de' ? 'Altenpfleger/in' : lang === 'nl' ? 'Ouderenverzorgende (Altenpfleger/in)' : 'Geriatric nurse (Altenpfleger/in)',
    instruments: 'Directive 2005/36/EC (sectoral automatic recognition, nurse responsible for general care); Benelux Decision M (2018) 1',
    asOf: '2025-01-01',
    authority: 'Zentrale Anerkennungsstelle für Pflege- und Gesundheitsberufe (ZAG-PuG), Bezirksregierung Münster (https://www.bezreg-muenster.de/)',
    verdict: msg(lang, verdict),
    reference: 'Altenpfleger/in',
    holder: 'Verzorgende-IG',
    title,
    date: '2025-02-01',
    decisionDest: 'DE-NW',
    months: 14,
    topics: lang === 'de' ? 'Verantwortung und Selbstständigkeit auf EQR-Niveau 4' : 'Responsibility and autonomy at EQF level 4',
  };
}

/** The citation a template is rendered with: a decision, a comparison or a rule, as the advisor cites them. */
function citation(code: string, lang: AdviceLang, values: Record<string, string | number>): string {
  if (code.startsWith('outcome.decision')) return msg(lang, 'cite.decision', values);
  if (code === 'outcome.rule') return 'Directive 2005/36/EC (rule dir-2005-36-nurse-general-care-nl-de v1)';
  return msg(lang, 'cite.comparison', values);
}

describe('advice texts', () => {
  it('every template renders in nl, de and en with every placeholder filled, no doubled word and no raw id', () => {
    expect(MESSAGE_CODES.length).toBeGreaterThan(40);
    for (const lang of LANGS)
      for (const verdict of VERDICTS)
        for (const code of MESSAGE_CODES) {
          const values = samples(lang, verdict);
          const text = msg(lang, code, { ...values, citation: citation(code, lang, values) });
          expect({ code, lang, left: text.match(/\{\w+\}/g) ?? [], repeated: repeatedWords(text), uuids: rawUuids(text) }).toEqual({ code, lang, left: [], repeated: [], uuids: [] });
        }
  });

  it('the citation templates name a decision by title and date, a comparison by reference and date', () => {
    expect(msg('en', 'cite.decision', { title: msg('en', 'cite.decisionTitle', { holder: 'A', reference: 'B', dest: 'DE' }), date: '2025-02-01' })).toBe('“A compared with B (DE)” of 2025-02-01');
    expect(msg('de', 'cite.comparison', { reference: 'B', date: '2025-02-01' })).toBe('Vergleich mit B vom 2025-02-01');
  });

  it('catches what it is meant to catch', () => {
    // The text that was reported: a doubled word and a raw id.
    const bad = 'Expected outcome: partial equivalence, based on the published expert decision decision cc9e0d2a-5b1f-4c3e-9a77-0f1e2d3c4b5a.';
    expect(repeatedWords(bad)).toEqual(['decision decision']);
    expect(rawUuids(bad)).toEqual(['cc9e0d2a-5b1f-4c3e-9a77-0f1e2d3c4b5a']);
  });
});
