import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey';
import { buildDiplomaCredential } from './credential-builder';
import { createDocumentLoader, DocumentLoader, MULTIKEY_CONTEXT } from './document-loader';
import { IssuerKeyPair, keyPairFrom, openSecret, privateJoseKey, publicJwkOf, sealSecret } from './keys';
import { addCoIssuerProof, signAsIssuer, signJwt, verifyJwt, verifyProofSet } from './proofs';
import { CompactSign } from 'jose';

const ports = { ownDidDocument: async () => null, ownStatusList: async () => null };
const loader = createDocumentLoader(ports, { ownDidPrefix: 'did:web:localhost%3A3000', ownStatusListPrefix: 'http://localhost:3000/status/' });

async function didKeyPair(): Promise<IssuerKeyPair> {
  const kp = await Ed25519Multikey.generate();
  const fp = kp.publicKeyMultibase as string;
  const secret = (await kp.export({ publicKey: true, secretKey: true, includeContext: false })).secretKeyMultibase;
  return keyPairFrom({ id: `did:key:${fp}#${fp}`, controller: `did:key:${fp}`, publicKeyMultibase: fp, secretKeyMultibase: secret });
}

async function foreignKeyPair(did: string): Promise<IssuerKeyPair> {
  const kp = await Ed25519Multikey.generate({ id: `${did}#key-1`, controller: did });
  const e = await kp.export({ publicKey: true, secretKey: true, includeContext: false });
  return keyPairFrom({ id: `${did}#key-1`, controller: did, publicKeyMultibase: e.publicKeyMultibase, secretKeyMultibase: e.secretKeyMultibase });
}

/** Resolves one foreign did:web (key and DID document) for the test's own signing; everything else goes to the service loader. */
function foreignLoader(key: IssuerKeyPair): DocumentLoader {
  return async (url) => {
    if (!url.startsWith(key.controller)) return loader(url);
    const vm = { '@context': MULTIKEY_CONTEXT, ...(await key.export({ publicKey: true, includeContext: false })) };
    const document = url === key.controller
      ? { '@context': ['https://www.w3.org/ns/did/v1', MULTIKEY_CONTEXT], id: key.controller, verificationMethod: [{ ...vm, '@context': undefined }], assertionMethod: [key.id] }
      : vm;
    return { contextUrl: null, documentUrl: url, document: JSON.parse(JSON.stringify(document)) };
  };
}

function diploma(issuerDid: string) {
  return buildDiplomaCredential(
    { idempotencyKey: 'unit-test-0001', learner: { givenName: 'Sanne', familyName: 'de Vries' }, qualificationId: '00000000-0000-4000-8000-000000000000', awardingDate: '2025-07-01', format: 'DATA_INTEGRITY' },
    { id: 'urn:uuid:11111111-2222-4333-8444-555555555555', issuerDid, issuerName: 'Test issuer', issuedAt: new Date('2025-07-01T10:00:00Z'), status: [] },
    { key: 'nl-mbo-software-developer', code: '25604', jurisdiction: 'NL', framework: 'NLQF', nationalLevel: '4', eqfLevel: 4, title: { nl: 'Software developer' } },
  );
}

