import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey';
import { signJwt, verifyJwt } from '../libs/credentials/domain/proofs';
import { IssuerService } from '../libs/credentials/issuer.service';
import { CredentialLoader } from '../libs/credentials/loader.provider';
import { ISSUE_DIPLOMA, ISSUE_LU, learningUnitRequest, setupSchools, VERIFY } from './support/credentials-fixture';
import { startTestApp, TestApp } from './support/test-app';

interface HttpResult {
  status: number;
  body: any;
  text: string;
}

async function post(baseUrl: string, path: string, body: unknown, token?: string): Promise<HttpResult> {
  const res = await fetch(`${baseUrl}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  const text = await res.text();
  let parsed: unknown = null;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = null;
  }
  return { status: res.status, body: parsed, text };
}

describe('W3C VC-API over REST', () => {
  let t: TestApp;
  let f: Awaited<ReturnType<typeof setupSchools>>;
  const api = (path: string, body: unknown, token?: string) => post(t.baseUrl, path, body, token);
  beforeAll(async () => {
    t = await startTestApp();
    f = await setupSchools(t);
  });
  afterAll(async () => t?.close());

  let issued: any;
  let diploma: any;
  let jwt: string;

  it('POST /credentials/issue: 201 with the signed credential for a school; 401 without a token; 403 for an employer', async () => {
    const ok = await api('/credentials/issue', { credential: learningUnitRequest({ coIssuers: [] }), options: { type: 'LearningUnitCredential' } }, f.nlSchool);
    expect(ok.status).toBe(201);
    issued = ok.body.verifiableCredential;
    expect(issued).toMatchObject({ type: ['VerifiableCredential', 'LearningUnitCredential'], issuer: { id: f.nl.did } });
    expect(issued.proof).toMatchObject({ type: 'DataIntegrityProof', cryptosuite: 'eddsa-rdfc-2022', verificationMethod: `${f.nl.did}#key-1` });
    expect(await t.dataSource.query('SELECT id FROM issued_credential WHERE id = $1', [issued.id])).toHaveLength(1);

    const dip = await api('/credentials/issue', { credential: { idempotencyKey: 'rest-diploma-1', learner: { givenName: 'Sanne', familyName: 'de Vries' }, qualificationId: f.softwareDeveloperId, awardingDate: '2025-07-01' }, options: { type: 'DiplomaCredential' } }, f.nlSchool);
    expect(dip.status).toBe(201);
    diploma = dip.body.verifiableCredential;
    expect(diploma.type).toEqual(['VerifiableCredential', 'DiplomaCredential']);
    const asJwt = await api('/credentials/issue', { credential: learningUnitRequest({ coIssuers: [], format: 'JWT' }), options: { type: 'LearningUnitCredential' } }, f.nlSchool);
    expect(asJwt.status).toBe(201);
    jwt = asJwt.body.verifiableCredential;
    expect(jwt.split('.')).toHaveLength(3);

    const before = (await t.dataSource.query('SELECT count(*)::int AS n FROM issued_credential'))[0].n;
    const anonymous = await api('/credentials/issue', { credential: learningUnitRequest(), options: { type: 'LearningUnitCredential' } });
    expect(anonymous.status).toBe(401);
    expect(anonymous.body).toEqual({ error: { code: 'UNAUTHENTICATED', message: expect.any(String) } });
    const employer = await api('/credentials/issue', { credential: learningUnitRequest(), options: { type: 'LearningUnitCredential' } }, await t.token('employer'));
    expect(employer.status).toBe(403);
    expect(employer.body.error.code).toBe('FORBIDDEN');
    const asOther = await api('/credentials/issue', { credential: learningUnitRequest(), options: { type: 'LearningUnitCredential', issuer: 'alfa-college' } }, f.deSchool);
    expect(asOther.status).toBe(403);
    expect(asOther.body.error.message).toMatch(/cannot issue as "alfa-college"/);
    const badType = await api('/credentials/issue', { credential: learningUnitRequest(), options: { type: 'OpenBadgeCredential' } }, f.nlSchool);
    expect(badType.status).toBe(400);
    expect(badType.body.error).toMatchObject({ code: 'BAD_USER_INPUT', problems: [{ field: 'options.type' }] });
    const badRequest = await api('/credentials/issue', { credential: learningUnitRequest({ eqfLevel: 11 }), options: { type: 'LearningUnitCredential' } }, f.nlSchool);
    expect(badRequest.status).toBe(400);
    expect(badRequest.body.error.message).toMatch(/credential\.eqfLevel/);
    expect((await t.dataSource.query('SELECT count(*)::int AS n FROM issued_credential'))[0].n).toBe(before);
  });

  it('POST /credentials/verify: 200 when valid, 422 naming the failed check when tampered, 400 when malformed', async () => {
    for (const vc of [issued, diploma, jwt]) {
      const r = await api('/credentials/verify', { verifiableCredential: vc, options: {} });
      expect(r.status).toBe(200);
      expect(r.body).toMatchObject({ verified: true, errors: [] });
      expect(r.body.checks).toEqual(expect.arrayContaining(['schema', 'proof', 'issuer', 'accreditation', 'status', 'validity']));
      expect(r.body.report).not.toHaveProperty('credential');
    }

    const tampered = structuredClone(issued);
    tampered.credentialSubject.hasClaim.provenBy.grade = 'excellent';
    const bad = await api('/credentials/verify', { verifiableCredential: tampered });
    expect(bad.status).toBe(422);
    expect(bad.body.verified).toBe(false);
    expect(bad.body.errors).toEqual([expect.stringMatching(/^PROOF: SIGNATURE_INVALID: /), expect.stringMatching(/^ISSUER: NO_VALID_ISSUER_PROOF: /)]);

    const [h, p, s] = jwt.split('.');
    const payload = JSON.parse(Buffer.from(p, 'base64url').toString());
    payload.credentialSubject.familyName = 'Jansen';
    const badJwt = await api('/credentials/verify', { verifiableCredential: [h, Buffer.from(JSON.stringify(payload)).toString('base64url'), s].join('.') });
    expect(badJwt.status).toBe(422);
    expect(badJwt.body.errors[0]).toMatch(/^PROOF: SIGNATURE_INVALID: /);

    const number = await api('/credentials/verify', { verifiableCredential: 42 });
    expect(number.status).toBe(400);
    expect(number.body.errors).toEqual([expect.stringMatching(/^FORMAT: MALFORMED: /)]);
    const missing = await api('/credentials/verify', { options: {} });
    expect(missing.status).toBe(400);
    expect(missing.body).toEqual({ error: { code: 'BAD_USER_INPUT', message: 'verifiableCredential: is required' } });
    const notJwt = await api('/credentials/verify', { verifiableCredential: 'not-a-jwt' });
    expect(notJwt.status).toBe(400);
    expect(notJwt.body.errors[0]).toMatch(/^FORMAT: MALFORMED_JWT/);
    const extra = await api('/credentials/verify', { verifiableCredential: { ...issued, evidence: 'x' } });
    expect(extra.status).toBe(400);
    expect(extra.body.errors[0]).toMatch(/^SCHEMA: SCHEMA_MISMATCH: .*evidence/);
  });

  it('POST /presentations/verify: 200 when every credential is valid, 422 naming the failed one, 400 when empty', async () => {
    const ok = await api('/presentations/verify', { verifiablePresentation: { '@context': ['https://www.w3.org/ns/credentials/v2'], type: ['VerifiablePresentation'], verifiableCredential: [issued, diploma, jwt] } });
    expect(ok.status).toBe(200);
    expect(ok.body.verified).toBe(true);
    expect(ok.body.credentialResults.map((r: any) => [r.valid, r.credentialId])).toEqual([
      [true, issued.id],
      [true, diploma.id],
      [true, expect.stringMatching(/^urn:uuid:/)],
    ]);

    const tampered = structuredClone(diploma);
    tampered.credentialSubject.hasClaim.specifiedBy.eqfLevel = 5;
    const bad = await api('/presentations/verify', { verifiablePresentation: { '@context': ['https://www.w3.org/ns/credentials/v2'], type: ['VerifiablePresentation'], verifiableCredential: [issued, tampered] } });
    expect(bad.status).toBe(422);
    expect(bad.body.verified).toBe(false);
    expect(bad.body.credentialResults[0].valid).toBe(true);
    expect(bad.body.credentialResults[1].valid).toBe(false);
    expect(bad.body.credentialResults[1].checks.filter((c: any) => c.status === 'FAIL').map((c: any) => `${c.check}:${c.reason}`)).toEqual(['PROOF:SIGNATURE_INVALID', 'ISSUER:NO_VALID_ISSUER_PROOF']);

    for (const body of [{}, { verifiablePresentation: { verifiableCredential: [] } }, { verifiablePresentation: 'x' }]) {
      const r = await api('/presentations/verify', body);
      expect(r.status).toBe(400);
      expect(r.body.error.code).toBe('BAD_USER_INPUT');
    }
  });

  it('is not throttled below the configured default limit', async () => {
    const statuses = [];
    for (let i = 0; i < 6; i++) statuses.push((await api('/credentials/verify', { verifiableCredential: 42 })).status);
    expect(statuses).toEqual([400, 400, 400, 400, 400, 400]);
  });
});

