import { didDocumentProblems, didWebUrl } from './did-web';

describe('did:web resolution address', () => {
  it('maps a host-only did:web to /.well-known/did.json and a path to <path>/did.json', () => {
    expect(didWebUrl('did:web:school.example.de')).toEqual({ host: 'school.example.de', url: 'https://school.example.de/.well-known/did.json' });
    expect(didWebUrl('did:web:localhost%3A8443:issuers:gym')).toEqual({ host: 'localhost:8443', url: 'https://localhost:8443/issuers/gym/did.json' });
  });

  it.each(['did:key:z6Mk', 'did:web:', 'did:web:a/b', 'did:web:host::x', 'did:web:host:..', 'did:web:ho%2Fst', 'did:web:%E0%A4%A'])('refuses %s', (did) => {
    expect(didWebUrl(did)).toBeNull();
  });
});

describe('DID document check', () => {
  const did = 'did:web:school.example.de';
  const vm = { id: `${did}#key-1`, type: 'Multikey', controller: did, publicKeyMultibase: 'z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK' };
  it('accepts a document of the DID with its own Multikey', () => {
    expect(didDocumentProblems(did, { '@context': [], id: did, verificationMethod: [vm], assertionMethod: [vm.id] })).toEqual([]);
  });
  it('refuses another DID, a foreign controller and a missing key, naming the field', () => {
    expect(didDocumentProblems(did, { id: 'did:web:evil.example', verificationMethod: [vm] }).map((p) => p.field)).toContain('document.id');
    expect(didDocumentProblems(did, { id: did, verificationMethod: [{ ...vm, controller: 'did:web:evil.example' }] }).map((p) => p.field)).toContain('document.verificationMethod[0].controller');
    expect(didDocumentProblems(did, { id: did, verificationMethod: [] }).map((p) => p.field)).toContain('document.verificationMethod');
  });
});
