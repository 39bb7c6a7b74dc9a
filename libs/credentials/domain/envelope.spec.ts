import { envelopedJwt, unwrapCredential } from './envelope';

const jwt = 'eyJhbGciOiJFZERTQSJ9.eyJ4IjoxfQ.c2ln';

describe('VC 2.0 envelopes', () => {
  it('reads the JWT of an enveloped credential or presentation by its type and media type', () => {
    expect(envelopedJwt({ type: 'EnvelopedVerifiableCredential', id: `data:application/vc+jwt,${jwt}` }, 'credential')).toBe(jwt);
    expect(envelopedJwt({ type: ['EnvelopedVerifiablePresentation'], id: `data:application/vp+jwt,${jwt}` }, 'presentation')).toBe(jwt);
    expect(envelopedJwt({ type: 'EnvelopedVerifiableCredential', id: `data:application/vc+ld+json+jwt;charset=utf-8,${jwt}` }, 'credential')).toBe(jwt);
  });

  it('leaves alone what is not an envelope of that kind', () => {
    expect(envelopedJwt({ type: 'EnvelopedVerifiableCredential', id: `data:application/vp+jwt,${jwt}` }, 'credential')).toBeNull();
    expect(envelopedJwt({ type: 'EnvelopedVerifiablePresentation', id: `data:application/vc+jwt,${jwt}` }, 'presentation')).toBeNull();
    expect(envelopedJwt({ type: 'EnvelopedVerifiableCredential', id: `https://example.org/${jwt}` }, 'credential')).toBeNull();
    expect(envelopedJwt({ type: 'EnvelopedVerifiableCredential', id: 'data:application/vc+jwt' }, 'credential')).toBeNull();
    expect(envelopedJwt([jwt], 'credential')).toBeNull();
    const plain = { type: ['VerifiableCredential'], id: 'urn:uuid:1' };
    expect(unwrapCredential(plain)).toBe(plain);
    expect(unwrapCredential(jwt)).toBe(jwt);
  });
});