describe('rate limit on public verification (VERIFY_RATE_LIMIT_PER_MINUTE=3)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ seed: false, env: { VERIFY_RATE_LIMIT_PER_MINUTE: '3' } });
  });
  afterAll(async () => t?.close());

  it('refuses the 4th REST verification within a minute with 429 in the JSON error shape', async () => {
    const results = [];
    for (let i = 0; i < 4; i++) results.push(await post(t.baseUrl, '/credentials/verify', { verifiableCredential: 42 }));
    expect(results.map((r) => r.status)).toEqual([400, 400, 400, 429]);
    expect(results[3].body).toEqual({ error: { code: 'TOO_MANY_REQUESTS', message: expect.any(String) } });
    expect(results[3].text).not.toMatch(/stack|at \//);

    const vp = [];
    for (let i = 0; i < 4; i++) vp.push(await post(t.baseUrl, '/presentations/verify', { verifiablePresentation: { '@context': ['https://www.w3.org/ns/credentials/v2'], type: ['VerifiablePresentation'], verifiableCredential: [42] } }));
    expect(vp.map((r) => r.status)).toEqual([422, 422, 422, 429]);
    expect(vp[3].body.error.code).toBe('TOO_MANY_REQUESTS');
  });

  it('refuses the 4th GraphQL verifyCredential with TOO_MANY_REQUESTS', async () => {
    const results = [];
    for (let i = 0; i < 4; i++) results.push(await t.gql(VERIFY, { c: 42 }));
    expect(results.slice(0, 3).map((r) => [r.errors, r.data?.verifyCredential?.valid])).toEqual([
      [undefined, false],
      [undefined, false],
      [undefined, false],
    ]);
    expect(results[3].errors).toHaveLength(1);
    expect(results[3].errors![0].extensions!.code).toBe('TOO_MANY_REQUESTS');
    expect(results[3].errors![0].message).toMatch(/rate limit/);
  });
});

