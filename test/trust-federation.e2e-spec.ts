import { decodeJwt, decodeProtectedHeader, exportJWK, generateKeyPair, SignJWT } from 'jose';
import { withNetworkSpy } from './support/network-spy';
import { rowCounts } from './support/row-counts';
import { startTestApp, TestApp } from './support/test-app';

/**
 * Issue 11, trust federation: two running instances (two databases), the Dutch one (A) and the German one (B).
 * A school of A issues; B does not trust it until B's admin imports A's signed trust list with A's pinned key;
 * removing the list makes it untrusted again. B never reaches out for A's DID (a spy watches every connection).
 */

const EXAMPLES_V2 = 'https://www.w3.org/ns/credentials/examples/v2';
const VERIFY = `query($c: JSON!) { verifyCredential(credential: $c) { valid verified trusted accredited authentic issuer trustedBy { listId anchor name jurisdiction listExpiresAt } checks { check status reason message } } }`;
const ANCHOR = `{ federationAnchor { entityId publicJwk thumbprint trustListUrl entityConfigurationUrl } }`;
const IMPORT = `mutation($i: ImportTrustListInput!) { importTrustList(input: $i) { id anchor anchorKeyThumbprint inForce entryCount expiresAt entries { did name jurisdiction accreditations hasDidDocument validUntil } } }`;
const REMOVE = `mutation($id: ID!) { removeTrustList(id: $id) }`;
const REFRESH = `mutation($id: ID!, $jwt: String) { refreshTrustList(id: $id, jwt: $jwt) { id entryCount refreshedAt expiresAt } }`;
const EXPORT = `query($s: Int) { exportTrustList(validitySeconds: $s) { jwt expiresAt } }`;
const LISTS = `{ trustLists { id anchor entryCount inForce } }`;
const AUDIT = `query($t: String) { auditLog(entityType: $t, first: 50) { edges { node { action entityId actor after } } } }`;

