import { createHash, randomBytes } from 'node:crypto';
import { SecretCodes } from './secret-codes.service';

describe('keyed hashes of short codes', () => {
  it('depend on the code, the salt and the service key; the stored form says it is keyed', () => {
    const a = new SecretCodes(randomBytes(32));
    const b = new SecretCodes(randomBytes(32));
    const h = a.hash('123456', 'offer-1');
    expect(SecretCodes.isKeyed(h)).toBe(true);
    expect(a.hash('123456', 'offer-1')).toBe(h);
    expect(a.hash('123457', 'offer-1')).not.toBe(h);
    expect(a.hash('123456', 'offer-2')).not.toBe(h);
    // Another service key: a copy of the database is no help without this one.
    expect(b.hash('123456', 'offer-1')).not.toBe(h);
    // Not the plain salted SHA-256 that anyone can recompute for all million codes.
    expect(h).not.toContain(createHash('sha256').update('offer-1\n123456').digest('base64url'));
    expect(SecretCodes.isKeyed(createHash('sha256').update('x').digest('base64url'))).toBe(false);
  });
});
