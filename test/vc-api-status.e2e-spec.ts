import { postJson } from './support/http';
import { startTestApp, TestApp } from './support/test-app';

const REGISTER = `mutation($id: String!) { registerInstitution(id: $id, name: "Status School", jurisdiction: "NL", type: "SCHOOL", didMethod: "key") { did } }`;
const ALLOW = `mutation($id: String!) { setInstitutionGenericCredentials(institutionId: $id, allowed: true) { id } }`;

/** VC-API update status: the school names its credential by the id it wrote into it. */
describe('VC-API POST /credentials/status', () => {
  let t: TestApp;
  const post = (path: string, body: unknown, token?: string) => postJson(t.baseUrl, path, body, token);
  const statusOf = async (vc: unknown) => {
    const r = await post('/credentials/verify', { verifiableCredential: vc });
    return { status: r.status, errors: (r.body.errors ?? []).join('\n') as string };
  };

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => t?.close());

  it('suspends, reinstates and revokes a credential by its own id; refuses other schools, anonymous calls and bad bodies', async () => {
    const admin = await t.token('admin', { subject: 'admin-status' });
    const schools: Record<string, { did: string; token: string }> = {};
    for (const id of ['status-school', 'status-other']) {
      const reg = await t.gql(REGISTER, { id }, admin);
      expect(reg.errors).toBeUndefined();
      expect((await t.gql(ALLOW, { id }, admin)).errors).toBeUndefined();
      schools[id] = { did: reg.data.registerInstitution.did, token: await t.token('school', { institution: id, subject: `registrar-${id}` }) };
    }
    const { did, token } = schools['status-school'];
    const credentialId = 'https://status-school.example/credentials/3732';
    const credential = {
      '@context': ['https://www.w3.org/ns/credentials/v2'],
      id: credentialId,
      type: ['VerifiableCredential'],
      issuer: did,
      credentialSubject: { id: 'did:example:learner-7' },
    };
    const issued = await post('/credentials/issue', { credential, options: { credentialStatus: { type: 'BitstringStatusListEntry', statusPurpose: ['revocation', 'suspension'] } } }, token);
    expect(issued.status).toBe(201);
    const vc = issued.body.verifiableCredential;
    expect(vc.id).toBe(credentialId);
    expect((await statusOf(vc)).status).toBe(200);
    // Each entry points to what its bit means, on a page the service serves.
    const refs = [...new Set(vc.credentialStatus.map((e: any) => e.statusReference))] as string[];
    expect(refs).toHaveLength(1);
    expect(new URL(refs[0]).pathname).toBe('/status-policy');
    const page = await fetch(`${t.baseUrl}/status-policy`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toMatch(/default-src 'none'/);
    const html = await page.text();
    expect(html).toMatch(/Revocation is final/);
    expect(html).toMatch(/<section lang="nl">[\s\S]*Intrekking is definitief/);
    expect(html).toMatch(/<section lang="de">[\s\S]*Der Widerruf ist endgültig/);

    const set = (purpose: string, status?: boolean, as = token, id = credentialId) =>
      post('/credentials/status', { credentialId: id, credentialStatus: { type: 'BitstringStatusListEntry', statusPurpose: purpose, ...(status === undefined ? {} : { status }) } }, as);

    // Nobody else touches it: anonymous, another school, an unknown id, a malformed body.
    expect((await set('suspension', true, '')).status).toBe(401);
    const foreign = await set('suspension', true, schools['status-other'].token);
    expect(foreign.status).toBe(404);
    expect((await set('suspension', true, token, 'https://status-school.example/credentials/none')).status).toBe(404);
    const bad = await post('/credentials/status', { credentialId, credentialStatus: { type: 'StatusList2021Entry', statusPurpose: 'suspension' } }, token);
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toMatch(/credentialStatus/);
    expect((await statusOf(vc)).status).toBe(200);

    const suspended = await set('suspension');
    expect(suspended.status).toBe(200);
    expect(suspended.body).toMatchObject({ credentialId, status: 'SUSPENDED' });
    expect((await statusOf(vc)).errors).toMatch(/STATUS: SUSPENDED/);
    expect((await set('suspension', false)).body.status).toBe('ACTIVE');
    expect((await statusOf(vc)).status).toBe(200);

    expect((await set('revocation')).body.status).toBe('REVOKED');
    expect((await statusOf(vc)).errors).toMatch(/STATUS: REVOKED/);
    const undo = await set('revocation', false);
    expect(undo.status).toBe(400);
    expect(JSON.stringify(undo.body)).toMatch(/revocation is final/);

    // The change is audited like the GraphQL mutations.
    const audit = await t.gql('{ auditLog(first: 50, entityType: "credential") { edges { node { action actor } } } }', undefined, admin);
    const actions = (audit.data?.auditLog.edges ?? []).map((e: any) => e.node.action);
    expect(actions).toEqual(expect.arrayContaining(['credential.suspend', 'credential.reinstate', 'credential.revoke']));
  });

  it('asks for the service id when a school gave two credentials the same id', async () => {
    const admin = await t.token('admin', { subject: 'admin-status-2' });
    const reg = await t.gql(REGISTER, { id: 'status-twice' }, admin);
    await t.gql(ALLOW, { id: 'status-twice' }, admin);
    const token = await t.token('school', { institution: 'status-twice', subject: 'registrar-twice' });
    const credential = { '@context': ['https://www.w3.org/ns/credentials/v2'], id: 'urn:example:same', type: ['VerifiableCredential'], issuer: reg.data.registerInstitution.did, credentialSubject: { id: 'did:example:x' } };
    for (let i = 0; i < 2; i++) expect((await post('/credentials/issue', { credential }, token)).status).toBe(201);
    const r = await post('/credentials/status', { credentialId: 'urn:example:same', credentialStatus: { type: 'BitstringStatusListEntry', statusPurpose: 'revocation' } }, token);
    expect(r.status).toBe(409);
    expect(JSON.stringify(r.body)).toMatch(/several credentials carry the id/);
  });
});
