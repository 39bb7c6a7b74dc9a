import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { didJwkOf, holderDidOf, holderJwkOf, issuerCallbacks } from './holder-keys';

describe('holder keys named in proofs of possession', () => {
  it('a jwk header, a did:jwk and an Ed25519 did:key all give the same public JWK; private or other keys are refused', async () => {
    const { publicKey } = await generateKeyPair('EdDSA', { extractable: true });
    const jwk = (await exportJWK(publicKey)) as Record<string, unknown>;
    const did = didJwkOf({ ...jwk, alg: 'EdDSA', kid: 'x' });
    expect(did).toBe(`did:jwk:${Buffer.from(JSON.stringify({ crv: 'Ed25519', kty: 'OKP', x: jwk.x })).toString('base64url')}`);
    expect(await holderJwkOf({ method: 'jwk', publicJwk: jwk as never, alg: 'EdDSA' })).toEqual(jwk);
    expect(await holderJwkOf({ method: 'did', didUrl: `${did}#0`, alg: 'EdDSA' })).toEqual({ crv: 'Ed25519', kty: 'OKP', x: jwk.x });
    expect(holderDidOf({ method: 'jwk', publicJwk: jwk as never, alg: 'EdDSA' }, jwk)).toBe(didJwkOf(jwk));

    const kp = await Ed25519Multikey.generate();
    const mb = (await kp.export({ publicKey: true })).publicKeyMultibase as string;
    const fromKey = await holderJwkOf({ method: 'did', didUrl: `did:key:${mb}#${mb}`, alg: 'EdDSA' });
    expect(fromKey).toMatchObject({ kty: 'OKP', crv: 'Ed25519', x: (await Ed25519Multikey.toJwk({ keyPair: kp })).x });
    expect(holderDidOf({ method: 'did', didUrl: `did:key:${mb}#${mb}`, alg: 'EdDSA' }, fromKey)).toBe(`did:key:${mb}`);

    const withPrivate = `did:jwk:${Buffer.from(JSON.stringify({ ...jwk, d: 'secret' })).toString('base64url')}`;
    await expect(holderJwkOf({ method: 'did', didUrl: withPrivate, alg: 'EdDSA' })).rejects.toThrow(/public/);
    await expect(holderJwkOf({ method: 'did', didUrl: 'did:web:example.org', alg: 'EdDSA' })).rejects.toThrow(/did:jwk/);
  });

  it('verifyJwt accepts a JWT signed by the named key only, and only EdDSA or ES256', async () => {
    const { privateKey, publicKey } = await generateKeyPair('ES256');
    const other = await generateKeyPair('ES256');
    const jwk = await exportJWK(publicKey);
    const compact = await new SignJWT({ nonce: 'n' }).setProtectedHeader({ alg: 'ES256', jwk }).sign(privateKey);
    const ok = await issuerCallbacks.verifyJwt({ method: 'jwk', publicJwk: jwk as never, alg: 'ES256' }, { header: {} as never, payload: {}, compact });
    expect(ok.verified).toBe(true);
    const wrong = await issuerCallbacks.verifyJwt({ method: 'jwk', publicJwk: (await exportJWK(other.publicKey)) as never, alg: 'ES256' }, { header: {} as never, payload: {}, compact });
    expect(wrong.verified).toBe(false);
    const hs = await issuerCallbacks.verifyJwt({ method: 'jwk', publicJwk: jwk as never, alg: 'HS256' }, { header: {} as never, payload: {}, compact });
    expect(hs.verified).toBe(false);
  });
});
