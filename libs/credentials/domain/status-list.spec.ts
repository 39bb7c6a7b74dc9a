import { STATUS_LIST_LENGTH } from './constants';
import { decodedListOf, getBit, newEncodedList, readStatusBits, setBit, statusListCredential } from './status-list';

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

  describe('readStatusBits', () => {
    const issuer = 'did:web:localhost%3A3000:issuers:alfa';
    const url = (p: string) => `http://localhost:3000/status/${p}`;
    const lists = async () => ({
      [url('rev')]: await statusListCredential({ url: url('rev'), encodedList: await setBit(await newEncodedList(STATUS_LIST_LENGTH), 11, true), purpose: 'revocation', issuerDid: issuer, validFrom: new Date() }),
      [url('sus')]: await statusListCredential({ url: url('sus'), encodedList: await newEncodedList(STATUS_LIST_LENGTH), purpose: 'suspension', issuerDid: issuer, validFrom: new Date() }),
    });
    const credential = (revIndex: number, o: Record<string, unknown> = {}) => ({
      issuer: { id: issuer },
      credentialStatus: [
        { id: `${url('rev')}#${revIndex}`, type: 'BitstringStatusListEntry', statusPurpose: 'revocation', statusListIndex: String(revIndex), statusListCredential: url('rev') },
        { id: `${url('sus')}#3`, type: 'BitstringStatusListEntry', statusPurpose: 'suspension', statusListIndex: '3', statusListCredential: url('sus') },
      ],
      ...o,
    });

    it('reads the bit of each entry from its list', async () => {
      const l = await lists();
      const load = async (u: string) => l[u];
      expect(await readStatusBits(credential(11), load)).toEqual({ ok: true, bits: [{ purpose: 'revocation', set: true }, { purpose: 'suspension', set: false }] });
      expect(await readStatusBits(credential(12), load)).toEqual({ ok: true, bits: [{ purpose: 'revocation', set: false }, { purpose: 'suspension', set: false }] });
    });

    it('decodes one list document once, and a new version of the list again', async () => {
      const l = await lists();
      const doc = l[url('rev')];
      expect(decodedListOf(doc)).toBe(decodedListOf(doc));
      const next = { ...doc, credentialSubject: { ...doc.credentialSubject, encodedList: await newEncodedList(STATUS_LIST_LENGTH) } };
      expect(decodedListOf(next)).not.toBe(decodedListOf(doc));
      expect((await decodedListOf(next)).getStatus(11)).toBe(false);
    });

    it('fails on a purpose mismatch, another issuer, an unloadable list or a malformed entry', async () => {
      const l = await lists();
      const load = async (u: string) => l[u];
      const swapped = { ...l, [url('rev')]: l[url('sus')] };
      expect(await readStatusBits(credential(11), async (u) => swapped[u])).toMatchObject({ ok: false, error: expect.stringMatching(/status purpose "suspension"/) });
      expect(await readStatusBits(credential(11, { issuer: 'did:web:elsewhere' }), load)).toMatchObject({ ok: false, error: expect.stringMatching(/Issuers .* do not match/) });
      expect(await readStatusBits(credential(11), async () => Promise.reject(new Error('UNKNOWN_DOCUMENT')))).toMatchObject({ ok: false, error: expect.stringMatching(/Could not load.*UNKNOWN_DOCUMENT/) });
      const bad = credential(11);
      bad.credentialStatus[0].statusListIndex = 'x';
      expect(await readStatusBits(bad, load)).toMatchObject({ ok: false, error: expect.stringMatching(/statusListIndex/) });
      expect(await readStatusBits({ issuer, credentialStatus: { type: 'Other' } }, load)).toMatchObject({ ok: false });
    });
  });
});
