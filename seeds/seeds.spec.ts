import * as fs from 'fs';
import * as path from 'path';
import { EQF_DIMENSIONS, QualificationFile, QualificationFileSchema } from '../libs/catalogue/domain/qualification-file.schema';
import {
  Framework,
  FrameworkSchema,
  Jurisdiction,
  JurisdictionSchema,
  Profession,
  ProfessionSchema,
} from '../libs/catalogue/domain/reference-data.schema';

const SEEDS_DIR = __dirname;
const QUAL_DIR = path.join(SEEDS_DIR, 'qualifications');
const ESCO_DIR = path.resolve(__dirname, '../../shared/data/esco');
const ESCO_SKILLS = path.join(ESCO_DIR, 'skills.csv');
const ESCO_OCCUPATIONS = path.join(ESCO_DIR, 'occupations.csv');

function readJson(file: string): unknown {
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}

function parseArray<T>(file: string, parse: (x: unknown) => T): T[] {
  const raw = readJson(path.join(SEEDS_DIR, file));
  if (!Array.isArray(raw)) throw new Error(`${file} must hold a JSON array`);
  return raw.map((item, i) => {
    try {
      return parse(item);
    } catch (e) {
      throw new Error(`${file}[${i}] is invalid: ${(e as Error).message}`);
    }
  });
}

/** First CSV column (conceptUri) of every data row; URIs never contain commas or quotes. */
function firstColumn(file: string): Set<string> {
  const lines = fs.readFileSync(file, 'utf8').split('\n').slice(1);
  return new Set(lines.filter((l) => l.length > 0).map((l) => l.slice(0, l.indexOf(','))));
}

const jurisdictions: Jurisdiction[] = parseArray('jurisdictions.json', (x) => JurisdictionSchema.parse(x));
const frameworks: Framework[] = parseArray('frameworks.json', (x) => FrameworkSchema.parse(x));
const professions: Profession[] = parseArray('professions.json', (x) => ProfessionSchema.parse(x));
const qualificationFiles = fs
  .readdirSync(QUAL_DIR)
  .filter((f) => f.endsWith('.json'))
  .sort();
const qualifications: { file: string; q: QualificationFile }[] = qualificationFiles.map((file) => {
  const result = QualificationFileSchema.safeParse(readJson(path.join(QUAL_DIR, file)));
  if (!result.success) {
    throw new Error(`qualifications/${file} is invalid: ${JSON.stringify(result.error.issues, null, 2)}`);
  }
  return { file, q: result.data };
});

const jurisdictionCodes = new Set(jurisdictions.map((j) => j.code));
const professionKeys = new Set(professions.map((p) => p.key));

