import { jurisdictionInScope } from '../libs/platform/auth/actor';
import { rowCounts } from './support/row-counts';
import { startTestApp, TestApp } from './support/test-app';

/**
 * Issue-9 access rules: experts write only inside their jurisdiction (a country covers its Länder, a Land
 * not its country), drafts and stored reports are not public, and public calls write nothing.
 */

const UPSERT_Q = `mutation($d: JSON!) { upsertQualification(document: $d) { qualification { id key } } }`;
const DRAFT_RULE = `mutation($d: RecognitionRuleInput!) { draftRecognitionRule(document: $d) { id status } }`;
const APPROVE_RULE = `mutation($id: ID!) { approveRecognitionRule(id: $id) { id status } }`;
const RETIRE_RULE = `mutation($id: ID!) { retireRecognitionRule(id: $id, reason: "test") { id status } }`;
const UPSERT_REG = `mutation($d: RegulatedProfessionInput!) { upsertRegulatedProfession(document: $d) { id } }`;
const SAVE_POLICY = `mutation($k: String!, $j: String) { saveComparisonPolicy(key: $k, params: {}, jurisdiction: $j) { id } }`;
const SET_MAPPING = `mutation($i: OutcomeMappingInput!) { setOutcomeMapping(input: $i) { id } }`;
const COMPARE = `query($h: ID!, $r: ID!) { compareQualifications(holderId: $h, referenceId: $r) { id verdict } }`;
const CREATE_DECISION = `mutation($r: ID!) { createDecision(reportId: $r, input: { verdict: "PARTIAL", rationale: "Access-control test." }) { id status } }`;
const APPROVE_DECISION = `mutation($id: ID!) { approveDecision(id: $id) { id status } }`;
const ACCREDIT = `mutation($i: AccreditationInput!) { recordAccreditation(input: $i) { id } }`;

type Gql = TestApp['gql'];
let seq = 0;
const unique = (p: string) => `${p}-${++seq}`;

