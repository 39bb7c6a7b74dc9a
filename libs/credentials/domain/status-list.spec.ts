import { STATUS_LIST_LENGTH } from './constants';
import { getBit, newEncodedList, setBit, statusListCredential } from './status-list';

describe('Bitstring Status List', () => {
  it('sets and clears single bits of a list of at least 131,072 entries', async () => {
    const empty = await newEncodedList(STATUS_LIST_LENGTH);
    expect(STATUS_LIST_LENGTH).toBeGreaterThanOrEqual(131072);
    expect(await getBit(empty, STATUS_LIST_LENGTH - 1)).toBe(false);
    const one = await setBit(empty, 4242, true);
    expect(one).not.toBe(empty);
    expect(await getBit(one, 4242)).toBe(true);
    expect(await getBit(one, 4241)).toBe(false);
    expect(await getBit(one, 4243)).toBe(false);
    expect(await setBit(one, 4242, false)).toBe(empty);
  });

  it('builds an unsigned BitstringStatusListCredential for the issuer', async () => {
    const encodedList = await setBit(await newEncodedList(STATUS_LIST_LENGTH), 7, true);
    const vc = await statusListCredential({ url: 'http://localhost:3000/status/abc', encodedList, purpose: 'revocation', issuerDid: 'did:web:localhost%3A3000:issuers:alfa', validFrom: new Date('2025-07-01T10:00:00.123Z') });
    expect(vc).toMatchObject({ id: 'http://localhost:3000/status/abc', issuer: 'did:web:localhost%3A3000:issuers:alfa', validFrom: '2025-07-01T10:00:00Z' });
    expect(vc.type).toContain('BitstringStatusListCredential');
    expect(vc.credentialSubject).toMatchObject({ type: 'BitstringStatusList', statusPurpose: 'revocation', encodedList });
    expect(vc.proof).toBeUndefined();
  });
});
