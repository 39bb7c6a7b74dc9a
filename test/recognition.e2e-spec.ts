import { join } from 'node:path';
import { projectRoot } from '../libs/platform/project-root';
import { repeatedWords } from '../libs/comparison/domain/text-quality';
import { RecognitionSeedService } from '../libs/recognition/recognition-seed.service';
import { startTestApp, TestApp } from './support/test-app';

const ADVICE_FIELDS = `route summary destination profession assumedProfession purpose asOf lang regulated regime regimeConfirmed legalBasis
  competentAuthority { name jurisdiction url }
  referenceQualification { id key title }
  expectedOutcome { verdict binding basis summary compensation citation { kind id label binding sourceUrl } }
  appliedRules { id key version title effect instrument validFrom notes sourceUrls }
  consideredRules { key version effect reasons }
  steps documents information caveats registrySources
  alternatives { route profession assumedProfession caveats expectedOutcome { basis binding summary } alternatives { route } }`;
const ROUTE = `query($q: ID!, $d: String!, $p: String, $purpose: RecognitionPurpose, $asOf: String, $lang: Language) {
  recognitionRoute(qualificationId: $q, destination: $d, professionId: $p, purpose: $purpose, asOf: $asOf, lang: $lang) { ${ADVICE_FIELDS} }
}`;
const RULE_FIELDS = 'id key version status effect validFrom retiredOn author approvedBy retiredBy notes';
const DRAFT = `mutation($d: RecognitionRuleInput!) { draftRecognitionRule(document: $d) { ${RULE_FIELDS} } }`;
const APPROVE = `mutation($id: ID!) { approveRecognitionRule(id: $id) { ${RULE_FIELDS} } }`;
const RETIRE = `mutation($id: ID!, $on: String) { retireRecognitionRule(id: $id, retireOn: $on, reason: "replaced") { ${RULE_FIELDS} } }`;

/** An NL associate degree (EQF 5): a test fixture, sourced for its level only. */
const ASSOCIATE_DEGREE = {
  key: 'test-nl-associate-degree',
  jurisdiction: 'NL',
  kind: 'HIGHER_EDUCATION',
  title: { en: 'Associate degree (test fixture)', nl: 'Associate degree (testgegeven)' },
  framework: 'NLQF',
  nationalLevel: '5',
  eqfLevel: 5,
  sources: [{ url: 'https://www.nuffic.nl/onderwijssystemen/nederland/niveau-van-nederlandse-diplomas', title: 'Nuffic – level of Dutch diplomas (associate degree = level 5)' }],
  notes: 'Test fixture: only the level (associate degree = NLQF/EQF 5, per the Nuffic page above) is sourced.',
};

