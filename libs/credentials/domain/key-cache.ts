import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey';
import { cryptosuite } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import { KeyObject, sign as nodeSign, verify as nodeVerify, type webcrypto } from 'node:crypto';
import { type CryptoKey, importJWK } from 'jose';
import { type IssuerKeyPair, privateJoseKey } from './keys';
import { withSharedContexts } from './shared-contexts';

/**
 * Signers and verifiers over key objects built once. @digitalbazaar/ed25519-multikey imports the raw key into
 * a new KeyObject on every sign and verify call (about 600 µs and 130 µs of the time per call); the signature
 * itself is still node's Ed25519 (crypto.sign / crypto.verify with the same key), so output is identical.
 */
export interface ProofSigner {
  id: string;
  algorithm: 'Ed25519';
  sign(o: { data: Uint8Array }): Promise<Uint8Array>;
}

export interface ProofVerifier {
  id: string;
  algorithm: 'Ed25519';
  verify(o: { data: Uint8Array; signature: Uint8Array }): Promise<boolean>;
}

const signers = new WeakMap<IssuerKeyPair, Promise<ProofSigner>>();
const joseKeys = new WeakMap<IssuerKeyPair, Promise<CryptoKey>>();

/** The key pair's secret key as a jose (WebCrypto) key, imported once per key pair object. */
export function joseKeyFor(key: IssuerKeyPair): Promise<CryptoKey> {
  let k = joseKeys.get(key);
  if (!k) {
    k = privateJoseKey(key) as Promise<CryptoKey>;
    joseKeys.set(key, k);
    k.catch(() => joseKeys.delete(key));
  }
  return k;
}

/** The signer of an issuer key pair, built once per key pair object (the issuer service keeps one per key). */
export function signerFor(key: IssuerKeyPair): Promise<ProofSigner> {
  let s = signers.get(key);
  if (!s) {
    s = joseKeyFor(key).then((cryptoKey) => {
      const secret = KeyObject.from(cryptoKey as unknown as webcrypto.CryptoKey);
      return { id: key.id, algorithm: 'Ed25519' as const, sign: async ({ data }: { data: Uint8Array }) => nodeSign(null, data, secret) };
    });
    signers.set(key, s);
    s.catch(() => signers.delete(key));
  }
  return s;
}

/** Verification methods seen recently, keyed by id and key material: a key change is a new entry. */
const MAX_VERIFIERS = 2_000;
const verifiers = new Map<string, Promise<ProofVerifier>>();

async function buildVerifier(verificationMethod: Record<string, unknown>): Promise<ProofVerifier> {
  const keyPair = await Ed25519Multikey.from(verificationMethod);
  const jwk = await Ed25519Multikey.toJwk({ keyPair });
  const publicKey = KeyObject.from((await importJWK(jwk, 'EdDSA')) as unknown as webcrypto.CryptoKey);
  return { id: keyPair.id, algorithm: 'Ed25519', verify: async ({ data, signature }) => nodeVerify(null, data, publicKey, signature) };
}

/** The verifier of a verification method (a Multikey document), from the cache when its material is known. */
export function verifierFor(verificationMethod: Record<string, unknown>): Promise<ProofVerifier> {
  const material = verificationMethod.publicKeyMultibase;
  if (typeof material !== 'string') return Ed25519Multikey.from(verificationMethod).then((k: { verifier(): ProofVerifier }) => k.verifier());
  const cacheKey = `${String(verificationMethod.id)}\n${material}`;
  let v = verifiers.get(cacheKey);
  if (v) {
    // Most recently used last: the first entry is the one to drop when full.
    verifiers.delete(cacheKey);
    verifiers.set(cacheKey, v);
    return v;
  }
  v = buildVerifier(verificationMethod);
  v.catch(() => verifiers.delete(cacheKey));
  verifiers.set(cacheKey, v);
  if (verifiers.size > MAX_VERIFIERS) verifiers.delete(verifiers.keys().next().value!);
  return v;
}

/** eddsa-rdfc-2022 canonicalising with the shared processed contexts (signing, and proofs checked with the library's verifier). */
export const eddsaRdfc2022 = withSharedContexts(cryptosuite);

/** eddsa-rdfc-2022 with cached verifiers and shared processed contexts; canonicalisation and the proof checks are the library's. */
export const cachingCryptosuite = withSharedContexts({
  ...cryptosuite,
  createVerifier: ({ verificationMethod }: { verificationMethod: Record<string, unknown> }) => verifierFor(verificationMethod),
});
