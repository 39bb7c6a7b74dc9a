import { createHash } from 'node:crypto';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { ISSUE_DIPLOMA, setupSchools } from './support/credentials-fixture';
import { startTestApp, TestApp } from './support/test-app';
import { issuerJwk, sdJwtVerifier } from './support/test-wallet';

/**
 * The same flow written from the OpenID4VCI 1.0 text with fetch and jose only, no OpenID4VC library on the
 * wallet side: what goes over the wire is checked independently of the library the service uses.
 */
describe('OpenID4VCI on the wire (hand-written wallet)', () => {
  let t: TestApp;
  let f: Awaited<ReturnType<typeof setupSchools>>;
  // What the first test's wallet keeps: the SD-JWT VC and the key it is bound to.
  let held: { sdJwt: string; privateKey: CryptoKey } | undefined;
  beforeAll(async () => {
    t = await startTestApp();
    f = await setupSchools(t);
  });
  afterAll(async () => t?.close());

  it('offer → token (form, tx_code) → credential (proof JWT) gives a holder-bound SD-JWT VC; wrong requests get OAuth errors', async () => {
    const issued = await t.gql(ISSUE_DIPLOMA, { r: { idempotencyKey: 'wire-diploma-1', learner: { givenName: 'Ali', familyName: 'Yilmaz', dateOfBirth: '2004-02-29' }, qualificationId: f.softwareDeveloperId, awardingDate: '2025-07-01' } }, f.nlSchool);
    const o = (await t.gql('mutation($id: ID!) { createCredentialOffer(credentialId: $id) { offerUri txCode } }', { id: issued.data.issueDiplomaCredential.id }, f.nlSchool)).data.createCredentialOffer;
    const url = new URL(o.offerUri);
    expect(url.protocol).toBe('openid-credential-offer:');
    const offer = JSON.parse(url.searchParams.get('credential_offer')!);
    const grant = offer.grants['urn:ietf:params:oauth:grant-type:pre-authorized_code'];
    expect(grant.tx_code).toMatchObject({ input_mode: 'numeric', length: 6 });
    const route = (u: string) => u.replace(offer.credential_issuer, t.baseUrl);
    const meta = (await (await fetch(route(`${offer.credential_issuer}/.well-known/openid-credential-issuer`))).json()) as any;
    const as = (await (await fetch(route(`${meta.authorization_servers[0]}/.well-known/oauth-authorization-server`))).json()) as any;

    const tokenRequest = (tx: string) =>
      fetch(route(as.token_endpoint), {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ grant_type: 'urn:ietf:params:oauth:grant-type:pre-authorized_code', 'pre-authorized_code': grant['pre-authorized_code'], tx_code: tx }),
      });
    const bad = await tokenRequest('not-it');
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ error: 'invalid_grant', error_description: expect.stringMatching(/1 of 5/) });
    const res = await tokenRequest(o.txCode);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const token = (await res.json()) as any;
    expect(token).toMatchObject({ token_type: 'Bearer', access_token: expect.any(String), c_nonce: expect.any(String) });

    const { privateKey, publicKey } = await generateKeyPair('ES256');
    const jwk = await exportJWK(publicKey);
    const proof = (nonce: string, aud = offer.credential_issuer) =>
      new SignJWT({ aud, nonce }).setProtectedHeader({ alg: 'ES256', typ: 'openid4vci-proof+jwt', jwk }).setIssuedAt().sign(privateKey);
    const credentialRequest = (body: unknown, accessToken = token.access_token) =>
      fetch(route(meta.credential_endpoint), { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${accessToken}` }, body: JSON.stringify(body) });

    const wrongAud = await credentialRequest({ credential_configuration_id: 'diploma_sd_jwt', proofs: { jwt: [await proof(token.c_nonce, 'https://elsewhere.example')] } });
    expect(wrongAud.status).toBe(400);
    expect(((await wrongAud.json()) as any).error).toBe('invalid_proof');
    const unknown = await credentialRequest({ credential_configuration_id: 'passport_sd_jwt', proofs: { jwt: [await proof(token.c_nonce)] } });
    expect(unknown.status).toBe(400);
    const notOffered = await credentialRequest({ credential_configuration_id: 'learning_unit_sd_jwt', proofs: { jwt: [await proof(token.c_nonce)] } });
    expect(((await notOffered.json()) as any).error).toBe('unknown_credential_configuration');
    const noAuth = await fetch(route(meta.credential_endpoint), { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(noAuth.status).toBe(401);
    expect(noAuth.headers.get('www-authenticate')).toMatch(/^Bearer/);

    const ok = await credentialRequest({ credential_configuration_id: 'diploma_sd_jwt', proofs: { jwt: [await proof(token.c_nonce)] } });
    expect(ok.status).toBe(200);
    const body = (await ok.json()) as any;
    const sdJwt = body.credentials[0].credential as string;
    const payload = (await sdJwtVerifier(await issuerJwk(t.baseUrl, f.nl.id), { from: offer.credential_issuer, to: t.baseUrl }).verify(sdJwt)).payload as any;
    expect(payload.cnf.jwk).toMatchObject({ kty: 'EC', crv: 'P-256', x: jwk.x, y: jwk.y });
    expect(payload).toMatchObject({ familyName: 'Yilmaz', dateOfBirth: '2004-02-29' });
    held = { sdJwt, privateKey };
  });

  it('answers an employer\'s OpenID4VP request by hand (request by value, DCQL, SD-JWT with key binding, direct_post): only the asked-for names reach the employer', async () => {
    expect(held).toBeDefined();
    const employer = await t.token('employer', { subject: 'employer-wire' });
    const created = await t.gql('mutation($i: CreatePresentationRequestInput!) { createPresentationRequest(input: $i) { id requestUri } }', { i: { kind: 'DIPLOMA', qualificationKey: 'nl-mbo-software-developer', fields: ['givenName', 'familyName'], jurisdiction: 'DE-NW' } }, employer);
    expect(created.errors).toBeUndefined();
    const { id, requestUri } = created.data.createPresentationRequest;

    // The request, read from the openid4vp:// URL as OpenID4VP 1.0 writes it (by value).
    const url = new URL(requestUri);
    expect(url.protocol).toBe('openid4vp:');
    const q = Object.fromEntries(url.searchParams);
    expect(q).toMatchObject({ response_type: 'vp_token', response_mode: 'direct_post', state: id });
    const dcql = JSON.parse(q.dcql_query) as { credentials: Array<{ id: string; claims: Array<{ path: string[] }> }> };
    const wanted = new Set(dcql.credentials[0].claims.flatMap((c) => c.path));

    // SD-JWT presentation (RFC 9901): the issuer JWT, only the disclosures of the claims asked for, then a key-binding JWT.
    const [issuerJwt, ...disclosures] = held!.sdJwt.split('~').filter(Boolean);
    const claimName = (d: string) => (JSON.parse(Buffer.from(d, 'base64url').toString('utf8')) as unknown[]).at(-2);
    const chosen = disclosures.filter((d) => wanted.has(String(claimName(d))));
    expect(disclosures.map(claimName)).toContain('dateOfBirth');
    expect(chosen.map(claimName)).not.toContain('dateOfBirth');
    const withoutKb = `${[issuerJwt, ...chosen].join('~')}~`;
    const sdHash = createHash('sha256').update(withoutKb).digest('base64url');
    const kbJwt = await new SignJWT({ aud: q.client_id, nonce: q.nonce, sd_hash: sdHash }).setProtectedHeader({ alg: 'ES256', typ: 'kb+jwt' }).setIssuedAt().sign(held!.privateKey);
    const answer = await fetch(q.response_uri.replace(new URL(q.response_uri).origin, t.baseUrl), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ vp_token: JSON.stringify({ [dcql.credentials[0].id]: [`${withoutKb}${kbJwt}`] }), state: q.state }),
    });
    expect(answer.status).toBe(200);

    const result = await t.gql('query($id: ID!) { presentationResult(id: $id) { status reason disclosed verification { verified trusted } } }', { id }, employer);
    expect(result.errors).toBeUndefined();
    const r = result.data.presentationResult;
    expect(r).toMatchObject({ status: 'VERIFIED', verification: { verified: true, trusted: true } });
    expect(r.disclosed).toMatchObject({ givenName: 'Ali', familyName: 'Yilmaz' });
    expect(JSON.stringify(r.disclosed)).not.toContain('2004-02-29');
  });
});