describe('private keys never appear in responses or logs (LOG_LEVEL=debug)', () => {
  const logLines: string[] = [];
  const responses: string[] = [];
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ env: { LOG_LEVEL: 'debug' }, logSink: (line) => void logLines.push(line), onResponse: (text) => void responses.push(text) });
  });
  afterAll(async () => t?.close());

  it('issues, co-signs, verifies and rotates without any form of a secret key in a response or a log line', async () => {
    const f = await setupSchools(t);
    const rest = async (method: 'GET' | 'POST', path: string, body?: unknown, token?: string) => {
      const r = method === 'POST' ? await post(t.baseUrl, path, body, token) : await fetch(`${t.baseUrl}${path}`).then(async (res) => ({ status: res.status, text: await res.text(), body: null }));
      responses.push(r.text);
      return r;
    };
    const issuers = t.app.get(IssuerService);
    const secretsOf = async (id: string) => (await issuers.signingKey(id)).export({ publicKey: true, secretKey: true, includeContext: false });
    const secrets = [await secretsOf('alfa-college'), await secretsOf('bk-koenigstrasse'), await secretsOf('roc-unaccredited')];

    // Everything a school and a verifier do, including failures.
    const lu = await t.gql(ISSUE_LU, { r: learningUnitRequest() }, f.nlSchool);
    expect(lu.errors).toBeUndefined();
    expect((await t.gql('mutation($id: ID!) { cosignCredential(id: $id) { id } }', { id: lu.data.issueLearningUnitCredential.id }, f.deSchool)).errors).toBeUndefined();
    const cos = await t.gql('query($id: ID!) { credential(id: $id) { credential } }', { id: lu.data.issueLearningUnitCredential.id }, f.nlSchool);
    expect((await t.gql(VERIFY, { c: cos.data.credential.credential })).data.verifyCredential.valid).toBe(true);
    const dip = await t.gql(ISSUE_DIPLOMA, { r: { idempotencyKey: 'logs-diploma', format: 'JWT', learner: { givenName: 'K', familyName: 'L' }, qualificationId: f.softwareDeveloperId, awardingDate: '2025-07-01' } }, f.nlSchool);
    expect((await t.gql(VERIFY, { c: dip.data.issueDiplomaCredential.jwt })).data.verifyCredential.valid).toBe(true);
    const issued = await rest('POST', '/credentials/issue', { credential: learningUnitRequest({ coIssuers: [] }), options: { type: 'LearningUnitCredential' } }, f.nlSchool);
    expect(issued.status).toBe(201);
    expect((await rest('POST', '/credentials/verify', { verifiableCredential: issued.body.verifiableCredential })).status).toBe(200);
    const tampered = { ...issued.body.verifiableCredential, validFrom: '2020-01-01T00:00:00Z' };
    expect((await rest('POST', '/credentials/verify', { verifiableCredential: tampered })).status).toBe(422);
    expect((await rest('POST', '/presentations/verify', { verifiablePresentation: { '@context': ['https://www.w3.org/ns/credentials/v2'], type: ['VerifiablePresentation'], verifiableCredential: [issued.body.verifiableCredential, tampered] } })).status).toBe(422);
    expect((await t.gql(ISSUE_LU, { r: learningUnitRequest({ eqfLevel: 0 }) }, f.nlSchool)).errors![0].extensions!.code).toBe('BAD_USER_INPUT');
    expect((await t.gql(ISSUE_LU, { r: learningUnitRequest({ coIssuers: [] }) }, f.otherSchool)).errors![0].extensions!.code).toBe('FORBIDDEN');
    expect((await rest('POST', '/credentials/issue', { credential: learningUnitRequest() }, await t.token('employer'))).status).toBe(403);
    expect((await t.gql('mutation { rotateIssuerKey(institutionId: "alfa-college") }', undefined, f.nlSchool)).data.rotateIssuerKey).toBe(`${f.nl.did}#key-2`);
    secrets.push(await secretsOf('alfa-college'));
    expect((await t.gql('{ institution(id: "alfa-college") { did keys { id publicKeyMultibase } } }')).errors).toBeUndefined();
    expect((await rest('GET', '/issuers/alfa-college/did.json')).status).toBe(200);
    const listUrl = cos.data.credential.credential.credentialStatus[0].statusListCredential as string;
    expect((await rest('GET', new URL(listUrl).pathname)).status).toBe(200);

    // Control: these are the real secrets (they sign what the public DID documents verify), in every encoding.
    expect(new Set(secrets.map((x) => x.secretKeyMultibase)).size).toBe(4);
    const key2 = await issuers.signingKey('alfa-college');
    expect((await verifyJwt(await signJwt({ control: true }, key2), t.app.get(CredentialLoader).load)).proof.verified).toBe(true);
    const forms: string[] = [];
    for (const { publicKeyMultibase, secretKeyMultibase } of secrets) {
      expect(secretKeyMultibase).toMatch(/^z[1-9A-HJ-NP-Za-km-z]{80,}$/);
      const kp = await Ed25519Multikey.from({ type: 'Multikey', id: 'urn:x#k', controller: 'urn:x', publicKeyMultibase, secretKeyMultibase });
      const d = Buffer.from((await Ed25519Multikey.toJwk({ keyPair: kp, secretKey: true })).d, 'base64url');
      const seed = d.subarray(0, 32);
      expect(seed).toHaveLength(32);
      forms.push(secretKeyMultibase, seed.toString('base64url'), seed.toString('base64'), seed.toString('hex'), d.toString('base64url'));
    }
    const kek = readFileSync(join(t.dataDir, 'dev-key-encryption-key'), 'utf8').trim();
    forms.push(kek, Buffer.from(kek, 'base64').toString('hex'));

    // The capture works: the service logged through our stream, at debug level, and we saw the responses.
    expect(logLines.length).toBeGreaterThan(10);
    expect(logLines.some((l) => JSON.parse(l).msg?.includes('/credentials/issue'))).toBe(true);
    expect(responses.length).toBeGreaterThan(20);
    expect(responses.join('\n')).toContain(issued.body.verifiableCredential.proof.proofValue);

    const haystacks = { logs: logLines.join('\n'), responses: responses.join('\n') };
    const leaks = Object.entries(haystacks).flatMap(([where, text]) => forms.filter((form) => text.includes(form)).map((form) => `${where}: ${form.slice(0, 6)}…`));
    expect(leaks).toEqual([]);
    expect(haystacks.logs).not.toMatch(/secretKeyMultibase|secret_key_jwe/);
    expect(haystacks.responses).not.toMatch(/secretKeyMultibase|secret_key_jwe|secretKey/i);
  });
});
