import { createHash, generateKeyPairSync, sign } from 'node:crypto';
import { SDJwtVcInstance } from '@sd-jwt/sd-jwt-vc';
import { issueSdJwtVc, sdJwtClaims } from './sd-jwt-vc';

const vc = {
  id: 'urn:uuid:1',
  issuer: { id: 'did:web:example.org:issuers:alfa', name: 'Alfa' },
  validUntil: '2030-01-01T00:00:00Z',
  credentialSubject: {
    id: 'did:example:old',
    type: 'Person',
    givenName: 'Sanne',
    familyName: 'de Vries',
    dateOfBirth: '2005-04-12',
    hasClaim: { type: 'LearningAchievement', title: { en: 'Unit' }, provenBy: { grade: 'passed', assessmentMethod: 'project' } },
  },
};
const holderJwk = { kty: 'OKP', crv: 'Ed25519', x: 'abc' };

describe('SD-JWT VC claims', () => {
  it('personal fields and the assessment are disclosable, the holder key is in cnf, the subject id is gone', () => {
    const { payload, frame } = sdJwtClaims(vc, { vct: 'https://x/vct/learning-unit', holderJwk, issuedAt: new Date('2026-01-01T00:00:00Z') });
    expect(payload).toMatchObject({ iss: vc.issuer.id, vct: 'https://x/vct/learning-unit', iat: 1767225600, exp: 1893456000, cnf: { jwk: holderJwk }, credential_id: 'urn:uuid:1' });
    expect(JSON.stringify(payload)).not.toContain('did:example:old');
    expect(frame).toEqual({ _sd: ['givenName', 'familyName', 'dateOfBirth'], achievement: { _sd: ['provenBy'] } });
  });

  it('issues an SD-JWT whose signed part hides the disclosable values, through a signature callback', async () => {
    const { privateKey, publicKey } = generateKeyPairSync('ed25519');
    const token = await issueSdJwtVc(sdJwtClaims(vc, { vct: 'https://x/vct/learning-unit', holderJwk, issuedAt: new Date() }), 'did:web:example.org:issuers:alfa#key-1', async (d) => sign(null, d, privateKey));
    const signed = Buffer.from(token.split('~')[0].split('.')[1], 'base64url').toString('utf8');
    expect(signed).not.toContain('2005-04-12');
    expect(signed).not.toContain('passed');
    const verifier = new SDJwtVcInstance({
      hasher: (data: string | ArrayBuffer) => createHash('sha256').update(typeof data === 'string' ? data : Buffer.from(data)).digest(),
      hashAlg: 'sha-256',
      verifier: async (data: string, sig: string) => (await import('node:crypto')).verify(null, Buffer.from(data), publicKey, Buffer.from(sig, 'base64url')),
    });
    const { payload, header } = await verifier.verify(token);
    expect(header).toMatchObject({ alg: 'EdDSA', typ: 'dc+sd-jwt', kid: 'did:web:example.org:issuers:alfa#key-1' });
    expect(payload).toMatchObject({ dateOfBirth: '2005-04-12', achievement: { provenBy: { grade: 'passed' } } });
  });
});
