import { EQF_DIMENSIONS, QualificationFileSchema, type QualificationFile } from '../../catalogue/domain/qualification-file.schema';
import { compare, DEFAULT_POLICY, type ExperienceEvidence, type Verdict } from '.';

/** Small deterministic PRNG (mulberry32). */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const WORDS = ['plant', 'zorg', 'software', 'pflege', 'dokumentiert', 'team', 'kwaliteit', 'sicher', 'test', 'klant', 'ontwerp', 'beratung'];
const tag = (n: number) => `http://data.europa.eu/esco/skill/00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

function genFile(seed: number, key = `gen-${seed}`): QualificationFile {
  const r = rng(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)];
  const units = Array.from({ length: 1 + Math.floor(r() * 4) }, (_, u) => ({
    key: `u${u}`,
    kind: 'MODULE',
    title: { en: `Unit ${u}` },
    ...(r() < 0.5 ? { hours: 40 + Math.floor(r() * 400) } : {}),
    outcomes: Array.from({ length: 1 + Math.floor(r() * 5) }, (_, o) => ({
      key: `u${u}-o${o}`,
      text: Array.from({ length: 3 + Math.floor(r() * 5) }, () => pick(WORDS)).join(' '),
      lang: pick(['nl', 'de', 'en'] as const),
      dimension: pick(EQF_DIMENSIONS),
      escoSkills: [...new Set(Array.from({ length: Math.floor(r() * 4) }, () => tag(Math.floor(r() * 30))))],
    })),
  }));
  return QualificationFileSchema.parse({
    key,
    jurisdiction: pick(['NL', 'DE', 'BE-VLG']),
    kind: 'VOCATIONAL',
    title: { en: `Generated ${seed}` },
    framework: 'EQF',
    nationalLevel: '4',
    eqfLevel: 2 + Math.floor(r() * 6),
    ...(r() < 0.7 ? { durationMonths: 12 * (1 + Math.floor(r() * 4)) } : {}),
    workload: r() < 0.5 ? { hoursTotal: 1000 + Math.floor(r() * 4000), routes: [pick(['BOL', 'BBL', 'DUAL'])] } : { routes: [] },
    sources: [{ url: 'https://example.org/generated' }],
    units,
  });
}

const RANK: Record<Verdict, number> = { NONE: 0, PARTIAL: 1, FULL: 2 };
const SEEDS = Array.from({ length: 150 }, (_, i) => i + 1);

describe('properties (150 generated files each)', () => {
  it('compare(x, x) is FULL with coverage 1', () => {
    for (const s of SEEDS) {
      const x = genFile(s);
      const r = compare(x, x, DEFAULT_POLICY);
      expect({ s, verdict: r.verdict, coverage: r.coverage.overall }).toEqual({ s, verdict: 'FULL', coverage: 1 });
      expect(r.differences).toEqual([]);
    }
  });

  it('is deterministic: the same inputs (in any order) give a byte-identical report', () => {
    for (const s of SEEDS.slice(0, 50)) {
      const h = genFile(s);
      const ref = genFile(s + 1000);
      const ev: ExperienceEvidence[] = [
        { escoSkills: [tag(3), tag(1)], years: 2 },
        { escoSkills: [tag(7)], years: 4, description: 'x' },
      ];
      const a = JSON.stringify(compare(h, ref, DEFAULT_POLICY, ev, [], { lang: 'de' }));
      const b = JSON.stringify(compare(structuredClone(h), structuredClone(ref), DEFAULT_POLICY, [...ev].reverse().map((e) => ({ ...e, escoSkills: [...e.escoSkills].reverse() })), [], { lang: 'de' }));
      expect(b).toBe(a);
    }
  });

  it('removing an essential unit’s outcomes from the holder never raises the verdict', () => {
    for (const s of SEEDS) {
      for (const [h, ref] of [[genFile(s), genFile(s)], [genFile(s), genFile(s + 5000)]]) {
        const before = compare(h, ref, DEFAULT_POLICY);
        for (const unit of ref.units) {
          const stripped = structuredClone(h);
          const u = stripped.units.find((x) => x.key === unit.key);
          if (u) u.outcomes = [];
          const after = compare(stripped, ref, DEFAULT_POLICY);
          expect(RANK[after.verdict]).toBeLessThanOrEqual(RANK[before.verdict]);
          expect(after.coverage.overall ?? 0).toBeLessThanOrEqual(before.coverage.overall ?? 0);
        }
      }
    }
  });

  it('the EQF level alone never changes the verdict (Directive 2013/55/EU deleted the "one level below" rule)', () => {
    for (const s of SEEDS) {
      const h = genFile(s);
      const ref = genFile(s + 3000);
      const verdict = compare(h, ref, DEFAULT_POLICY).verdict;
      for (const eqfLevel of [1, 8]) {
        const r = compare({ ...h, eqfLevel }, ref, DEFAULT_POLICY);
        expect({ s, eqfLevel, verdict: r.verdict }).toEqual({ s, eqfLevel, verdict });
        expect(r.differences.filter((d) => d.kind === 'LEVEL' && d.substantial)).toEqual([]);
      }
    }
  });

  it('every report says whether its verdict is robust to ±10% threshold moves, and why not', () => {
    for (const s of SEEDS.slice(0, 50)) {
      const r = compare(genFile(s), genFile(s + 9000), DEFAULT_POLICY);
      const flips = r.sensitivity.moves.filter((m) => m.verdict !== r.verdict);
      expect(r.sensitivity.robust).toBe(flips.length === 0);
      for (const m of flips) expect(r.sensitivity.statement).toContain(`${m.param} at ${m.moved} instead of ${m.base} gives ${m.verdict}`);
    }
  });

  it('adding matching experience evidence never lowers the verdict', () => {
    let raised = 0;
    for (const s of SEEDS) {
      const h = genFile(s);
      const ref = genFile(s + 7000);
      const before = compare(h, ref, DEFAULT_POLICY);
      const missing = [...new Set(before.differences.flatMap((d) => d.missing.flatMap((m) => m.missingSkills.map((x) => x.uri))))];
      const evidence = [{ escoSkills: missing.length ? missing : [tag(1)], years: 5 }];
      const after = compare(h, ref, DEFAULT_POLICY, evidence);
      expect(RANK[after.verdict]).toBeGreaterThanOrEqual(RANK[before.verdict]);
      if (RANK[after.verdict] > RANK[before.verdict]) raised++;
    }
    expect(raised).toBeGreaterThan(0);
  });
});

describe('experience evidence (BQFG §4(2) no. 3, Art. 14(5))', () => {
  it('compensates a content difference when it shows the missing skills, and not below the minimum years', () => {
    const ref = genFile(42);
    const h = structuredClone(ref);
    h.key = 'holder';
    h.units = h.units.slice(1);
    const before = compare(h, ref, DEFAULT_POLICY);
    const diff = before.differences.find((d) => d.kind === 'UNIT')!;
    const skills = [...new Set(diff.missing.flatMap((m) => m.missingSkills.map((x) => x.uri)))];
    if (!skills.length) return;
    const short = compare(h, ref, DEFAULT_POLICY, [{ escoSkills: skills, years: 0.5 }]);
    expect(short.differences.find((d) => d.id === diff.id)!.compensated).toBe(false);
    expect(short.explanation.map((e) => e.rule)).toContain('EXPERIENCE_IGNORED');
    const ok = compare(h, ref, DEFAULT_POLICY, [{ escoSkills: skills, years: 3 }]);
    expect(ok.differences.find((d) => d.id === diff.id)).toMatchObject({ compensated: true, compensatedBy: [0] });
  });
});
