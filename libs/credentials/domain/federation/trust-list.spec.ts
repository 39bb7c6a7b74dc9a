import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { buildTrustList, parseTrustList, SigningKey, thumbprintOf, TrustEntry, trustDecision, TrustListInstitution, TRUST_LIST_TYP } from './trust-list';

async function signingKey(): Promise<SigningKey> {
  const { privateKey, publicKey } = await generateKeyPair('EdDSA', { crv: 'Ed25519' });
  const publicJwk = await exportJWK(publicKey);
  const kid = await thumbprintOf(publicJwk);
  return { kid, key: privateKey, publicJwk: { ...publicJwk, kid } };
}

const did = 'did:web:nl.example:issuers:rijn-ijssel';
const school: TrustListInstitution = {
  did,
  name: 'Rijn IJssel',
  jurisdiction: 'NL',
  accreditations: [{ scope: 'QUALIFICATION', qualificationKey: 'nl-mbo-25180', validFrom: '2024-01-01' }],
  didDocument: { id: did, verificationMethod: [{ id: `${did}#key-1`, type: 'Multikey', controller: did, publicKeyMultibase: 'z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK' }] },
  jwks: [],
};
const anchor = 'https://nl.example';
const now = new Date('2026-11-30T12:00:00Z');
const later = new Date('2026-12-07T12:00:00Z');

describe('trust list (OpenID Federation subordinate statements in one signed list)', () => {
  it('round-trips: the entries come back with name, jurisdiction, accreditations, DID document and validity', async () => {
    const k = await signingKey();
    const jwt = await buildTrustList(anchor, [school], k, now, later);
    const parsed = await parseTrustList(jwt, { jwk: k.publicJwk }, { now });
    expect(parsed.anchor).toBe(anchor);
    expect(parsed.expiresAt).toEqual(later);
    expect(parsed.entries).toEqual([{ did, name: 'Rijn IJssel', jurisdiction: 'NL', accreditations: school.accreditations, didDocument: school.didDocument, validFrom: now, validUntil: later }]);
    // Pinned by thumbprint only: the key comes from the list's jwks and must match.
    expect((await parseTrustList(jwt, { thumbprint: k.kid }, { now })).entries).toHaveLength(1);
  });

  it('refuses a list signed by another key, a tampered list, an expired list and another issuer, each with its code', async () => {
    const k = await signingKey();
    const other = await signingKey();
    const jwt = await buildTrustList(anchor, [school], k, now, later);
    await expect(parseTrustList(jwt, { jwk: other.publicJwk }, { now })).rejects.toMatchObject({ code: 'SIGNATURE_INVALID', field: 'jwt' });
    await expect(parseTrustList(jwt, { thumbprint: other.kid }, { now })).rejects.toMatchObject({ code: 'ANCHOR_KEY_MISMATCH' });
    const [h, p, s] = jwt.split('.');
    const payload = JSON.parse(Buffer.from(p, 'base64url').toString());
    payload.exp += 86400 * 365;
    await expect(parseTrustList(`${h}.${Buffer.from(JSON.stringify(payload)).toString('base64url')}.${s}`, { jwk: k.publicJwk }, { now })).rejects.toMatchObject({ code: 'SIGNATURE_INVALID' });
    await expect(parseTrustList(jwt, { jwk: k.publicJwk }, { now: new Date(later.getTime() + 1000) })).rejects.toMatchObject({ code: 'EXPIRED' });
    await expect(parseTrustList(jwt, { jwk: k.publicJwk }, { now, expectedAnchor: 'https://de.example' })).rejects.toMatchObject({ code: 'ISSUER_MISMATCH' });
    await expect(parseTrustList('not.a.jwt!', { jwk: k.publicJwk }, { now })).rejects.toMatchObject({ code: 'MALFORMED' });
  });

  it('refuses a statement signed by another key inside a list signed by the anchor', async () => {
    const k = await signingKey();
    const other = await signingKey();
    const foreign = await buildTrustList(anchor, [school], other, now, later);
    const stolen = (JSON.parse(Buffer.from(foreign.split('.')[1], 'base64url').toString()) as { subordinate_statements: string[] }).subordinate_statements;
    const list = await new SignJWT({ jwks: { keys: [k.publicJwk] }, subordinate_statements: stolen })
      .setProtectedHeader({ alg: 'EdDSA', typ: TRUST_LIST_TYP })
      .setIssuer(anchor)
      .setSubject(anchor)
      .setIssuedAt(Math.floor(now.getTime() / 1000))
      .setExpirationTime(Math.floor(later.getTime() / 1000))
      .sign(k.key);
    await expect(parseTrustList(list, { jwk: k.publicJwk }, { now })).rejects.toMatchObject({ code: 'SIGNATURE_INVALID', field: 'jwt.subordinate_statements[0]' });
  });

  it('refuses an entry whose DID document belongs to another DID', async () => {
    const k = await signingKey();
    const jwt = await buildTrustList(anchor, [{ ...school, didDocument: { ...school.didDocument, id: 'did:web:evil.example' } }], k, now, later);
    await expect(parseTrustList(jwt, { jwk: k.publicJwk }, { now })).rejects.toMatchObject({ code: 'ENTRY_INVALID' });
  });
});

describe('trust decision', () => {
  const entry: TrustEntry = { listId: 'l1', anchor, listExpiresAt: later, did, name: 'Rijn IJssel', jurisdiction: 'NL', validFrom: now, validUntil: later };
  it('trusts a DID listed in a list in force, and names the list', () => {
    expect(trustDecision([entry], did, now)).toEqual({ trusted: true, entry });
  });
  it('does not trust an unlisted DID, nor one whose list has expired', () => {
    expect(trustDecision([entry], 'did:web:other.example', now)).toMatchObject({ trusted: false, reason: 'NOT_LISTED' });
    expect(trustDecision([entry], did, new Date(later.getTime() + 1))).toMatchObject({ trusted: false, reason: 'LIST_EXPIRED' });
  });
  it('takes the list still in force when another has expired', () => {
    const expired = { ...entry, listId: 'l0', listExpiresAt: now };
    expect(trustDecision([expired, entry], did, new Date(now.getTime() + 1000))).toMatchObject({ trusted: true, entry: { listId: 'l1' } });
  });
});
