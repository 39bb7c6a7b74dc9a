import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey';
import type { AppConfig } from '../../platform/config/config.schema';
import { CredentialsSettings } from '../credentials.settings';
import { buildDiplomaCredential } from '../domain/credential-builder';
import { DocumentRefused, MULTIKEY_CONTEXT } from '../domain/document-loader';
import { keyPairFrom, type IssuerKeyPair } from '../domain/keys';
import type { IssuerService } from '../issuer.service';
import { ProofPool } from './proof-pool.service';
import { controllersOf } from './proof-tasks';

const settings = new CredentialsSettings({ PUBLIC_BASE_URL: 'http://localhost:3000' } as AppConfig);
const did = settings.didOf('alfa-college');

async function issuerKey(fragment: string): Promise<IssuerKeyPair> {
  const kp = await Ed25519Multikey.generate({ id: `${did}#${fragment}`, controller: did });
  const e = await kp.export({ publicKey: true, secretKey: true, includeContext: false });
  return keyPairFrom({ id: `${did}#${fragment}`, controller: did, publicKeyMultibase: e.publicKeyMultibase, secretKeyMultibase: e.secretKeyMultibase });
}

/** The registry's DID document for the key: what IssuerService.didDocument answers. */
function registry(...keys: IssuerKeyPair[]): Pick<IssuerService, 'didDocument'> {
  return {
    didDocument: async (asked: string) =>
      asked === did
        ? {
            '@context': ['https://www.w3.org/ns/did/v1', MULTIKEY_CONTEXT],
            id: did,
            verificationMethod: keys.map((k) => ({ id: k.id, type: 'Multikey', controller: did, publicKeyMultibase: k.publicKeyMultibase })),
            assertionMethod: keys.map((k) => k.id),
          }
        : null,
  };
}

const diploma = () =>
  buildDiplomaCredential(
    { idempotencyKey: 'pool-test-0001', learner: { givenName: 'Sanne', familyName: 'de Vries' }, qualificationId: '00000000-0000-4000-8000-000000000000', awardingDate: '2025-07-01', format: 'DATA_INTEGRITY' },
    { id: 'urn:uuid:11111111-2222-4333-8444-555555555555', issuerDid: did, issuerName: 'Alfa-college', issuedAt: new Date('2025-07-01T10:00:00Z'), status: [] },
    { key: 'nl-mbo-software-developer', code: '25604', jurisdiction: 'NL', framework: 'NLQF', nationalLevel: '4', eqfLevel: 4, title: { nl: 'Software developer' } },
  );

describe('proof pool: the same proofs on worker threads as on the main thread', () => {
  let key: IssuerKeyPair;
  let second: IssuerKeyPair;
  let threaded: ProofPool;
  let inline: ProofPool;
  beforeAll(async () => {
    key = await issuerKey('key-1');
    second = await issuerKey('key-2');
    threaded = new ProofPool({ PROOF_WORKERS: 2 } as AppConfig, settings, registry(key, second) as IssuerService);
    inline = new ProofPool({ PROOF_WORKERS: 0 } as AppConfig, settings, registry(key, second) as IssuerService);
  });
  afterAll(async () => {
    await threaded.onApplicationShutdown();
    await inline.onApplicationShutdown();
  });

  it('runs on two worker threads (the build is there in CI) and inline with PROOF_WORKERS=0', () => {
    expect(threaded.threads).toBe(2);
    expect(inline.threads).toBe(0);
  });

  it('a proof signed on a worker verifies inline and the reverse; a changed value fails on both', async () => {
    const onWorker = await threaded.signAsIssuer(diploma(), key);
    const onMain = await inline.signAsIssuer(diploma(), key);
    for (const signed of [onWorker, onMain]) {
      for (const pool of [threaded, inline]) expect((await pool.verifyProofSet(signed)).map((p) => p.verified)).toEqual([true]);
      const changed = structuredClone(signed);
      changed.credentialSubject.hasClaim.specifiedBy.eqfLevel = 5;
      for (const pool of [threaded, inline]) expect((await pool.verifyProofSet(changed))[0]).toMatchObject({ verified: false });
    }
  });

  it('a co-issuer proof joins the set on a worker; many tasks at once all come back', async () => {
    const signed = await threaded.signAsIssuer(diploma(), key);
    const both = await threaded.addCoIssuerProof(signed, second);
    expect(both.proof).toHaveLength(2);
    const results = await Promise.all(Array.from({ length: 24 }, () => threaded.verifyProofSet(both)));
    for (const r of results) expect(r.map((p) => p.verified)).toEqual([true, true]);
  });

  it('two proofs by the same key in the same second are each checked (results are matched one to one)', async () => {
    const signed = await inline.signAsIssuer(diploma(), key);
    const twice = { ...signed, proof: [signed.proof, structuredClone(signed.proof)] };
    for (const pool of [threaded, inline]) expect((await pool.verifyProofSet(twice)).map((p) => p.verified)).toEqual([true, true]);
  });

  it('a DID the registry does not know is refused by name, on the worker as inline', async () => {
    const signed = await threaded.signAsIssuer(diploma(), key);
    const stranger = structuredClone(signed);
    stranger.proof.verificationMethod = `${settings.didOf('nobody')}#key-1`;
    for (const pool of [threaded, inline]) {
      const [r] = await pool.verifyProofSet(stranger);
      expect(r.verified).toBe(false);
      expect(r.error).toMatch(/UNKNOWN_DID|nobody/);
    }
    expect(controllersOf(stranger, settings.ownDidPrefix)).toEqual([settings.didOf('nobody')]);
    // Another host's did:web is resolved (or refused) by the main thread too; did:key resolves itself in the worker.
    expect(controllersOf({ proof: { verificationMethod: 'did:web:elsewhere.example#k' } }, settings.ownDidPrefix)).toEqual(['did:web:elsewhere.example']);
    expect(controllersOf({ proof: { verificationMethod: 'did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK#z6Mk' } }, settings.ownDidPrefix)).toEqual([]);
  });

  it('another host\'s DID refused by the main thread keeps its reason on the worker as inline, and nothing is fetched', async () => {
    const signed = await threaded.signAsIssuer(diploma(), key);
    const foreign = structuredClone(signed);
    foreign.proof.verificationMethod = 'did:web:elsewhere.example#key-1';
    const refuse = async (did: string): Promise<null> => {
      throw new DocumentRefused('FOREIGN_DID', did, 'elsewhere.example is not on the allowlist');
    };
    for (const pool of [threaded, inline]) {
      const [r] = await pool.verifyProofSet(foreign, refuse);
      expect(r.verified).toBe(false);
      expect(r.error).toMatch(/^FOREIGN_DID: .*elsewhere.example is not on the allowlist/);
    }
  });
});
