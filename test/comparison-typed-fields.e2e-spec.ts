import { ComparisonService } from '../libs/comparison/comparison.service';
import type { ComparisonRegime } from '../libs/comparison/domain/types';
import { startTestApp, TestApp } from './support/test-app';

/** The typed parts of the report, and the JSON report beside them, so that each can be checked against the other. */
const TYPED = `id verdict
  differences { id substantial compensated }
  regime { kind legalBasis ruleKey contentComparison }
  training { minimums checks { minimum legalBasis item required holder met shortfallHours } note }
  documentsNeeded { code side message }
  sensitivity { robust statement moves { param base moved verdict } }
  compensation {
    adaptationPeriod { months hours estimate } aptitudeTestTopics note
    measures { differenceId units hours months testSubjects coveredByExperience note }
    uncappedMonths capMonths choice
  }
  report`;
const COMPARE = `query($h: ID!, $r: ID!, $p: ID, $lang: Language) { compareQualifications(holderId: $h, referenceId: $r, policyId: $p, lang: $lang) { ${TYPED} } }`;
const STORED = `query($id: ID!) { comparison(id: $id) { ${TYPED} } }`;
const ROUTE = `query($q: ID!, $d: String!, $p: String, $lang: Language) {
  recognitionRoute(qualificationId: $q, destination: $d, professionId: $p, asOf: "2025-01-01", lang: $lang) {
    route expectedOutcome { basis verdict compensation } documents
  }
}`;

const VIG = 'nl-mbo-25656-verzorgende-ig';
const ALT = 'de-pflbg-altenpfleger';
const VPK = 'nl-mbo-verpleegkundige';
const PFF = 'de-pflbg-pflegefachperson';

/** Every typed field carries the same values as the JSON report of the same response. */
function expectTypedMatchesReport(c: any): void {
  const r = c.report;
  expect(c.regime).toEqual(r.regime);
  expect(c.training).toEqual(r.training);
  expect(c.documentsNeeded).toEqual(r.documentsNeeded);
  expect(c.sensitivity).toEqual(r.sensitivity);
  expect(c.compensation).toEqual(r.compensation);
}