describe('Data Integrity proofs (eddsa-rdfc-2022)', () => {
  it('signs and verifies a did:key issuer credential; any changed value breaks the proof', async () => {
    const key = await didKeyPair();
    const signed = await signAsIssuer(diploma(key.controller), key, loader);
    expect(signed.proof).toMatchObject({ type: 'DataIntegrityProof', cryptosuite: 'eddsa-rdfc-2022', verificationMethod: key.id, proofPurpose: 'assertionMethod' });
    const [ok] = await verifyProofSet(signed, loader);
    expect(ok).toMatchObject({ verified: true, controller: key.controller, verificationMethod: key.id });

    const tampered = structuredClone(signed);
    tampered.credentialSubject.hasClaim.specifiedBy.eqfLevel = 5;
    const [bad] = await verifyProofSet(tampered, loader);
    expect(bad.verified).toBe(false);
    expect(bad.error).toBeTruthy();
  });

  it('reports each proof of a proof set on its own', async () => {
    const a = await didKeyPair();
    const b = await didKeyPair();
    const both = await addCoIssuerProof(await signAsIssuer(diploma(a.controller), a, loader), b, loader);
    expect(both.proof).toHaveLength(2);
    expect((await verifyProofSet(both, loader)).map((p) => p.verified)).toEqual([true, true]);
    const broken = structuredClone(both);
    broken.proof[1].proofValue = broken.proof[0].proofValue;
    const r = await verifyProofSet(broken, loader);
    expect(r.map((p) => p.verified)).toEqual([true, false]);
  });

  it('a key swapped behind the same verificationMethod id does not verify', async () => {
    const real = await didKeyPair();
    const other = await didKeyPair();
    const impostor = await keyPairFrom({ ...(await other.export({ publicKey: true, secretKey: true, includeContext: false }) as any), id: real.id, controller: real.controller });
    const forged = await signAsIssuer(diploma(real.controller), impostor, loader);
    expect(forged.proof.verificationMethod).toBe(real.id);
    const [r] = await verifyProofSet(forged, loader);
    expect(r.verified).toBe(false);
  });

  it('names the refusal when a proof needs an unknown context or a foreign DID', async () => {
    const key = await didKeyPair();
    const signed = await signAsIssuer(diploma(key.controller), key, loader);
    const withContext = structuredClone(signed);
    withContext['@context'].push('https://evil.example/context.jsonld');
    const [ctx] = await verifyProofSet(withContext, loader);
    expect(ctx.verified).toBe(false);
    expect(ctx.error).toMatch(/UNKNOWN_CONTEXT/);

    const evil = await foreignKeyPair('did:web:evil.example');
    const signingOnly = foreignLoader(evil);
    const foreign = await signAsIssuer(diploma(evil.controller), evil, signingOnly);
    expect((await verifyProofSet(foreign, signingOnly))[0].verified).toBe(true);
    const [refused] = await verifyProofSet(foreign, loader);
    expect(refused.verified).toBe(false);
    expect(refused.error).toMatch(/FOREIGN_DID/);
  });
});

describe('VC-JOSE JWT', () => {
  it('signs with EdDSA and verifies against the key the kid names', async () => {
    const key = await didKeyPair();
    const jwt = await signJwt(diploma(key.controller), key);
    const r = await verifyJwt(jwt, loader);
    expect(r.proof).toMatchObject({ verified: true, verificationMethod: key.id, controller: key.controller });
    expect(r.credential!.issuer.id).toBe(key.controller);

    const [h, p, s] = jwt.split('.');
    const payload = JSON.parse(Buffer.from(p, 'base64url').toString());
    payload.credentialSubject.familyName = 'Jansen';
    const forged = await verifyJwt([h, Buffer.from(JSON.stringify(payload)).toString('base64url'), s].join('.'), loader);
    expect(forged.proof.verified).toBe(false);
    expect(forged.proof.error).toMatch(/signature invalid/);
  });

  it('refuses alg none and unnamed keys; a foreign kid is refused by name and the payload still reported', async () => {
    const key = await didKeyPair();
    const body = Buffer.from(JSON.stringify(diploma(key.controller))).toString('base64url');
    const none = `${Buffer.from(JSON.stringify({ alg: 'none', kid: key.id })).toString('base64url')}.${body}.`;
    expect((await verifyJwt(none, loader)).proof).toMatchObject({ verified: false, error: expect.stringMatching(/EdDSA/) });
    expect((await verifyJwt('not-a-jwt', loader)).proof.error).toBe('not a compact JWS');

    const evil = await foreignKeyPair('did:web:evil.example');
    const jwt = await new CompactSign(Buffer.from(JSON.stringify(diploma(evil.controller))))
      .setProtectedHeader({ alg: 'EdDSA', kid: evil.id })
      .sign(await privateJoseKey(evil));
    const r = await verifyJwt(jwt, loader);
    expect(r.proof.verified).toBe(false);
    expect(r.proof.error).toMatch(/^FOREIGN_DID/);
    expect(r.credential?.issuer?.id).toBe('did:web:evil.example');
  });
});

