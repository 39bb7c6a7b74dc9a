import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey';
import { CompactEncrypt, compactDecrypt, importJWK, CryptoKey, JWK } from 'jose';

/** An issuer's signing key. The secret part exists only inside the credentials module. */
export interface IssuerKeyPair {
  id: string;
  controller: string;
  publicKeyMultibase: string;
  signer(): unknown;
  export(o: { publicKey?: boolean; secretKey?: boolean; includeContext?: boolean }): Promise<Record<string, string>>;
}

export async function generateIssuerKey(id: string, controller: string): Promise<{ publicKeyMultibase: string; secretKeyMultibase: string }> {
  const kp = await Ed25519Multikey.generate({ id, controller });
  const exported = await kp.export({ publicKey: true, secretKey: true, includeContext: false });
  return { publicKeyMultibase: exported.publicKeyMultibase, secretKeyMultibase: exported.secretKeyMultibase };
}

export async function keyPairFrom(o: { id: string; controller: string; publicKeyMultibase: string; secretKeyMultibase?: string }): Promise<IssuerKeyPair> {
  return Ed25519Multikey.from({ type: 'Multikey', ...o });
}

export async function publicJwkOf(o: { id: string; controller: string; publicKeyMultibase: string }): Promise<JWK> {
  return Ed25519Multikey.toJwk({ keyPair: await keyPairFrom(o) });
}

export async function privateJoseKey(keyPair: IssuerKeyPair): Promise<CryptoKey> {
  const jwk = await Ed25519Multikey.toJwk({ keyPair, secretKey: true });
  // Multikey secret keys are seed‖public (64 bytes); a JWK "d" is the 32-byte seed.
  const d = Buffer.from(jwk.d, 'base64url');
  return (await importJWK({ ...jwk, d: d.subarray(0, 32).toString('base64url') }, 'EdDSA')) as CryptoKey;
}

/** Wraps a secret key with AES-256-GCM (JWE "dir" + "A256GCM") under the key-encryption key. */
export async function sealSecret(secret: string, kek: Uint8Array, keyId: string): Promise<string> {
  return new CompactEncrypt(new TextEncoder().encode(secret))
    .setProtectedHeader({ alg: 'dir', enc: 'A256GCM', kid: keyId })
    .encrypt(kek);
}

export async function openSecret(jwe: string, kek: Uint8Array): Promise<string> {
  const { plaintext } = await compactDecrypt(jwe, kek);
  return new TextDecoder().decode(plaintext);
}