describe('access control', () => {
  let t: TestApp;
  let admin: string;
  const ids: Record<string, string> = {};
  const fileOf: Record<string, any> = {};

  const ok = async (...args: Parameters<Gql>) => {
    const r = await t.gql(...args);
    if (r.errors) throw new Error(JSON.stringify(r.errors));
    return r.data;
  };
  const expert = (jurisdictions: string[], subject = `expert-${jurisdictions.join('-')}`) => t.token('expert', { jurisdictions, subject });

  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.token('admin', { subject: 'admin-1' });
    const list = await ok('{ qualifications(first: 100) { edges { node { id key } } } }');
    for (const e of list.qualifications.edges) ids[e.node.key] = e.node.id;
    // A reference qualification of a Land (DE-NW) and one of the country (DE), owned by admins.
    for (const [key, jurisdiction] of [['test-nrw-reference', 'DE-NW'], ['test-de-reference', 'DE']] as const) {
      const doc = (await ok('query($id: ID!) { exportQualification(id: $id) }', { id: ids['de-pflbg-altenpfleger'] }, admin)).exportQualification;
      const file = { ...doc, key, jurisdiction, title: { ...doc.title, en: `${doc.title.en} (access-control fixture, ${jurisdiction})` } };
      ids[key] = (await ok(UPSERT_Q, { d: file }, admin)).upsertQualification.qualification.id;
      fileOf[jurisdiction] = file;
    }
    for (const [id, j] of [['school-de-nw', 'DE-NW'], ['school-de', 'DE']]) {
      await ok(`mutation { registerInstitution(id: "${id}", name: "Test school ${j}", jurisdiction: "${j}", type: "SCHOOL") { id } }`, undefined, admin);
    }
  });
  afterAll(() => t?.close());

  const ruleDoc = (j: string) => ({
    key: unique('test-scope-rule'),
    title: { en: 'Access-control test rule (fixture)' },
    instrument: { name: 'Test instrument (fixture)' },
    parties: ['NL', 'DE'],
    destinations: [j],
    scope: { eqfLevels: [6], kinds: ['HIGHER_EDUCATION'] },
    effect: 'AUTOMATIC_LEVEL_RECOGNITION',
    validFrom: '2020-01-01',
    sources: [{ url: 'https://example.org/test-fixture', title: 'Test fixture, not a real instrument' }],
    notes: 'Test fixture only.',
  });
  const reference = (j: string) => (j === 'DE-NW' ? 'test-nrw-reference' : 'test-de-reference');
  const firstOutcome = (file: any) => ({ unitKey: file.units[0].key, outcomeKey: file.units[0].outcomes[0].key });

  /** Each write mutation, aimed at something of jurisdiction j, run with `token`. Setup is done as admin. */
  const MUTATIONS: Record<string, (j: string, token: string) => Promise<Awaited<ReturnType<Gql>>>> = {
    upsertQualification: async (j, token) => t.gql(UPSERT_Q, { d: { ...fileOf[j], key: unique('test-scope-q') } }, token),
    draftRecognitionRule: async (j, token) => t.gql(DRAFT_RULE, { d: ruleDoc(j) }, token),
    approveRecognitionRule: async (j, token) => {
      const draft = (await ok(DRAFT_RULE, { d: ruleDoc(j) }, admin)).draftRecognitionRule;
      return t.gql(APPROVE_RULE, { id: draft.id }, token);
    },
    retireRecognitionRule: async (j, token) => {
      const draft = (await ok(DRAFT_RULE, { d: ruleDoc(j) }, admin)).draftRecognitionRule;
      await ok(APPROVE_RULE, { id: draft.id }, await expert(['DE'], 'expert-de-approver'));
      return t.gql(RETIRE_RULE, { id: draft.id }, token);
    },
    upsertRegulatedProfession: async (j, token) =>
      t.gql(UPSERT_REG, { d: { profession: 'software-developer', jurisdiction: j, regulated: null, regime: 'NOT_REGULATED', sources: [{ url: 'https://example.org/test-fixture', title: 'Test fixture' }], notes: `Test fixture ${unique('n')}.` } }, token),
    saveComparisonPolicy: async (j, token) => t.gql(SAVE_POLICY, { k: unique('test-policy'), j }, token),
    setOutcomeMapping: async (j, token) =>
      t.gql(
        SET_MAPPING,
        { i: { holderQualificationId: ids['nl-mbo-25656-verzorgende-ig'], holderOutcome: { unitKey: 'kt1', outcomeKey: 'kt1-o1' }, referenceQualificationId: ids[reference(j)], referenceOutcome: firstOutcome(fileOf[j]), status: 'ASSERTED', note: unique('n') } },
        token,
      ),
    createDecision: async (j, token) => {
      const report = (await ok(COMPARE, { h: ids['nl-mbo-25656-verzorgende-ig'], r: ids[reference(j)] }, admin)).compareQualifications;
      return t.gql(CREATE_DECISION, { r: report.id }, token);
    },
    approveDecision: async (j, token) => {
      const report = (await ok(COMPARE, { h: ids['nl-mbo-25656-verzorgende-ig'], r: ids[reference(j)] }, admin)).compareQualifications;
      const draft = (await ok(CREATE_DECISION, { r: report.id }, admin)).createDecision;
      return t.gql(APPROVE_DECISION, { id: draft.id }, token);
    },
    recordAccreditation: async (j, token) =>
      t.gql(ACCREDIT, { i: { institutionId: j === 'DE-NW' ? 'school-de-nw' : 'school-de', scope: 'LEARNING_UNIT_PROGRAMME', programme: unique('test-programme'), sourceUrl: 'https://example.org/test-fixture', validFrom: '2024-01-01' } }, token),
  };

  // Target of a Land: its own experts and the country's may write; others not. Target of the country:
  // its own experts may; a Land's expert (child) may not, nor another country's.
  const CASES: Array<[target: string, relation: string, scopes: string[]]> = [
    ['DE-NW', 'own', ['DE-NW']],
    ['DE-NW', 'parent', ['DE']],
    ['DE-NW', 'other', ['NL']],
    ['DE', 'own', ['DE']],
    ['DE', 'child', ['DE-NW']],
    ['DE', 'other', ['NL']],
  ];

  describe.each(Object.keys(MUTATIONS))('%s', (name) => {
    it.each(CASES)('on %s by an expert of the %s jurisdiction (%j)', async (target, _relation, scopes) => {
      const r = await MUTATIONS[name](target, await expert(scopes, `expert-${name}-${scopes.join('-')}`));
      const allowed = jurisdictionInScope(scopes, target);
      if (allowed) expect(r.errors).toBeUndefined();
      else expect(r.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    });
  });

  describe('non-public data', () => {
    it('drafts of rules and decisions, stored reports, mappings and policies are not readable anonymously or by other jurisdictions', async () => {
      const draftRule = (await ok(DRAFT_RULE, { d: ruleDoc('DE') }, await expert(['DE'], 'expert-drafter'))).draftRecognitionRule;
      const report = (await ok(COMPARE, { h: ids['nl-mbo-25656-verzorgende-ig'], r: ids['test-de-reference'] }, await expert(['DE'], 'expert-drafter'))).compareQualifications;
      expect(report.id).toMatch(/^[0-9a-f-]{36}$/);
      const draftDecision = (await ok(CREATE_DECISION, { r: report.id }, await expert(['DE'], 'expert-drafter'))).createDecision;

      const readers: Array<[string, string | undefined]> = [
        ['anonymous', undefined],
        ['employer', await t.token('employer')],
        ['NL expert', await expert(['NL'])],
        ['DE-NW expert (a Land does not see the country’s drafts)', await expert(['DE-NW'])],
      ];
      for (const [who, token] of readers) {
        const rules = await ok('{ recognitionRules(status: "DRAFT") { id } }', undefined, token);
        expect({ who, drafts: rules.recognitionRules.map((r: any) => r.id) }).not.toEqual({ who, drafts: expect.arrayContaining([draftRule.id]) });
        // Anonymous callers and employers see no draft at all.
        if (!who.includes('expert')) expect({ who, drafts: rules.recognitionRules }).toEqual({ who, drafts: [] });
        expect((await t.gql(`{ recognitionRule(id: "${draftRule.id}") { id } }`, undefined, token)).errors![0].extensions!.code).toBe('NOT_FOUND');
        const decisions = await ok('{ decisions(first: 100) { edges { node { id status author rationale } } } }', undefined, token);
        const unpublished = decisions.decisions.edges.filter((e: any) => !['PUBLISHED', 'SUPERSEDED'].includes(e.node.status)).map((e: any) => e.node.id);
        expect(unpublished).not.toContain(draftDecision.id);
        if (!who.includes('expert')) expect({ who, unpublished }).toEqual({ who, unpublished: [] });
        expect((await t.gql(`{ decision(id: "${draftDecision.id}") { id } }`, undefined, token)).errors![0].extensions!.code).toBe('NOT_FOUND');
        const stored = await t.gql(`{ comparison(id: "${report.id}") { id } }`, undefined, token);
        expect(stored.errors![0].extensions!.code).toMatch(token ? /FORBIDDEN|NOT_FOUND/ : /UNAUTHENTICATED/);
      }
      for (const q of ['{ comparisonPolicies { id } }', `{ outcomeMappings(holderId: "${ids['nl-mbo-25656-verzorgende-ig']}", referenceId: "${ids['test-de-reference']}") { id } }`]) {
        expect((await t.gql(q)).errors![0].extensions!.code).toBe('UNAUTHENTICATED');
        expect((await t.gql(q, undefined, await t.token('employer'))).errors![0].extensions!.code).toBe('FORBIDDEN');
      }

      // The destination's experts and admins do see them.
      for (const token of [await expert(['DE']), admin]) {
        expect((await ok('{ recognitionRules(status: "DRAFT") { id } }', undefined, token)).recognitionRules.map((r: any) => r.id)).toContain(draftRule.id);
        expect((await ok(`{ decision(id: "${draftDecision.id}") { status } }`, undefined, token)).decision.status).toBe('DRAFT');
        expect((await ok(`{ comparison(id: "${report.id}") { id } }`, undefined, token)).comparison.id).toBe(report.id);
      }
    });

    it('a token without exp is refused with UNAUTHENTICATED, on a public query too', async () => {
      const { SignJWT, importJWK } = await import('jose');
      const { ensureDevTokenKey } = require('../libs/platform/auth/token-keys') as typeof import('../libs/platform/auth/token-keys');
      const keys = await ensureDevTokenKey(t.dataDir);
      const noExp = await new SignJWT({ role: 'admin', jurisdictions: [] })
        .setProtectedHeader({ alg: 'EdDSA' })
        .setSubject('forever')
        .setIssuer('recognition-engine-dev')
        .setAudience('recognition-engine')
        .setIssuedAt()
        .sign(await importJWK(keys.privateJwk, 'EdDSA'));
      expect((await t.gql('{ auditLog(first: 1) { totalCount } }', undefined, noExp)).errors![0].extensions!.code).toBe('UNAUTHENTICATED');
      expect((await t.gql('{ jurisdictions { code } }', undefined, noExp)).errors![0].extensions!.code).toBe('UNAUTHENTICATED');
    });
  });

  describe('public calls write nothing', () => {

    it('100 anonymous calls of every public query leave every table’s row count unchanged', async () => {
      const vig = ids['nl-mbo-25656-verzorgende-ig'];
      const alt = ids['de-pflbg-altenpfleger'];
      const vigFile = (await ok(`{ exportQualification(id: "${vig}") }`)).exportQualification;
      const skill = vigFile.units.flatMap((u: any) => u.outcomes.flatMap((o: any) => o.escoSkills))[0];
      const published = (await ok('{ decisions(first: 1, filter: { status: "PUBLISHED" }) { edges { node { id } } } }', undefined, admin)).decisions.edges[0]?.node.id;
      const rule = (await ok('{ recognitionRules(status: "APPROVED") { id } }')).recognitionRules[0].id;
      const PUBLIC: Record<string, string> = {
        jurisdictions: '{ jurisdictions { code } }',
        frameworks: '{ frameworks { code } }',
        professions: '{ professions { key } }',
        qualifications: '{ qualifications(first: 5) { totalCount } }',
        qualification: `{ qualification(id: "${vig}") { id } }`,
        exportQualification: `{ exportQualification(id: "${vig}") }`,
        compareQualifications: `{ compareQualifications(holderId: "${vig}", referenceId: "${alt}", evidence: [{ description: "3 years in elderly care", years: 3, escoSkills: ["${skill}"] }]) { id verdict } }`,
        nearestEquivalents: `{ nearestEquivalents(qualificationId: "${vig}", destination: "DE") { key } }`,
        recognitionRoute: `{ recognitionRoute(qualificationId: "${vig}", destination: "DE-NW") { route expectedOutcome { basis citation { id } } } }`,
        recognitionRouteWithProfession: `{ recognitionRoute(qualificationId: "${vig}", destination: "DE-NW", professionId: "altenpfleger") { route } }`,
        recognitionRules: '{ recognitionRules { id } }',
        recognitionRule: `{ recognitionRule(id: "${rule}") { id } }`,
        regulatedProfessions: '{ regulatedProfessions { id } }',
        binationalDescriptions: '{ binationalDescriptions { id } }',
        learningCompanies: '{ learningCompanies { key } }',
        learningCompany: '{ learningCompany(key: "no-such-company") { key } }',
        binationalDescription: '{ binationalDescription(id: "00000000-0000-4000-8000-000000000000") { id } }',
        decisions: '{ decisions(first: 5) { totalCount } }',
        ...(published ? { decision: `{ decision(id: "${published}") { id } }` } : {}),
        verifyCredential: '{ verifyCredential(credential: "not-a-credential") { valid } }',
        certificateSupplement: `{ certificateSupplement(qualificationId: "${vig}", lang: de) { key units { title } } }`,
        recognitionRouteForCredentials: '{ recognitionRouteForCredentials(credentials: ["not-a-credential"], adviseFor: { jurisdiction: "DE-NW" }) { adviceNote } }',
      };
      // Every Query field is either listed here or needs a role: a new public query must be added.
      const schemaFields = (await ok('{ __type(name: "Query") { fields { name } } }')).__type.fields.map((f: any) => f.name);
      const needsRole = ['auditLog', 'comparison', 'comparisonPolicies', 'outcomeMappings', 'issuanceBatch', 'credential', 'institution', 'institutions'];
      for (const f of schemaFields) {
        if (PUBLIC[f] || needsRole.includes(f)) continue;
        const anon = await t.gql(`{ ${f} }`);
        // Fields not listed must at least refuse anonymous callers (or need arguments/selections we did not give).
        expect({ f, code: anon.errors?.[0]?.extensions?.code }).not.toEqual({ f, code: undefined });
      }
      const before = await rowCounts(t.dataSource);
      for (const [name, query] of Object.entries(PUBLIC)) {
        // 10 requests of 10 aliases each: 100 calls, counted per alias by the rate limiter.
        const body = query.replace(/^\{\s*/, '').replace(/\s*\}$/, '');
        const aliased = `{ ${Array.from({ length: 10 }, (_, i) => `a${i}: ${body}`).join(' ')} }`;
        for (let i = 0; i < 10; i++) {
          const r = await t.gql(aliased);
          expect({ name, errors: r.errors?.filter((e) => e.extensions?.code !== 'NOT_FOUND') ?? [] }).toEqual({ name, errors: [] });
        }
      }
      expect(await rowCounts(t.dataSource)).toEqual(before);
    });

    it('anonymous comparisons and route advice are computed, not stored; experts’ comparisons are stored', async () => {
      const vig = ids['nl-mbo-25656-verzorgende-ig'];
      const alt = ids['de-pflbg-altenpfleger'];
      const anon = await ok(COMPARE, { h: vig, r: alt });
      expect(anon.compareQualifications).toMatchObject({ id: null, verdict: expect.stringMatching(/FULL|PARTIAL|NONE/) });
      const byExpert = await ok(COMPARE, { h: vig, r: alt }, await expert(['DE']));
      expect(byExpert.compareQualifications.id).toMatch(/^[0-9a-f-]{36}$/);
      expect(byExpert.compareQualifications.verdict).toBe(anon.compareQualifications.verdict);
    });
  });
});

