import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { QualificationFileSchema, type QualificationFile } from '../../catalogue/domain/qualification-file.schema';
import { compare, DEFAULT_POLICY } from '.';

const SEEDS = join(__dirname, '../../../seeds/qualifications');
const seeded = readdirSync(SEEDS)
  .filter((f) => f.endsWith('.json'))
  .map((f) => QualificationFileSchema.parse(JSON.parse(readFileSync(join(SEEDS, f), 'utf8'))));

const untagged = (f: QualificationFile): QualificationFile => ({ ...f, units: f.units.map((u) => ({ ...u, outcomes: u.outcomes.map((o) => ({ ...o, escoSkills: [] })) })) });

describe('coverage measures the training, not the tagging', () => {
  it('has tags to remove (the test would prove nothing otherwise)', () => {
    const tags = seeded.flatMap((f) => f.units.flatMap((u) => u.outcomes.flatMap((o) => o.escoSkills)));
    expect(seeded.length).toBeGreaterThanOrEqual(9);
    expect(tags.length).toBeGreaterThan(50);
  });

  it('with every ESCO tag removed from every seeded file, no verdict changes and coverage moves by less than 0.1', () => {
    const moved: string[] = [];
    let pairs = 0;
    for (const holder of seeded)
      for (const reference of seeded) {
        if (holder === reference) continue;
        pairs++;
        const tagged = compare(holder, reference, DEFAULT_POLICY);
        const bare = compare(untagged(holder), untagged(reference), DEFAULT_POLICY);
        const delta = Math.abs((tagged.coverage.overall ?? 0) - (bare.coverage.overall ?? 0));
        if (tagged.verdict !== bare.verdict || delta >= 0.1) moved.push(`${holder.key} → ${reference.key}: ${tagged.verdict} ${tagged.coverage.overall} vs ${bare.verdict} ${bare.coverage.overall}`);
      }
    expect(pairs).toBe(seeded.length * (seeded.length - 1));
    expect(moved).toEqual([]);
  });
});

describe('a Dutch file against a German translation of itself', () => {
  // An editor's translation (marked so in the fixture): no official German translation of the dossier was found.
  const fixture = JSON.parse(readFileSync(join(__dirname, 'fixtures/verzorgende-ig.de-translation.json'), 'utf8')) as {
    file: string;
    translation: string;
    outcomes: Record<string, string>;
  };
  const nl = seeded.find((f) => f.key === fixture.file)!;
  // No tags either: the translation is matched on its words alone.
  const de: QualificationFile = {
    ...untagged(nl),
    key: `${nl.key}-de`,
    units: nl.units.map((u) => ({ ...u, outcomes: u.outcomes.map((o) => ({ ...o, lang: 'de', text: fixture.outcomes[o.key], escoSkills: [] })) })),
  };

  it('translates every outcome and says it is an editor’s translation', () => {
    expect(fixture.translation).toBe('EDITOR');
    const keys = nl.units.flatMap((u) => u.outcomes.map((o) => o.key));
    expect(Object.keys(fixture.outcomes).sort()).toEqual([...keys].sort());
    for (const k of keys) expect(fixture.outcomes[k].length).toBeGreaterThan(20);
  });

  it.each([
    ['the Dutch holder against the German reference', () => compare(untagged(nl), de, DEFAULT_POLICY)],
    ['the German holder against the Dutch reference', () => compare(de, untagged(nl), DEFAULT_POLICY)],
  ])('%s is FULL with coverage ≥ 0.9, each outcome matched best by its own translation', (_name, run) => {
    const r = run();
    expect(r.verdict).toBe('FULL');
    expect(r.coverage.overall).toBeGreaterThanOrEqual(0.9);
    for (const u of r.units)
      for (const o of u.outcomes) {
        expect(o.matches[0]).toMatchObject({ holderUnitKey: u.unitKey, holderOutcomeKey: o.outcomeKey, evidence: 'ALIGNMENT' });
        expect(o.covered).toBe(true);
      }
  });
});