describe('typed report fields of Comparison (regime, training, documents needed, sensitivity, compensation measures)', () => {
  let t: TestApp;
  let ids: Record<string, string>;
  let expert: string;

  beforeAll(async () => {
    t = await startTestApp();
    expert = await t.token('expert', { jurisdictions: ['DE'], subject: 'expert-de-typed' });
    const list = await t.gql('{ qualifications(first: 100) { edges { node { id key } } } }');
    ids = Object.fromEntries(list.data.qualifications.edges.map((e: any) => [e.node.key, e.node.id]));
  });
  afterAll(async () => t?.close());

  const compare = async (h: string, r: string, vars: Record<string, unknown> = {}) => {
    const res = await t.gql(COMPARE, { h: ids[h], r: ids[r], lang: 'en', ...vars }, expert);
    expect(res.errors).toBeUndefined();
    return res.data.compareQualifications;
  };

  it('Verzorgende-IG vs Altenpfleger/in: one measure per open substantial difference, months summing to uncappedMonths, capped at 36, with the choice', async () => {
    const c = await compare(VIG, ALT);
    expectTypedMatchesReport(c);
    expect(c.verdict).toBe('PARTIAL');
    // The registry has Altenpfleger/in regulated in Germany and no automatic rule applies: the general system, decided by content.
    expect(c.regime).toMatchObject({ kind: 'GENERAL_SYSTEM', contentComparison: 'DECISIVE' });
    expect(c.regime.legalBasis).toBeTruthy();

    const comp = c.compensation;
    expect(comp.measures.length).toBeGreaterThan(0);
    const open = c.differences.filter((d: any) => d.substantial && !d.compensated).map((d: any) => d.id);
    expect(comp.measures.map((m: any) => m.differenceId).sort()).toEqual([...open].sort());
    const known = comp.measures.filter((m: any) => m.months !== null);
    expect(known.length).toBeGreaterThan(0);
    expect(comp.uncappedMonths).toBeCloseTo(known.reduce((s: number, m: any) => s + m.months, 0), 1);
    expect(comp.capMonths).toBeLessThanOrEqual(36);
    expect(comp.adaptationPeriod.months).toBe(Math.min(comp.capMonths, Math.max(1, Math.ceil(comp.uncappedMonths))));
    expect(comp.choice).toMatch(/Art\. 14\(2\)/);
    // The aptitude-test topics are the measures' subjects.
    expect(comp.aptitudeTestTopics).toEqual([...new Set(comp.measures.flatMap((m: any) => m.testSubjects))]);
  });

  it('a policy with a lower cap gives capMonths from the policy and an adaptation period at that cap', async () => {
    const base = (await compare(VIG, ALT)).compensation;
    const cap = Math.max(1, Math.ceil(base.uncappedMonths) - 1);
    const saved = await t.gql(
      'mutation($p: ComparisonPolicyParamsInput!) { saveComparisonPolicy(key: "typed-fields-cap", params: $p, jurisdiction: "DE") { id } }',
      { p: { maxAdaptationMonths: cap } },
      expert,
    );
    expect(saved.errors).toBeUndefined();
    const c = await compare(VIG, ALT, { p: saved.data.saveComparisonPolicy.id });
    expectTypedMatchesReport(c);
    expect(c.compensation.capMonths).toBe(cap);
    expect(c.compensation.uncappedMonths).toBe(base.uncappedMonths);
    expect(c.compensation.adaptationPeriod.months).toBe(cap);
  });

  it('Verpleegkundige vs Pflegefachfrau/-mann: the training minimums of Art. 31(3) and PflAPrV § 1 are checked item by item', async () => {
    const c = await compare(VPK, PFF);
    expectTypedMatchesReport(c);
    expect(c.training.minimums).toEqual(['ART31_3_NURSE', 'PFLAPRV_1']);
    expect(new Set(c.training.checks.map((k: any) => k.minimum))).toEqual(new Set(['ART31_3_NURSE', 'PFLAPRV_1']));
    for (const k of c.training.checks) {
      expect(k.legalBasis).toMatch(k.minimum === 'ART31_3_NURSE' ? /Art\. 31\(3\)/ : /PflAPrV/);
      if (k.holder === null) expect(k.met).toBeNull();
      else expect(k.met).toBe(k.holder >= k.required);
      if (k.met === false) expect(k.shortfallHours).toBeGreaterThan(0);
      else expect(k.shortfallHours).toBeNull();
    }
    // The seeded holder file states its duration but not its hours: each unknown item is a document the applicant must supply.
    const unknown = c.training.checks.filter((k: any) => k.holder === null);
    expect(unknown.length).toBeGreaterThan(0);
    for (const k of unknown) expect(c.documentsNeeded).toContainEqual(expect.objectContaining({ code: `HOLDER_${k.item}`, side: 'HOLDER' }));
    expect(typeof c.sensitivity.robust).toBe('boolean');
    expect(c.sensitivity.robust).toBe(c.sensitivity.moves.every((m: any) => m.verdict === c.verdict));
  });

  it('the same pair through compareQualifications is automatic recognition (from the rules): informational, no compensation, robust', async () => {
    const c = await compare(VPK, PFF);
    expectTypedMatchesReport(c);
    expect(c.regime).toMatchObject({ kind: 'SECTORAL_AUTOMATIC', contentComparison: 'INFORMATIONAL' });
    expect(c.regime.legalBasis).toMatch(/2005\/36/);
    const rule = await t.gql('query($k: String) { recognitionRules(key: $k) { key } }', { k: c.regime.ruleKey });
    expect(rule.errors).toBeUndefined();
    expect(rule.data.recognitionRules.map((r: any) => r.key)).toContain(c.regime.ruleKey);
    expect(c.verdict).toBe('FULL');
    expect(c.compensation).toBeNull();
    expect(c.sensitivity).toMatchObject({ robust: true, moves: [] });
    // A stored report reads back the same through comparison(id).
    const res = await t.gql(STORED, { id: c.id }, expert);
    expect(res.errors).toBeUndefined();
    expect(res.data.comparison.regime).toEqual(c.regime);
  });

  it('Software developer vs Fachinformatiker/in Anwendungsentwicklung: not regulated (registry), informational, aligned from the texts', async () => {
    const c = await compare('nl-mbo-software-developer', 'de-fiausbv-fachinformatiker-anwendungsentwicklung');
    expectTypedMatchesReport(c);
    expect(c.regime).toMatchObject({ kind: 'NOT_REGULATED', contentComparison: 'INFORMATIONAL' });
    expect(c.verdict).toBe('PARTIAL');
    const matches = c.report.units.flatMap((u: any) => u.outcomes.flatMap((o: any) => o.matches));
    expect(matches.length).toBeGreaterThan(0);
    for (const m of matches) expect(m.evidence).toBe('ALIGNMENT');
    expect(c.compensation.choice).toMatch(/Not a regulated profession/);
  });

  it('route advice under the general system shows the comparison’s Art. 14(2) choice and its documents needed', async () => {
    const res = await t.gql(ROUTE, { q: ids[VIG], d: 'DE-NW', p: 'altenpfleger', lang: 'en' });
    expect(res.errors).toBeUndefined();
    const a = res.data.recognitionRoute;
    expect(a).toMatchObject({ route: 'GENERAL_SYSTEM', expectedOutcome: { basis: 'COMPARISON', verdict: 'PARTIAL' } });
    // The comparison the advice rests on: the same pair under the general system.
    const general: ComparisonRegime = { kind: 'GENERAL_SYSTEM', legalBasis: 'Directive 2005/36/EC Art. 13, 14' };
    const report = (await t.app.get(ComparisonService).compareQualifications(ids[VIG], ids[ALT], { lang: 'en', store: false, regime: general })).report;
    expect(report.compensation!.choice).toMatch(/^Art\. 14\(2\): the applicant chooses/);
    expect(a.expectedOutcome.compensation.at(-1)).toBe(report.compensation!.choice);
    expect(report.documentsNeeded.length).toBeGreaterThan(0);
    for (const d of report.documentsNeeded) expect(a.documents).toContain(d.message);
  });
});
