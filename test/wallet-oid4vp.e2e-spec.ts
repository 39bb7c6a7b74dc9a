import { generateKeyPair } from 'jose';
import { ISSUE_DIPLOMA, setupSchools } from './support/credentials-fixture';
import { withNetworkSpy } from './support/network-spy';
import { startTestApp, TestApp } from './support/test-app';
import { TestWallet } from './support/test-wallet';

const CREATE = `mutation($i: CreatePresentationRequestInput!) { createPresentationRequest(input: $i) { id requestUri dcqlQuery expiresAt status qrSvg qrPng } }`;
const RESULT = `query($id: ID!) { presentationResult(id: $id) {
  id status reason message kind jurisdiction profession answeredAt disclosed qualification
  issuer { did name jurisdiction }
  verification {
    valid verified trusted accredited revoked credentialId issuer qualificationId adviceNote
    checks { check status reason message }
    advice { route destination profession regulated competentAuthority { name jurisdiction } referenceQualification { key } }
  }
} }`;
const QUALIFICATION = 'nl-mbo-25656-verzorgende-ig';

/**
 * Issue 13, the verifier: an employer asks a wallet for a diploma by OpenID4VP (DCQL, direct_post), the wallet —
 * the OpenWallet Foundation holder client with @sd-jwt/core, its own key, nothing of the service — answers with
 * only the fields asked for, and the employer reads the verification report and the advice for DE-NW.
 */
