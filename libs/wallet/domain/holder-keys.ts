import { createHash, randomBytes } from 'node:crypto';
import type { CallbackContext, Jwk, JwtSigner } from '@openid4vc/oauth2';
import { compactVerify, importJWK, type JWK } from 'jose';
import { publicJwkOf } from '../../credentials/domain/keys';

/** A did:jwk of a public JWK (only the public members, in a fixed order). */
export function didJwkOf(jwk: Record<string, unknown>): string {
  const pub = Object.fromEntries(['crv', 'kty', 'x', 'y'].filter((k) => typeof jwk[k] === 'string').map((k) => [k, jwk[k]]));
  return `did:jwk:${Buffer.from(JSON.stringify(pub)).toString('base64url')}`;
}

/** The public JWK a wallet names in its proof: a jwk header, a did:jwk or an Ed25519 did:key. Nothing is fetched. */
export async function holderJwkOf(signer: JwtSigner): Promise<Record<string, unknown>> {
  if (signer.method === 'jwk') return signer.publicJwk as Record<string, unknown>;
  if (signer.method === 'did') {
    const did = signer.didUrl.split('#')[0];
    if (did.startsWith('did:jwk:')) {
      const jwk = JSON.parse(Buffer.from(did.slice('did:jwk:'.length), 'base64url').toString('utf8')) as Record<string, unknown>;
      if (typeof jwk !== 'object' || jwk === null || 'd' in jwk) throw new Error('did:jwk must hold a public JWK');
      return jwk;
    }
    if (/^did:key:z6Mk[1-9A-HJ-NP-Za-km-z]{40,60}$/.test(did)) {
      const mb = did.slice('did:key:'.length);
      return (await publicJwkOf({ id: `${did}#${mb}`, controller: did, publicKeyMultibase: mb })) as Record<string, unknown>;
    }
  }
  throw new Error(`holder key must be a jwk, a did:jwk or an Ed25519 did:key (got ${signer.method})`);
}

/** The holder's DID for the W3C formats: the did:key or did:jwk the wallet used, else a did:jwk of its key. */
export function holderDidOf(signer: JwtSigner, jwk: Record<string, unknown>): string {
  return signer.method === 'did' ? signer.didUrl.split('#')[0] : didJwkOf(jwk);
}

const ALLOWED_ALGS = new Set(['EdDSA', 'ES256']);

/** The library callbacks of the issuer side: hashing, randomness, and checking wallets' proof JWTs. */
export const issuerCallbacks: Omit<CallbackContext, 'decryptJwe' | 'encryptJwe'> = {
  hash: (data, alg) => createHash(alg.replace('-', '').toLowerCase()).update(data).digest(),
  generateRandom: (n) => randomBytes(n),
  clientAuthentication: () => undefined,
  signJwt: () => {
    // Access tokens are opaque and credentials are signed in the credentials module: nothing signs here.
    throw new Error('the wallet module signs no JWT');
  },
  verifyJwt: async (signer, { compact }) => {
    try {
      if (!ALLOWED_ALGS.has(signer.alg)) return { verified: false };
      const jwk = await holderJwkOf(signer);
      await compactVerify(compact, await importJWK(jwk as JWK, signer.alg));
      return { verified: true, signerJwk: jwk as Jwk };
    } catch {
      return { verified: false };
    }
  },
};
