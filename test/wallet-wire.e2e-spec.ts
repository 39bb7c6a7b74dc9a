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
  });
});
