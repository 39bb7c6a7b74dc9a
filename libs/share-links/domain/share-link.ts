import { createHash, randomBytes } from 'node:crypto';

/** 256 random bits, URL-safe: unguessable, and short enough for a QR code. */
export function newShareToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Only this hash is stored; the token itself exists only in the link given to the creator. */
export function shareTokenHash(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** A token as newShareToken makes it; anything else is not looked up at all. */
export const SHARE_TOKEN = /^[A-Za-z0-9_-]{43}$/;

export const MAX_SHARE_DAYS = 365;

export type ShareLinkState = 'ACTIVE' | 'REVOKED' | 'EXPIRED';

export function shareLinkState(link: { revoked_at: Date | null; expires_at: Date }, now: Date = new Date()): ShareLinkState {
  if (link.revoked_at) return 'REVOKED';
  return link.expires_at.getTime() <= now.getTime() ? 'EXPIRED' : 'ACTIVE';
}

export function shareUrl(baseUrl: string, token: string): string {
  return `${baseUrl.replace(/\/$/, '')}/s/${token}`;
}
