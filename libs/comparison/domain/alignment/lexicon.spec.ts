import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Lexicon, type LexiconData } from './lexicon';
import { lexiconPath, loadLexicon } from './lexicon-file';

describe('Lexicon lookups', () => {
  const data = (formTerms: number[]): LexiconData => ({
    format: 1,
    sources: [],
    pivots: ['skill', 'finish', 'readi', 'complet', 'abil'],
    nl: {},
    de: { fertig: [1, 2, 3] },
    forms: { nl: {}, de: { fertigkeiten: formTerms } },
  });

  it("puts a form's own translations first and fills up with its stem's, up to four", () => {
    // "Fertigkeiten" and "fertig" share the Snowball stem "fertig".
    expect(new Lexicon(data([0])).termsOf('de', 'fertigkeiten')).toEqual([{ surface: 'fertigkeiten', terms: ['en:skill', 'en:finish', 'en:readi', 'en:complet'], origin: 'lexicon' }]);
    expect(new Lexicon(data([0, 4, 3, 2])).termsOf('de', 'fertigkeiten')![0].terms).toEqual(['en:skill', 'en:abil', 'en:complet', 'en:readi']);
    expect(new Lexicon(data([0])).termsOf('de', 'fertig')![0].terms).toEqual(['en:finish', 'en:readi', 'en:complet']);
  });
});

describe('the shipped lexicon', () => {
  const lexicon = loadLexicon();

  it('derives only from GPL-2.0-or-later dictionaries and ESCO labels, each named in LICENSES.md', () => {
    const licences = readFileSync(join(lexiconPath(), '..', 'LICENSES.md'), 'utf8');
    expect(lexicon.data.sources.length).toBeGreaterThan(0);
    for (const s of lexicon.data.sources) {
      expect(s.licence).toMatch(/^(GPL-2\.0-or-later|ESCO: )/);
      expect(s.licence).not.toMatch(/AGPL|GPL-3/);
      expect(licences).toContain(s.id);
    }
    expect(lexicon.data.sources.map((s) => s.id)).not.toContain('freedict-deu-eng');
  });

  it('translates German outcome words to their usual English sense', () => {
    const terms = (w: string) => lexicon.termsOf('de', w)!.flatMap((p) => p.terms);
    expect(terms('kenntnisse')).toContain('en:knowledg');
    expect(terms('fertigkeiten')).toContain('en:skill');
    expect(terms('beaufsichtigen')).toContain('en:supervis');
    expect(terms('allgemeinen')).toContain('en:general');
    expect(terms('probleme')).toContain('en:problem');
  });
});
