import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey';
import { CompactSign, exportJWK, generateKeyPair } from 'jose';
import { EXAMPLES_V2 } from './support/independent-issuer';
import { withNetworkSpy } from './support/network-spy';
import { startTestApp, TestApp } from './support/test-app';

/** A did:key made by jose (an implementation other than the service's), and a signer for JWTs with that key. */
async function joseDidKey() {
  const { privateKey, publicKey } = await generateKeyPair('EdDSA', { extractable: true });
  const fp = (await Ed25519Multikey.fromJwk({ jwk: await exportJWK(publicKey) })).publicKeyMultibase;
  const did = `did:key:${fp}`;
  const sign = (payload: unknown, typ: string) =>
    new CompactSign(new TextEncoder().encode(JSON.stringify(payload))).setProtectedHeader({ alg: 'EdDSA', typ, kid: `${did}#${fp}` }).sign(privateKey);
  return { did, sign };
}

const enveloped = (kind: 'vc' | 'vp', jwt: string) => ({
  '@context': ['https://www.w3.org/ns/credentials/v2'],
  type: kind === 'vc' ? 'EnvelopedVerifiableCredential' : 'EnvelopedVerifiablePresentation',
  id: `data:application/${kind}+jwt,${jwt}`,
});

/** Issue 11: enveloped (VC-JOSE-COSE) credentials and presentations, the holder's JWT bound to challenge and domain. */
describe('enveloped (JWT) credentials and presentations', () => {
  let t: TestApp;
  const post = async (body: unknown) => {
    const res = await fetch(`${t.baseUrl}/presentations/verify`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    return { status: res.status, body: (await res.json()) as any };
  };
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => t?.close());

  it('verifies a holder-signed JWT presentation of an enveloped credential; refuses a wrong nonce, a wrong audience, another signer, a tamper and a credential JWT posing as one', async () => {
    const issuer = await joseDidKey();
    const holder = await joseDidKey();
    const stranger = await joseDidKey();
    const credentialJwt = await issuer.sign({
      '@context': ['https://www.w3.org/ns/credentials/v2', EXAMPLES_V2],
      id: 'urn:uuid:1f0c2e64-3c1d-4f0b-a3f1-9a8f2d6c7b11',
      type: ['VerifiableCredential', 'ExampleAlumniCredential'],
      issuer: issuer.did,
      validFrom: '2025-01-01T00:00:00Z',
      credentialSubject: { id: holder.did, alumniOf: 'Example Academy' },
    }, 'vc+jwt');
    const vp = (extra: Record<string, unknown> = {}) => ({
      '@context': ['https://www.w3.org/ns/credentials/v2'],
      type: ['VerifiablePresentation'],
      holder: holder.did,
      verifiableCredential: [enveloped('vc', credentialJwt)],
      nonce: 'challenge-1',
      aud: 'https://employer.example',
      ...extra,
    });
    const options = { challenge: 'challenge-1', domain: 'https://employer.example' };
    const good = await holder.sign(vp(), 'vp+jwt');
    const [h, , sig] = good.split('.');
    const tampered = `${h}.${Buffer.from(JSON.stringify(vp({ holder: stranger.did }))).toString('base64url')}.${sig}`;

    const { result, attempts } = await withNetworkSpy(async () => ({
      ok: await post({ verifiablePresentation: enveloped('vp', good), options }),
      compact: await post({ verifiablePresentation: good, options }),
      noChallenge: await post({ verifiablePresentation: enveloped('vp', good) }),
      wrongNonce: await post({ verifiablePresentation: enveloped('vp', good), options: { ...options, challenge: 'challenge-2' } }),
      wrongAud: await post({ verifiablePresentation: enveloped('vp', good), options: { ...options, domain: 'https://other.example' } }),
      otherSigner: await post({ verifiablePresentation: enveloped('vp', await stranger.sign(vp(), 'vp+jwt')), options }),
      tampered: await post({ verifiablePresentation: enveloped('vp', tampered), options }),
      credentialAsPresentation: await post({ verifiablePresentation: enveloped('vp', credentialJwt), options }),
      notAJws: await post({ verifiablePresentation: 'not-a-jws', options }),
    }));
    expect(attempts).toEqual([]);

    expect(result.ok.status).toBe(200);
    expect(result.ok.body).toMatchObject({ verified: true, errors: [] });
    expect(result.ok.body.warnings).toEqual([]);
    expect(result.ok.body.credentialResults).toHaveLength(1);
    expect(result.ok.body.credentialResults[0]).toMatchObject({ verified: true, trusted: false });
    expect(result.compact.status).toBe(200);
    expect(result.noChallenge.status).toBe(200);
    expect(result.noChallenge.body.warnings.join('\n')).toMatch(/NO_CHALLENGE/);

    expect(result.wrongNonce.status).toBe(422);
    expect(result.wrongNonce.body.errors.join('\n')).toMatch(/nonce is not the challenge/);
    expect(result.wrongAud.status).toBe(422);
    expect(result.wrongAud.body.errors.join('\n')).toMatch(/aud is not the domain/);
    expect(result.otherSigner.status).toBe(422);
    expect(result.otherSigner.body.errors.join('\n')).toMatch(/NOT_HOLDER/);
    expect(result.tampered.status).toBe(422);
    expect(result.tampered.body.errors.join('\n')).toMatch(/PRESENTATION_PROOF: INVALID: signature invalid/);
    expect(result.credentialAsPresentation.status).toBe(400);
    expect(result.credentialAsPresentation.body.error.message).toMatch(/typ must be vp\+jwt/);
    expect(result.notAJws.status).toBe(400);
    expect(result.notAJws.body.error.message).toMatch(/^verifiablePresentation: not a compact JWS/);
  });

  it('verifies an enveloped credential on its own, in GraphQL and over REST; a holder who is not the subject is told', async () => {
    const issuer = await joseDidKey();
    const holder = await joseDidKey();
    const credentialJwt = await issuer.sign({
      '@context': ['https://www.w3.org/ns/credentials/v2', EXAMPLES_V2],
      type: ['VerifiableCredential', 'ExampleAlumniCredential'],
      issuer: issuer.did,
      validFrom: '2025-01-01T00:00:00Z',
      credentialSubject: { id: 'did:example:someone-else', alumniOf: 'Example Academy' },
    }, 'vc+jwt');
    const gql = await t.gql('query($c: JSON!) { verifyCredential(credential: $c) { verified trusted } }', { c: enveloped('vc', credentialJwt) });
    expect(gql.errors).toBeUndefined();
    expect(gql.data.verifyCredential).toEqual({ verified: true, trusted: false });
    const rest = await fetch(`${t.baseUrl}/credentials/verify`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ verifiableCredential: enveloped('vc', credentialJwt) }) });
    expect(rest.status).toBe(200);

    const vp = await holder.sign({ '@context': ['https://www.w3.org/ns/credentials/v2'], type: 'VerifiablePresentation', holder: holder.did, verifiableCredential: enveloped('vc', credentialJwt), nonce: 'n' }, 'vp+jwt');
    const r = await post({ verifiablePresentation: enveloped('vp', vp), options: { challenge: 'n' } });
    expect(r.status).toBe(200);
    expect(r.body.warnings.join('\n')).toMatch(/HOLDER_BINDING: NOT_SUBJECT: credential 0 is about did:example:someone-else/);
  });
});
