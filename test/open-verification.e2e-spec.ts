import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey';
import { Ed25519Signature2020 } from '@digitalbazaar/ed25519-signature-2020';
import * as vc from '@digitalbazaar/vc';
import { CompactSign, exportJWK, generateKeyPair } from 'jose';
import { EXAMPLES_V2, independentKey, independentlySigned, independentLoader } from './support/independent-issuer';
import { withNetworkSpy } from './support/network-spy';
import { postJson } from './support/http';
import { startTestApp, TestApp } from './support/test-app';

/**
 * Issue 11: credentials of issuers outside this registry are verified (verified apart from trusted), W3C
 * credentials are issued through the VC-API, and nothing is fetched from the network on the way.
 */

const VERIFY = `query($c: JSON!) { verifyCredential(credential: $c) { valid verified trusted accredited authentic checks { check status reason } } }`;
const REGISTER = `mutation($id: String!, $m: String) { registerInstitution(id: $id, name: "Open School", jurisdiction: "NL", type: "SCHOOL", didMethod: $m) { id did allowGenericCredentials keys { id } } }`;
const ALLOW = `mutation($id: String!, $a: Boolean!) { setInstitutionGenericCredentials(institutionId: $id, allowed: $a) { id allowGenericCredentials } }`;

describe('open verification and W3C issuance (issue 11)', () => {
  let t: TestApp;
  const post = (path: string, body: unknown, token?: string) => postJson(t.baseUrl, path, body, token);

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t?.close();
  });

  it('verifies a credential signed by an independent implementation (did:key) as verified but not trusted; a one-field tamper is refused', async () => {
    const kp = await independentKey();
    const signed = await independentlySigned(kp);
    expect(signed.proof).toMatchObject({ type: 'DataIntegrityProof', cryptosuite: 'eddsa-rdfc-2022', verificationMethod: kp.id });
    const tampered = structuredClone(signed);
    tampered.credentialSubject.alumniOf = 'Another University';

    const { result, attempts } = await withNetworkSpy(async () => ({
      rest: await post('/credentials/verify', { verifiableCredential: signed }),
      gql: await t.gql(VERIFY, { c: signed }),
      bad: await post('/credentials/verify', { verifiableCredential: tampered }),
      badGql: await t.gql(VERIFY, { c: tampered }),
    }));
    expect(attempts).toEqual([]);

    expect(result.rest.status).toBe(200);
    expect(result.rest.body).toMatchObject({ verified: true, trusted: false, accredited: false });
    expect(result.rest.body.warnings.join('\n')).toMatch(/ISSUER: ISSUER_NOT_IN_TRUST_REGISTRY/);
    expect(result.rest.body.errors).toEqual([]);

    // The GraphQL report keeps every check with its reason code.
    expect(result.gql.errors).toBeUndefined();
    const report = result.gql.data.verifyCredential;
    expect(report).toMatchObject({ valid: false, verified: true, trusted: false, accredited: false, authentic: true });
    expect(report.checks.map((c: any) => `${c.check}:${c.status}:${c.reason}`)).toEqual([
      'FORMAT:PASS:JSON_LD',
      'SCHEMA:PASS:DATA_MODEL_VALID',
      'PROOF:PASS:SIGNATURE_VALID',
      'ISSUER:FAIL:ISSUER_NOT_IN_TRUST_REGISTRY',
      'ACCREDITATION:SKIP:ISSUER_UNKNOWN',
      'STATUS:SKIP:NO_STATUS',
      'VALIDITY:PASS:WITHIN_VALIDITY',
    ]);

    expect(result.bad.status).toBe(422);
    expect(result.bad.body.verified).toBe(false);
    expect(result.bad.body.errors.join('\n')).toMatch(/PROOF: SIGNATURE_INVALID/);
    expect(result.badGql.data.verifyCredential).toMatchObject({ verified: false, authentic: false, trusted: false });
  });

  it('verifies a VC 1.1 Ed25519Signature2020 credential and a VC-JOSE JWT of independent did:key issuers as verified, not trusted; a tamper of each is refused', async () => {
    // VC 1.1 with the legacy suite, signed by @digitalbazaar/ed25519-signature-2020.
    const kp = await independentKey();
    const legacy = await vc.issue({
      credential: {
        '@context': ['https://www.w3.org/2018/credentials/v1', 'https://w3id.org/security/suites/ed25519-2020/v1', { alumniOf: 'https://schema.org/alumniOf' }],
        id: 'urn:uuid:0d9d3c4e-7a51-4f0e-9d55-5f1b1c3b2a10',
        type: ['VerifiableCredential'],
        issuer: kp.controller,
        issuanceDate: '2024-06-01T00:00:00Z',
        credentialSubject: { id: 'did:example:learner-2', alumniOf: 'Example College' },
      },
      suite: new Ed25519Signature2020({ signer: kp.signer() }),
      documentLoader: independentLoader(),
    });
    expect(legacy.proof).toMatchObject({ type: 'Ed25519Signature2020', verificationMethod: kp.id });
    const legacyTampered = structuredClone(legacy);
    legacyTampered.issuanceDate = '2024-06-02T00:00:00Z';

    // VC-JOSE: a key made by jose, its did:key derived from the public JWK; the payload is the credential.
    const { privateKey, publicKey } = await generateKeyPair('EdDSA', { extractable: true });
    const fp = (await Ed25519Multikey.fromJwk({ jwk: await exportJWK(publicKey) })).publicKeyMultibase;
    const did = `did:key:${fp}`;
    const payload = {
      '@context': ['https://www.w3.org/ns/credentials/v2', EXAMPLES_V2],
      id: 'urn:uuid:4a7d2f7e-51b4-4a2f-8f35-0c6f1f0a9b21',
      type: ['VerifiableCredential', 'ExampleAlumniCredential'],
      issuer: did,
      validFrom: '2025-01-01T00:00:00Z',
      credentialSubject: { id: 'did:example:learner-3', alumniOf: 'Example Academy' },
    };
    const jwt = await new CompactSign(new TextEncoder().encode(JSON.stringify(payload))).setProtectedHeader({ alg: 'EdDSA', typ: 'vc+jwt', kid: `${did}#${fp}` }).sign(privateKey);
    const [h, , sig] = jwt.split('.');
    const jwtTampered = `${h}.${Buffer.from(JSON.stringify({ ...payload, credentialSubject: { ...payload.credentialSubject, alumniOf: 'Elsewhere' } })).toString('base64url')}.${sig}`;

    const { result, attempts } = await withNetworkSpy(async () =>
      Promise.all([legacy, jwt, legacyTampered, jwtTampered].map((c) => post('/credentials/verify', { verifiableCredential: c }))),
    );
    expect(attempts).toEqual([]);
    for (const ok of result.slice(0, 2)) {
      expect(ok.status).toBe(200);
      expect(ok.body).toMatchObject({ verified: true, trusted: false });
      expect(ok.body.checks).toEqual(['format', 'schema', 'proof', 'validity']);
    }
    for (const bad of result.slice(2)) {
      expect(bad.status).toBe(422);
      expect(bad.body.verified).toBe(false);
      expect(bad.body.errors.join('\n')).toMatch(/PROOF: SIGNATURE_INVALID/);
    }
  });

  it('never fetches the DID document of an unknown did:web host', async () => {
    const kp = await independentKey('did:web:unknown-school.example');
    const signed = await independentlySigned(kp);
    const { result, attempts } = await withNetworkSpy(() => post('/credentials/verify', { verifiableCredential: signed }));
    expect(attempts).toEqual([]);
    expect(result.status).toBe(422);
    expect(result.body.verified).toBe(false);
    expect(result.body.errors.join('\n')).toMatch(/PROOF: KEY_NOT_RESOLVABLE: FOREIGN_DID: refused to load "did:web:unknown-school\.example#key-1"/);
  });

  it('honours options.checks: an expired credential passes a proof-only verification, not a full one', async () => {
    const kp = await independentKey();
    const expired = await independentlySigned(kp, { validFrom: '2020-01-01T00:00:00Z', validUntil: '2021-01-01T00:00:00Z' });
    const full = await post('/credentials/verify', { verifiableCredential: expired });
    expect(full.status).toBe(422);
    expect(full.body.errors.join('\n')).toMatch(/VALIDITY: EXPIRED/);
    const proofOnly = await post('/credentials/verify', { verifiableCredential: expired, options: { checks: ['proof'] } });
    expect(proofOnly.status).toBe(200);
    expect(proofOnly.body).toMatchObject({ verified: true, checks: ['format', 'schema', 'proof'] });
    expect(proofOnly.body.warnings.join('\n')).toMatch(/VALIDITY: NOT_REQUESTED/);
    const bad = await post('/credentials/verify', { verifiableCredential: expired, options: { checks: 'proof' } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/^options\.checks:/);
  });

  it('issues a W3C credential through the VC-API for a did:key school once an admin allows generic types; another issuer is refused; status lists are served', async () => {
    const admin = await t.token('admin', { subject: 'admin-open' });
    const reg = await t.gql(REGISTER, { id: 'open-school', m: 'key' }, admin);
    expect(reg.errors).toBeUndefined();
    const school = reg.data.registerInstitution;
    expect(school.did).toMatch(/^did:key:z6Mk/);
    expect(school.keys.map((k: any) => k.id)).toEqual([`${school.did}#${school.did.slice('did:key:'.length)}`]);
    expect(school.allowGenericCredentials).toBe(false);
    const token = await t.token('school', { institution: 'open-school', subject: 'registrar-open' });
    const credential = {
      '@context': ['https://www.w3.org/ns/credentials/v2', EXAMPLES_V2],
      type: ['VerifiableCredential', 'ExampleAlumniCredential'],
      issuer: school.did,
      credentialSubject: { id: 'did:example:learner-1', alumniOf: 'Open School' },
    };
    const options = { credentialStatus: { type: 'BitstringStatusListEntry', statusPurpose: ['revocation', 'suspension'] } };

    // Off by default: generic types need the admin's decision.
    const refused = await post('/credentials/issue', { credential, options }, token);
    expect(refused.status).toBe(403);
    expect(JSON.stringify(refused.body)).toMatch(/may issue only/);
    // Only an admin decides it.
    const bySchool = await t.gql(ALLOW, { id: 'open-school', a: true }, token);
    expect(bySchool.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const allowed = await t.gql(ALLOW, { id: 'open-school', a: true }, admin);
    expect(allowed.data.setInstitutionGenericCredentials.allowGenericCredentials).toBe(true);

    const other = await post('/credentials/issue', { credential: { ...credential, issuer: 'did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK' }, options }, token);
    expect(other.status).toBe(400);
    expect(JSON.stringify(other.body)).toMatch(/credential\.issuer/);
    const malformed = await post('/credentials/issue', { credential: { ...credential, type: 'ExampleAlumniCredential' } }, token);
    expect(malformed.status).toBe(400);
    expect(JSON.stringify(malformed.body)).toMatch(/credential\.type/);

    const issued = await post('/credentials/issue', { credential, options }, token);
    expect(issued.status).toBe(201);
    const vcOut = issued.body.verifiableCredential;
    expect(vcOut).toMatchObject({ issuer: school.did, credentialSubject: credential.credentialSubject, proof: { cryptosuite: 'eddsa-rdfc-2022', verificationMethod: school.keys[0].id } });
    expect(vcOut.credentialStatus.map((s: any) => s.statusPurpose)).toEqual(['revocation', 'suspension']);
    for (const s of vcOut.credentialStatus) {
      // The test app listens on a random port; the URLs carry the configured public base URL.
      const list = await fetch(`${t.baseUrl}${new URL(s.statusListCredential).pathname}`);
      expect(list.status).toBe(200);
      expect(((await list.json()) as any).credentialSubject.statusPurpose).toBe(s.statusPurpose);
    }

    // Our own school: verified and trusted; revoked through the usual mutation, it stops verifying.
    const ok = await post('/credentials/verify', { verifiableCredential: vcOut });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ verified: true, trusted: true });
    const revoked = await t.gql('mutation($id: ID!) { revokeCredential(id: $id, reason: "test") { status } }', { id: vcOut.id }, token);
    expect(revoked.errors).toBeUndefined();
    const after = await post('/credentials/verify', { verifiableCredential: vcOut });
    expect(after.status).toBe(422);
    expect(after.body.errors.join('\n')).toMatch(/STATUS: REVOKED/);
  });
  it('answers hostile issuance and presentation input with 4xx, never 5xx', async () => {
    const admin = await t.token('admin', { subject: 'admin-hostile' });
    const reg = await t.gql(REGISTER, { id: 'hostile-school', m: 'key' }, admin);
    await t.gql(ALLOW, { id: 'hostile-school', a: true }, admin);
    const did = reg.data.registerInstitution.did;
    const token = await t.token('school', { institution: 'hostile-school', subject: 'registrar-hostile' });
    const base = { '@context': ['https://www.w3.org/ns/credentials/v2'], type: ['VerifiableCredential'], issuer: did, credentialSubject: { id: 'did:example:x' } };
    const bodies: unknown[] = [
      { credential: { ...base, '@context': ['https://www.w3.org/ns/credentials/v2', { '@import': 'https://evil.example/ctx' }] } },
      { credential: { ...base, '@context': ['https://www.w3.org/ns/credentials/v2', { '@protected': true, VerifiableCredential: 'https://evil.example/#VC' }] } },
      { credential: { ...base, credentialSubject: { id: 'did:example:x', undefinedTerm: 1 } } },
      { credential: { ...base, credentialSubject: [] } },
      { credential: { ...base, issuer: { id: 42 } } },
      { credential: { ...base, type: ['VerifiableCredential', 'DiplomaCredential'] } },
      { credential: { ...base, type: ['VerifiableCredential', 'RecognitionStatementCredential'] } },
      { credential: base, options: { credentialStatus: { type: 'StatusList2021Entry' } } },
      { credential: base, options: { credentialStatus: { type: 'BitstringStatusListEntry', statusPurpose: 'message' } } },
      { credential: base, options: 'x' },
      { credential: { ...base, proof: { type: 'DataIntegrityProof' } } },
    ];
    const answers = [];
    for (const b of bodies) answers.push(await post('/credentials/issue', b, token));
    expect(answers.filter((a) => a.status >= 500)).toEqual([]);
    expect(answers.map((a) => a.status)).toEqual([400, 400, 400, 400, 400, 400, 403, 400, 400, 201, 400]);
    // The service's own types keep their subject schema on this path too.
    const own = await post('/credentials/issue', { credential: { ...base, '@context': [...base['@context'], 'https://recognition-engine.example/contexts/recognition/v1'], type: ['VerifiableCredential', 'DiplomaCredential'] } }, token);
    expect(own.status).toBe(400);
    expect(JSON.stringify(own.body)).toMatch(/credential\.credentialSubject\./);
    // The unsupported JSON-LD is named by the signing step: undefined terms are not signed.
    expect(JSON.stringify(answers[2].body)).toMatch(/credential: cannot be signed/);

    const vp = { '@context': ['https://www.w3.org/ns/credentials/v2'], type: ['VerifiablePresentation'] };
    const vps: unknown[] = [
      { ...vp, proof: { type: 'DataIntegrityProof', cryptosuite: 'eddsa-rdfc-2022', proofPurpose: 'authentication', verificationMethod: 'did:web:evil.example#k', proofValue: 'z3' } },
      { ...vp, proof: 'nope' },
      { ...vp, proof: [{}, null] },
      { ...vp, verifiableCredential: 'not-a-jwt' },
      { ...vp, holder: { id: 7 } },
    ];
    const vpAnswers = [];
    for (const p of vps) vpAnswers.push(await post('/presentations/verify', { verifiablePresentation: p, options: { challenge: 'c' } }));
    expect(vpAnswers.map((a) => a.status)).toEqual([422, 422, 422, 422, 400]);
    // A presentation without credentials and without proof is well-formed, and says that nothing binds it.
    const empty = await post('/presentations/verify', { verifiablePresentation: vp });
    expect(empty.status).toBe(200);
    expect(empty.body.warnings.join()).toMatch(/NO_PROOF/);
  });
});
