import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { ensurePrivateDir } from '../platform/private-dir';
import { dirname, resolve } from 'node:path';
import type { AppConfig } from '../platform/config/config.schema';

/**
 * The key-encryption key for issuer private keys. Production must configure KEY_ENCRYPTION_KEY
 * (config validation refuses to start without it); development generates one into DATA_DIR.
 */
export function loadKeyEncryptionKey(config: AppConfig): Uint8Array {
  if (config.KEY_ENCRYPTION_KEY) return new Uint8Array(Buffer.from(config.KEY_ENCRYPTION_KEY, 'base64'));
  if (config.NODE_ENV === 'production') throw new Error('KEY_ENCRYPTION_KEY is required when NODE_ENV=production');
  const path = resolve(config.DATA_DIR, 'dev-key-encryption-key');
  if (!existsSync(path)) {
    ensurePrivateDir(dirname(path));
    writeFileSync(path, randomBytes(32).toString('base64'), { mode: 0o600, flag: 'wx' });
  }
  return new Uint8Array(Buffer.from(readFileSync(path, 'utf8').trim(), 'base64'));
}
