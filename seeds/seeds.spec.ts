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
// The ESCO extract is not part of the repository; point ESCO_EXTRACT_DIR at a copy to run the URI check.
const ESCO_DIR = process.env.ESCO_EXTRACT_DIR ? path.resolve(process.env.ESCO_EXTRACT_DIR) : undefined;
const ESCO_SKILLS = ESCO_DIR ? path.join(ESCO_DIR, 'skills.csv') : '';
const ESCO_OCCUPATIONS = ESCO_DIR ? path.join(ESCO_DIR, 'occupations.csv') : '';

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

  const escoPresent = !!ESCO_DIR && fs.existsSync(ESCO_SKILLS) && fs.existsSync(ESCO_OCCUPATIONS);
  if (!escoPresent) {
    // eslint-disable-next-line no-console
    console.warn(`ESCO extract not found (ESCO_EXTRACT_DIR=${ESCO_DIR ?? 'unset'}): skipping the ESCO URI check`);
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

/** Every JSON file under seeds/, recursively (reference data, qualifications, recognition rules, demo data). */
function seedJsonFiles(dir: string = SEEDS_DIR): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? seedJsonFiles(path.join(dir, e.name)) : e.name.endsWith('.json') ? [path.join(dir, e.name)] : []))
    .sort();
}

// Seeds ship to users who only have this repository: cite public pages or legal instruments, never working notes.
const PRIVATE_REFERENCES = [/DOMAIN\.md/i, /ARCHITECTURE\.md/i, /\.\.\/shared\b/i, /\bshared\/data\b/i, /\bseed (material|documents?)\b/i, /\bper the brief\b/i];
// Notes describe sources and gaps; what a comparison concludes is the engine's and the experts' business.
const PRESCRIPTIVE_PHRASES = [
  /\bon purpose\b/i,
  /\bdeliberately\b/i,
  /\bcontrasts? with\b/i,
  /\bcautiously worded\b/i,
  /\bexperts? doubted\b/i,
  /\bshould (conclude|yield|come out|result in|score)\b/i,
  /\bexpected (verdict|outcome)\b/i,
  /\bso that the (comparison|engine)\b/i,
];

/** True for a site's front page (empty path or "/", no query): it states no specific fact. */
function isBareHomepage(url: string): boolean {
  const u = new URL(url);
  return (u.pathname === '' || u.pathname === '/') && u.search === '' && u.hash === '';
}

/** Provenance problems in one parsed seed document: private references, prescriptive notes, homepage sources. */
function provenanceProblems(node: unknown, at = '$'): string[] {
  if (typeof node === 'string') {
    return [
      ...PRIVATE_REFERENCES.filter((re) => re.test(node)).map((re) => `${at}: refers to non-public material (${re})`),
      ...PRESCRIPTIVE_PHRASES.filter((re) => re.test(node)).map((re) => `${at}: prescribes a comparison outcome (${re})`),
    ];
  }
  if (Array.isArray(node)) return node.flatMap((x, i) => provenanceProblems(x, `${at}[${i}]`));
  if (node === null || typeof node !== 'object') return [];
  const problems: string[] = [];
  for (const [k, v] of Object.entries(node)) {
    const urls =
      k === 'sources' && Array.isArray(v)
        ? v.map((s, i) => [`${at}.sources[${i}].url`, (s as { url?: unknown }).url] as const)
        : k === 'sourceUrl'
          ? [[`${at}.sourceUrl`, v] as const]
          : [];
    for (const [where, url] of urls) {
      if (typeof url === 'string' && isBareHomepage(url)) problems.push(`${where}: bare homepage ${url}`);
    }
    problems.push(...provenanceProblems(v, `${at}.${k}`));
  }
  return problems;
}

describe('seed provenance', () => {
  it('detects the problems it guards against', () => {
    expect(isBareHomepage('https://www.mboraad.nl')).toBe(true);
    expect(isBareHomepage('https://www.mboraad.nl/')).toBe(true);
    expect(isBareHomepage('https://www.nuffic.nl/onderwijssystemen/nederland/niveau-van-nederlandse-diplomas')).toBe(false);
    expect(isBareHomepage('https://eur-lex.europa.eu/?uri=CELEX:32005L0036')).toBe(false);
    const bad = {
      sources: [{ url: 'https://www.naricvlaanderen.be/' }],
      notes: 'Decision of 18 May 2015 (DOMAIN.md); see ../shared/ARCHITECTURE.md.',
      units: [{ outcomes: [{ notes: 'Weak autonomy on purpose: contrasts with the Altenpfleger.' }] }],
      accreditations: [{ sourceUrl: 'https://www.s-bb.nl' }],
    };
    const problems = provenanceProblems(bad);
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^\$\.sources\[0\]\.url: bare homepage/),
        expect.stringMatching(/^\$\.notes: refers to non-public material \(.*DOMAIN/),
        expect.stringMatching(/^\$\.notes: refers to non-public material \(.*shared/),
        expect.stringMatching(/^\$\.units\[0\]\.outcomes\[0\]\.notes: prescribes a comparison outcome \(.*on purpose/),
        expect.stringMatching(/^\$\.units\[0\]\.outcomes\[0\]\.notes: prescribes a comparison outcome \(.*contrasts/),
        expect.stringMatching(/^\$\.accreditations\[0\]\.sourceUrl: bare homepage/),
      ]),
    );
    expect(provenanceProblems({ sources: [{ url: 'https://dejure.org/gesetze/AltPflG/3.html' }], notes: 'Seeded for address/location purposes only.' })).toEqual([]);
  });

  it.each(seedJsonFiles().map((f) => [path.relative(SEEDS_DIR, f)]))(
    '%s cites only public, specific sources and notes no comparison outcome',
    (file) => {
      const problems = provenanceProblems(readJson(path.join(SEEDS_DIR, file)));
      expect(problems).toEqual([]);
    },
  );
});