describe('public computation is rate-limited per alias', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ env: { VERIFY_RATE_LIMIT_PER_MINUTE: '5' } });
  });
  afterAll(() => t?.close());

  it('an aliased request counts every alias; authenticated callers are not limited', async () => {
    const list = (await t.gql('{ qualifications(first: 100) { edges { node { id key } } } }')).data.qualifications.edges;
    const id = (k: string) => list.find((e: any) => e.node.key === k).node.id;
    const body = `compareQualifications(holderId: "${id('nl-mbo-25656-verzorgende-ig')}", referenceId: "${id('de-pflbg-altenpfleger')}") { verdict }`;
    const aliased = (n: number) => `{ ${Array.from({ length: n }, (_, i) => `a${i}: ${body}`).join(' ')} }`;
    // Five aliases fit the limit of 5 …
    expect((await t.gql(aliased(5))).errors).toBeUndefined();
    // … and used it up: one more call is refused, so each alias counted.
    const next = await t.gql(aliased(1));
    expect(next.errors![0]).toMatchObject({ extensions: { code: 'TOO_MANY_REQUESTS' } });
    // Within one request, the sixth alias is the one refused (route advice has its own budget).
    const route = await t.gql(`{ ${Array.from({ length: 6 }, (_, i) => `r${i}: recognitionRoute(qualificationId: "${id('nl-mbo-25656-verzorgende-ig')}", destination: "DE-NW") { route }`).join(' ')} }`);
    expect(route.errors!.map((e) => [(e.path as unknown[] | undefined)?.[0], e.extensions?.code])).toEqual([['r5', 'TOO_MANY_REQUESTS']]);
    const expertToken = await t.token('expert', { jurisdictions: ['DE'] });
    const asExpert = await t.gql(aliased(8), undefined, expertToken);
    expect(asExpert.errors).toBeUndefined();
  });
});

describe('a call that verifies several credentials uses that many units of the public budget', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ env: { VERIFY_RATE_LIMIT_PER_MINUTE: '5' } });
  });
  afterAll(() => t?.close());

  it('three credentials, then two, use up a budget of five; the next single credential is refused', async () => {
    const advise = (n: number) => t.gql(`{ recognitionRouteForCredentials(credentials: [${Array.from({ length: n }, (_, i) => `"not-a-credential-${i}"`).join(', ')}], adviseFor: { jurisdiction: "DE-NW" }) { adviceNote } }`);
    const codes = (r: { errors?: Array<{ extensions?: Record<string, unknown> }> }) => (r.errors ?? []).map((e) => e.extensions?.code);
    expect(codes(await advise(3))).not.toContain('TOO_MANY_REQUESTS');
    expect(codes(await advise(2))).not.toContain('TOO_MANY_REQUESTS');
    // Three calls would fit a limit of five if each counted once.
    expect(codes(await advise(1))).toEqual(['TOO_MANY_REQUESTS']);
  });
});
