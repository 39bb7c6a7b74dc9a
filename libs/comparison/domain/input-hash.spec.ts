import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { QualificationFileSchema, type QualificationFile } from '../../catalogue/domain/qualification-file.schema';
import { compare, DEFAULT_POLICY } from '.';

const load = (key: string): QualificationFile =>
  QualificationFileSchema.parse(JSON.parse(readFileSync(join(__dirname, '../../../seeds/qualifications', `${key}.json`), 'utf8')));
const holder = load('nl-mbo-software-developer');
const reference = load('de-fiausbv-fachinformatiker-anwendungsentwicklung');
const hash = (h: QualificationFile, r: QualificationFile) => compare(h, r, DEFAULT_POLICY).inputHash;
/** The outcomes of the file's first unit that has any. */
const outcomes = (f: QualificationFile) => f.units.find((u) => u.outcomes.length > 1)!.outcomes;

describe('input hash: everything the engine reads, nothing it does not', () => {
  const base = hash(holder, reference);

  it('is the same for an equal copy of the files', () => {
    expect(hash(structuredClone(holder), structuredClone(reference))).toBe(base);
  });

  it('changes with a file field, a unit field, an outcome text or tag', () => {
    expect(hash({ ...holder, eqfLevel: 5 }, reference)).not.toBe(base);
    const unitHours = structuredClone(reference);
    unitHours.units[0] = { ...unitHours.units[0], title: { ...unitHours.units[0].title, de: 'Anders' } };
    expect(hash(holder, unitHours)).not.toBe(base);
    const text = structuredClone(holder);
    outcomes(text)[0].text += ' und mehr';
    expect(hash(text, reference)).not.toBe(base);
    const tag = structuredClone(holder);
    outcomes(tag)[0].escoSkills = ['http://data.europa.eu/esco/skill/00000000-0000-0000-0000-000000000000'];
    expect(hash(tag, reference)).not.toBe(base);
    const swapped = structuredClone(holder);
    outcomes(swapped).reverse();
    expect(hash(swapped, reference)).not.toBe(base);
  });

  it('does not change with an outcome note, which the engine never reads', () => {
    const noted = structuredClone(holder);
    outcomes(noted)[0].notes = 'checked against the school page again';
    const a = compare(noted, reference, DEFAULT_POLICY);
    expect(a.inputHash).toBe(base);
    const { inputHash: _a, ...restA } = a;
    const { inputHash: _b, ...restB } = compare(holder, reference, DEFAULT_POLICY);
    expect(restA).toEqual(restB);
  });
});
