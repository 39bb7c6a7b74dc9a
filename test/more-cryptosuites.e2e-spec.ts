import * as EcdsaMultikey from '@digitalbazaar/ecdsa-multikey';
import { cryptosuite as ecdsaRdfc2019 } from '@digitalbazaar/ecdsa-rdfc-2019-cryptosuite';
import { createSignCryptosuite } from '@digitalbazaar/eddsa-jcs-2022-cryptosuite';
import { independentKey, independentlySigned } from './support/independent-issuer';
import { withNetworkSpy } from './support/network-spy';
import { postJson } from './support/http';
import { startTestApp, TestApp } from './support/test-app';

/** Issue 11: eddsa-jcs-2022 and ECDSA (P-256, P-384) credentials of independent did:key issuers, offline. */
describe('verification of further Data Integrity cryptosuites', () => {
  let t: TestApp;
  const post = (path: string, body: unknown) => postJson(t.baseUrl, path, body);
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => t?.close());

  /** The signed credential verifies (not trusted: the issuer is unknown); a one-field tamper is refused; no network. */
  async function verifiesAndRefusesTamper(signed: any) {
    const tampered = structuredClone(signed);
    tampered.credentialSubject.alumniOf = 'Another University';
    const { result, attempts } = await withNetworkSpy(async () => [await post('/credentials/verify', { verifiableCredential: signed }), await post('/credentials/verify', { verifiableCredential: tampered })]);
    expect(attempts).toEqual([]);
    expect(result[0].body.errors).toEqual([]);
    expect(result[0].status).toBe(200);
    expect(result[0].body).toMatchObject({ verified: true, trusted: false });
    expect(result[1].status).toBe(422);
    expect(result[1].body.errors.join('\n')).toMatch(/PROOF: SIGNATURE_INVALID/);
  }

  it('eddsa-jcs-2022 (JSON canonicalisation)', async () => {
    const kp = await independentKey();
    const signed = await independentlySigned(kp, {}, createSignCryptosuite());
    expect(signed.proof).toMatchObject({ type: 'DataIntegrityProof', cryptosuite: 'eddsa-jcs-2022', verificationMethod: kp.id });
    await verifiesAndRefusesTamper(signed);
  });

  it.each(['P-256', 'P-384'])('ecdsa-rdfc-2019 with a %s key', async (curve) => {
    const kp = await EcdsaMultikey.generate({ curve });
    kp.controller = `did:key:${kp.publicKeyMultibase}`;
    kp.id = `${kp.controller}#${kp.publicKeyMultibase}`;
    const signed = await independentlySigned(kp, {}, ecdsaRdfc2019);
    expect(signed.proof).toMatchObject({ cryptosuite: 'ecdsa-rdfc-2019', verificationMethod: kp.id });
    await verifiesAndRefusesTamper(signed);
  });
});
