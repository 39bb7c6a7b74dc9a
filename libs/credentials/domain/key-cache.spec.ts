import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey';
import { signerFor, verifierFor } from './key-cache';
import { generateIssuerKey, keyPairFrom } from './keys';

const did = 'did:web:school.example';
const data = new TextEncoder().encode('canonical n-quads hash');

async function pair(fragment: string) {
  const id = `${did}#${fragment}`;
  const material = await generateIssuerKey(id, did);
  return keyPairFrom({ id, controller: did, ...material });
}

const method = (k: { id: string; controller: string; publicKeyMultibase: string }) => ({
  '@context': 'https://w3id.org/security/multikey/v1',
  type: 'Multikey',
  id: k.id,
  controller: k.controller,
  publicKeyMultibase: k.publicKeyMultibase,
});

describe('cached signers and verifiers', () => {
  it('sign exactly as the library does (Ed25519 is deterministic) and verify the library’s signatures', async () => {
    const key = await pair('k1');
    const ours = await (await signerFor(key)).sign({ data });
    const theirs = await (key.signer() as { sign(o: { data: Uint8Array }): Promise<Uint8Array> }).sign({ data });
    expect(Buffer.from(ours).equals(Buffer.from(theirs))).toBe(true);
    expect(await (await verifierFor(method(key))).verify({ data, signature: theirs })).toBe(true);
    const libVerifier = (await Ed25519Multikey.from(method(key))).verifier();
    expect(await libVerifier.verify({ data, signature: ours })).toBe(true);
  });

  it('refuses a changed message and keys the cache by key material, not by id alone', async () => {
    const a = await pair('same');
    const b = await pair('same'); // rotated material under the same id
    const sig = await (await signerFor(a)).sign({ data });
    expect(await (await verifierFor(method(a))).verify({ data: new TextEncoder().encode('other'), signature: sig })).toBe(false);
    expect(await (await verifierFor(method(b))).verify({ data, signature: sig })).toBe(false);
    expect(await (await verifierFor(method(a))).verify({ data, signature: sig })).toBe(true);
  });

  it('builds one signer per key pair object', async () => {
    const key = await pair('k2');
    expect(await signerFor(key)).toBe(await signerFor(key));
  });
});
