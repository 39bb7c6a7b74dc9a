import { createHash, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';

/** Wrong transaction codes an offer tolerates; the next wrong one locks it for good. */
export const MAX_TX_CODE_ATTEMPTS = 5;
export const TX_CODE_LENGTH = 6;
export const DEFAULT_OFFER_TTL_HOURS = 14 * 24;
export const MAX_OFFER_TTL_HOURS = 90 * 24;
export const ACCESS_TOKEN_TTL_SECONDS = 600;
export const NONCE_TTL_SECONDS = 300;

/** A high-entropy code: the pre-authorized code, access tokens, nonces. */
export function randomCode(): string {
  return randomBytes(32).toString('base64url');
}

/** The numeric transaction code the learner receives separately (mail, letter, in person). */
export function newTxCode(): string {
  return Array.from({ length: TX_CODE_LENGTH }, () => String(randomInt(10))).join('');
}

/** Codes are stored only as hashes; the transaction code is salted with its offer id (it is short). */
export function codeHash(code: string, salt = ''): string {
  return createHash('sha256').update(`${salt}\n${code}`).digest('base64url');
}

export function sameHash(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export interface OfferState {
  expiresAt: Date;
  redeemedAt: Date | null;
  lockedAt: Date | null;
  failedTxAttempts: number;
}

export type RedemptionRefusal = 'EXPIRED' | 'USED' | 'LOCKED';

/** Why an offer cannot be redeemed now, or null when it can. */
export function redemptionRefusal(o: OfferState, now: Date): RedemptionRefusal | null {
  if (o.redeemedAt) return 'USED';
  if (o.lockedAt || o.failedTxAttempts >= MAX_TX_CODE_ATTEMPTS) return 'LOCKED';
  if (o.expiresAt.getTime() <= now.getTime()) return 'EXPIRED';
  return null;
}

export type OfferStateName = 'OPEN' | 'REDEEMED' | 'LOCKED' | 'EXPIRED';

/** What a school sees of an offer: still open, picked up, locked by wrong codes, or expired unused. */
export function offerState(o: OfferState, now: Date): OfferStateName {
  const r = redemptionRefusal(o, now);
  return r === null ? 'OPEN' : r === 'USED' ? 'REDEEMED' : r;
}

export const REFUSAL_TEXT: Record<RedemptionRefusal, string> = {
  EXPIRED: 'the offer has expired',
  USED: 'the pre-authorized code was already used',
  LOCKED: `the offer is locked after ${MAX_TX_CODE_ATTEMPTS} wrong transaction codes`,
};

/** A CSV field: quoted when needed, and never read as a formula by a spreadsheet. */
export function csvField(v: string | number | null): string {
  let s = v === null ? '' : String(v);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}
