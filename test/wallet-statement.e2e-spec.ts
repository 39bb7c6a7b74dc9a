import { startTestApp, TestApp } from './support/test-app';
import { TestWallet } from './support/test-wallet';

const OFFER = `mutation($id: ID!) { createCredentialOffer(credentialId: $id) { offerUri txCode configurationIds } }`;

describe('OpenID4VCI: a recognition statement is offered by the authority\'s expert', () => {
  let t: TestApp;
  let statementId: string;
  let expertDe: string;

  beforeAll(async () => {
    t = await startTestApp();
    const admin = await t.token('admin');
    const reg = await t.gql('mutation { registerInstitution(id: "bezreg-muenster", name: "Bezirksregierung Münster", jurisdiction: "DE-NW", type: "AUTHORITY") { id } }', {}, admin);
    if (reg.errors) throw new Error(JSON.stringify(reg.errors));
    const ids = Object.fromEntries((await t.gql('{ qualifications(first: 50) { edges { node { id key } } } }')).data.qualifications.edges.map((e: any) => [e.node.key, e.node.id]));
    expertDe = await t.token('expert', { jurisdictions: ['DE'], subject: 'expert-a' });
    const expertB = await t.token('expert', { jurisdictions: ['DE'], subject: 'expert-b' });
    const report = await t.gql('query($h: ID!, $r: ID!) { compareQualifications(holderId: $h, referenceId: $r) { id } }', { h: ids['nl-mbo-25656-verzorgende-ig'], r: ids['de-altpflg-altenpfleger'] }, expertDe);
    const d = (await t.gql('mutation($r: ID!) { createDecision(reportId: $r, input: { verdict: "PARTIAL", rationale: "Wallet test: partial equivalence with compensation." }) { id } }', { r: report.data.compareQualifications.id }, expertDe)).data.createDecision;
    await t.gql('mutation($id: ID!) { approveDecision(id: $id) { id } }', { id: d.id }, expertB);
    await t.gql('mutation($id: ID!) { publishDecision(id: $id) { id } }', { id: d.id }, expertDe);
    const s = await t.gql('mutation($r: IssueRecognitionStatementInput!) { issueRecognitionStatement(request: $r) { id } }', { r: { idempotencyKey: 'wallet-statement-1', authority: 'bezreg-muenster', decisionId: d.id, learner: { givenName: 'Sanne', familyName: 'de Vries' } } }, expertB);
    if (s.errors) throw new Error(JSON.stringify(s.errors));
    statementId = s.data.issueRecognitionStatement.id;
  });
  afterAll(async () => t?.close());

  it('an expert of DE offers it; an expert of NL, a school token of another institution and an employer may not; the wallet receives it as jwt_vc_json', async () => {
    const nl = await t.gql(OFFER, { id: statementId }, await t.token('expert', { jurisdictions: ['NL'] }));
    expect(nl.errors![0].extensions!.code).toBe('FORBIDDEN');
    const school = await t.gql(OFFER, { id: statementId }, await t.token('school', { institution: 'roc-elsewhere' }));
    expect(school.errors![0].extensions!.code).toBe('FORBIDDEN');
    const employer = await t.gql(OFFER, { id: statementId }, await t.token('employer'));
    expect(employer.errors![0].extensions!.code).toBe('FORBIDDEN');

    const r = await t.gql(OFFER, { id: statementId }, expertDe);
    expect(r.errors).toBeUndefined();
    const o = r.data.createCredentialOffer;
    expect(o.configurationIds.sort()).toEqual(['recognition_statement_jwt_vc_json', 'recognition_statement_ldp_vc']);
    const issuerUrl = ((await (await fetch(`${t.baseUrl}/.well-known/openid-credential-issuer`)).json()) as any).credential_issuer;
    const wallet = await TestWallet.create({ from: issuerUrl, to: t.baseUrl });
    const tok = await wallet.token(o.offerUri, o.txCode);
    const c = await wallet.credential({ metadata: (tok as any).metadata, accessToken: tok.ok!.access_token, nonce: tok.ok!.c_nonce as string, configurationId: 'recognition_statement_jwt_vc_json', asDid: true });
    const vc = JSON.parse(Buffer.from((c.ok!.credentials![0].credential as string).split('.')[1], 'base64url').toString('utf8'));
    expect(vc).toMatchObject({ id: statementId, type: ['VerifiableCredential', 'RecognitionStatementCredential'], credentialSubject: { id: wallet.didJwk } });
  });
});