describe('recognition rules, registry and route advisor through GraphQL', () => {
  let t: TestApp;
  let ids: Record<string, string>;
  const route = async (key: string, destination: string, vars: Record<string, unknown> = {}) => {
    const r = await t.gql(ROUTE, { q: ids[key], d: destination, ...vars });
    if (r.errors) throw new Error(JSON.stringify(r.errors));
    return r.data.recognitionRoute;
  };

  beforeAll(async () => {
    t = await startTestApp();
    const nlExpert = await t.token('expert', { jurisdictions: ['NL'], subject: 'expert-nl-catalogue' });
    const up = await t.gql('mutation($d: JSON!) { upsertQualification(document: $d) { created } }', { d: ASSOCIATE_DEGREE }, nlExpert);
    if (up.errors) throw new Error(JSON.stringify(up.errors));
    const list = await t.gql('{ qualifications(first: 50) { edges { node { id key } } } }');
    ids = Object.fromEntries(list.data.qualifications.edges.map((e: any) => [e.node.key, e.node.id]));
  });
  afterAll(async () => t?.close());

  it('seeds the sourced rules as approved versions and the registry', async () => {
    const rules = (await t.gql('{ recognitionRules { key version status effect validFrom notes author approvedBy } }')).data.recognitionRules;
    expect(rules.map((r: any) => r.key).sort()).toEqual([
      'benelux-m-2015-3',
      'benelux-m-2018-1',
      'dir-2005-36-general-system',
      'dir-2005-36-nurse-general-care-nl-de',
      'nl-nrw-school-list-2010',
      'treaty-2021-higher-education',
    ]);
    expect(rules.every((r: any) => r.status === 'APPROVED' && r.version === 1 && r.approvedBy && r.approvedBy !== r.author)).toBe(true);
    const m2018 = rules.find((r: any) => r.key === 'benelux-m-2018-1');
    expect(m2018).toMatchObject({ validFrom: '2018-01-25', effect: 'AUTOMATIC_LEVEL_RECOGNITION' });
    expect(m2018.notes).toMatch(/signing date/);

    const reg = (await t.gql('{ regulatedProfessions(profession: "altenpfleger") { jurisdiction regulated regime competentAuthority { name } sourceUrls } }')).data.regulatedProfessions;
    expect(reg.map((e: any) => e.jurisdiction)).toEqual(['DE', 'DE-NI', 'DE-NW']);
    expect(reg.find((e: any) => e.jurisdiction === 'DE-NW').competentAuthority.name).toMatch(/ZAG-PuG.*Bezirksregierung Münster/);
    expect(reg.every((e: any) => e.regulated === true && e.regime === 'GENERAL_SYSTEM' && e.sourceUrls.length > 0)).toBe(true);

    // Seeding again changes nothing.
    const auditBefore = (await t.dataSource.query('SELECT count(*)::int n FROM audit_log'))[0].n;
    expect(await t.app.get(RecognitionSeedService).seed(join(projectRoot(), 'seeds'))).toEqual({ rules: 0, registry: 0 });
    expect((await t.dataSource.query('SELECT count(*)::int n FROM recognition_rule'))[0].n).toBe(6);
    expect((await t.dataSource.query('SELECT count(*)::int n FROM audit_log'))[0].n).toBe(auditBefore);
  });

  it('level recognition into BE-VLG: NL bachelor on 2016-01-01 automatic under M (2015) 3', async () => {
    const a = await route('nl-hbo-v-bachelor-nursing', 'BE-VLG', { purpose: 'STUDY', asOf: '2016-01-01' });
    expect(a).toMatchObject({ route: 'AUTOMATIC_LEVEL_RECOGNITION', asOf: '2016-01-01', expectedOutcome: { verdict: 'FULL', binding: true, basis: 'RULE', citation: { kind: 'RULE' } } });
    expect(a.appliedRules.map((r: any) => r.key)).toEqual(['benelux-m-2015-3']);
    expect(a.expectedOutcome.citation.id).toBe(a.appliedRules[0].id);
    expect(a.summary).toMatch(/Flemish Community/);
    expect(a.summary).toMatch(/neither programme content nor professional recognition/);
  });

  it('level recognition into BE-VLG: NL associate degree not automatic on 2017-06-01, automatic after M (2018) 1 took effect', async () => {
    const before = await route('test-nl-associate-degree', 'BE-VLG', { purpose: 'STUDY', asOf: '2017-06-01' });
    expect(before).toMatchObject({ route: 'INDIVIDUAL_ASSESSMENT', appliedRules: [], expectedOutcome: { verdict: null, basis: 'NONE' } });
    expect(before.consideredRules.find((r: any) => r.key === 'benelux-m-2018-1').reasons).toEqual(['NOT_YET_IN_FORCE']);
    const after = await route('test-nl-associate-degree', 'BE-VLG', { purpose: 'STUDY', asOf: '2018-06-01', lang: 'nl' });
    expect(after).toMatchObject({ route: 'AUTOMATIC_LEVEL_RECOGNITION', lang: 'nl', expectedOutcome: { verdict: 'FULL', basis: 'RULE' } });
    expect(after.appliedRules.map((r: any) => r.key)).toEqual(['benelux-m-2018-1']);
    expect(after.summary).toMatch(/automatisch erkend op grond van Benelux Decision M \(2018\) 1/);
  });

  it('Verpleegkundige (NL, mbo 4) → DE as Pflegefachfrau/Pflegefachmann: automatic professional recognition', async () => {
    const a = await route('nl-mbo-verpleegkundige', 'DE', { p: 'pflegefachperson', asOf: '2025-01-01' });
    expect(a).toMatchObject({
      route: 'AUTOMATIC_PROFESSIONAL_RECOGNITION',
      regulated: true,
      regime: 'SECTORAL_AUTOMATIC',
      referenceQualification: null,
      expectedOutcome: { verdict: 'FULL', binding: true, basis: 'RULE', citation: { kind: 'RULE' } },
    });
    expect(a.appliedRules.map((r: any) => r.key)).toEqual(['dir-2005-36-nurse-general-care-nl-de']);
    // The Verzorgende-IG is not in the PflBG annex: general system instead.
    const vig = await route('nl-mbo-25656-verzorgende-ig', 'DE', { p: 'pflegefachperson', asOf: '2025-01-01' });
    expect(vig.route).toBe('GENERAL_SYSTEM');
  });

  it('mbo Verpleegkundige → DE as nurse-general-care (the profession the nurse rule names, no registry entry): automatic professional recognition', async () => {
    const a = await route('nl-mbo-verpleegkundige', 'DE', { p: 'nurse-general-care', asOf: '2025-01-01' });
    expect(a).toMatchObject({
      route: 'AUTOMATIC_PROFESSIONAL_RECOGNITION',
      profession: 'nurse-general-care',
      assumedProfession: 'nurse-general-care',
      regulated: true,
      regime: 'SECTORAL_AUTOMATIC',
      expectedOutcome: { verdict: 'FULL', binding: true, basis: 'RULE', citation: { kind: 'RULE' } },
      alternatives: [],
    });
    expect(a.appliedRules.map((r: any) => r.key)).toEqual(['dir-2005-36-nurse-general-care-nl-de']);
    // Every rule is accounted for: the general system covers the case too, and says why it is not the route.
    expect(a.consideredRules.find((r: any) => r.key === 'dir-2005-36-general-system').reasons).toEqual(['NOT_USED_FOR_ROUTE']);
    expect([...a.appliedRules, ...a.consideredRules].map((r: any) => r.key).sort()).toEqual((await t.gql('{ recognitionRules(status: "APPROVED") { key } }')).data.recognitionRules.map((r: any) => r.key).sort());
    // Without a profession, the answer for the profession the rule names leads, and says it assumes it.
    const open = await route('nl-mbo-verpleegkundige', 'DE', { asOf: '2025-01-01' });
    expect(open).toMatchObject({ route: 'AUTOMATIC_PROFESSIONAL_RECOGNITION', profession: null, assumedProfession: 'nurse-general-care' });
    expect(open.caveats.join(' ')).toMatch(/No profession was given: this answer assumes Nurse responsible for general care/);
    expect(open.alternatives.map((x: any) => x.assumedProfession)).toEqual([null, 'verpleegkundige']);
  });

  it('Verzorgende-IG → DE-NW as Altenpfleger/in: general system, Bezirksregierung Münster, partial equivalence with compensation citing the comparison', async () => {
    const a = await route('nl-mbo-25656-verzorgende-ig', 'DE-NW', { p: 'altenpfleger', asOf: '2025-01-01', lang: 'de' });
    expect(a).toMatchObject({
      route: 'GENERAL_SYSTEM',
      regulated: true,
      competentAuthority: { name: expect.stringMatching(/Bezirksregierung Münster/), jurisdiction: 'DE-NW' },
      referenceQualification: { id: ids['de-pflbg-altenpfleger'], key: 'de-pflbg-altenpfleger' },
      expectedOutcome: { verdict: 'PARTIAL', binding: false, basis: 'COMPARISON', citation: { kind: 'COMPARISON', binding: false } },
    });
    expect(a.expectedOutcome.summary).toMatch(/Unverbindlich/);
    expect(a.expectedOutcome.compensation.join(' ')).toMatch(/Anpassungslehrgang von etwa \d+ Monaten/);
    expect(a.appliedRules.map((r: any) => r.key)).toEqual(['dir-2005-36-general-system']);
    expect(a.steps[0]).toMatch(/ZAG-PuG/);
    // Route advice is public: the comparison it cites was computed for the answer and not stored.
    expect(a.expectedOutcome.citation.id).toBeNull();
    const expertView = await t.gql(
      'query($h: ID!, $r: ID!) { compareQualifications(holderId: $h, referenceId: $r) { verdict } }',
      { h: ids['nl-mbo-25656-verzorgende-ig'], r: ids['de-pflbg-altenpfleger'] },
      await t.token('expert', { jurisdictions: ['DE'] }),
    );
    expect(expertView.data.compareQualifications.verdict).toBe(a.expectedOutcome.verdict);
  });

  it('Software developer → DE: not regulated, the employer decides, the comparison is offered as information', async () => {
    const a = await route('nl-mbo-software-developer', 'DE', { p: 'software-developer', asOf: '2025-01-01' });
    expect(a).toMatchObject({
      route: 'NOT_REGULATED',
      regulated: false,
      regime: 'NOT_REGULATED',
      referenceQualification: { key: 'de-fiausbv-fachinformatiker-anwendungsentwicklung' },
      expectedOutcome: { binding: false, basis: 'COMPARISON', compensation: [], citation: { kind: 'COMPARISON' } },
    });
    expect(a.summary).toMatch(/employer decides/);
    // The comparison is cited by its reference and date, never by its id.
    const info = a.information.join(' ');
    expect(info).toContain(`From the catalogue: comparison with ${a.referenceQualification.title} of `);
    expect(info).toMatch(/ of \d{4}-\d{2}-\d{2}: (full|partial|no) equivalence \(non-binding, for information\)/);
    expect(a.expectedOutcome.citation.id).toBeNull();
    expect(JSON.stringify([a.summary, a.expectedOutcome.summary, a.information])).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/);
  });

  it('refuses bad input with BAD_USER_INPUT and unknown references with NOT_FOUND', async () => {
    const bad = await t.gql(ROUTE, { q: ids['nl-mbo-software-developer'], d: 'germany', asOf: '2025-13-01' });
    expect(bad.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
    expect(bad.errors![0].message).toMatch(/destination/);
    expect(bad.errors![0].message).toMatch(/asOf/);
    const unknownProfession = await t.gql(ROUTE, { q: ids['nl-mbo-software-developer'], d: 'DE', p: 'astronaut' });
    expect(unknownProfession.errors![0].extensions!.code).toBe('NOT_FOUND');
    const unknownQualification = await t.gql(ROUTE, { q: '00000000-0000-4000-8000-0000000000ff', d: 'DE' });
    expect(unknownQualification.errors![0].extensions!.code).toBe('NOT_FOUND');
  });

  describe('rule lifecycle: draft → approved (second expert) → retired, audited', () => {
    const testRule = {
      key: 'test-level-nl-de',
      title: { en: 'Test rule: automatic level recognition of NL bachelor degrees in DE (fixture)' },
      instrument: { name: 'Test instrument (fixture)' },
      parties: ['NL', 'DE'],
      destinations: ['DE'],
      scope: { eqfLevels: [6], kinds: ['HIGHER_EDUCATION'] },
      effect: 'AUTOMATIC_LEVEL_RECOGNITION',
      validFrom: '2020-01-01',
      sources: [{ url: 'https://example.org/test-fixture', title: 'Test fixture, not a real instrument' }],
      notes: 'Test fixture only.',
    };

    it('the author may not approve (FORBIDDEN); a second expert may; a retired rule applies only before its retirement date', async () => {
      const author = await t.token('expert', { jurisdictions: ['DE'], subject: 'expert-rule-author' });
      const second = await t.token('expert', { jurisdictions: ['DE', 'NL'], subject: 'expert-rule-second' });
      const outsider = await t.token('expert', { jurisdictions: ['BE'], subject: 'expert-be' });

      expect((await t.gql(DRAFT, { d: testRule }, await t.token('employer'))).errors![0].extensions!.code).toBe('FORBIDDEN');
      expect((await t.gql(DRAFT, { d: testRule }, outsider)).errors![0].extensions!.code).toBe('FORBIDDEN');
      // Experts write only rules that take effect in their own jurisdiction: not NL for a DE expert,
      // not the whole of DE for a DE-NW expert, not every party when the rule names no destination.
      const wider = await t.gql(DRAFT, { d: { ...testRule, key: 'test-wider', destinations: ['DE', 'NL'] } }, author);
      expect(wider.errors![0]).toMatchObject({ extensions: { code: 'FORBIDDEN' } });
      expect(wider.errors![0].message).toMatch(/take effect in NL/);
      const land = await t.token('expert', { jurisdictions: ['DE-NW'], subject: 'expert-nrw' });
      expect((await t.gql(DRAFT, { d: { ...testRule, key: 'test-land' } }, land)).errors![0].extensions!.code).toBe('FORBIDDEN');
      expect((await t.gql(DRAFT, { d: { ...testRule, key: 'test-parties', destinations: [] } }, author)).errors![0].extensions!.code).toBe('FORBIDDEN');
      const invalid = await t.gql(DRAFT, { d: { ...testRule, sources: [] } }, author);
      expect(invalid.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
      expect(invalid.errors![0].message).toMatch(/document\.sources/);

      const draft = (await t.gql(DRAFT, { d: testRule }, author)).data.draftRecognitionRule;
      expect(draft).toMatchObject({ key: 'test-level-nl-de', version: 1, status: 'DRAFT', author: 'expert-rule-author', approvedBy: null });
      expect((await t.gql(DRAFT, { d: testRule }, second)).errors![0].extensions!.code).toBe('CONFLICT');

      // A draft never applies.
      const asDraft = await route('nl-hbo-v-bachelor-nursing', 'DE', { purpose: 'STUDY', asOf: '2024-01-01' });
      expect(asDraft.route).toBe('INDIVIDUAL_ASSESSMENT');

      const own = await t.gql(APPROVE, { id: draft.id }, author);
      expect(own.errors![0].extensions!.code).toBe('FORBIDDEN');
      for (const token of [await t.token('employer'), await t.token('admin'), outsider]) {
        expect((await t.gql(APPROVE, { id: draft.id }, token)).errors![0].extensions!.code).toBe('FORBIDDEN');
      }
      const approved = (await t.gql(APPROVE, { id: draft.id }, second)).data.approveRecognitionRule;
      expect(approved).toMatchObject({ status: 'APPROVED', approvedBy: 'expert-rule-second', author: 'expert-rule-author' });
      expect((await t.gql(APPROVE, { id: draft.id }, second)).errors![0].extensions!.code).toBe('CONFLICT');

      const applied = await route('nl-hbo-v-bachelor-nursing', 'DE', { purpose: 'STUDY', asOf: '2024-07-01' });
      expect(applied).toMatchObject({ route: 'AUTOMATIC_LEVEL_RECOGNITION', expectedOutcome: { citation: { id: draft.id } } });

      const badDate = await t.gql(RETIRE, { id: draft.id, on: '2024-02-31' }, author);
      expect(badDate.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
      const retired = (await t.gql(RETIRE, { id: draft.id, on: '2024-06-01' }, author)).data.retireRecognitionRule;
      expect(retired).toMatchObject({ status: 'RETIRED', retiredOn: '2024-06-01', retiredBy: 'expert-rule-author' });
      expect((await t.gql(RETIRE, { id: draft.id, on: '2024-06-01' }, author)).errors![0].extensions!.code).toBe('CONFLICT');

      const afterRetirement = await route('nl-hbo-v-bachelor-nursing', 'DE', { purpose: 'STUDY', asOf: '2024-07-01' });
      expect(afterRetirement.route).toBe('INDIVIDUAL_ASSESSMENT');
      expect(afterRetirement.consideredRules.find((r: any) => r.key === 'test-level-nl-de').reasons).toEqual(['RETIRED']);
      const onTheDay = await route('nl-hbo-v-bachelor-nursing', 'DE', { purpose: 'STUDY', asOf: '2024-06-01' });
      expect(onTheDay.route).toBe('INDIVIDUAL_ASSESSMENT');
      const beforeRetirement = await route('nl-hbo-v-bachelor-nursing', 'DE', { purpose: 'STUDY', asOf: '2024-05-31' });
      expect(beforeRetirement).toMatchObject({ route: 'AUTOMATIC_LEVEL_RECOGNITION', appliedRules: [{ key: 'test-level-nl-de', version: 1 }] });

      // A new version is a new draft with the next version number.
      const v2 = (await t.gql(DRAFT, { d: { ...testRule, validFrom: '2025-01-01' } }, second)).data.draftRecognitionRule;
      expect(v2).toMatchObject({ version: 2, status: 'DRAFT', author: 'expert-rule-second' });

      const log = await t.dataSource.query(`SELECT action, actor FROM audit_log WHERE entity_type = 'recognition-rule' AND entity_id = ANY($1) ORDER BY id`, [[draft.id, v2.id]]);
      expect(log).toEqual([
        { action: 'recognition-rule.draft', actor: 'expert-rule-author' },
        { action: 'recognition-rule.approve', actor: 'expert-rule-second' },
        { action: 'recognition-rule.retire', actor: 'expert-rule-author' },
        { action: 'recognition-rule.draft', actor: 'expert-rule-second' },
      ]);
    });
  });

  it('registry changes need an expert of the jurisdiction and are audited', async () => {
    const UPSERT = `mutation($d: RegulatedProfessionInput!) { upsertRegulatedProfession(document: $d) { id jurisdiction regime competentAuthority { name } } }`;
    const entry = {
      profession: 'software-developer',
      jurisdiction: 'BE-VLG',
      regulated: null,
      regime: 'NOT_REGULATED',
      sources: [{ url: 'https://example.org/test-fixture', title: 'Test fixture' }],
      notes: 'Test fixture.',
    };
    expect((await t.gql(UPSERT, { d: entry }, await t.token('expert', { jurisdictions: ['DE'] }))).errors![0].extensions!.code).toBe('FORBIDDEN');
    const bad = await t.gql(UPSERT, { d: { ...entry, profession: 'astronaut' } }, await t.token('expert', { jurisdictions: ['BE'] }));
    expect(bad.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
    const ok = await t.gql(UPSERT, { d: entry }, await t.token('expert', { jurisdictions: ['BE'], subject: 'expert-be-registry' }));
    expect(ok.data.upsertRegulatedProfession).toMatchObject({ jurisdiction: 'BE-VLG', regime: 'NOT_REGULATED' });
    const log = await t.dataSource.query(`SELECT action, actor FROM audit_log WHERE entity_type = 'regulated-profession' AND entity_id = $1`, [ok.data.upsertRegulatedProfession.id]);
    expect(log).toEqual([{ action: 'regulated-profession.create', actor: 'expert-be-registry' }]);
    const a = await route('nl-mbo-software-developer', 'BE-VLG', { p: 'software-developer', asOf: '2025-01-01' });
    expect(a.route).toBe('NOT_REGULATED');
  });

  it('cites a published expert decision, binding, once one exists for the destination (and not before its publication)', async () => {
    const vig = ids['nl-mbo-25656-verzorgende-ig'];
    const alt = ids['de-pflbg-altenpfleger'];
    const author = await t.token('expert', { jurisdictions: ['DE'], subject: 'expert-decision-author' });
    const reportId = (await t.gql('query($h: ID!, $r: ID!) { compareQualifications(holderId: $h, referenceId: $r) { id } }', { h: vig, r: alt }, author)).data.compareQualifications.id;
    const second = await t.token('expert', { jurisdictions: ['DE'], subject: 'expert-decision-second' });
    const input = { verdict: 'PARTIAL', rationale: 'Level gap and autonomy; adaptation period offered.', compensation: ['Anpassungslehrgang 12 Monate'] };
    const draft = (await t.gql('mutation($r: ID!, $i: DecisionInput!) { createDecision(reportId: $r, input: $i) { id } }', { r: reportId, i: input }, author)).data.createDecision;
    await t.gql('mutation($id: ID!) { approveDecision(id: $id) { id } }', { id: draft.id }, second);
    const published = await t.gql('mutation($id: ID!) { publishDecision(id: $id) { status } }', { id: draft.id }, author);
    expect(published.data.publishDecision.status).toBe('PUBLISHED');

    const today = new Date().toISOString().slice(0, 10);
    const a = await route('nl-mbo-25656-verzorgende-ig', 'DE-NW', { p: 'altenpfleger', asOf: today });
    expect(a.expectedOutcome).toMatchObject({ verdict: 'PARTIAL', binding: true, basis: 'DECISION', citation: { kind: 'DECISION', id: draft.id, binding: true } });
    expect(a.expectedOutcome.compensation[0]).toBe('Anpassungslehrgang 12 Monate');
    const earlier = await route('nl-mbo-25656-verzorgende-ig', 'DE-NW', { p: 'altenpfleger', asOf: '2025-01-01' });
    expect(earlier.expectedOutcome).toMatchObject({ basis: 'COMPARISON', binding: false });

    // Without a profession: the decision on the pair is found (taken for DE, it covers DE-NW) and cited by title and date.
    const decision = (await t.gql('query($id: ID!) { decision(id: $id) { publishedAt destinationJurisdiction } }', { id: draft.id })).data.decision;
    const publishedOn = new Date(decision.publishedAt).toISOString().slice(0, 10);
    const titles = (await t.gql('{ qualifications(first: 50) { edges { node { key titles { en } } } } }')).data.qualifications.edges;
    const title = (key: string) => titles.find((e: any) => e.node.key === key).node.titles.en;
    const open = await route('nl-mbo-25656-verzorgende-ig', 'DE-NW', { asOf: today });
    expect(open).toMatchObject({
      route: 'GENERAL_SYSTEM',
      profession: null,
      assumedProfession: 'altenpfleger',
      referenceQualification: { id: alt },
      expectedOutcome: { verdict: 'PARTIAL', binding: true, basis: 'DECISION', citation: { kind: 'DECISION', id: draft.id, binding: true } },
    });
    const label = `“${title('nl-mbo-25656-verzorgende-ig')} compared with ${title('de-pflbg-altenpfleger')} (${decision.destinationJurisdiction})” of ${publishedOn}`;
    expect(open.expectedOutcome.citation.label).toBe(label);
    expect(open.expectedOutcome.summary).toBe(`Expected outcome: partial equivalence, based on the published expert decision ${label}.`);
    expect(open.caveats[0]).toMatch(/No profession was given: this answer assumes Geriatric nurse \(Altenpfleger\/in\)/);
    expect(JSON.stringify(open).split(draft.id).length - 1).toBe(1); // only in citation.id, never in a text
    const texts = [open.summary, open.expectedOutcome.summary, ...open.expectedOutcome.compensation, ...open.steps, ...open.information, ...open.caveats];
    expect(texts.flatMap(repeatedWords)).toEqual([]);
    // The other answers: none assumed, and the profession the qualification names; each says which.
    expect(open.alternatives.map((x: any) => [x.assumedProfession, x.route, x.profession])).toEqual([
      [null, 'INDIVIDUAL_ASSESSMENT', null],
      ['verzorgende-ig', 'UNKNOWN_REGULATION', null],
    ]);
    expect(open.alternatives[1].caveats[0]).toMatch(/assumes .*Verzorgende-IG.*which the qualification names/);
    // German: the same decision, cited in German.
    const de = await route('nl-mbo-25656-verzorgende-ig', 'DE-NW', { asOf: today, lang: 'de' });
    expect(de.expectedOutcome.summary).toMatch(new RegExp(`gestützt auf die veröffentlichte Expertenentscheidung „.* im Vergleich mit Altenpfleger/in \\(DE\\)“ vom ${publishedOn}\\.$`));
    // Before publication, no decision: the answer assuming no profession leads.
    const before = await route('nl-mbo-25656-verzorgende-ig', 'DE-NW', { asOf: '2025-01-01' });
    expect(before).toMatchObject({ route: 'INDIVIDUAL_ASSESSMENT', assumedProfession: null, expectedOutcome: { basis: 'NONE' } });
  });
});
