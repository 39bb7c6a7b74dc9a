import { codeHash, csvField, MAX_TX_CODE_ATTEMPTS, newTxCode, offerState, randomCode, redemptionRefusal, sameHash } from './offer-policy';

describe('offer policy', () => {
  const base = { expiresAt: new Date('2026-12-01T00:00:00Z'), redeemedAt: null, lockedAt: null, failedTxAttempts: 0 };
  const now = new Date('2026-11-30T12:00:00Z');

  it('an open offer can be redeemed; used, locked and expired ones say why not, used first', () => {
    expect(redemptionRefusal(base, now)).toBeNull();
    expect(redemptionRefusal({ ...base, expiresAt: now }, now)).toBe('EXPIRED');
    expect(redemptionRefusal({ ...base, failedTxAttempts: MAX_TX_CODE_ATTEMPTS - 1 }, now)).toBeNull();
    expect(redemptionRefusal({ ...base, failedTxAttempts: MAX_TX_CODE_ATTEMPTS }, now)).toBe('LOCKED');
    expect(redemptionRefusal({ ...base, lockedAt: now }, now)).toBe('LOCKED');
    expect(redemptionRefusal({ ...base, redeemedAt: now, lockedAt: now, expiresAt: now }, now)).toBe('USED');
    expect([offerState(base, now), offerState({ ...base, redeemedAt: now }, now), offerState({ ...base, lockedAt: now }, now), offerState({ ...base, expiresAt: now }, now)]).toEqual(['OPEN', 'REDEEMED', 'LOCKED', 'EXPIRED']);
  });

  it('transaction codes are six digits; codes are random and hashed with their salt', () => {
    const codes = new Set(Array.from({ length: 50 }, newTxCode));
    for (const c of codes) expect(c).toMatch(/^\d{6}$/);
    expect(codes.size).toBeGreaterThan(40);
    expect(randomCode()).not.toBe(randomCode());
    expect(randomCode()).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(codeHash('123456', 'offer-a')).not.toBe(codeHash('123456', 'offer-b'));
    expect(sameHash(codeHash('x', 's'), codeHash('x', 's'))).toBe(true);
    expect(sameHash(codeHash('x', 's'), codeHash('y', 's'))).toBe(false);
    expect(sameHash('short', codeHash('y'))).toBe(false);
  });

  it('CSV fields are quoted when needed and never start a spreadsheet formula', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('de Vries, Sanne')).toBe('"de Vries, Sanne"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvField(null)).toBe('');
  });
});