/** Outcome texts follow their source: every outcome says where it comes from, and a paraphrase says it is one. */
function outcomeSourceProblems(q: QualificationFile): string[] {
  return q.units.flatMap((u) =>
    u.outcomes.flatMap((o) => {
      const at = `${q.key} ${u.key}/${o.key}`;
      if (!o.notes) return [`${at}: no note naming the source`];
      if (/paraphrase/i.test(o.notes) && !/editor's paraphrase, source text not found/i.test(o.notes)) return [`${at}: paraphrase not marked "editor's paraphrase, source text not found"`];
      return [];
    }),
  );
}

describe('outcome provenance', () => {
  it('detects an unmarked paraphrase and a missing source note', () => {
    const file = (notes?: string) =>
      QualificationFileSchema.parse({
        key: 'x', jurisdiction: 'NL', kind: 'VOCATIONAL', title: { en: 'x' }, framework: 'NLQF', nationalLevel: '4', eqfLevel: 4,
        sources: [{ url: 'https://example.org/x' }],
        units: [{ key: 'u', kind: 'CORE_TASK', title: { en: 'u' }, outcomes: [{ key: 'o', text: 't', lang: 'en', dimension: 'SKILLS', ...(notes ? { notes } : {}) }] }],
      });
    expect(outcomeSourceProblems(file())).toEqual(['x u/o: no note naming the source']);
    expect(outcomeSourceProblems(file('Editor\'s paraphrase of the title.'))).toEqual(['x u/o: paraphrase not marked "editor\'s paraphrase, source text not found"']);
    expect(outcomeSourceProblems(file('Editor\'s paraphrase, source text not found.'))).toEqual([]);
    expect(outcomeSourceProblems(file('PflAPrV Anlage 2, I.1, quoted.'))).toEqual([]);
  });

  it.each(qualifications.map(({ file, q }) => [file, q] as const))('%s: every outcome names its source; paraphrases are marked', (_file, q) => {
    expect(outcomeSourceProblems(q)).toEqual([]);
  });

  it('HBO-V and mbo Verpleegkundige carry no identical outcome (each follows its own source)', () => {
    const texts = (key: string) => new Set(qualifications.find(({ q }) => q.key === key)!.q.units.flatMap((u) => u.outcomes.map((o) => o.text)));
    const hbo = texts('nl-hbo-v-bachelor-nursing');
    const mbo = texts('nl-mbo-verpleegkundige');
    expect(hbo.size).toBeGreaterThan(0);
    expect(mbo.size).toBeGreaterThan(0);
    expect([...hbo].filter((t) => mbo.has(t))).toEqual([]);
  });

  it('the regulated-profession registry points only at existing qualifications that are still awarded', () => {
    const registry = readJson(path.join(SEEDS_DIR, 'recognition', 'regulated-professions.json')) as Array<{ profession: string; jurisdiction: string; referenceQualificationKey?: string }>;
    const byKey = new Map(qualifications.map(({ q }) => [q.key, q]));
    const today = new Date().toISOString().slice(0, 10);
    const refs = registry.filter((e) => e.referenceQualificationKey);
    expect(refs.length).toBeGreaterThan(0);
    for (const e of refs) {
      const q = byKey.get(e.referenceQualificationKey!);
      expect({ entry: `${e.profession}@${e.jurisdiction}`, found: !!q }).toEqual({ entry: `${e.profession}@${e.jurisdiction}`, found: true });
      expect({ entry: `${e.profession}@${e.jurisdiction}`, expired: !!q!.validUntil && q!.validUntil < today }).toEqual({ entry: `${e.profession}@${e.jurisdiction}`, expired: false });
    }
    // Altenpfleger/in: the degree under the Pflegeberufegesetz; the AltPflG-era file is kept for titles granted before 2020.
    expect(new Set(registry.filter((e) => e.profession === 'altenpfleger').map((e) => e.referenceQualificationKey))).toEqual(new Set(['de-pflbg-altenpfleger']));
    expect(byKey.get('de-altpflg-altenpfleger')!.validUntil).toBe('2019-12-31');
  });
});
