import { newShareToken, SHARE_TOKEN, shareLinkState, shareTokenHash, shareUrl } from './share-link';

describe('share links', () => {
  it('makes distinct URL-safe tokens of 256 bits that match the accepted form', () => {
    const tokens = new Set(Array.from({ length: 200 }, () => newShareToken()));
    expect(tokens.size).toBe(200);
    for (const tk of tokens) expect(tk).toMatch(SHARE_TOKEN);
    expect(Buffer.from([...tokens][0], 'base64url')).toHaveLength(32);
  });

  it('stores a hash that differs from the token and from other tokens’ hashes', () => {
    const a = newShareToken();
    expect(shareTokenHash(a)).toMatch(/^[0-9a-f]{64}$/);
    expect(shareTokenHash(a)).not.toContain(a);
    expect(shareTokenHash(a)).toBe(shareTokenHash(a));
    expect(shareTokenHash(a)).not.toBe(shareTokenHash(newShareToken()));
  });

  it('is revoked before it is expired, and expired at its expiry instant', () => {
    const now = new Date('2026-01-01T00:00:00Z');
    expect(shareLinkState({ revoked_at: null, expires_at: new Date('2026-01-02T00:00:00Z') }, now)).toBe('ACTIVE');
    expect(shareLinkState({ revoked_at: null, expires_at: now }, now)).toBe('EXPIRED');
    expect(shareLinkState({ revoked_at: now, expires_at: new Date('2025-01-01T00:00:00Z') }, now)).toBe('REVOKED');
  });

  it('builds the link on the public base URL', () => {
    expect(shareUrl('https://verify.example/', 'abc')).toBe('https://verify.example/s/abc');
  });
});
