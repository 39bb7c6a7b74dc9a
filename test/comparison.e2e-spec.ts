import { startTestApp, TestApp } from './support/test-app';

const COMPARE = `query($h: ID!, $r: ID!, $p: ID, $e: [ExperienceEvidenceInput!], $lang: Language) {
  compareQualifications(holderId: $h, referenceId: $r, policyId: $p, evidence: $e, lang: $lang) {
    id verdict coverage eqfGap reasons policyKey policyVersion engineVersion lang
    differences { id kind substantial compensated dimension unitKey missingOutcomes message }
    compensation { adaptationPeriod { months hours estimate } aptitudeTestTopics }
    dimensions { dimension coverage }
    explanation { rule legalBasis }
    report
  }
}`;
const DECISION_FIELDS = 'id seriesId version status author approvedBy supersedesId supersededById verdict';
const CREATE = `mutation($r: ID!, $i: DecisionInput!) { createDecision(reportId: $r, input: $i) { ${DECISION_FIELDS} } }`;
const APPROVE = `mutation($id: ID!) { approveDecision(id: $id) { ${DECISION_FIELDS} } }`;
const PUBLISH = `mutation($id: ID!) { publishDecision(id: $id) { ${DECISION_FIELDS} } }`;
const REVISE = `mutation($id: ID!, $i: DecisionInput!) { reviseDecision(id: $id, input: $i) { ${DECISION_FIELDS} } }`;