async function post(t: TestApp, path: string, body: unknown) {
  const res = await fetch(`${t.baseUrl}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return { status: res.status, body: (await res.json()) as any };
}

describe('trust federation between two instances (issue 11)', () => {
  let a: TestApp;
  let b: TestApp;
  let credential: any;
  let diplomaJwt: string;
  let schoolDid: string;
  let anchorJwk: Record<string, unknown>;
  let thumbprint: string;

  beforeAll(async () => {
    // Public base URLs that resolve nowhere: if B tried to reach A, the network spy would see it.
    a = await startTestApp({ env: { PUBLIC_BASE_URL: 'http://nl-instance.test', PROOF_WORKERS: '0' } });
    b = await startTestApp({ env: { PUBLIC_BASE_URL: 'http://de-instance.test', PROOF_WORKERS: '0' } });
    const admin = await a.token('admin', { subject: 'admin-nl' });
    const reg = await a.gql(`mutation { registerInstitution(id: "rijn-ijssel", name: "Rijn IJssel", jurisdiction: "NL", type: "SCHOOL") { did } }`, {}, admin);
    expect(reg.errors).toBeUndefined();
    schoolDid = reg.data.registerInstitution.did;
    expect(schoolDid).toBe('did:web:nl-instance.test:issuers:rijn-ijssel');
    await a.gql(`mutation { setInstitutionGenericCredentials(institutionId: "rijn-ijssel", allowed: true) { id } }`, {}, admin);
    const acc = await a.gql(`mutation { recordAccreditation(input: { institutionId: "rijn-ijssel", scope: QUALIFICATION, qualificationKey: "nl-mbo-software-developer", sourceUrl: "https://www.mboraad.nl/", validFrom: "2024-01-01" }) { id } }`, {}, admin);
    expect(acc.errors).toBeUndefined();
    const school = await a.token('school', { institution: 'rijn-ijssel', subject: 'registrar-rijn' });
    const res = await fetch(`${a.baseUrl}/credentials/issue`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${school}` },
      body: JSON.stringify({ credential: { '@context': ['https://www.w3.org/ns/credentials/v2', EXAMPLES_V2], type: ['VerifiableCredential', 'ExampleAlumniCredential'], issuer: schoolDid, credentialSubject: { id: 'did:example:learner-7', alumniOf: 'Rijn IJssel' } } }),
    });
    expect(res.status).toBe(201);
    credential = ((await res.json()) as any).verifiableCredential;
    // A diploma as a VC-JOSE JWT: its key is resolved by the main thread's loader, not the proof workers.
    const qid = (await a.gql('{ qualifications(first: 100) { edges { node { id key } } } }')).data.qualifications.edges.find((e: any) => e.node.key === 'nl-mbo-software-developer').node.id;
    const dipl = await a.gql(`mutation($r: IssueDiplomaCredentialInput!) { issueDiplomaCredential(request: $r) { jwt } }`, { r: { idempotencyKey: 'fed-dipl-1', learner: { givenName: 'Sanne', familyName: 'de Vries' }, qualificationId: qid, awardingDate: '2025-07-01', format: 'JWT' } }, school);
    expect(dipl.errors).toBeUndefined();
    diplomaJwt = dipl.data.issueDiplomaCredential.jwt;
    const anchor = (await a.gql(ANCHOR)).data.federationAnchor;
    anchorJwk = anchor.publicJwk;
    thumbprint = anchor.thumbprint;
    expect(anchor.entityId).toBe('http://nl-instance.test');
  });

  afterAll(async () => {
    await a?.close();
    await b?.close();
  });

  it('A publishes its entity configuration and trust list as signed OpenID Federation JWTs naming the school', async () => {
    const rowsBefore = await rowCounts(a.dataSource);
    const ec = await fetch(`${a.baseUrl}/.well-known/openid-federation`);
    expect(ec.headers.get('content-type')).toMatch(/application\/entity-statement\+jwt/);
    const ecJwt = await ec.text();
    expect(decodeProtectedHeader(ecJwt)).toMatchObject({ alg: 'EdDSA', typ: 'entity-statement+jwt', kid: thumbprint });
    expect(decodeJwt(ecJwt)).toMatchObject({ iss: 'http://nl-instance.test', sub: 'http://nl-instance.test', jwks: { keys: [{ kty: 'OKP', crv: 'Ed25519', x: anchorJwk.x }] } });
    const list = await (await fetch(`${a.baseUrl}/federation/trust-list`)).text();
    expect(decodeProtectedHeader(list).typ).toBe('trust-list+jwt');
    expect(await (await fetch(`${a.baseUrl}/federation/list`)).json()).toEqual([schoolDid]);
    const one = await fetch(`${a.baseUrl}/federation/fetch?sub=${encodeURIComponent(schoolDid)}`);
    expect(decodeJwt(await one.text())).toMatchObject({ iss: 'http://nl-instance.test', sub: schoolDid, metadata: { federation_entity: { organization_name: 'Rijn IJssel' }, recognition_credential_issuer: { jurisdiction: 'NL' } } });
    expect((await fetch(`${a.baseUrl}/federation/fetch?sub=did:web:nobody`)).status).toBe(404);
    expect((await fetch(`${a.baseUrl}/federation/fetch`)).status).toBe(400);
    // A itself trusts its own school from its registry: no list involved.
    const own = await a.gql(VERIFY, { c: credential });
    expect(own.data.verifyCredential).toMatchObject({ verified: true, trusted: true, trustedBy: null });
    // Public calls write nothing (the federation key was made at start).
    await a.gql(ANCHOR);
    expect(await rowCounts(a.dataSource)).toEqual(rowsBefore);
    expect(rowsBefore.federation_key).toBe(1);
    // Its private key is sealed at rest (JWE dir + A256GCM under the key-encryption key) and published nowhere.
    const [key] = await a.dataSource.query('SELECT kid, public_jwk, secret_jwe FROM federation_key');
    expect(key.kid).toBe(thumbprint);
    expect(decodeProtectedHeader(key.secret_jwe)).toMatchObject({ alg: 'dir', enc: 'A256GCM', kid: thumbprint });
    expect(key.public_jwk.d).toBeUndefined();
    expect(anchorJwk.d).toBeUndefined();
  });

  it('B: untrusted before import, trusted with trustedBy after, untrusted again after removal; B never connects to A', async () => {
    const admin = await b.token('admin', { subject: 'admin-de' });
    const list = await (await fetch(`${a.baseUrl}/federation/trust-list`)).text();

    const before = await withNetworkSpy(async () => ({ gql: await b.gql(VERIFY, { c: credential }), rest: await post(b, '/credentials/verify', { verifiableCredential: credential }), jwt: await b.gql(VERIFY, { c: diplomaJwt }) }));
    expect(before.attempts).toEqual([]);
    expect(before.result.jwt.data.verifyCredential).toMatchObject({ trusted: false, trustedBy: null });
    expect(before.result.gql.data.verifyCredential).toMatchObject({ trusted: false, trustedBy: null });
    const proof = before.result.gql.data.verifyCredential.checks.find((c: any) => c.check === 'PROOF');
    expect(proof).toMatchObject({ status: 'FAIL', reason: 'KEY_NOT_RESOLVABLE' });
    expect(proof.message).toMatch(/^FOREIGN_DID: .*nothing was fetched/);
    expect(before.result.rest.status).toBe(422);
    expect(before.result.rest.body).toMatchObject({ verified: false, trusted: false, trustedBy: null });

    const imported = await b.gql(IMPORT, { i: { jwt: list, anchorJwk, anchor: 'http://nl-instance.test' } }, admin);
    expect(imported.errors).toBeUndefined();
    const tl = imported.data.importTrustList;
    expect(tl).toMatchObject({ anchor: 'http://nl-instance.test', anchorKeyThumbprint: thumbprint, inForce: true, entryCount: 1 });
    expect(tl.entries).toEqual([expect.objectContaining({ did: schoolDid, name: 'Rijn IJssel', jurisdiction: 'NL', hasDidDocument: true })]);
    expect(tl.entries[0].accreditations).toEqual([expect.objectContaining({ scope: 'QUALIFICATION', qualificationKey: 'nl-mbo-software-developer', validFrom: '2024-01-01', validUntil: null })]);

    const after = await withNetworkSpy(async () => ({ gql: await b.gql(VERIFY, { c: credential }), rest: await post(b, '/credentials/verify', { verifiableCredential: credential }) }));
    expect(after.attempts).toEqual([]);
    const report = after.result.gql.data.verifyCredential;
    expect(report).toMatchObject({ verified: true, trusted: true, authentic: true, trustedBy: { listId: tl.id, anchor: 'http://nl-instance.test', name: 'Rijn IJssel', jurisdiction: 'NL' } });
    expect(report.checks.find((c: any) => c.check === 'ISSUER')).toMatchObject({ status: 'PASS', reason: 'ISSUER_TRUSTED_BY_LIST' });
    // The VC-API says the same.
    expect(after.result.rest.status).toBe(200);
    expect(after.result.rest.body).toMatchObject({ verified: true, trusted: true, trustedBy: { listId: tl.id, anchor: 'http://nl-instance.test' } });

    // The JWT diploma: trusted through the list; its status list lives on A, which B does not fetch, so it is not verified.
    const jwtReport = (await withNetworkSpy(() => b.gql(VERIFY, { c: diplomaJwt }))).result.data.verifyCredential;
    expect(jwtReport).toMatchObject({ trusted: true, verified: false, trustedBy: { anchor: 'http://nl-instance.test' } });
    expect(jwtReport.checks.find((c: any) => c.check === 'PROOF')).toMatchObject({ status: 'PASS' });
    expect(jwtReport.checks.find((c: any) => c.check === 'ACCREDITATION')).toMatchObject({ status: 'SKIP', reason: 'VOUCHED_BY_TRUST_LIST' });
    expect(jwtReport.checks.find((c: any) => c.check === 'STATUS')).toMatchObject({ status: 'FAIL', reason: 'STATUS_UNAVAILABLE' });

    // A second import of the same anchor is a conflict; refreshing takes a newer list of the same anchor and key.
    const again = await b.gql(IMPORT, { i: { jwt: list, anchorKeyThumbprint: thumbprint } }, admin);
    expect(again.errors?.[0].extensions?.code).toBe('CONFLICT');
    const newer = (await a.gql(EXPORT, { s: 3600 }, await a.token('admin'))).data.exportTrustList.jwt;
    const refreshed = await b.gql(REFRESH, { id: tl.id, jwt: newer }, admin);
    expect(refreshed.errors).toBeUndefined();
    expect(refreshed.data.refreshTrustList.entryCount).toBe(1);
    expect(new Date(refreshed.data.refreshTrustList.expiresAt).getTime()).toBeLessThan(new Date(tl.expiresAt).getTime());

    const removed = await b.gql(REMOVE, { id: tl.id }, admin);
    expect(removed.data.removeTrustList).toBe(true);
    const gone = await withNetworkSpy(() => b.gql(VERIFY, { c: credential }));
    expect(gone.attempts).toEqual([]);
    expect(gone.result.data.verifyCredential).toMatchObject({ trusted: false, trustedBy: null });
    expect((await b.gql(LISTS, {}, admin)).data.trustLists).toEqual([]);

    const audit = (await b.gql(AUDIT, { t: 'trust-list' }, admin)).data.auditLog.edges.map((e: any) => e.node);
    expect(audit.map((e: any) => e.action)).toEqual(['trust-list.remove', 'trust-list.refresh', 'trust-list.import']);
    expect(audit.every((e: any) => e.actor === 'admin-de' && e.entityId === tl.id)).toBe(true);
    expect(audit[2].after).toMatchObject({ anchor: 'http://nl-instance.test', anchorThumbprint: thumbprint, entries: [schoolDid] });
  });

  it('refuses a tampered list, a list signed by another key, a wrong pinned thumbprint and an expired list with clear errors; anonymous users and schools cannot import', async () => {
    const admin = await b.token('admin', { subject: 'admin-de' });
    const list = await (await fetch(`${a.baseUrl}/federation/trust-list`)).text();
    const [h, p, s] = list.split('.');
    const payload = JSON.parse(Buffer.from(p, 'base64url').toString());
    payload.exp += 365 * 86400;
    const tampered = `${h}.${Buffer.from(JSON.stringify(payload)).toString('base64url')}.${s}`;
    const t1 = await b.gql(IMPORT, { i: { jwt: tampered, anchorJwk } }, admin);
    expect(t1.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(t1.errors?.[0].message).toMatch(/^jwt: SIGNATURE_INVALID: /);

    // Signed by someone else claiming to be A, with A's key pinned.
    const forger = await generateKeyPair('EdDSA', { crv: 'Ed25519' });
    const forged = await new SignJWT({ ...payload, exp: Math.floor(Date.now() / 1000) + 3600 }).setProtectedHeader({ alg: 'EdDSA', typ: 'trust-list+jwt' }).sign(forger.privateKey);
    const t2 = await b.gql(IMPORT, { i: { jwt: forged, anchorJwk } }, admin);
    expect(t2.errors?.[0].message).toMatch(/^jwt: SIGNATURE_INVALID: .*pinned key/);
    // The forger's list pinned by A's thumbprint: no key of that list has it.
    const forgedWithOwnKey = await new SignJWT({ ...payload, jwks: { keys: [await exportJWK(forger.publicKey)] }, exp: Math.floor(Date.now() / 1000) + 3600 }).setProtectedHeader({ alg: 'EdDSA', typ: 'trust-list+jwt' }).sign(forger.privateKey);
    const t3 = await b.gql(IMPORT, { i: { jwt: forgedWithOwnKey, anchorKeyThumbprint: thumbprint } }, admin);
    expect(t3.errors?.[0].message).toMatch(/^anchorKeyThumbprint: ANCHOR_KEY_MISMATCH: /);
    // Another anchor than the admin expected.
    const t4 = await b.gql(IMPORT, { i: { jwt: list, anchorJwk, anchor: 'https://be-instance.test' } }, admin);
    expect(t4.errors?.[0].message).toMatch(/^jwt: ISSUER_MISMATCH: .*nl-instance\.test/);

    const short = (await a.gql(EXPORT, { s: 1 }, await a.token('admin'))).data.exportTrustList.jwt;
    await new Promise((r) => setTimeout(r, 2100));
    const t5 = await b.gql(IMPORT, { i: { jwt: short, anchorJwk } }, admin);
    expect(t5.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(t5.errors?.[0].message).toMatch(/^jwt: EXPIRED: expired at /);

    const inputs = [
      {},
      { jwt: list },
      { jwt: list, url: 'https://x.example/l', anchorJwk },
      { jwt: 'nope', anchorJwk },
      { jwt: list, anchorJwk: 'x' },
      { jwt: list, anchorKeyThumbprint: 'short' },
      { jwt: list, anchorJwk: { kty: 'RSA', n: 'x', e: 'AQAB' } },
      { jwt: list, anchorJwk: { kty: 'RSA' }, anchorKeyThumbprint: thumbprint },
      { jwt: list, anchorJwk: { ...anchorJwk, d: anchorJwk.x } },
      { url: 'https://[', anchorJwk },
      { url: 'https://nl-instance.test/federation/trust-list', anchorJwk },
      { jwt: list, anchorJwk, anchor: 'not a url' },
    ];
    const { result: answers, attempts } = await withNetworkSpy(async () => {
      const out = [];
      for (const i of inputs) out.push(await b.gql(IMPORT, { i }, admin));
      return out;
    });
    expect(attempts).toEqual([]);
    for (const r of answers) {
      expect(r.status).toBeLessThan(500);
      expect(r.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    }
    expect(answers[10].errors?.[0].message).toMatch(/^url: HOST_NOT_ALLOWED: /);

    const anonymous = await b.gql(IMPORT, { i: { jwt: list, anchorJwk } });
    expect(anonymous.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    const school = await b.gql(IMPORT, { i: { jwt: list, anchorJwk } }, await b.token('school', { institution: 'x' }));
    expect(school.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await b.gql(LISTS)).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect((await b.gql(LISTS, {}, admin)).data.trustLists).toEqual([]);

    // Two admins importing the same list at once: one list, the other gets CONFLICT (never a 5xx).
    const both = await Promise.all([b.gql(IMPORT, { i: { jwt: list, anchorJwk } }, admin), b.gql(IMPORT, { i: { jwt: list, anchorJwk } }, admin)]);
    expect(both.map((r) => r.errors?.[0].extensions?.code ?? 'OK').sort()).toEqual(['CONFLICT', 'OK']);
    const lists = (await b.gql(LISTS, {}, admin)).data.trustLists;
    expect(lists).toHaveLength(1);
    expect((await b.gql(REMOVE, { id: lists[0].id }, admin)).data.removeTrustList).toBe(true);
    expect((await b.gql(REMOVE, { id: lists[0].id }, admin)).errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });
});