describe('VC-JOSE JWT encoding', () => {
  it('accepts only the canonical base64url form of a signature (no second spelling of the same JWT)', async () => {
    const key = await didKeyPair();
    const jwt = await signJwt(diploma(key.controller), key);
    const [h, p, s] = jwt.split('.');
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    // Characters for the last position that decode to the very same signature bytes.
    const sameBytes = [...alphabet].filter((c) => c !== s.at(-1) && Buffer.from(s.slice(0, -1) + c, 'base64url').equals(Buffer.from(s, 'base64url')));
    expect(sameBytes.length).toBeGreaterThan(0);
    for (const c of sameBytes) {
      const r = await verifyJwt([h, p, s.slice(0, -1) + c].join('.'), loader);
      expect(r.proof).toMatchObject({ verified: false, error: 'signature invalid: non-canonical base64url encoding' });
    }
    expect((await verifyJwt(jwt, loader)).proof.verified).toBe(true);
  });

  it('reports a kid that is not a string instead of throwing', async () => {
    const key = await didKeyPair();
    const [, p, s] = (await signJwt(diploma(key.controller), key)).split('.');
    for (const kid of [42, { id: key.id }, [key.id], null]) {
      const h = Buffer.from(JSON.stringify({ alg: 'EdDSA', kid })).toString('base64url');
      const r = await verifyJwt([h, p, s].join('.'), loader);
      expect(r.proof).toMatchObject({ verified: false, verificationMethod: null, error: expect.stringMatching(/kid/) });
    }
  });
});

describe('keys', () => {
  it('seals secrets with AES-256-GCM; another KEK cannot open them', async () => {
    const kek = new Uint8Array(32).fill(7);
    const jwe = await sealSecret('zrvSecret', kek, 'did:key:x#x');
    expect(jwe.split('.')).toHaveLength(5);
    expect(jwe).not.toContain('zrvSecret');
    expect(JSON.parse(Buffer.from(jwe.split('.')[0], 'base64url').toString())).toMatchObject({ alg: 'dir', enc: 'A256GCM' });
    expect(await openSecret(jwe, kek)).toBe('zrvSecret');
    await expect(openSecret(jwe, new Uint8Array(32).fill(8))).rejects.toThrow();
  });

  it('the JOSE private key matches the Multikey public key', async () => {
    const key = await didKeyPair();
    const jwk = await publicJwkOf(key);
    expect(jwk).toMatchObject({ kty: 'OKP', crv: 'Ed25519' });
    expect(jwk).not.toHaveProperty('d');
    const jwt = await signJwt({ hello: 'world' }, key);
    expect((await verifyJwt(jwt, loader)).proof.verified).toBe(true);
  });
});

describe('proof shape is checked before any decoding', () => {
  const { proofShapeProblem, MAX_PROOF_VALUE_CHARS } = require('./proofs') as typeof import('./proofs');
  it('accepts the shape of a real eddsa-rdfc-2022 proof and refuses over-long or mistyped values', () => {
    const ok = { type: 'DataIntegrityProof', verificationMethod: 'did:web:x:issuers:a#key-1', proofValue: `z${'3'.repeat(87)}` };
    expect(proofShapeProblem(ok)).toBeNull();
    expect(proofShapeProblem({ ...ok, proofValue: `z${'A'.repeat(200_000)}` })).toMatch(new RegExp(`at most ${MAX_PROOF_VALUE_CHARS}`));
    expect(proofShapeProblem({ ...ok, proofValue: 42 })).toMatch(/proofValue must be a string/);
    expect(proofShapeProblem({ ...ok, verificationMethod: `did:key:z${'A'.repeat(10_000)}` })).toMatch(/verificationMethod is longer/);
    expect(proofShapeProblem('x')).toMatch(/object/);
  });
});
