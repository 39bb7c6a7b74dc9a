import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { contexts as credentialContexts } from '@digitalbazaar/credentials-context';
import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import * as dataIntegrityContext from '@digitalbazaar/data-integrity-context';
import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey';
import { cryptosuite as eddsaRdfc2022 } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import * as vc from '@digitalbazaar/vc';
import { createCredential as createStatusListCredential, createList } from '@digitalbazaar/vc-bitstring-status-list';
import { exportJWK, generateKeyPair } from 'jose';
import { JsonLdDocumentLoader } from 'jsonld-document-loader';
import { buildTrustList, thumbprintOf } from '../libs/credentials/domain/federation/trust-list';
import { withNetworkSpy } from './support/network-spy';
import { startTestApp, TestApp } from './support/test-app';

/**
 * Issue 11, did:web of other hosts: an unknown host is never contacted; a host on the admin's allowlist is
 * resolved through the guarded fetcher (https only, loopback allowed by the test setting, timeout, size cap,
 * cache, every fetch audited); a pinned DID document needs no network at all. The other host here is a local
 * TLS server with a self-signed certificate trusted only by this test's instance.
 */

const EXAMPLES_V2 = 'https://www.w3.org/ns/credentials/examples/v2';
const VERIFY = `query($c: JSON!) { verifyCredential(credential: $c) { verified trusted trustedBy { anchor name } checks { check status reason message } } }`;
const ALLOW = `mutation($h: String!) { allowOutboundHost(host: $h, note: "test school") { host } }`;
const AUDIT = `{ auditLog(entityType: "outbound-host", first: 100) { edges { node { action entityId after } } } }`;

function loader() {
  const l = new JsonLdDocumentLoader();
  for (const [url, doc] of credentialContexts as Map<string, unknown>) l.addStatic(url, doc);
  for (const [url, doc] of dataIntegrityContext.contexts as Map<string, unknown>) l.addStatic(url, doc);
  l.addStatic(EXAMPLES_V2, { '@context': { '@vocab': 'https://www.w3.org/ns/credentials/examples#' } });
  return l.build();
}

/** A school of another host: its own key, signed by @digitalbazaar/vc, nothing of this service. */
async function otherSchool(did: string, extra: Record<string, unknown> = {}) {
  const kp: any = await Ed25519Multikey.generate();
  kp.controller = did;
  kp.id = `${did}#key-1`;
  const didDocument = {
    '@context': ['https://www.w3.org/ns/did/v1', 'https://w3id.org/security/multikey/v1'],
    id: did,
    verificationMethod: [{ id: kp.id, type: 'Multikey', controller: did, publicKeyMultibase: kp.publicKeyMultibase }],
    assertionMethod: [kp.id],
  };
  const credential = await vc.issue({
    credential: {
      '@context': ['https://www.w3.org/ns/credentials/v2', EXAMPLES_V2],
      id: 'urn:uuid:0b7c1f3e-5d2a-4c8e-9f1a-3e2d4c5b6a70',
      type: ['VerifiableCredential', 'ExampleAlumniCredential'],
      issuer: did,
      validFrom: '2025-06-01T00:00:00Z',
      credentialSubject: { id: 'did:example:learner-9', alumniOf: 'Other School' },
      ...extra,
    },
    suite: new DataIntegrityProof({ signer: kp.signer(), cryptosuite: eddsaRdfc2022 }),
    documentLoader: loader(),
  });
  return { kp, didDocument, credential };
}

interface CountingServer {
  server: Server;
  port: number;
  connections: number;
  hits: Map<string, number>;
}

function serve(key: string, cert: string, routes: (path: string) => { status: number; body: string } | 'hang'): Promise<CountingServer> {
  const s: CountingServer = { server: null as unknown as Server, port: 0, connections: 0, hits: new Map() };
  s.server = createServer({ key, cert }, (req, res) => {
    const path = req.url ?? '/';
    s.hits.set(path, (s.hits.get(path) ?? 0) + 1);
    const r = routes(path);
    if (r === 'hang') return; // never answers
    res.writeHead(r.status, { 'content-type': 'application/json' }).end(r.body);
  });
  s.server.on('connection', () => (s.connections += 1));
  return new Promise((resolve) => s.server.listen(0, '127.0.0.1', () => resolve(Object.assign(s, { port: (s.server.address() as { port: number }).port }))));
}

