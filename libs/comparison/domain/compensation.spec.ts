import { QualificationFileSchema, type QualificationFile } from '../../catalogue/domain/qualification-file.schema';
import { compare } from './compare';
import { PARAM_RATIONALE, THRESHOLD_PARAMS } from './parameters';
import { DEFAULT_POLICY, PolicyParamsSchema, type ComparisonPolicy } from './policy';

const tag = (n: number) => `http://data.europa.eu/esco/skill/00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
// One distinct word per outcome, so that no two outcomes share words.
const WORDS = ['wounds', 'dressings', 'medication', 'hygiene', 'documentation', 'mobility', 'nutrition', 'palliation', 'triage', 'sterilisation'];

/** Units of the given hours; each has two outcomes with their own ESCO tags (unit u → tags 10u+1, 10u+2 and 10u+3, 10u+4). */
function reference(hours: Array<number | undefined>, over: Record<string, unknown> = {}): QualificationFile {
  return QualificationFileSchema.parse({
    key: 'ref', jurisdiction: 'DE', kind: 'VOCATIONAL', title: { en: 'Reference' }, framework: 'EQF', nationalLevel: '4', eqfLevel: 4,
    sources: [{ url: 'https://example.org/test' }],
    units: hours.map((h, u) => ({
      key: `u${u}`, kind: 'MODULE', title: { en: `Unit ${u}` }, ...(h === undefined ? {} : { hours: h }),
      outcomes: [0, 1].map((o) => ({ key: `u${u}-o${o}`, text: WORDS[2 * u + o], lang: 'en', dimension: 'SKILLS', escoSkills: [tag(10 * u + 2 * o + 1), tag(10 * u + 2 * o + 2)] })),
    })),
    ...over,
  });
}

/** A holder that shows exactly the reference units listed (same words, same tags), and nothing of the others. */
function holderOf(ref: QualificationFile, shown: string[], over: Record<string, unknown> = {}): QualificationFile {
  return QualificationFileSchema.parse({
    ...ref, key: 'holder', jurisdiction: 'NL', ...over,
    units: ref.units.filter((u) => shown.includes(u.key)),
  });
}

const policy = (params: Record<string, unknown>): ComparisonPolicy => ({ ...DEFAULT_POLICY, id: 'test', params: PolicyParamsSchema.parse(params) });

describe('proportionate compensation (Art. 14(1)–(5), BQFG §§9–11)', () => {
  it('one measure per substantial difference, with its units, hours and months; the period is the sum, rounded up', () => {
    const ref = reference([280, 420, 700]);
    const r = compare(holderOf(ref, ['u0']), ref, DEFAULT_POLICY);
    const c = r.compensation!;
    const units = c.measures.filter((m) => m.differenceId.startsWith('UNIT:'));
    expect(units.map((m) => [m.differenceId, m.units, m.hours, m.months])).toEqual([
      ['UNIT:u1', ['u1'], 420, 3],
      ['UNIT:u2', ['u2'], 700, 5],
    ]);
    expect(units[0].testSubjects).toEqual(['Unit 1: medication; hygiene']);
    // The skills dimension misses the same outcomes: already in the unit measures, so no hours of its own.
    expect(c.measures.find((m) => m.differenceId === 'DIMENSION:SKILLS')).toMatchObject({ hours: 0, units: [] });
    expect(c.uncappedMonths).toBe(8);
    expect(c.adaptationPeriod).toMatchObject({ months: 8, hours: 1120 });
    expect(c.capMonths).toBe(36);
  });

  it('caps the sum at three years (Art. 14(1)), and at a lower policy cap, saying so', () => {
    const ref = reference([100, 3000, 3000, 3000]);
    const r = compare(holderOf(ref, ['u0']), ref, DEFAULT_POLICY);
    const c = r.compensation!;
    expect(c.uncappedMonths).toBeCloseTo(3 * 21.4, 5);
    expect(c.adaptationPeriod!.months).toBe(36);
    expect(c.adaptationPeriod!.estimate).toMatch(/sum 64\.2 months, at most 36: 36 months/);
    expect(compare(holderOf(ref, ['u0']), ref, policy({ maxAdaptationMonths: 12 })).compensation!.adaptationPeriod!.months).toBe(12);
  });

  it('experience that shows a difference’s missing skills removes it; experience covering one outcome reduces the measure', () => {
    const ref = reference([280, 420, 700]);
    const holder = holderOf(ref, ['u0']);
    const all = compare(holder, ref, DEFAULT_POLICY, [{ escoSkills: [tag(11), tag(12), tag(13), tag(14)], years: 3 }]);
    expect(all.differences.find((d) => d.id === 'UNIT:u1')).toMatchObject({ compensated: true });
    expect(all.compensation!.measures.map((m) => m.differenceId)).not.toContain('UNIT:u1');
    expect(all.compensation!.adaptationPeriod!.months).toBe(5);

    // Half of u2's missing skills: below the 75% needed to compensate the difference, but one outcome is fully shown.
    const half = compare(holder, ref, DEFAULT_POLICY, [{ escoSkills: [tag(21), tag(22)], years: 3 }]);
    const u2 = half.compensation!.measures.find((m) => m.differenceId === 'UNIT:u2')!;
    expect(half.differences.find((d) => d.id === 'UNIT:u2')).toMatchObject({ compensated: false });
    expect(u2).toMatchObject({ hours: 350, coveredByExperience: ['u2/u2-o0'], testSubjects: ['Unit 2: mobility'] });

    // Below the minimum years, experience counts for nothing.
    const short = compare(holder, ref, DEFAULT_POLICY, [{ escoSkills: [tag(21), tag(22)], years: 0.5 }]);
    expect(short.compensation!.measures.find((m) => m.differenceId === 'UNIT:u2')!.hours).toBe(700);
  });

  it('a duration shortfall adds only the hours the content measures do not already hold', () => {
    const ref = reference([280, 280], { durationMonths: 36 });
    const r = compare(holderOf(ref, ['u0'], { durationMonths: 24 }), ref, DEFAULT_POLICY);
    const duration = r.compensation!.measures.find((m) => m.differenceId === 'DURATION')!;
    // 12 months × 140 h = 1,680 h missing, of which 280 h are in the content measure of u1.
    expect(duration.hours).toBe(1680 - 280);
    expect(r.compensation!.adaptationPeriod!.hours).toBe(1680);
  });

  it('unknown unit hours (and no total to share) become a documents-needed item', () => {
    const ref = reference([undefined, undefined]);
    const r = compare(holderOf(ref, ['u0']), ref, DEFAULT_POLICY);
    expect(r.compensation!.measures.find((m) => m.differenceId === 'UNIT:u1')).toMatchObject({ hours: null, months: null });
    expect(r.compensation!.adaptationPeriod).toBeNull();
    expect(r.documentsNeeded.map((d) => d.code)).toEqual(expect.arrayContaining(['REFERENCE_UNIT_HOURS', 'REFERENCE_HOURS', 'REFERENCE_DURATION']));
  });
});

describe('threshold sensitivity (±10%)', () => {
  // u1 shows 3 of 5 tags: coverage 0.6 under a policy that scores tags.
  const ref = QualificationFileSchema.parse({
    key: 'ref', jurisdiction: 'DE', kind: 'VOCATIONAL', title: { en: 'Reference' }, framework: 'EQF', nationalLevel: '4', eqfLevel: 4,
    durationMonths: 36, workload: { hoursTotal: 4600, routes: [] }, sources: [{ url: 'https://example.org/test' }],
    units: [{ key: 'u1', kind: 'MODULE', title: { en: 'Unit 1' }, hours: 500, outcomes: [{ key: 'o', text: 'Plans care', lang: 'en', dimension: 'SKILLS', escoSkills: [1, 2, 3, 4, 5].map(tag) }] }],
  });
  const holder = QualificationFileSchema.parse({
    ...ref, key: 'holder', jurisdiction: 'NL',
    units: [{ key: 'h1', kind: 'MODULE', title: { en: 'H' }, outcomes: [{ key: 'o', text: 'Tunes xylophones', lang: 'en', dimension: 'SKILLS', escoSkills: [1, 2, 3].map(tag) }] }],
  });

  it('a verdict that flips when a threshold moves by 10% is reported as borderline, naming the threshold', () => {
    const r = compare(holder, ref, policy({ escoTags: 'SCORE', unitCoverageThreshold: 0.65 }));
    expect(r.units[0].coverage).toBe(0.6);
    expect(r.verdict).toBe('PARTIAL');
    expect(r.sensitivity.robust).toBe(false);
    expect(r.sensitivity.moves).toContainEqual({ param: 'unitCoverageThreshold', base: 0.65, moved: 0.585, verdict: 'FULL' });
    expect(r.sensitivity.statement).toBe('borderline, because unitCoverageThreshold at 0.585 instead of 0.65 gives FULL.');
    expect(r.explanation.find((e) => e.rule === 'SENSITIVITY')!.detail).toMatch(/borderline/);
  });

  it('a verdict no 10% move changes is robust', () => {
    const r = compare(holder, ref, policy({ escoTags: 'SCORE', unitCoverageThreshold: 0.9 }));
    expect(r.verdict).toBe('PARTIAL');
    expect(r.sensitivity).toMatchObject({ robust: true, statement: 'robust: no threshold moved by ±10% changes the verdict PARTIAL.' });
    expect(r.sensitivity.moves.length).toBe(2 * THRESHOLD_PARAMS.length);
  });
});

describe('policy parameters carry reasons', () => {
  it('every parameter has a rationale and a source or the expert who set it', () => {
    const keys = Object.keys(PolicyParamsSchema.shape).sort();
    expect(Object.keys(PARAM_RATIONALE).sort()).toEqual(keys);
    for (const k of keys) {
      const r = PARAM_RATIONALE[k as keyof typeof PARAM_RATIONALE];
      expect({ k, rationale: r.rationale.length > 20, sourced: !!(r.source || r.setBy) }).toEqual({ k, rationale: true, sourced: true });
    }
    expect(PARAM_RATIONALE.maxAdaptationMonths.source).toMatch(/Art\. 14\(1\)/);
    expect(THRESHOLD_PARAMS).toEqual(expect.arrayContaining(['unitCoverageThreshold', 'coverageFloor', 'durationShortfallMonths']));
  });
});
