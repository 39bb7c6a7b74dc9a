import { VERIFY } from './support/credentials-fixture';
import { startTestApp, TestApp } from './support/test-app';

const ISSUE = `mutation($r: IssueRecognitionStatementInput!) { issueRecognitionStatement(request: $r) { id type status created credential } }`;
const DECISION = 'id status verdict';

describe('recognition statements: a published expert decision as a signed credential', () => {
  let t: TestApp;
  let expertA: string;
  let expertB: string;
  let publishedId: string;
  let draftId: string;

  beforeAll(async () => {
    t = await startTestApp();
    const admin = await t.token('admin');
    for (const [id, name, j, type] of [
      ['bezreg-muenster', 'Bezirksregierung Münster (ZAG-PuG)', 'DE-NW', 'AUTHORITY'],
      ['roc-school', 'ROC school', 'NL', 'SCHOOL'],
    ]) {
      const r = await t.gql('mutation($id: String!, $n: String!, $j: String!, $t: String!) { registerInstitution(id: $id, name: $n, jurisdiction: $j, type: $t) { id } }', { id, n: name, j, t: type }, admin);
      if (r.errors) throw new Error(JSON.stringify(r.errors));
    }
    const ids = Object.fromEntries((await t.gql('{ qualifications(first: 50) { edges { node { id key } } } }')).data.qualifications.edges.map((e: any) => [e.node.key, e.node.id]));
    expertA = await t.token('expert', { jurisdictions: ['DE'], subject: 'expert-a' });
    // An expert's comparison is stored, so a decision can be drafted from it.
    const report = await t.gql('query($h: ID!, $r: ID!) { compareQualifications(holderId: $h, referenceId: $r) { id } }', { h: ids['nl-mbo-25656-verzorgende-ig'], r: ids['de-altpflg-altenpfleger'] }, expertA);
    expertB = await t.token('expert', { jurisdictions: ['DE'], subject: 'expert-b' });
    const input = { verdict: 'PARTIAL', rationale: 'Level gap (EQF 3 against 4) and autonomy; adaptation period or aptitude test.', compensation: ['Anpassungslehrgang', 'Eignungsprüfung'] };
    const create = async () => (await t.gql(`mutation($r: ID!, $i: DecisionInput!) { createDecision(reportId: $r, input: $i) { ${DECISION} } }`, { r: report.data.compareQualifications.id, i: input }, expertA)).data.createDecision;
    const published = await create();
    await t.gql(`mutation($id: ID!) { approveDecision(id: $id) { ${DECISION} } }`, { id: published.id }, expertB);
    const p = await t.gql(`mutation($id: ID!) { publishDecision(id: $id) { ${DECISION} } }`, { id: published.id }, expertA);
    expect(p.data.publishDecision.status).toBe('PUBLISHED');
    publishedId = published.id;
    draftId = (await create()).id;
  });
  afterAll(async () => t?.close());

  const request = (over: Record<string, unknown> = {}) => ({
    idempotencyKey: `statement-${Math.random().toString(36).slice(2)}`,
    authority: 'bezreg-muenster',
    decisionId: publishedId,
    learner: { givenName: 'Sanne', familyName: 'de Vries', dateOfBirth: '1999-02-01' },
    ...over,
  });

  it('issues a statement that verifies like any other credential and carries the decision', async () => {
    const r = await t.gql(ISSUE, { r: request() }, expertB);
    expect(r.errors).toBeUndefined();
    const vc = r.data.issueRecognitionStatement.credential;
    expect(vc.type).toEqual(['VerifiableCredential', 'RecognitionStatementCredential']);
    expect(vc.credentialSubject.hasClaim).toMatchObject({
      type: 'RecognitionStatement',
      decision: `urn:recognition:decision:${publishedId}`,
      verdict: 'PARTIAL',
      destinationJurisdiction: 'DE',
      holderQualification: 'urn:recognition:qualification:nl-mbo-25656-verzorgende-ig',
      referenceQualification: 'urn:recognition:qualification:de-altpflg-altenpfleger',
      compensationMeasure: ['Anpassungslehrgang', 'Eignungsprüfung'],
    });
    const v = (await t.gql(VERIFY, { c: vc })).data.verifyCredential;
    expect(v.checks.filter((c: any) => c.status === 'FAIL')).toEqual([]);
    expect(v).toMatchObject({ valid: true, trusted: true, authentic: true });
    expect(v.checks.find((c: any) => c.check === 'ACCREDITATION')).toMatchObject({ status: 'SKIP', reason: 'NOT_APPLICABLE' });

    const forged = structuredClone(vc);
    forged.credentialSubject.hasClaim.verdict = 'FULL';
    const fv = (await t.gql(VERIFY, { c: forged })).data.verifyCredential;
    expect(fv.valid).toBe(false);
    expect(fv.checks.find((c: any) => c.check === 'PROOF').reason).toBe('SIGNATURE_INVALID');
  });

  it('refuses an unpublished decision, a non-authority issuer, experts of other jurisdictions and schools', async () => {
    const draft = await t.gql(ISSUE, { r: request({ decisionId: draftId }) }, expertB);
    expect(draft.errors![0].extensions!.code).toBe('CONFLICT');
    expect(draft.errors![0].message).toMatch(/only a published decision/);
    const school = await t.gql(ISSUE, { r: request({ authority: 'roc-school' }) }, expertB);
    expect(school.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
    expect(school.errors![0].message).toMatch(/request\.authority: "roc-school" is a SCHOOL, not an AUTHORITY/);
    const nl = await t.gql(ISSUE, { r: request() }, await t.token('expert', { jurisdictions: ['NL'] }));
    expect(nl.errors![0].extensions!.code).toBe('FORBIDDEN');
    const bySchool = await t.gql(ISSUE, { r: request() }, await t.token('school', { institution: 'roc-school' }));
    expect(bySchool.errors![0].extensions!.code).toBe('FORBIDDEN');
    const unknown = await t.gql(ISSUE, { r: request({ decisionId: '00000000-0000-4000-8000-000000000000' }) }, expertB);
    expect(unknown.errors![0].message).toMatch(/request\.decisionId: unknown decision/);
    const [c] = await t.dataSource.query("SELECT count(*)::int AS n FROM issued_credential WHERE type = 'RecognitionStatementCredential'");
    expect(c.n).toBe(1);
  });
});