const proofOf = (report: any) => report.checks.find((c: any) => c.check === 'PROOF');

describe('did:web of other hosts (issue 11)', () => {
  let t: TestApp;
  let dir: string;
  let allowed: CountingServer;
  let stranger: CountingServer;
  let admin: string;
  const docs = new Map<string, string>();

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'did-web-tls-'));
    execFileSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '1', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1,DNS:localhost', '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem')], { stdio: 'ignore' });
    const key = readFileSync(join(dir, 'key.pem'), 'utf8');
    const cert = readFileSync(join(dir, 'cert.pem'), 'utf8');
    allowed = await serve(key, cert, (path) => {
      if (path === '/slow/did.json') return 'hang';
      if (path === '/big/did.json') return { status: 200, body: JSON.stringify({ id: 'x', padding: 'x'.repeat(100_000) }) };
      const body = docs.get(path);
      return body ? { status: 200, body } : { status: 404, body: '{}' };
    });
    stranger = await serve(key, cert, () => ({ status: 200, body: '{}' }));
    t = await startTestApp({
      env: { PUBLIC_BASE_URL: 'http://de-instance.test', PROOF_WORKERS: '0', OUTBOUND_ALLOW_LOOPBACK: 'true', OUTBOUND_EXTRA_CA_FILE: join(dir, 'cert.pem'), OUTBOUND_TIMEOUT_MS: '1000', OUTBOUND_MAX_BYTES: '65536', OUTBOUND_CACHE_SECONDS: '300' },
    });
    admin = await t.token('admin', { subject: 'admin-de' });
  });

  afterAll(async () => {
    await t?.close();
    allowed?.server.closeAllConnections();
    stranger?.server.closeAllConnections();
    await Promise.all([allowed, stranger].filter(Boolean).map((s) => new Promise((r) => s.server.close(r))));
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('never contacts an unknown host: refused with FOREIGN_DID, no connection attempt (remote or local)', async () => {
    const remote = await otherSchool('did:web:unknown-school.example');
    const local = await otherSchool(`did:web:127.0.0.1%3A${stranger.port}`);
    const { result, attempts } = await withNetworkSpy(async () => ({ remote: await t.gql(VERIFY, { c: remote.credential }), local: await t.gql(VERIFY, { c: local.credential }) }));
    expect(attempts).toEqual([]);
    expect(stranger.connections).toBe(0);
    for (const r of [result.remote, result.local]) {
      expect(r.data.verifyCredential).toMatchObject({ verified: false, trusted: false });
      expect(proofOf(r.data.verifyCredential)).toMatchObject({ status: 'FAIL', reason: 'KEY_NOT_RESOLVABLE' });
      expect(proofOf(r.data.verifyCredential).message).toMatch(/^FOREIGN_DID: .*nor on the outbound allowlist; nothing was fetched\)$/);
    }
  });

  it('resolves an allowlisted host over https once (cached), audits the fetch; the school stays untrusted until a list vouches for it', async () => {
    const did = `did:web:127.0.0.1%3A${allowed.port}`;
    const school = await otherSchool(did);
    docs.set('/.well-known/did.json', JSON.stringify(school.didDocument));
    const host = `127.0.0.1:${allowed.port}`;
    expect((await t.gql(ALLOW, { h: host }, admin)).data.allowOutboundHost.host).toBe(host);
    expect((await t.gql(ALLOW, { h: host }, await t.token('school', { institution: 'x' }))).errors?.[0].extensions?.code).toBe('FORBIDDEN');

    const first = await withNetworkSpy(() => t.gql(VERIFY, { c: school.credential }));
    expect(first.attempts).toEqual([]); // loopback only
    expect(first.result.data.verifyCredential).toMatchObject({ verified: true, trusted: false, trustedBy: null });
    expect(proofOf(first.result.data.verifyCredential)).toMatchObject({ status: 'PASS' });
    const second = await t.gql(VERIFY, { c: school.credential });
    expect(second.data.verifyCredential.verified).toBe(true);
    expect(allowed.hits.get('/.well-known/did.json')).toBe(1);

    const fetches = (await t.gql(AUDIT, {}, admin)).data.auditLog.edges.map((e: any) => e.node).filter((n: any) => n.action === 'outbound.fetch');
    expect(fetches).toEqual([expect.objectContaining({ entityId: host, after: expect.objectContaining({ url: `https://${host}/.well-known/did.json`, outcome: 'OK', status: 200 }) })]);
    // Off the allowlist again: refused at once, the cached document is not used.
    expect((await t.gql(`mutation($h: String!) { removeOutboundHost(host: $h) }`, { h: host }, admin)).data.removeOutboundHost).toBe(true);
    expect(proofOf((await t.gql(VERIFY, { c: school.credential })).data.verifyCredential).message).toMatch(/^FOREIGN_DID: /);
    expect((await t.gql(ALLOW, { h: host }, admin)).errors).toBeUndefined();
    const tampered = structuredClone(school.credential);
    tampered.credentialSubject.alumniOf = 'Someone Else';
    expect(proofOf((await t.gql(VERIFY, { c: tampered })).data.verifyCredential)).toMatchObject({ status: 'FAIL', reason: 'SIGNATURE_INVALID' });
  });

  it("checks a credential of an allowlisted host against that host's own status list: fetched, kept no longer than its ttl, refused once the host is off the list", async () => {
    const did = `did:web:127.0.0.1%3A${allowed.port}:lists`;
    const listUrl = `https://127.0.0.1:${allowed.port}/lists/status/1`;
    const school = await otherSchool(did, { credentialStatus: { id: `${listUrl}#7`, type: 'BitstringStatusListEntry', statusPurpose: 'revocation', statusListIndex: '7', statusListCredential: listUrl } });
    docs.set('/lists/did.json', JSON.stringify(school.didDocument));
    const list = await createList({ length: 131_072 });
    /** The host publishes the list signed by the school; ttl 0: a verifier may not keep it. */
    const publish = async () => {
      const unsigned: any = await createStatusListCredential({ id: listUrl, list, statusPurpose: 'revocation' });
      unsigned.issuer = did;
      unsigned.validFrom = '2025-06-01T00:00:00Z';
      unsigned.credentialSubject.ttl = 0;
      const suite = new DataIntegrityProof({ signer: school.kp.signer(), cryptosuite: eddsaRdfc2022 });
      docs.set('/lists/status/1', JSON.stringify(await vc.issue({ credential: unsigned, suite, documentLoader: loader() })));
    };
    await publish();
    const credential = school.credential;
    const statusOf = async () => (await t.gql(VERIFY, { c: credential })).data.verifyCredential;
    const host = `127.0.0.1:${allowed.port}`;

    const before = await statusOf();
    expect(before.checks.find((c: any) => c.check === 'STATUS')).toMatchObject({ status: 'PASS', reason: 'ACTIVE' });
    expect(before).toMatchObject({ verified: true, trusted: false });
    expect(allowed.hits.get('/lists/status/1')).toBe(1);

    list.setStatus(7, true);
    await publish();
    const after = await statusOf();
    expect(after.checks.find((c: any) => c.check === 'STATUS')).toMatchObject({ status: 'FAIL', reason: 'REVOKED' });
    expect(after.verified).toBe(false);
    expect(allowed.hits.get('/lists/status/1')).toBe(2);

    // A list whose proof does not verify is not read.
    const forged = JSON.parse(docs.get('/lists/status/1')!);
    const clean = await createList({ length: 131_072 });
    forged.credentialSubject.encodedList = await clean.encode();
    docs.set('/lists/status/1', JSON.stringify(forged));
    const tampered = await statusOf();
    expect(tampered.checks.find((c: any) => c.check === 'STATUS')).toMatchObject({ status: 'FAIL', reason: 'STATUS_UNAVAILABLE', message: expect.stringMatching(/does not verify/) });

    expect((await t.gql(`mutation($h: String!) { removeOutboundHost(host: $h) }`, { h: host }, admin)).data.removeOutboundHost).toBe(true);
    try {
      const hits = allowed.hits.get('/lists/status/1');
      const off = await statusOf();
      expect(off.checks.find((c: any) => c.check === 'STATUS')).toMatchObject({ status: 'FAIL', reason: 'STATUS_UNAVAILABLE', message: expect.stringMatching(/not on the outbound allowlist; nothing was fetched/) });
      expect(allowed.hits.get('/lists/status/1')).toBe(hits);
    } finally {
      expect((await t.gql(ALLOW, { h: host }, admin)).errors).toBeUndefined();
    }
  });

  it('refuses an oversize document and a host that does not answer in time, each audited with its reason', async () => {
    const big = await otherSchool(`did:web:127.0.0.1%3A${allowed.port}:big`);
    const slow = await otherSchool(`did:web:127.0.0.1%3A${allowed.port}:slow`);
    const started = Date.now();
    const [rb, rs] = [await t.gql(VERIFY, { c: big.credential }), await t.gql(VERIFY, { c: slow.credential })];
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(proofOf(rb.data.verifyCredential).message).toMatch(/^DID_FETCH_FAILED: .*TOO_LARGE/);
    expect(proofOf(rs.data.verifyCredential).message).toMatch(/^DID_FETCH_FAILED: .*TIMEOUT/);
    for (const r of [rb, rs]) expect(r.data.verifyCredential).toMatchObject({ verified: false, trusted: false });
    const outcomes = (await t.gql(AUDIT, {}, admin)).data.auditLog.edges.map((e: any) => e.node).filter((n: any) => n.action === 'outbound.fetch').map((n: any) => n.after.outcome);
    expect(outcomes).toEqual(expect.arrayContaining(['TOO_LARGE', 'TIMEOUT']));
    // A refusal is remembered for a while: the failing host is not asked again on every verification.
    expect(proofOf((await t.gql(VERIFY, { c: big.credential })).data.verifyCredential).message).toMatch(/TOO_LARGE/);
    expect(allowed.hits.get('/big/did.json')).toBe(1);
  });

  it('refuses private addresses even when allowlisted, without a connection attempt', async () => {
    expect((await t.gql(ALLOW, { h: '10.20.30.40' }, admin)).errors).toBeUndefined();
    const priv = await otherSchool('did:web:10.20.30.40');
    const { result, attempts } = await withNetworkSpy(() => t.gql(VERIFY, { c: priv.credential }));
    expect(attempts).toEqual([]);
    expect(proofOf(result.data.verifyCredential).message).toMatch(/^DID_FETCH_FAILED: .*PRIVATE_ADDRESS/);
  });

  it('a pinned DID document resolves without any network; unpinned, the DID is refused again', async () => {
    const did = 'did:web:pinned-school.example';
    const school = await otherSchool(did);
    const PIN = `mutation($d: String!, $doc: JSON!) { pinDidDocument(did: $d, document: $doc) { did pinnedBy } }`;
    const wrong = await t.gql(PIN, { d: did, doc: { ...school.didDocument, id: 'did:web:evil.example' } }, admin);
    expect(wrong.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
    expect(wrong.errors?.[0].message).toMatch(/^document\.id: /);
    expect((await t.gql(PIN, { d: did, doc: school.didDocument })).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect((await t.gql(PIN, { d: did, doc: school.didDocument }, admin)).data.pinDidDocument).toEqual({ did, pinnedBy: 'admin-de' });
    const pinned = await withNetworkSpy(() => t.gql(VERIFY, { c: school.credential }));
    expect(pinned.attempts).toEqual([]);
    expect(pinned.result.data.verifyCredential).toMatchObject({ verified: true, trusted: false });
    expect((await t.gql(`mutation($d: String!) { unpinDidDocument(did: $d) }`, { d: did }, admin)).data.unpinDidDocument).toBe(true);
    const unpinned = await withNetworkSpy(() => t.gql(VERIFY, { c: school.credential }));
    expect(unpinned.attempts).toEqual([]);
    expect(proofOf(unpinned.result.data.verifyCredential).message).toMatch(/^FOREIGN_DID: /);
  });

  it('imports a trust list from an allowlisted URL (fetched through the guarded fetcher) and trusts its school; a URL off the allowlist is refused unfetched', async () => {
    const anchor = `https://127.0.0.1:${allowed.port}`;
    const did = `did:web:127.0.0.1%3A${allowed.port}:issuers:gymnasium`;
    const school = await otherSchool(did);
    const { privateKey, publicKey } = await generateKeyPair('EdDSA', { crv: 'Ed25519' });
    const publicJwk = await exportJWK(publicKey);
    const kid = await thumbprintOf(publicJwk);
    const now = new Date();
    const list = await buildTrustList(anchor, [{ did, name: 'Gymnasium am Rhein', jurisdiction: 'DE-NW', accreditations: [], didDocument: school.didDocument, jwks: [] }], { kid, key: privateKey, publicJwk }, now, new Date(now.getTime() + 3600_000));
    docs.set('/federation/trust-list', list);

    const off = await t.gql(`mutation($i: ImportTrustListInput!) { importTrustList(input: $i) { id } }`, { i: { url: `https://127.0.0.1:${stranger.port}/federation/trust-list`, anchorJwk: publicJwk } }, admin);
    expect(off.errors?.[0].message).toMatch(/^url: HOST_NOT_ALLOWED: /);
    expect(stranger.connections).toBe(0);
    const notHttps = await t.gql(`mutation($i: ImportTrustListInput!) { importTrustList(input: $i) { id } }`, { i: { url: `http://127.0.0.1:${allowed.port}/federation/trust-list`, anchorJwk: publicJwk } }, admin);
    expect(notHttps.errors?.[0].message).toMatch(/^url: must be an https URL/);

    const imported = await t.gql(`mutation($i: ImportTrustListInput!) { importTrustList(input: $i) { id anchor sourceUrl entryCount } }`, { i: { url: `${anchor}/federation/trust-list`, anchorKeyThumbprint: kid } }, admin);
    expect(imported.errors).toBeUndefined();
    expect(imported.data.importTrustList).toMatchObject({ anchor, sourceUrl: `${anchor}/federation/trust-list`, entryCount: 1 });
    const hitsBefore = allowed.hits.get(`/issuers/gymnasium/did.json`) ?? 0;
    const r = await t.gql(VERIFY, { c: school.credential });
    expect(r.data.verifyCredential).toMatchObject({ verified: true, trusted: true, trustedBy: { anchor, name: 'Gymnasium am Rhein' } });
    // The DID document came with the list: nothing was fetched for it.
    expect(allowed.hits.get(`/issuers/gymnasium/did.json`) ?? 0).toBe(hitsBefore);
    const fetches = (await t.gql(AUDIT, {}, admin)).data.auditLog.edges.map((e: any) => e.node).filter((n: any) => n.action === 'outbound.fetch' && n.after.purpose === 'trust-list');
    expect(fetches).toHaveLength(1);
    expect(fetches[0].after).toMatchObject({ outcome: 'OK', url: `${anchor}/federation/trust-list` });
  });

  it('no hostile DID or key reference makes a verify endpoint answer 5xx', async () => {
    const school = await otherSchool('did:web:unknown-school.example');
    const vms = ['did:web:%ZZ#k', 'did:web:#k', 'did:web:a:..:b#k', `did:web:127.0.0.1%3A${allowed.port}:slow#key-1`, 'did:web:10.20.30.40#key-1', `did:web:${'a'.repeat(600)}#k`, 'did:web:xn--80ak6aa92e.com#k', 'did:web:[::1]#k'];
    const { result, attempts } = await withNetworkSpy(async () => {
      const out = [];
      for (const vm of vms) {
        const c = structuredClone(school.credential);
        c.proof.verificationMethod = vm;
        out.push(await t.gql(VERIFY, { c }));
        const res = await fetch(`${t.baseUrl}/credentials/verify`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ verifiableCredential: c }) });
        out.push({ status: res.status, errors: undefined, data: { verifyCredential: { verified: ((await res.json()) as any).verified } } });
        const jwt = `${Buffer.from(JSON.stringify({ alg: 'EdDSA', kid: vm })).toString('base64url')}.${Buffer.from(JSON.stringify(school.credential)).toString('base64url')}.AAAA`;
        out.push(await t.gql(VERIFY, { c: jwt }));
      }
      return out;
    });
    expect(attempts).toEqual([]);
    expect(result.map((r: any) => r.status).filter((s: number) => s >= 500)).toEqual([]);
    expect(result.every((r: any) => r.errors === undefined && r.data.verifyCredential.verified === false)).toBe(true);
  });
});