describe('OpenID4VP: an employer verifies a diploma from a wallet', () => {
  let t: TestApp;
  let f: Awaited<ReturnType<typeof setupSchools>>;
  let wallet: TestWallet;
  let diplomaId: string;
  let sdJwt: string;
  let employer: string;
  const spec = (over: Record<string, unknown> = {}) => ({ kind: 'DIPLOMA', qualificationKey: QUALIFICATION, fields: ['givenName', 'familyName', 'achievement.specifiedBy.title'], jurisdiction: 'DE-NW', profession: 'altenpfleger', ...over });
  const request = async (over: Record<string, unknown> = {}, token = employer) => {
    const r = await t.gql(CREATE, { i: spec(over) }, token);
    if (r.errors) throw new Error(JSON.stringify(r.errors));
    return r.data.createPresentationRequest as { id: string; requestUri: string; dcqlQuery: any; expiresAt: string; status: string; qrSvg: string; qrPng: string };
  };
  const result = async (id: string, token = employer) => t.gql(RESULT, { id }, token);
  const post = (id: string, body: Record<string, string>) =>
    fetch(`${t.baseUrl}/oid4vp/requests/${id}/response`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(body).toString() });

  beforeAll(async () => {
    t = await startTestApp();
    f = await setupSchools(t);
    employer = await t.token('employer', { subject: 'employer-ruhr-pflege' });
    const issuerUrl = ((await (await fetch(`${t.baseUrl}/.well-known/openid-credential-issuer`)).json()) as { credential_issuer: string }).credential_issuer;
    wallet = await TestWallet.create({ from: issuerUrl, to: t.baseUrl });
    const issued = await t.gql(ISSUE_DIPLOMA, { r: { idempotencyKey: 'oid4vp-dipl-1', learner: { givenName: 'Eva', familyName: 'Smit', dateOfBirth: '2004-02-29' }, qualificationId: f.verzorgendeId, awardingDate: '2025-07-01' } }, f.nlSchool);
    if (issued.errors) throw new Error(JSON.stringify(issued.errors));
    diplomaId = issued.data.issueDiplomaCredential.id;
    // The wallet redeems the school's offer as dc+sd-jwt and keeps the credential.
    const offer = await t.gql(`mutation($id: ID!) { createCredentialOffer(credentialId: $id) { offerUri txCode } }`, { id: diplomaId }, f.nlSchool);
    const tok = await wallet.token(offer.data.createCredentialOffer.offerUri, offer.data.createCredentialOffer.txCode);
    const got = await wallet.credential({ metadata: (tok as { metadata: any }).metadata, accessToken: tok.ok!.access_token, nonce: tok.ok!.c_nonce as string, configurationId: 'diploma_sd_jwt' });
    if (got.error) throw new Error(JSON.stringify(got.error));
    wallet.store(got.ok!.credentials![0].credential as string);
    sdJwt = wallet.stored[0];
  });
  afterAll(async () => t?.close());

  it('an employer gets an openid4vp:// request (DCQL, direct_post, by value) with QR codes; others and bad input are refused by field', async () => {
    const r = await request();
    expect(r.requestUri).toMatch(/^openid4vp:\/\/\?/);
    expect(r.status).toBe('PENDING');
    expect(r.qrSvg).toMatch(/^<svg[\s\S]*<\/svg>\s*$/);
    expect(Buffer.from(r.qrPng.replace(/^data:image\/png;base64,/, ''), 'base64').subarray(0, 4)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47]));
    expect(Date.parse(r.expiresAt) - Date.now()).toBeGreaterThan(8 * 60_000);
    // What the wallet library reads from the QR code.
    const resolved = await wallet.readPresentationRequest(r.requestUri);
    const payload = resolved.authorizationRequestPayload as Record<string, any>;
    expect(resolved.client).toMatchObject({ prefix: 'redirect_uri' });
    expect(payload).toMatchObject({ response_type: 'vp_token', response_mode: 'direct_post', client_id: `redirect_uri:${payload.response_uri}`, state: r.id });
    expect(payload.response_uri).toMatch(new RegExp(`/oid4vp/requests/${r.id}/response$`));
    expect(payload.nonce.length).toBeGreaterThanOrEqual(43);
    expect(resolved.dcql!.query).toEqual(r.dcqlQuery);
    expect(r.dcqlQuery.credentials[0]).toMatchObject({ id: 'diploma', format: 'dc+sd-jwt', meta: { vct_values: [expect.stringMatching(/\/vct\/diploma$/)] } });
    expect(r.dcqlQuery.credentials[0].claims).toEqual([
      { path: ['achievement', 'specifiedBy', 'catalogueKey'], values: [QUALIFICATION] },
      { path: ['givenName'] },
      { path: ['familyName'] },
      { path: ['achievement', 'specifiedBy', 'title'] },
    ]);

    const before = (await t.dataSource.query('SELECT count(*)::int AS n FROM presentation_request'))[0].n;
    const badField = await t.gql(CREATE, { i: spec({ fields: ['cnf.jwk'] }) }, employer);
    expect(badField.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
    expect(badField.errors![0].message).toMatch(/input\.fields\[0\]/);
    const badPlace = await t.gql(CREATE, { i: spec({ jurisdiction: 'XX-YY' }) }, employer);
    expect(badPlace.errors![0].message).toMatch(/input\.jurisdiction/);
    const badTtl = await t.gql(CREATE, { i: spec({ validForMinutes: 0 }) }, employer);
    expect(badTtl.errors![0].message).toMatch(/input\.validForMinutes/);
    expect((await t.gql(CREATE, { i: spec() }, f.nlSchool)).errors![0].extensions!.code).toBe('FORBIDDEN');
    expect((await t.gql(CREATE, { i: spec() })).errors![0].extensions!.code).toBe('UNAUTHENTICATED');
    expect((await t.dataSource.query('SELECT count(*)::int AS n FROM presentation_request'))[0].n).toBe(before);
    expect((await t.dataSource.query("SELECT count(*)::int AS n FROM audit_log WHERE entity_id = $1 AND action = 'wallet.presentation_request.create'", [r.id]))[0].n).toBe(1);

    // Only its employer (or an admin) reads it; it is pending until the wallet answers.
    expect((await result(r.id)).data.presentationResult).toMatchObject({ status: 'PENDING', verification: null, disclosed: null });
    const other = await result(r.id, await t.token('employer', { subject: 'employer-elsewhere' }));
    expect(other.errors![0].extensions!.code).toBe('FORBIDDEN');
    expect((await result(r.id, await t.token('admin'))).data.presentationResult.status).toBe('PENDING');
    expect((await result('00000000-0000-4000-8000-000000000000')).errors![0].extensions!.code).toBe('NOT_FOUND');
    expect((await result('nope')).errors![0].extensions!.code).toBe('BAD_USER_INPUT');
  });

  it('the wallet discloses only the requested fields; the employer sees verified, the issuer, the qualification and advice for DE-NW; a replay is refused', async () => {
    const { result: flow, attempts } = await withNetworkSpy(async () => {
      const r = await request();
      const answer = await wallet.present(r.requestUri, sdJwt);
      const read = await result(r.id);
      return { r, answer, read };
    });
    expect(attempts).toEqual([]);
    expect({ status: flow.answer.status, body: flow.answer.body }).toEqual({ status: 200, body: {} });
    // The presentation itself carries no disclosure of the date of birth.
    const disclosures = flow.answer.presentation.split('~').slice(1, -1).map((d) => JSON.parse(Buffer.from(d, 'base64url').toString()));
    expect(disclosures.map((d: unknown[]) => d[1]).sort()).toEqual(['familyName', 'givenName']);

    const p = flow.read.data.presentationResult;
    expect(flow.read.errors).toBeUndefined();
    expect(p).toMatchObject({ status: 'VERIFIED', reason: null, kind: 'DIPLOMA', jurisdiction: 'DE-NW', profession: 'altenpfleger' });
    expect(p.disclosed).toEqual({ givenName: 'Eva', familyName: 'Smit', achievement: { specifiedBy: { title: expect.anything() } } });
    expect(JSON.stringify(p)).not.toContain('2004-02-29');
    expect(p.issuer).toEqual({ did: f.nl.did, name: expect.any(String), jurisdiction: 'NL' });
    expect(p.qualification).toMatchObject({ catalogueKey: QUALIFICATION });
    expect(p.verification).toMatchObject({ valid: true, verified: true, trusted: true, accredited: true, revoked: false, credentialId: diplomaId, issuer: f.nl.did, qualificationId: f.verzorgendeId, adviceNote: null });
    const byName = Object.fromEntries(p.verification.checks.map((c: any) => [c.check, c]));
    expect(Object.keys(byName)).toEqual(['FORMAT', 'SCHEMA', 'PROOF', 'KEY_BINDING', 'ISSUER', 'ACCREDITATION', 'STATUS', 'VALIDITY']);
    expect(p.verification.checks.filter((c: any) => c.status === 'FAIL')).toEqual([]);
    expect(byName.KEY_BINDING.reason).toBe('KEY_BOUND');
    expect(byName.STATUS.reason).toBe('ACTIVE');
    expect(p.verification.advice).toMatchObject({ route: 'GENERAL_SYSTEM', destination: 'DE-NW', profession: 'altenpfleger', regulated: true, competentAuthority: { jurisdiction: 'DE-NW' }, referenceQualification: { key: 'de-pflbg-altenpfleger' } });

    // The same response again: accepted once only, and the outcome stays.
    const replay = await flow.answer.resubmit();
    expect(replay.status).toBe(400);
    expect(replay.body).toMatchObject({ error: 'invalid_request', error_description: expect.stringMatching(/already been answered/) });
    expect((await result(flow.r.id)).data.presentationResult.status).toBe('VERIFIED');
    // The same vp_token posted to another request: its key binding is for the first request's nonce and audience.
    const second = await request();
    const moved = await post(second.id, { vp_token: JSON.stringify({ diploma: [flow.answer.presentation] }), state: second.id });
    expect(moved.status).toBe(400);
    expect(await moved.json()).toMatchObject({ error: 'access_denied', error_description: expect.stringMatching(/NONCE_MISMATCH/) });
    expect((await result(second.id)).data.presentationResult).toMatchObject({ status: 'REFUSED', reason: 'NONCE_MISMATCH', disclosed: null, issuer: null });
    const audit = await t.dataSource.query("SELECT action, actor FROM audit_log WHERE entity_type = 'presentation_request' AND entity_id = $1 ORDER BY id", [flow.r.id]);
    expect(audit.map((a: { action: string }) => a.action)).toEqual(['wallet.presentation_request.create', 'wallet.presentation.verify']);
  });

  it('a key-binding JWT with a wrong nonce, or signed by a key other than the bound one, is refused with its reason', async () => {
    const r1 = await request();
    const wrongNonce = await wallet.present(r1.requestUri, sdJwt, { nonce: 'not-the-nonce-of-this-request' });
    expect(wrongNonce.status).toBe(400);
    expect(wrongNonce.body.error).toBe('access_denied');
    const p1 = (await result(r1.id)).data.presentationResult;
    expect(p1).toMatchObject({ status: 'REFUSED', reason: 'NONCE_MISMATCH', disclosed: null, verification: { verified: false, advice: null } });
    expect(p1.verification.checks.find((c: any) => c.check === 'KEY_BINDING')).toMatchObject({ status: 'FAIL', reason: 'NONCE_MISMATCH' });

    const r2 = await request();
    const { privateKey: otherKey } = await generateKeyPair('EdDSA');
    const otherSigner = await wallet.present(r2.requestUri, sdJwt, { kbKey: otherKey });
    expect(otherSigner.status).toBe(400);
    const p2 = (await result(r2.id)).data.presentationResult;
    expect(p2).toMatchObject({ status: 'REFUSED', reason: 'KEY_BINDING_INVALID', disclosed: null });
    expect(p2.verification.checks.find((c: any) => c.check === 'PROOF')).toMatchObject({ status: 'PASS' });

    const r3 = await request();
    const wrongAudience = await wallet.present(r3.requestUri, sdJwt, { audience: 'redirect_uri:https://elsewhere.example/response' });
    expect(wrongAudience.status).toBe(400);
    expect((await result(r3.id)).data.presentationResult.reason).toBe('AUDIENCE_MISMATCH');
  });

  it('bad input gets a 4xx with a clear error and changes nothing: unknown request, malformed vp_token, expired request, another qualification', async () => {
    const unknown = await post('00000000-0000-4000-8000-000000000000', { vp_token: '{}' });
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toMatchObject({ error: 'invalid_request', error_description: expect.stringMatching(/unknown presentation request/) });
    expect((await post('not-an-id', { vp_token: '{}' })).status).toBe(404);

    const r = await request();
    const malformed: Array<Record<string, string>> = [{ vp_token: 'not json', state: r.id }, { vp_token: JSON.stringify({ diploma: ['x~y~'] }), state: 'another-state' }, { state: r.id }, { vp_token: JSON.stringify({ learning_unit: ['a~b'] }), state: r.id }];
    for (const body of malformed) {
      const res = await post(r.id, body);
      expect(res.status).toBe(400);
      expect(await res.json()).toMatchObject({ error: 'invalid_request', error_description: expect.stringMatching(/malformed authorization response/) });
    }
    // Garbage in a well-formed response is verified and refused, once.
    const garbage = await post(r.id, { vp_token: JSON.stringify({ diploma: ['x.y.z~'] }), state: r.id });
    expect(garbage.status).toBe(400);
    expect((await result(r.id)).data.presentationResult).toMatchObject({ status: 'REFUSED', reason: expect.stringMatching(/^MALFORMED/) });

    const late = await request();
    await t.dataSource.query("UPDATE presentation_request SET expires_at = now() - interval '1 second' WHERE id = $1", [late.id]);
    const tooLate = await wallet.present(late.requestUri, sdJwt);
    expect(tooLate.status).toBe(400);
    expect(tooLate.body.error_description).toMatch(/expired/);
    expect((await result(late.id)).data.presentationResult).toMatchObject({ status: 'EXPIRED', verification: null });

    const otherQualification = await request({ qualificationKey: 'nl-mbo-software-developer' });
    const mismatch = await wallet.present(otherQualification.requestUri, sdJwt);
    expect(mismatch.status).toBe(400);
    expect((await result(otherQualification.id)).data.presentationResult).toMatchObject({ status: 'REFUSED', reason: 'QUALIFICATION_MISMATCH' });
  });

  it('a revoked credential is refused: the Token Status List says so', async () => {
    const revoke = await t.gql(`mutation($id: ID!) { revokeCredential(id: $id, reason: "issued in error") { id status } }`, { id: diplomaId }, f.nlSchool);
    expect(revoke.errors).toBeUndefined();
    const { result: flow, attempts } = await withNetworkSpy(async () => {
      const r = await request();
      const answer = await wallet.present(r.requestUri, sdJwt);
      return { r, answer, read: await result(r.id) };
    });
    expect(attempts).toEqual([]);
    expect(flow.answer.status).toBe(400);
    expect(flow.answer.body.error_description).toMatch(/REVOKED/);
    const p = flow.read.data.presentationResult;
    expect(p).toMatchObject({ status: 'REFUSED', reason: 'REVOKED', disclosed: null, verification: { verified: false, revoked: true } });
    expect(p.verification.checks.find((c: any) => c.check === 'KEY_BINDING')).toMatchObject({ status: 'PASS' });
  });
});