describe('comparison engine through GraphQL', () => {
  let t: TestApp;
  let ids: Record<string, string>;
  const VIG = 'nl-mbo-25656-verzorgende-ig';
  const ALT = 'de-altpflg-altenpfleger';

  beforeAll(async () => {
    t = await startTestApp();
    const list = await t.gql('{ qualifications(first: 50) { edges { node { id key } } } }');
    ids = Object.fromEntries(list.data.qualifications.edges.map((e: any) => [e.node.key, e.node.id]));
  });
  afterAll(async () => t?.close());

  const compare = (h: string, r: string, extra: Record<string, unknown> = {}) => t.gql(COMPARE, { h: ids[h], r: ids[r], ...extra });

  it('compares Verzorgende-IG with Altenpfleger/in: PARTIAL, level gap and autonomy named, compensation, stored and readable', async () => {
    const res = await compare(VIG, ALT, { lang: 'de' });
    expect(res.errors).toBeUndefined();
    const c = res.data.compareQualifications;
    expect(c).toMatchObject({ verdict: 'PARTIAL', eqfGap: 1, policyKey: 'default', policyVersion: 1, engineVersion: '1.0.0', lang: 'de', reasons: [] });
    expect(c.differences.map((d: any) => d.id)).toEqual(expect.arrayContaining(['LEVEL', 'DIMENSION:RESPONSIBILITY_AUTONOMY']));
    expect(c.compensation.adaptationPeriod.months).toBeGreaterThan(0);
    expect(c.compensation.aptitudeTestTopics[0]).toMatch(/Verantwortung und Selbstständigkeit/);
    expect(c.explanation.some((e: any) => /BQFG §4\(2\)/.test(e.legalBasis ?? ''))).toBe(true);

    const again = await compare(VIG, ALT, { lang: 'de' });
    expect(again.data.compareQualifications.id).toBe(c.id); // same inputs, same stored report
    expect(JSON.stringify(again.data.compareQualifications.report)).toBe(JSON.stringify(c.report));
    const stored = await t.gql('query($id: ID!) { comparison(id: $id) { id verdict report } }', { id: c.id });
    expect(stored.data.comparison).toMatchObject({ id: c.id, verdict: 'PARTIAL' });
  });

  it('refuses bad input with BAD_USER_INPUT naming the field, and unknown ids with NOT_FOUND', async () => {
    const bad = await t.gql(COMPARE, { h: 'nope', r: ids[ALT] });
    expect(bad.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
    expect(bad.errors![0].message).toMatch(/holderId/);
    const ev = await compare(VIG, ALT, { e: [{ escoSkills: ['not-a-uri'], years: 2 }] });
    expect(ev.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
    expect(ev.errors![0].message).toMatch(/evidence\[0\]\.escoSkills\[0\]/);
    const missing = await t.gql(COMPARE, { h: ids[VIG], r: '00000000-0000-4000-8000-0000000000ff' });
    expect(missing.errors![0].extensions!.code).toBe('NOT_FOUND');
  });

  it('uses expert outcome mappings first; mapping changes are audited and need an expert of the reference jurisdiction', async () => {
    const SET = `mutation($i: OutcomeMappingInput!) { setOutcomeMapping(input: $i) { id status note } }`;
    const input = {
      holderQualificationId: ids[VIG],
      holderOutcome: { unitKey: 'kt1', outcomeKey: 'kt1-o4' },
      referenceQualificationId: ids[ALT],
      referenceOutcome: { unitKey: 'praxis', outcomeKey: 'praxis-o4' },
      status: 'ASSERTED',
      note: 'Independent care within the care file corresponds (expert panel).',
    };
    const nl = await t.gql(SET, { i: input }, await t.token('expert', { jurisdictions: ['NL'] }));
    expect(nl.errors![0].extensions!.code).toBe('FORBIDDEN');
    const employer = await t.gql(SET, { i: input }, await t.token('employer'));
    expect(employer.errors![0].extensions!.code).toBe('FORBIDDEN');
    const wrongKey = await t.gql(SET, { i: { ...input, referenceOutcome: { unitKey: 'praxis', outcomeKey: 'praxis-o99' } } }, await t.token('expert', { jurisdictions: ['DE'] }));
    expect(wrongKey.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
    expect(wrongKey.errors![0].message).toMatch(/input\.referenceOutcome\.outcomeKey/);

    const de = await t.gql(SET, { i: input }, await t.token('expert', { jurisdictions: ['DE'], subject: 'expert-mapper' }));
    expect(de.errors).toBeUndefined();
    const c = (await compare(VIG, ALT)).data.compareQualifications;
    const o4 = c.report.units[1].outcomes.find((o: any) => o.outcomeKey === 'praxis-o4');
    expect(o4.matches[0]).toMatchObject({ evidence: 'EXPERT_MAPPING', holderOutcomeKey: 'kt1-o4', score: 1 });
    const audit = await t.gql(`query($id: String!) { auditLog(entityType: "outcome-mapping", entityId: $id) { edges { node { action actor } } } }`, { id: de.data.setOutcomeMapping.id }, await t.token('admin'));
    if (!audit.errors) expect(JSON.stringify(audit.data)).toMatch(/outcome-mapping\.create/);
    else {
      const rows = await t.dataSource.query(`SELECT action, actor FROM audit_log WHERE entity_type = 'outcome-mapping'`);
      expect(rows).toEqual([{ action: 'outcome-mapping.create', actor: 'expert-mapper' }]);
    }
  });

  it('keeps policies as versions; only experts may add one', async () => {
    const SAVE = `mutation($k: String!, $p: JSON!) { saveComparisonPolicy(key: $k, params: $p) { id key version params } }`;
    const denied = await t.gql(SAVE, { k: 'care', p: {} }, await t.token('employer'));
    expect(denied.errors![0].extensions!.code).toBe('FORBIDDEN');
    const bad = await t.gql(SAVE, { k: 'care', p: { unitCoverageThreshold: 3 } }, await t.token('expert', { jurisdictions: ['DE'] }));
    expect(bad.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
    expect(bad.errors![0].message).toMatch(/params\.unitCoverageThreshold/);
    const expert = await t.token('expert', { jurisdictions: ['DE'] });
    const v1 = (await t.gql(SAVE, { k: 'care', p: { unitCoverageThreshold: 0.5 } }, expert)).data.saveComparisonPolicy;
    const v2 = (await t.gql(SAVE, { k: 'care', p: { unitCoverageThreshold: 0.4 } }, expert)).data.saveComparisonPolicy;
    expect([v1.version, v2.version]).toEqual([1, 2]);
    const c = (await compare(VIG, ALT, { p: v1.id })).data.compareQualifications;
    expect(c).toMatchObject({ policyKey: 'care', policyVersion: 1 });
  });

  it('runs the decision lifecycle: author cannot approve, non-experts cannot act, superseded versions stay readable', async () => {
    const reportId = (await compare(VIG, ALT)).data.compareQualifications.id;
    const author = await t.token('expert', { jurisdictions: ['DE'], subject: 'expert-author' });
    const second = await t.token('expert', { jurisdictions: ['DE-NW', 'DE'], subject: 'expert-second' });
    const nlExpert = await t.token('expert', { jurisdictions: ['NL'], subject: 'expert-nl' });
    const input = { verdict: 'PARTIAL', rationale: 'Level gap and autonomy; adaptation period offered.', compensation: ['Anpassungslehrgang 12 Monate'] };

    const denied = await t.gql(CREATE, { r: reportId, i: input }, await t.token('employer'));
    expect(denied.errors![0].extensions!.code).toBe('FORBIDDEN');
    const empty = await t.gql(CREATE, { r: reportId, i: { ...input, rationale: ' ' } }, author);
    expect(empty.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
    expect(empty.errors![0].message).toMatch(/input\.rationale/);

    const draft = (await t.gql(CREATE, { r: reportId, i: input }, author)).data.createDecision;
    expect(draft).toMatchObject({ status: 'DRAFT', version: 1, author: 'expert-author' });

    const own = await t.gql(APPROVE, { id: draft.id }, author);
    expect(own.errors![0].extensions!.code).toBe('FORBIDDEN');
    for (const token of [await t.token('employer'), await t.token('school', { institution: 'roc-x' }), nlExpert]) {
      const r = await t.gql(APPROVE, { id: draft.id }, token);
      expect(r.errors![0].extensions!.code).toBe('FORBIDDEN');
    }
    const early = await t.gql(PUBLISH, { id: draft.id }, author);
    expect(early.errors![0].extensions!.code).toBe('CONFLICT');

    const approved = (await t.gql(APPROVE, { id: draft.id }, second)).data.approveDecision;
    expect(approved).toMatchObject({ status: 'APPROVED', approvedBy: 'expert-second' });
    const published = (await t.gql(PUBLISH, { id: draft.id }, author)).data.publishDecision;
    expect(published.status).toBe('PUBLISHED');

    const v2 = (await t.gql(REVISE, { id: draft.id, i: { ...input, rationale: 'Revised after new evidence.' } }, second)).data.reviseDecision;
    expect(v2).toMatchObject({ status: 'DRAFT', version: 2, seriesId: draft.seriesId, supersedesId: draft.id, author: 'expert-second' });
    const selfApprove = await t.gql(APPROVE, { id: v2.id }, second);
    expect(selfApprove.errors![0].extensions!.code).toBe('FORBIDDEN');
    await t.gql(APPROVE, { id: v2.id }, author);
    const p2 = (await t.gql(PUBLISH, { id: v2.id }, second)).data.publishDecision;
    expect(p2.status).toBe('PUBLISHED');

    const old = (await t.gql(`query($id: ID!) { decision(id: $id) { ${DECISION_FIELDS} rationale } }`, { id: draft.id })).data.decision;
    expect(old).toMatchObject({ status: 'SUPERSEDED', supersededById: v2.id, rationale: input.rationale });
    const current = await t.gql(`query($f: DecisionFilterInput) { decisions(filter: $f) { totalCount edges { node { id status version } } } }`, { f: { seriesId: draft.seriesId } });
    expect(current.data.decisions.edges.map((e: any) => e.node.id)).toEqual([v2.id]);
    const history = await t.gql(`query($f: DecisionFilterInput) { decisions(filter: $f) { totalCount edges { node { id status version } } } }`, { f: { seriesId: draft.seriesId, includeSuperseded: true } });
    expect(history.data.decisions.totalCount).toBe(2);
  });

  it('ranks nearest equivalents in the destination, and sees catalogue changes', async () => {
    const Q = `query($q: ID!, $d: String!, $k: Int!) { nearestEquivalents(qualificationId: $q, destination: $d, k: $k) { key jurisdiction score sharedSkills reason eqfLevel } }`;
    const r = await t.gql(Q, { q: ids['nl-mbo-software-developer'], d: 'DE', k: 3 });
    expect(r.errors).toBeUndefined();
    expect(r.data.nearestEquivalents[0].key).toBe('de-fiausbv-fachinformatiker-anwendungsentwicklung');
    expect(r.data.nearestEquivalents.every((h: any) => h.jurisdiction.startsWith('DE'))).toBe(true);
    expect(r.data.nearestEquivalents[0].reason).toMatch(/shared ESCO skill/);
    const care = await t.gql(Q, { q: ids[VIG], d: 'DE', k: 5 });
    expect(care.data.nearestEquivalents.map((h: any) => h.key).slice(0, 2)).toEqual(expect.arrayContaining([ALT]));
    const bad = await t.gql(Q, { q: ids[VIG], d: 'germany', k: 5 });
    expect(bad.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
    expect(bad.errors![0].message).toMatch(/destination/);

    // Retire the Fachinformatiker: the index notices.
    const admin = await t.token('admin');
    await t.gql('mutation($id: ID!) { retireQualification(id: $id, reason: "test") { id } }', { id: ids['de-fiausbv-fachinformatiker-anwendungsentwicklung'] }, admin);
    const after = await t.gql(Q, { q: ids['nl-mbo-software-developer'], d: 'DE', k: 3 });
    expect(after.data.nearestEquivalents.map((h: any) => h.key)).not.toContain('de-fiausbv-fachinformatiker-anwendungsentwicklung');
  });
});
