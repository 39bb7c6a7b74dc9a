import { decodeCursor, encodeCursor } from './cursor';
import { QualificationFileSchema } from './qualification-file.schema';
import { checkReferences, CatalogueReferences } from './reference-check';
import { contentHash, pickLabel, searchTextOf } from './qualification-text';

const refs: CatalogueReferences = {
  jurisdictions: new Set(['NL', 'DE', 'DE-NW']),
  frameworks: new Set(['NLQF', 'DQR']),
  frameworkLevels: new Map<string, number | null>([
    ['NLQF:3', 3],
    ['NLQF:entry', null],
    ['DQR:4', 4],
  ]),
  professions: new Set(['verzorgende-ig']),
};

const file = QualificationFileSchema.parse({
  key: 'nl-x',
  jurisdiction: 'NL',
  kind: 'VOCATIONAL',
  title: { nl: 'Verzorgende-IG', de: 'Pflegerin' },
  framework: 'NLQF',
  nationalLevel: '3',
  eqfLevel: 3,
  professions: ['verzorgende-ig'],
  sources: [{ url: 'https://www.mboraad.nl/' }],
});

describe('checkReferences', () => {
  it('accepts a consistent file', () => {
    expect(checkReferences(file, refs)).toEqual([]);
  });

  it('names each unknown reference by path', () => {
    const bad = { ...file, jurisdiction: 'FR', nationalLevel: '9', professions: ['verzorgende-ig', 'nope'] };
    const fields = checkReferences(bad, refs, 'document').map((p) => p.field);
    expect(fields).toEqual(['document.jurisdiction', 'document.nationalLevel', 'document.professions[1]']);
  });

  it('rejects an EQF level that contradicts the framework mapping', () => {
    const problems = checkReferences({ ...file, eqfLevel: 4 }, refs);
    expect(problems).toEqual([{ field: 'eqfLevel', message: 'NLQF level 3 maps to EQF 3, not EQF 4' }]);
    expect(checkReferences({ ...file, nationalLevel: 'entry', eqfLevel: 1 }, refs)[0].message).toMatch(/EQF none/);
  });
});

describe('text helpers', () => {
  it('hashes independent of key order', () => {
    expect(contentHash({ a: 1, b: [1, { c: 2, d: 3 }] })).toBe(contentHash({ b: [1, { d: 3, c: 2 }], a: 1 }));
    expect(contentHash({ a: 1 })).not.toBe(contentHash({ a: 2 }));
  });

  it('builds accent-free search text in all languages', () => {
    const t = searchTextOf({ ...file, title: { nl: 'Verzorgende', de: 'Altenpflegerin Übung' } });
    expect(t).toContain('altenpflegerin ubung');
    expect(t).toContain('verzorgende');
  });

  it('picks labels with fallback', () => {
    expect(pickLabel({ nl: 'a', en: 'b' }, 'de')).toBe('b');
    expect(pickLabel({ nl: 'a' }, 'de')).toBe('a');
    expect(pickLabel(null, 'en')).toBeNull();
  });

  it('round-trips cursors and refuses garbage', () => {
    expect(decodeCursor(encodeCursor('nl-x'))).toBe('nl-x');
    expect(decodeCursor('garbage')).toBeNull();
  });
});
