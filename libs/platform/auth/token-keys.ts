import { existsSync, linkSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
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
  // Written whole under another name, then linked into place: a process reading at the same moment (the CLI
  // beside a starting service) sees no file or the whole key, never a half-written one; the first writer wins.
  const tmp = `${path}.${process.pid}.${Date.now()}.tmp`;
  writeFileSync(tmp, JSON.stringify(pair), { mode: 0o600, flag: 'wx' });
  try {
    linkSync(tmp, path);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    return JSON.parse(readFileSync(path, 'utf8'));
  } finally {
    unlinkSync(tmp);
  }
  return pair;
}

export async function importPublicJwk(json: string | JWK): Promise<CryptoKey> {
  const jwk = typeof json === 'string' ? (JSON.parse(json) as JWK) : json;
  if (jwk.d) throw new Error('AUTH_PUBLIC_JWK must be a public key (it contains a private part "d")');
  return (await importJWK(jwk, TOKEN_ALG)) as CryptoKey;
}
