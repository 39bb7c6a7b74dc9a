import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { ensurePrivateDir } from '../private-dir';
import { dirname, resolve } from 'node:path';
import { exportJWK, generateKeyPair, importJWK, JWK, CryptoKey } from 'jose';

export const TOKEN_ALG = 'EdDSA';
const DEV_KEY_FILE = 'dev-token-key.json';

export function devKeyPath(dataDir: string): string {
  return resolve(dataDir, DEV_KEY_FILE);
}

/**
 * Development only: an Ed25519 key pair for minting and checking bearer tokens, generated at first
 * start into the data directory (never committed). Production configures AUTH_PUBLIC_JWK instead.
 */
export async function ensureDevTokenKey(dataDir: string): Promise<{ privateJwk: JWK; publicJwk: JWK }> {
  const path = devKeyPath(dataDir);
  if (existsSync(path)) return JSON.parse(readFileSync(path, 'utf8'));
  const { privateKey, publicKey } = await generateKeyPair(TOKEN_ALG, { extractable: true });
  const pair = { privateJwk: await exportJWK(privateKey), publicJwk: await exportJWK(publicKey) };
  ensurePrivateDir(dirname(path));
  writeFileSync(path, JSON.stringify(pair), { mode: 0o600, flag: 'wx' });
  return pair;
}

export async function importPublicJwk(json: string | JWK): Promise<CryptoKey> {
  const jwk = typeof json === 'string' ? (JSON.parse(json) as JWK) : json;
  if (jwk.d) throw new Error('AUTH_PUBLIC_JWK must be a public key (it contains a private part "d")');
  return (await importJWK(jwk, TOKEN_ALG)) as CryptoKey;
}
