import { dataModelProblems, vcVersionOf } from './data-model';
import { presentationProblems } from './presentation';

const v2 = () => ({
  '@context': ['https://www.w3.org/ns/credentials/v2', 'https://www.w3.org/ns/credentials/examples/v2'],
  type: ['VerifiableCredential', 'ExampleCredential'],
  issuer: 'did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK',
  credentialSubject: { id: 'did:example:1', name: 'A' },
});
const fields = (c: unknown, unsigned = false) => dataModelProblems(c, { root: 'credential', unsigned }).map((p) => `${p.code} ${p.field}`);

describe('W3C data model checks', () => {
  it('accepts a minimal VC 2.0 and VC 1.1 credential', () => {
    expect(fields(v2(), true)).toEqual([]);
    const v1 = { ...v2(), '@context': ['https://www.w3.org/2018/credentials/v1', { name: 'https://schema.org/name' }], issuanceDate: '2024-01-01T00:00:00Z' };
    expect(vcVersionOf(v1)).toBe('1.1');
    expect(fields(v1)).toEqual([]);
    // VC 1.1 needs issuanceDate once signed; the issuer adds it to an unsigned one.
    const { issuanceDate: _d, ...undated } = v1;
    expect(fields(undated, true)).toEqual([]);
    expect(fields(undated)).toEqual(['SCHEMA_MISMATCH credential.issuanceDate']);
  });

  it.each([
    ['a string type other than VerifiableCredential', { type: 'ExampleCredential' }, 'SCHEMA_MISMATCH credential.type'],
    ['no VerifiableCredential type', { type: ['ExampleCredential'] }, 'SCHEMA_MISMATCH credential.type'],
    ['a context that is a number', { '@context': 4 }, 'SCHEMA_MISMATCH credential.@context'],
    ['VC 2.0 not first', { '@context': ['https://www.w3.org/ns/credentials/examples/v2', 'https://www.w3.org/ns/credentials/v2'] }, 'SCHEMA_MISMATCH credential.@context[0]'],
    ['an unknown context URL', { '@context': ['https://www.w3.org/ns/credentials/v2', 'https://evil.example/ctx'] }, 'UNKNOWN_CONTEXT credential.@context[1]'],
    ['an empty subject', { credentialSubject: {} }, 'SCHEMA_MISMATCH credential.credentialSubject'],
    ['a subject that is a string', { credentialSubject: 'did:example:1' }, 'SCHEMA_MISMATCH credential.credentialSubject'],
    ['an issuer that is not a URL', { issuer: 'Alfa college' }, 'SCHEMA_MISMATCH credential.issuer'],
    ['validUntil before validFrom', { validFrom: '2025-01-02T00:00:00Z', validUntil: '2025-01-01T00:00:00Z' }, 'SCHEMA_MISMATCH credential.validUntil'],
    ['a date without time zone', { validFrom: '2025-01-02T00:00:00' }, 'SCHEMA_MISMATCH credential.validFrom'],
    ['a status entry without type', { credentialStatus: { id: 'did:example:status' } }, 'SCHEMA_MISMATCH credential.credentialStatus.type'],
    ['a schema without id', { credentialSchema: { type: 'JsonSchema' } }, 'SCHEMA_MISMATCH credential.credentialSchema.id'],
    ['a related resource without digest', { relatedResource: { id: 'https://example.org/x' } }, 'SCHEMA_MISMATCH credential.relatedResource'],
    ['a name that is a number', { name: 3 }, 'SCHEMA_MISMATCH credential.name'],
  ])('refuses %s, naming the field', (_label, patch, expected) => {
    expect(fields({ ...v2(), ...patch })).toContain(expected);
  });

  it('refuses duplicate related resources and a proof on what is to be signed', () => {
    const r = { id: 'https://example.org/x', digestSRI: 'sha384-abc' };
    expect(fields({ ...v2(), relatedResource: [r, r] })).toEqual(['SCHEMA_MISMATCH credential.relatedResource[1].id']);
    expect(fields({ ...v2(), proof: {} }, true)).toEqual(['SCHEMA_MISMATCH credential.proof']);
    expect(fields({ ...v2(), proof: {} })).toEqual([]);
  });

  it('checks a presentation: context first, type, holder', () => {
    const vp = { '@context': ['https://www.w3.org/ns/credentials/v2'], type: ['VerifiablePresentation'] };
    expect(presentationProblems(vp)).toEqual([]);
    expect(presentationProblems({ type: ['VerifiablePresentation'] })).toEqual(['@context: must be a non-empty array']);
    expect(presentationProblems({ ...vp, '@context': ['https://www.w3.org/ns/credentials/examples/v2'] })[0]).toMatch(/^@context\[0\]/);
    expect(presentationProblems({ ...vp, type: ['NonconformingDocument'] })).toEqual(['type: must include "VerifiablePresentation"']);
    expect(presentationProblems({ ...vp, holder: 'nobody' })).toEqual(['holder: must be a URL or an object with a URL "id"']);
  });
});
