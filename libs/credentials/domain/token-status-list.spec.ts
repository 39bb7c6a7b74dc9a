import { generateKeyPairSync, sign, verify } from 'node:crypto';
import { getListFromStatusListJWT } from '@sd-jwt/jwt-status-list';
import { newEncodedList, setBit } from './status-list';
import { tokenStatusListJwt } from './token-status-list';

describe('Token Status List from a Bitstring Status List', () => {
  it('carries the same revoked indexes (the two formats pack bits in opposite orders), marks suspended ones 2, and is signed', async () => {
    const length = 131072;
    let encoded = await newEncodedList(length);
    for (const i of [0, 5, 9, 130000]) encoded = await setBit(encoded, i, true);
    const { privateKey, publicKey } = generateKeyPairSync('ed25519');
    const jwt = await tokenStatusListJwt({ encodedList: encoded, length, suspended: [4, 5, 129999], uri: 'https://x/status/l/token', issuerDid: 'did:web:x', kid: 'did:web:x#key-1', now: new Date() }, async (d) => sign(null, d, privateKey));
    const [h, p, s] = jwt.split('.');
    expect(verify(null, Buffer.from(`${h}.${p}`), publicKey, Buffer.from(s, 'base64url'))).toBe(true);
    expect(JSON.parse(Buffer.from(h, 'base64url').toString())).toEqual({ alg: 'EdDSA', typ: 'statuslist+jwt', kid: 'did:web:x#key-1' });
    expect(JSON.parse(Buffer.from(p, 'base64url').toString())).toMatchObject({ iss: 'did:web:x', sub: 'https://x/status/l/token', ttl: 60 });
    const list = getListFromStatusListJWT(jwt);
    // Revoked wins over suspended (5); 4 and 129999 are only suspended.
    expect([0, 1, 4, 5, 6, 9, 129999, 130000].map((i) => list.getStatus(i))).toEqual([1, 0, 2, 1, 0, 1, 2, 1]);
  });
});