describe('seed data', () => {
  it('has no top-level JSON files other than the reference data', () => {
    const top = fs.readdirSync(SEEDS_DIR).filter((f) => f.endsWith('.json')).sort();
    expect(top).toEqual(['frameworks.json', 'jurisdictions.json', 'professions.json']);
  });

  it('reference data keys are unique', () => {
    const dupes = (xs: string[]) => xs.filter((x, i) => xs.indexOf(x) !== i);
    expect(dupes(jurisdictions.map((j) => j.code))).toEqual([]);
    expect(dupes(frameworks.map((f) => f.code))).toEqual([]);
    expect(dupes(professions.map((p) => p.key))).toEqual([]);
    for (const f of frameworks) expect(dupes(f.levels.map((l) => l.level))).toEqual([]);
  });

  it('reference data points only at known jurisdictions', () => {
    for (const j of jurisdictions) if (j.parent) expect(jurisdictionCodes).toContain(j.parent);
    for (const f of frameworks) if (f.jurisdiction) expect(jurisdictionCodes).toContain(f.jurisdiction);
    for (const p of professions) if (p.jurisdiction) expect(jurisdictionCodes).toContain(p.jurisdiction);
  });

  it('has the jurisdictions and frameworks the engine needs', () => {
    for (const code of ['NL', 'DE', 'DE-NW', 'DE-NI', 'BE', 'BE-VLG', 'LU', 'EE', 'LV', 'LT']) {
      expect(jurisdictionCodes).toContain(code);
    }
    expect(frameworks.map((f) => f.code).sort()).toEqual(expect.arrayContaining(['DQR', 'EQF', 'NLQF', 'VKS']));
    const eqf = frameworks.find((f) => f.code === 'EQF')!;
    for (const l of eqf.levels) expect(l.eqfLevel).toBe(Number(l.level));
  });

  it('has at least 8 qualification files', () => {
    expect(qualifications.length).toBeGreaterThanOrEqual(8);
  });

  it('names every qualification file after its key', () => {
    for (const { file, q } of qualifications) expect(file).toBe(`${q.key}.json`);
  });

  it('has unique qualification keys and codes per jurisdiction', () => {
    const seen = new Set<string>();
    for (const { q } of qualifications) {
      const k = `${q.jurisdiction}|key|${q.key}`;
      expect(seen.has(k)).toBe(false);
      seen.add(k);
      if (q.code) {
        const c = `${q.jurisdiction}|code|${q.codeScheme ?? ''}|${q.code}`;
        expect(seen.has(c)).toBe(false);
        seen.add(c);
      }
    }
  });

  it.each(qualifications.map(({ file, q }) => [file, q] as const))(
    '%s has outcomes in all three EQF dimensions and at least one source',
    (_file, q) => {
      expect(q.sources.length).toBeGreaterThanOrEqual(1);
      const dims = new Set(q.units.flatMap((u) => u.outcomes.map((o) => o.dimension)));
      for (const d of EQF_DIMENSIONS) expect(dims).toContain(d);
    },
  );

  it.each(qualifications.map(({ file, q }) => [file, q] as const))(
    '%s refers to a known framework level, jurisdiction and professions',
    (_file, q) => {
      const framework = frameworks.find((f) => f.code === q.framework);
      expect(framework).toBeDefined();
      const level = framework!.levels.find((l) => l.level === q.nationalLevel);
      expect(level).toBeDefined();
      expect(level!.eqfLevel).toBe(q.eqfLevel);
      expect(jurisdictionCodes).toContain(q.jurisdiction);
      for (const b of q.bodies) if (b.jurisdiction) expect(jurisdictionCodes).toContain(b.jurisdiction);
      for (const p of q.professions) expect(professionKeys).toContain(p);
    },
  );

  const escoPresent = fs.existsSync(ESCO_SKILLS) && fs.existsSync(ESCO_OCCUPATIONS);
  if (!escoPresent) {
    // eslint-disable-next-line no-console
    console.warn(`ESCO extract not found at ${ESCO_DIR}: skipping the ESCO URI check`);
  }
  (escoPresent ? it : it.skip)(
    `uses only ESCO URIs that exist in the ESCO extract (${escoPresent ? ESCO_DIR : 'extract absent: skipped'})`,
    () => {
      const skills = firstColumn(ESCO_SKILLS);
      const occupations = firstColumn(ESCO_OCCUPATIONS);
      const missingSkills: string[] = [];
      let skillCount = 0;
      for (const { file, q } of qualifications) {
        for (const u of q.units) {
          for (const o of u.outcomes) {
            for (const s of o.escoSkills) {
              skillCount++;
              if (!skills.has(s)) missingSkills.push(`${file} ${u.key}/${o.key}: ${s}`);
            }
          }
        }
      }
      expect(skillCount).toBeGreaterThan(0);
      expect(missingSkills).toEqual([]);
      const missingOccupations = professions
        .filter((p) => p.escoOccupation && !occupations.has(p.escoOccupation))
        .map((p) => `${p.key}: ${p.escoOccupation}`);
      expect(missingOccupations).toEqual([]);
    },
  );
});
