import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { QualificationFileSchema } from '../../catalogue/domain/qualification-file.schema';
import { EquivalenceIndex, type IndexEntry, iscoMajorGroups, NEAREST_MIN_SCORE } from './nearest';
import { nearestReason } from './nearest-reason';

const SKILL = (n: number) => `http://data.europa.eu/esco/skill/00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const entry = (key: string, jurisdiction: string, eqfLevel: number, tags: number[], iscoGroups?: string[]): IndexEntry => ({
  id: `id-${key}`,
  key,
  jurisdiction,
  eqfLevel,
  title: { en: key },
  tags: tags.map(SKILL),
  ...(iscoGroups ? { iscoGroups } : {}),
});

/** The seeded catalogue, with the ISCO codes of the ESCO occupations of each qualification's professions (ESCO extract). */
const ISCO: Record<string, string> = {
  'verzorgende-ig': '5322',
  altenpfleger: '2221',
  pflegefachperson: '2221',
  'nurse-general-care': '2221',
  verpleegkundige: '2221',
  'software-developer': '2512',
  'fachinformatiker-anwendungsentwicklung': '2514',
};
const SEED_DIR = join(__dirname, '../../../seeds/qualifications');
const SEEDED: IndexEntry[] = readdirSync(SEED_DIR)
  .filter((f) => f.endsWith('.json'))
  .map((f) => QualificationFileSchema.parse(JSON.parse(readFileSync(join(SEED_DIR, f), 'utf8'))))
  .map((q) => ({
    id: q.key,
    key: q.key,
    jurisdiction: q.jurisdiction,
    eqfLevel: q.eqfLevel,
    title: q.title,
    tags: q.units.flatMap((u) => u.outcomes.flatMap((o) => o.escoSkills)),
    iscoGroups: q.professions.flatMap((p) => (ISCO[p] ? [ISCO[p]] : [])),
  }));

describe('nearest equivalents', () => {
  it('ISCO major group is the first digit of each code', () => {
    expect(iscoMajorGroups(['5322', '2221', '2512', ''])).toEqual(['2', '5']);
    expect(iscoMajorGroups(undefined)).toEqual([]);
  });

  it('Verzorgende-IG: neither the Fachinformatiker nor the software developer is ranked, in DE or NL, with or without ISCO groups', () => {
    for (const withIsco of [true, false]) {
      const entries = withIsco ? SEEDED : SEEDED.map(({ iscoGroups: _, ...e }) => e);
      const index = new EquivalenceIndex(entries);
      const vig = index.get('nl-mbo-25656-verzorgende-ig')!;
      for (const dest of ['DE', 'NL']) {
        const hits = index.nearest(vig, dest, 10);
        const keys = hits.map((h) => h.entry.key);
        expect(keys).not.toContain('de-fiausbv-fachinformatiker-anwendungsentwicklung');
        expect(keys).not.toContain('nl-mbo-software-developer');
        expect(hits.every((h) => h.score >= NEAREST_MIN_SCORE)).toBe(true);
      }
      expect(index.nearest(vig, 'DE', 10).map((h) => h.entry.key)[0]).toBe('de-altpflg-altenpfleger');
    }
    // The software developer still finds the Fachinformatiker first.
    const index = new EquivalenceIndex(SEEDED);
    expect(index.nearest(index.get('nl-mbo-software-developer')!, 'DE', 3)[0].entry.key).toBe('de-fiausbv-fachinformatiker-anwendungsentwicklung');
  });

  it('never ranks a qualification that shares no skill and is in another ISCO major group, whatever the minimum score', () => {
    const index = new EquivalenceIndex([
      entry('care', 'NL', 3, [1, 2, 3], ['5322']),
      entry('care-de', 'DE', 3, [], ['5321']),
      entry('it-de', 'DE', 3, [], ['2512']),
      entry('unknown-de', 'DE', 3, []),
      entry('close-de', 'DE', 3, [1, 2], ['2221']),
    ]);
    const hits = index.nearest(index.get('id-care')!, 'DE', 10, 0);
    expect(hits.map((h) => h.entry.key)).toEqual(['close-de', 'care-de']);
    expect(hits[1]).toMatchObject({ sharedSkills: 0, score: 0.2, commonIscoMajorGroups: ['5'] });
    expect(hits[0]).toMatchObject({ sharedSkills: 2, commonIscoMajorGroups: [] });
    // Without ISCO groups on the query side, nothing without shared skills is ranked.
    expect(index.nearest({ eqfLevel: 3, tags: [SKILL(1)] }, 'DE', 10, 0).map((h) => h.entry.key)).toEqual(['close-de']);
  });

  it('keeps a minimum score: level closeness alone never makes an equivalent', () => {
    const index = new EquivalenceIndex([entry('q', 'NL', 4, [1], ['2512']), entry('same-group-other-level', 'DE', 5, [], ['2511']), entry('same-group', 'DE', 4, [], ['2513'])]);
    expect(index.nearest(index.get('id-q')!, 'DE', 10).map((h) => [h.entry.key, h.score])).toEqual([['same-group', 0.2]]);
    expect(index.nearest(index.get('id-q')!, 'DE', 10, 0.21)).toEqual([]);
  });

  it('gives a reason per result: shared skills by label (rarest first), level and ISCO group', () => {
    const index = new EquivalenceIndex([entry('q', 'NL', 3, [1, 2, 9], ['5322']), entry('r', 'DE', 4, [1, 2, 3], ['2221']), entry('s', 'DE', 4, [1, 7], ['5321']), entry('t', 'DE', 4, [1, 8])]);
    const [r] = index.nearest(index.get('id-q')!, 'DE', 1);
    expect(r.entry.key).toBe('r');
    expect(r.shared).toEqual([SKILL(2), SKILL(1)]);
    const labels = { [SKILL(1)]: { en: 'geriatrics', de: 'Geriatrie' }, [SKILL(2)]: { en: 'palliative care' } };
    expect(nearestReason(r, 'en', labels)).toBe('2 shared ESCO skills (palliative care, geriatrics); EQF 4 (+1); professions in another ISCO major group');
    expect(nearestReason(r, 'de', labels)).toBe('2 gemeinsame ESCO-Fertigkeiten (palliative care, Geriatrie); EQR 4 (+1); Berufe in einer anderen ISCO-Berufshauptgruppe');
    const s = index.nearest(index.get('id-q')!, 'DE', 3).find((h) => h.entry.key === 's')!;
    expect(nearestReason(s, 'nl')).toBe('1 gedeelde ESCO-vaardigheid; EQF 4 (+1); beroepen in dezelfde ISCO-hoofdgroep 5');
    const t = index.nearest(index.get('id-q')!, 'DE', 3).find((h) => h.entry.key === 't')!;
    expect(nearestReason(t, 'en')).toBe('1 shared ESCO skill; EQF 4 (+1)');
  });
});
