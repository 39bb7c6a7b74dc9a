import { Inject, Injectable } from '@nestjs/common';
import { createHmac, hkdfSync } from 'node:crypto';
import { KEY_ENCRYPTION_KEY } from './issuer.service';

const PREFIX = 'hmac1:';

/**
 * Hashes of short codes (a wallet offer's six-digit tx_code) keyed with a secret derived from the key-encryption
 * key: a copy of the database alone does not let anyone try the million codes. The secret stays in this module.
 */
@Injectable()
export class SecretCodes {
  private readonly key: Buffer;

  constructor(@Inject(KEY_ENCRYPTION_KEY) kek: Uint8Array) {
    this.key = Buffer.from(hkdfSync('sha256', kek, Buffer.alloc(0), 'recognition-engine:short-codes:v1', 32));
  }

  hash(code: string, salt: string): string {
    return `${PREFIX}${createHmac('sha256', this.key).update(`${salt}\n${code}`).digest('base64url')}`;
  }

  /** Whether `stored` was made by `hash` (this scheme) rather than an earlier one. */
  static isKeyed(stored: string): boolean {
    return stored.startsWith(PREFIX);
  }
}
