import { VC_V2_CONTEXT, RECOGNITION_CONTEXT_V1 } from './constants';
import { createDocumentLoader, DocumentRefused } from './document-loader';
import { generateIssuerKey } from './keys';
import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey';

const OWN = 'did:web:localhost%3A3000';
const ownDoc = (did: string) => ({
  '@context': ['https://www.w3.org/ns/did/v1'],
  id: did,
  verificationMethod: [{ id: `${did}#key-1`, type: 'Multikey', controller: did, publicKeyMultibase: 'z6MkExample' }],
});

function loader() {
  const seen: string[] = [];
  const load = createDocumentLoader(
    {
      ownDidDocument: async (did) => {
        seen.push(did);
        return did === `${OWN}:issuers:alfa` ? ownDoc(did) : null;
      },
      ownStatusList: async (url) => (url.endsWith('/known') ? { id: url, type: ['VerifiableCredential'] } : null),
    },
    { ownDidPrefix: OWN, ownStatusListPrefix: 'http://localhost:3000/status/' },
  );
  return { load, seen };
}

async function refusal(p: Promise<unknown>): Promise<DocumentRefused> {
  try {
    await p;
  } catch (e) {
    if (e instanceof DocumentRefused) return e;
    throw e;
  }
  throw new Error('expected the loader to refuse');
}

describe('allowlist document loader', () => {
  it('serves the bundled VC 2.0 and project contexts from memory', async () => {
    const { load } = loader();
    const vc = await load(VC_V2_CONTEXT);
    expect(vc.documentUrl).toBe(VC_V2_CONTEXT);
    expect((vc.document as any)['@context']).toBeDefined();
    const own = await load(RECOGNITION_CONTEXT_V1);
    expect((own.document as any)['@context'].LearningAchievement).toBe('elm:LearningAchievement');
  });

  it('refuses an unknown context URL with UNKNOWN_CONTEXT, naming the URL', async () => {
    const e = await refusal(loader().load('https://evil.example/context.jsonld'));
    expect(e.reason).toBe('UNKNOWN_CONTEXT');
    expect(e.message).toMatch(/^UNKNOWN_CONTEXT: refused to load "https:\/\/evil\.example\/context\.jsonld"/);
    expect((await refusal(loader().load('https://www.w3.org/ns/credentials/v3'))).reason).toBe('UNKNOWN_CONTEXT');
    expect((await refusal(loader().load('https://evil.example/anything'))).reason).toBe('UNKNOWN_DOCUMENT');
    expect((await refusal(loader().load('file:///etc/passwd'))).reason).toBe('UNKNOWN_DOCUMENT');
  });

  it('refuses a did:web of a foreign host with FOREIGN_DID, without asking the registry', async () => {
    const { load, seen } = loader();
    const e = await refusal(load('did:web:evil.example#key-1'));
    expect(e.reason).toBe('FOREIGN_DID');
    expect(e.message).toMatch(/^FOREIGN_DID/);
    // A look-alike prefix is foreign too.
    expect((await refusal(load('did:web:localhost%3A30000:issuers:alfa#key-1'))).reason).toBe('FOREIGN_DID');
    expect((await refusal(load('did:ion:abc'))).reason).toBe('FOREIGN_DID');
    expect(seen).toEqual([]);
  });

  it('resolves own DIDs and their keys through the registry port; unknown ones are refused', async () => {
    const { load } = loader();
    const did = `${OWN}:issuers:alfa`;
    expect(((await load(did)).document as any).id).toBe(did);
    const vm = (await load(`${did}#key-1`)).document as any;
    expect(vm).toMatchObject({ id: `${did}#key-1`, controller: did, publicKeyMultibase: 'z6MkExample' });
    expect(vm['@context']).toBe('https://w3id.org/security/multikey/v1');
    expect((await refusal(load(`${did}#key-9`))).reason).toBe('UNKNOWN_DID');
    expect((await refusal(load(`${OWN}:issuers:nobody#key-1`))).reason).toBe('UNKNOWN_DID');
  });

  it('resolves did:key offline, and refuses a malformed one', async () => {
    const kp = await Ed25519Multikey.generate();
    const fp = kp.publicKeyMultibase as string;
    const doc = (await loader().load(`did:key:${fp}`)).document as any;
    expect(doc.id).toBe(`did:key:${fp}`);
    expect(doc.assertionMethod).toContain(`did:key:${fp}#${fp}`);
    const vm = (await loader().load(`did:key:${fp}#${fp}`)).document as any;
    expect(vm.publicKeyMultibase).toBe(fp);
    expect((await refusal(loader().load('did:key:z6MkNotAKey'))).reason).toBe('UNKNOWN_DID');
  });

  it('serves only own, known status lists', async () => {
    const { load } = loader();
    expect(((await load('http://localhost:3000/status/known')).document as any).id).toBe('http://localhost:3000/status/known');
    expect((await refusal(load('http://localhost:3000/status/unknown'))).reason).toBe('UNKNOWN_DOCUMENT');
  });

  it('generated issuer keys are Ed25519 Multikeys', async () => {
    const k = await generateIssuerKey(`${OWN}:issuers:alfa#key-1`, `${OWN}:issuers:alfa`);
    expect(k.publicKeyMultibase).toMatch(/^z6Mk/);
    expect(k.secretKeyMultibase).toMatch(/^z[1-9A-HJ-NP-Za-km-z]{80,}$/);
  });
});
