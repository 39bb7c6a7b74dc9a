import { QualificationFileSchema } from '../../catalogue/domain/qualification-file.schema';
import { renderSupplement } from './render';
import { buildSupplement, originalLanguageOf } from './supplement';

const file = QualificationFileSchema.parse({
  key: 'de-test-kaufmann',
  jurisdiction: 'DE-NW',
  kind: 'VOCATIONAL',
  title: { de: 'Kaufmann/-frau <Test>', en: 'Clerk <Test>' },
  framework: 'DQR',
  nationalLevel: '4',
  eqfLevel: 4,
  bodies: [{ name: 'IHK Köln', role: 'AWARDING', url: 'https://www.ihk.de/koeln' }, { name: 'Evil', role: 'COMPETENT', url: 'https://x.example/"onmouseover="a' }],
  professions: ['kaufmann', 'unknown-prof'],
  sources: [{ url: 'https://www.gesetze-im-internet.de/bbig_2005/__5.html' }],
  units: [{ key: 'lf1', kind: 'LERNFELD', code: 'LF1', title: { de: 'Lernfeld 1' }, hours: 80, outcomes: [{ key: 'o1', text: 'Kann buchen', lang: 'de', dimension: 'SKILLS' }] }],
});

describe('certificate supplement', () => {
  it('takes the original title from the jurisdiction’s language and translates only from the file', () => {
    expect(originalLanguageOf('DE-NW')).toBe('de');
    expect(originalLanguageOf('BE-VLG')).toBe('nl');
    const en = buildSupplement('id-1', file, 'en', new Map([['kaufmann', { en: 'Clerk', de: 'Kaufmann' }]]));
    expect(en).toMatchObject({ originalTitle: 'Kaufmann/-frau <Test>', originalLanguage: 'de', translatedTitle: 'Clerk <Test>', occupations: ['Clerk', 'unknown-prof'] });
    expect(en.units[0]).toEqual({ code: 'LF1', title: 'Lernfeld 1', hours: 80, assessmentWeightPercent: null, outcomes: [{ text: 'Kann buchen', lang: 'de', dimension: 'SKILLS' }] });
    expect(en.awardingBodies).toEqual([{ name: 'IHK Köln', url: 'https://www.ihk.de/koeln' }]);
    // No Dutch title in the file: none is made up.
    expect(buildSupplement('id-1', file, 'nl', new Map()).translatedTitle).toBeNull();
    expect(en).toMatchObject({ legalBasis: null, durationMonths: null, hoursTotal: null });
  });

  it('renders every value escaped and says where the file states nothing', () => {
    const page = renderSupplement(buildSupplement('id-1', file, 'de', new Map()), '/x.pdf');
    expect(page).not.toContain('<Test>');
    expect(page).toContain('Kaufmann/-frau &lt;Test&gt;');
    expect(page).not.toContain('"onmouseover="');
    expect(page).toContain('Rechtsgrundlage</dt><dd><span class="hint">In der Qualifikationsbeschreibung nicht angegeben.</span>');
  });
});
