import dns from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import tls from 'node:tls';
import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey';
import { CompactSign } from 'jose';
import { buildDiplomaCredential } from '../libs/credentials/domain/credential-builder';
import { DocumentLoader, MULTIKEY_CONTEXT } from '../libs/credentials/domain/document-loader';
import { IssuerKeyPair, keyPairFrom, privateJoseKey } from '../libs/credentials/domain/keys';
import { addCoIssuerProof, signAsIssuer, verifyProofSet, VerifiableCredential } from '../libs/credentials/domain/proofs';
import { IssuerService } from '../libs/credentials/issuer.service';
import { CredentialLoader } from '../libs/credentials/loader.provider';
import { VerificationService } from '../libs/credentials/verification.service';
import { ISSUE_DIPLOMA, ISSUE_LU, learningUnitRequest, setupSchools, VERIFY } from './support/credentials-fixture';
import { withNetworkSpy } from './support/network-spy';
import { startTestApp, TestApp } from './support/test-app';

// ---------------------------------------------------------------------------------------------------------
// Keys and loaders for the attacker's side.
// ---------------------------------------------------------------------------------------------------------
async function freshKey(id: string, controller: string): Promise<IssuerKeyPair> {
  const kp = await Ed25519Multikey.generate({ id, controller });
  const e = await kp.export({ publicKey: true, secretKey: true, includeContext: false });
  return keyPairFrom({ id, controller, publicKeyMultibase: e.publicKeyMultibase, secretKeyMultibase: e.secretKeyMultibase });
}

async function didKeyPair(): Promise<IssuerKeyPair> {
  const kp = await Ed25519Multikey.generate();
  const fp = kp.publicKeyMultibase as string;
  const e = await kp.export({ publicKey: true, secretKey: true, includeContext: false });
  return keyPairFrom({ id: `did:key:${fp}#${fp}`, controller: `did:key:${fp}`, publicKeyMultibase: fp, secretKeyMultibase: e.secretKeyMultibase });
}

/** A real registry key under another verificationMethod id (a key swap with a key the registry knows). */
async function relabel(key: IssuerKeyPair, id: string): Promise<IssuerKeyPair> {
  const e = await key.export({ publicKey: true, secretKey: true, includeContext: false });
  return keyPairFrom({ id, controller: id.split('#')[0], publicKeyMultibase: e.publicKeyMultibase, secretKeyMultibase: e.secretKeyMultibase });
}

/** Resolves one foreign DID for the attacker's own signing and self-check only; all else goes to `fallback`. */
function attackerLoader(key: IssuerKeyPair, fallback: DocumentLoader): DocumentLoader {
  return async (url) => {
    if (!url.startsWith(key.controller)) return fallback(url);
    const pub = await key.export({ publicKey: true, includeContext: false });
    const document =
      url === key.controller
        ? { '@context': ['https://www.w3.org/ns/did/v1', MULTIKEY_CONTEXT], id: key.controller, verificationMethod: [pub], assertionMethod: [key.id] }
        : { '@context': MULTIKEY_CONTEXT, ...pub };
    return { contextUrl: null, documentUrl: url, document };
  };
}

async function joseSign(payload: Uint8Array | string, header: Record<string, unknown>, key: IssuerKeyPair): Promise<string> {
  const bytes = typeof payload === 'string' ? new TextEncoder().encode(payload) : payload;
  return new CompactSign(bytes).setProtectedHeader(header as { alg: string }).sign(await privateJoseKey(key));
}

function diplomaFor(issuerDid: string, name = 'Test issuer'): VerifiableCredential {
  return buildDiplomaCredential(
    { idempotencyKey: 'hostile-0001', learner: { givenName: 'Eve', familyName: 'Mallory' }, qualificationId: '00000000-0000-4000-8000-000000000000', awardingDate: '2025-07-01', format: 'DATA_INTEGRITY' },
    { id: `urn:uuid:${crypto.randomUUID()}`, issuerDid, issuerName: name, issuedAt: new Date(Date.now() - 60_000), status: [] },
    { key: 'nl-mbo-software-developer', code: '25604', jurisdiction: 'NL', framework: 'NLQF', nationalLevel: '4', eqfLevel: 4, title: { nl: 'Software developer', en: 'Software developer' } },
  );
}

// ---------------------------------------------------------------------------------------------------------
// Deterministic single-field mutations.
// ---------------------------------------------------------------------------------------------------------
type Kind = 'changed value' | 'removed field' | 'added field' | 'changed proof' | 'swapped key';
interface Mutation {
  kind: Kind;
  label: string;
  input: unknown;
}
type Path = Array<string | number>;

const B58 = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';
const B64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
/** Another character of the same kind, so the altered string still looks plausible. */
function otherChar(c: string): string {
  for (const alphabet of ['0123456789', B58, B64URL]) {
    const i = alphabet.indexOf(c);
    if (i >= 0) return alphabet[(i + 1) % alphabet.length];
  }
  return c === 'x' ? 'y' : 'x';
}
function alterAt(s: string, i: number): string {
  return s.slice(0, i) + otherChar(s[i]) + s.slice(i + 1);
}
/** Up to n positions spread over the string, always including the first and the last. */
function positions(len: number, n: number): number[] {
  if (len <= n) return [...Array(len).keys()];
  return [...new Set([...Array(n).keys()].map((k) => Math.round((k * (len - 1)) / (n - 1))))];
}

const show = (p: Path) => p.map((s) => (typeof s === 'number' ? `[${s}]` : `.${s}`)).join('') || '(root)';

function entries(node: unknown): Array<[string | number, unknown]> {
  if (Array.isArray(node)) return node.map((v, i) => [i, v]);
  if (node && typeof node === 'object') return Object.entries(node);
  return [];
}

function withAt(doc: unknown, path: Path, op: (parent: any, key: string | number) => void): unknown {
  const copy = structuredClone(doc) as any;
  let parent = copy;
  for (const seg of path.slice(0, -1)) parent = parent[seg];
  op(parent, path[path.length - 1]);
  return copy;
}

function valueVariants(v: unknown): Array<[string, unknown]> {
  if (typeof v === 'string') {
    const out: Array<[string, unknown]> = [];
    if (v.length) out.push(['alter last char', alterAt(v, v.length - 1)], ['alter first char', alterAt(v, 0)]);
    out.push(['append char', `${v}0`], [v ? 'empty string' : 'non-empty string', v ? '' : 'x'], ['string to number', /^\d+$/.test(v) ? Number(v) : 42]);
    return out;
  }
  if (typeof v === 'number') return [['+1', v + 1], ['-1', v - 1], ['number to string', String(v)]];
  if (typeof v === 'boolean') return [['flip', !v]];
  if (v === null) return [['null to string', 'x']];
  return [];
}

/**
 * Every single-field mutation of a JSON document: each leaf value changed, each field or array element
 * removed, an extra field added to each object (an undefined term and a term the contexts define) and an
 * extra element to each array. Proof strings additionally get characters altered across their length.
 */
function jsonMutations(doc: unknown, opts: { proofRoot?: string; forceKind?: Kind; proofChars?: number } = {}): Array<{ kind: Kind; label: string; doc: unknown }> {
  const out: Array<{ kind: Kind; label: string; doc: unknown }> = [];
  const kindOf = (path: Path, k: Kind): Kind => opts.forceKind ?? (opts.proofRoot && path[0] === opts.proofRoot ? 'changed proof' : k);
  const visit = (node: unknown, path: Path) => {
    if (node && typeof node === 'object') {
      if (Array.isArray(node)) {
        const extra = typeof node[0] === 'string' ? 'urn:example:extra' : { id: 'urn:example:extra', type: 'Extra' };
        out.push({ kind: kindOf(path, 'added field'), label: `${show(path)} + extra element`, doc: withAt(doc, [...path, node.length], (p, k) => (p[k] = extra)) });
      } else {
        for (const [name, value] of [['mutationExtra', 'x'], ['description', 'added by a forger']] as const) {
          if (name in node) continue;
          const target = path.length ? path : [];
          const added = structuredClone(doc) as any;
          let o = added;
          for (const seg of target) o = o[seg];
          o[name] = value;
          out.push({ kind: kindOf(path, 'added field'), label: `${show(path)} + ${name}`, doc: added });
        }
      }
      for (const [k, child] of entries(node)) {
        const p = [...path, k];
        out.push({
          kind: kindOf(p, 'removed field'),
          label: `remove ${show(p)}`,
          doc: withAt(doc, p, (parent, key) => (Array.isArray(parent) ? parent.splice(key as number, 1) : delete parent[key])),
        });
        visit(child, p);
      }
      return;
    }
    for (const [how, v] of valueVariants(node)) out.push({ kind: kindOf(path, 'changed value'), label: `${show(path)}: ${how}`, doc: withAt(doc, path, (parent, key) => (parent[key] = v)) });
    const last = path[path.length - 1];
    if (typeof node === 'string' && opts.proofChars && ['proofValue', 'created', 'verificationMethod'].includes(String(last))) {
      for (const i of positions(node.length, opts.proofChars)) {
        if (i === 0 || i === node.length - 1) continue; // already covered by the first/last variants
        out.push({ kind: kindOf(path, 'changed proof'), label: `${show(path)}: alter char ${i}`, doc: withAt(doc, path, (parent, key) => (parent[key] = alterAt(node, i))) });
      }
    }
  };
  visit(doc, []);
  return out;
}

function diMutations(name: string, vc: VerifiableCredential): Mutation[] {
  return jsonMutations(vc, { proofRoot: 'proof', proofChars: 16 }).map((m) => ({ kind: m.kind, label: `${name} ${m.label}`, input: m.doc }));
}

const b64 = (o: unknown) => Buffer.from(typeof o === 'string' ? o : JSON.stringify(o)).toString('base64url');

function jwtMutations(name: string, jwt: string): Mutation[] {
  const [h, p, s] = jwt.split('.');
  const header = JSON.parse(Buffer.from(h, 'base64url').toString());
  const payload = JSON.parse(Buffer.from(p, 'base64url').toString());
  const out: Mutation[] = [];
  // Payload: the same JSON mutations, re-encoded with the original header and signature.
  for (const m of jsonMutations(payload)) out.push({ kind: m.kind, label: `${name} payload ${m.label}`, input: [h, b64(m.doc), s].join('.') });
  // Header: changed, removed or added fields, with the original payload and signature.
  for (const m of jsonMutations(header, { forceKind: 'changed proof' })) out.push({ kind: 'changed proof', label: `${name} header ${m.label}`, input: [b64(m.doc), p, s].join('.') });
  out.push({ kind: 'changed proof', label: `${name} header alg none, no signature`, input: [b64({ ...header, alg: 'none' }), p, ''].join('.') });
  // Signature: every character altered (each alteration changes the decoded bytes or the canonical encoding), truncated, emptied.
  for (let i = 0; i < s.length; i++) out.push({ kind: 'changed proof', label: `${name} signature: alter char ${i}`, input: [h, p, alterAt(s, i)].join('.') });
  out.push({ kind: 'changed proof', label: `${name} signature: drop last char`, input: [h, p, s.slice(0, -1)].join('.') });
  out.push({ kind: 'changed proof', label: `${name} signature: empty`, input: [h, p, ''].join('.') });
  out.push({ kind: 'changed proof', label: `${name} signature: reversed`, input: [h, p, [...s].reverse().join('')].join('.') });
  return out;
}

describe('credentials under attack: mutation corpus, offline loader, untrusted issuers (real keys, real PostgreSQL)', () => {
  let t: TestApp;
  let f: Awaited<ReturnType<typeof setupSchools>>;
  let verifier: VerificationService;
  let loader: DocumentLoader;
  let coSignedLu: VerifiableCredential;
  let diploma: VerifiableCredential;
  let luJwt: string;
  let diplomaJwt: string;

  beforeAll(async () => {
    t = await startTestApp();
    f = await setupSchools(t);
    verifier = t.app.get(VerificationService);
    loader = t.app.get(CredentialLoader).load;

    const lu = await t.gql(ISSUE_LU, { r: learningUnitRequest() }, f.nlSchool);
    if (lu.errors) throw new Error(JSON.stringify(lu.errors));
    const cos = await t.gql('mutation($id: ID!) { cosignCredential(id: $id) { credential } }', { id: lu.data.issueLearningUnitCredential.id }, f.deSchool);
    if (cos.errors) throw new Error(JSON.stringify(cos.errors));
    coSignedLu = cos.data.cosignCredential.credential;
    const dip = await t.gql(ISSUE_DIPLOMA, { r: { idempotencyKey: 'hostile-diploma', learner: { givenName: 'Sanne', familyName: 'de Vries', dateOfBirth: '2005-04-12' }, qualificationId: f.softwareDeveloperId, awardingDate: '2025-07-01' } }, f.nlSchool);
    if (dip.errors) throw new Error(JSON.stringify(dip.errors));
    diploma = dip.data.issueDiplomaCredential.credential;
    const jl = await t.gql(ISSUE_LU, { r: learningUnitRequest({ format: 'JWT', coIssuers: [] }) }, f.nlSchool);
    if (jl.errors) throw new Error(JSON.stringify(jl.errors));
    luJwt = jl.data.issueLearningUnitCredential.jwt;
    const jd = await t.gql(ISSUE_DIPLOMA, { r: { idempotencyKey: 'hostile-diploma-jwt', format: 'JWT', learner: { givenName: 'Ali', familyName: 'Yilmaz' }, qualificationId: f.softwareDeveloperId, awardingDate: '2025-07-01' } }, f.nlSchool);
    if (jd.errors) throw new Error(JSON.stringify(jd.errors));
    diplomaJwt = jd.data.issueDiplomaCredential.jwt;
  });
  afterAll(async () => t?.close());

  const failed = (v: { checks: Array<{ check: string; status: string; reason: string }> }) => v.checks.filter((c) => c.status === 'FAIL').map((c) => `${c.check}:${c.reason}`);

  it('the network spy sees and blocks every kind of outbound attempt (control)', async () => {
    const { attempts } = await withNetworkSpy(async () => {
      await fetch('https://evil.example/context.jsonld').catch(() => undefined);
      await new Promise<void>((res) => dns.lookup('evil.example', () => res()));
      await dns.promises.lookup('evil.example').catch(() => undefined);
      expect(() => new net.Socket().connect(443, 'evil.example')).toThrow(/blocked/);
      expect(() => https.request('https://evil.example/x')).toThrow(/blocked/);
      expect(() => http.get({ hostname: 'evil.example', path: '/' })).toThrow(/blocked/);
      expect(() => tls.connect({ host: 'evil.example', port: 443 })).toThrow(/blocked/);
      expect(() => net.connect({ host: '93.184.215.14', port: 80 })).toThrow(/blocked/);
    });
    expect(attempts.map((a) => a.via)).toEqual(['fetch', 'dns.lookup', 'dns.promises.lookup', 'net.Socket#connect', 'https.request', 'http.get', 'tls.connect', 'net.connect']);
    // Local traffic (the database) passes through untouched while the spy is on.
    const { result, attempts: local } = await withNetworkSpy(() => t.dataSource.query('SELECT 1 AS one'));
    expect(result[0].one).toBe(1);
    expect(local).toEqual([]);
  });

  it(
    'rejects every one of more than 1,000 single-field mutations, in both formats, without touching the network',
    async () => {
      // The originals are valid, so every rejection below is caused by the mutation.
      for (const original of [coSignedLu, diploma, luJwt, diplomaJwt]) expect(failed(await verifier.verify(original))).toEqual([]);
      expect(coSignedLu.proof).toHaveLength(2);

      const corpus: Array<Mutation & { format: 'DATA_INTEGRITY' | 'JWT' }> = [];
      for (const [name, vc] of [['LU(co-signed)', coSignedLu], ['Diploma', diploma]] as const) for (const m of diMutations(name, vc)) corpus.push({ ...m, format: 'DATA_INTEGRITY' });
      for (const [name, jwt] of [['LU-JWT', luJwt], ['Diploma-JWT', diplomaJwt]] as const) for (const m of jwtMutations(name, jwt)) corpus.push({ ...m, format: 'JWT' });

      // Swapped keys: the exact same credential re-signed by another key that keeps the original verificationMethod id.
      const issuers = t.app.get(IssuerService);
      const realKeys: Record<string, IssuerKeyPair> = { [f.nl.did]: await issuers.signingKey('alfa-college'), [f.de.did]: await issuers.signingKey('bk-koenigstrasse') };
      const swapKeys = async (vm: string) => {
        const controller = vm.split('#')[0];
        const stranger = Object.entries(realKeys).find(([did]) => did !== controller)![1];
        return [
          ['fresh Ed25519 key', await freshKey(vm, controller)],
          ["another school's registered key", await relabel(stranger, vm)],
        ] as const;
      };
      for (const [name, vc] of [['LU(co-signed)', coSignedLu], ['Diploma', diploma]] as const) {
        const proofs: Array<Record<string, string>> = Array.isArray(vc.proof) ? vc.proof : [vc.proof];
        for (const [i, proof] of proofs.entries()) {
          for (const [how, key] of await swapKeys(proof.verificationMethod)) {
            const { proof: _p, ...bare } = structuredClone(vc);
            const resigned = await addCoIssuerProof(bare, key, loader);
            const others = proofs.filter((_, j) => j !== i);
            corpus.push({ format: 'DATA_INTEGRITY', kind: 'swapped key', label: `${name} proof[${i}] re-signed by ${how}`, input: { ...resigned, proof: others.length ? [...others, resigned.proof] : resigned.proof } });
          }
        }
      }
      for (const [name, jwt] of [['LU-JWT', luJwt], ['Diploma-JWT', diplomaJwt]] as const) {
        const [h, p] = jwt.split('.');
        const header = JSON.parse(Buffer.from(h, 'base64url').toString());
        for (const [how, key] of await swapKeys(header.kid)) {
          corpus.push({ format: 'JWT', kind: 'swapped key', label: `${name} payload signed by ${how} under kid ${header.kid}`, input: await joseSign(Buffer.from(p, 'base64url'), header, key) });
        }
      }

      // Each mutation is distinct from its original (a mutation that changes nothing would prove nothing).
      const originals = new Set([coSignedLu, diploma, luJwt, diplomaJwt].map((o) => JSON.stringify(o)));
      expect(corpus.filter((m) => originals.has(JSON.stringify(m.input))).map((m) => m.label)).toEqual([]);

      const accepted: string[] = [];
      const proofStillValid: string[] = [];
      const counts: Record<string, number> = {};
      const firstFailure: Record<string, number> = {};
      const { attempts } = await withNetworkSpy(async () => {
        for (const m of corpus) {
          const report = await verifier.verify(m.input);
          counts[`${m.format} / ${m.kind}`] = (counts[`${m.format} / ${m.kind}`] ?? 0) + 1;
          if (report.valid !== false) accepted.push(`${m.format} ${m.label}`);
          const proofChecks = report.checks.filter((c) => c.check === 'PROOF');
          // Mutations that the signature alone does not catch (canonical-form neutral); something else must.
          if (proofChecks.length && proofChecks.every((c) => c.status === 'PASS')) proofStillValid.push(`${m.format} ${m.label} -> ${failed(report).join(',')}`);
          // The schema check stops before the proofs; for JSON-LD, find out which of those the signature alone would pass.
          if (m.format === 'DATA_INTEGRITY' && !proofChecks.length && (m.input as VerifiableCredential).proof) {
            const raw = await verifyProofSet(m.input as VerifiableCredential, loader).catch(() => []);
            if (raw.length && raw.every((p) => p.verified)) proofStillValid.push(`${m.format} ${m.label} -> ${failed(report).join(',')} (proofs alone would pass)`);
          }
          const first = report.checks.find((c) => c.status === 'FAIL');
          const key = first ? `${first.check}:${first.reason}` : 'none';
          firstFailure[key] = (firstFailure[key] ?? 0) + 1;
        }
      });

      const total = corpus.length;
      const perFormat = (fmt: string) => corpus.filter((m) => m.format === fmt).length;
      console.log(
        [
          `mutation corpus: ${total} (DATA_INTEGRITY ${perFormat('DATA_INTEGRITY')}, JWT ${perFormat('JWT')}); accepted: ${accepted.length}`,
          ...Object.entries(counts).sort().map(([k, n]) => `  ${k}: ${n}`),
          'first failing check:',
          ...Object.entries(firstFailure).sort((a, b) => b[1] - a[1]).map(([k, n]) => `  ${k}: ${n}`),
          `proof still valid, rejected by another check (${proofStillValid.length}):`,
          ...proofStillValid.map((l) => `  ${l}`),
        ].join('\n'),
      );

      expect(accepted.slice(0, 10)).toEqual([]);
      expect(total).toBeGreaterThanOrEqual(1000);
      expect(perFormat('DATA_INTEGRITY')).toBeGreaterThanOrEqual(400);
      expect(perFormat('JWT')).toBeGreaterThanOrEqual(400);
      for (const fmt of ['DATA_INTEGRITY', 'JWT']) for (const kind of ['changed value', 'removed field', 'added field', 'changed proof', 'swapped key']) expect(counts[`${fmt} / ${kind}`]).toBeGreaterThan(0);
      expect(attempts).toEqual([]);
    },
    900_000,
  );

  it('refuses an unknown @context URL with UNKNOWN_CONTEXT, in both formats, without a network attempt', async () => {
    const evilContext = 'https://evil.example/context.jsonld';
    const withContext = structuredClone(diploma);
    withContext['@context'].push(evilContext);
    // A JWT whose signature is genuine (its own did:key signer), but which names an unknown context.
    const signer = await didKeyPair();
    const jwtCred = { ...diplomaFor(signer.controller), '@context': [...diplomaFor(signer.controller)['@context'], evilContext] };
    const jwt = await joseSign(JSON.stringify(jwtCred), { alg: 'EdDSA', typ: 'vc+jwt', kid: signer.id }, signer);

    const { result, attempts } = await withNetworkSpy(async () => ({
      di: await verifier.verify(withContext),
      jwt: await verifier.verify(jwt),
      // The proof layer on its own (JSON-LD expansion through the service loader) names the refusal too.
      proof: await verifyProofSet(withContext, loader),
    }));
    expect(attempts).toEqual([]);
    for (const r of [result.di, result.jwt]) {
      expect(r.valid).toBe(false);
      expect(failed(r)).toEqual(['SCHEMA:UNKNOWN_CONTEXT']);
      expect(r.checks.find((c) => c.reason === 'UNKNOWN_CONTEXT')!.message).toContain(`UNKNOWN_CONTEXT: refused to load "${evilContext}"`);
    }
    expect(result.proof.map((p) => p.verified)).toEqual([false]);
    expect(result.proof[0].error).toMatch(/^UNKNOWN_CONTEXT: refused to load "https:\/\/evil\.example\/context\.jsonld"/);

    // The same through the public GraphQL API.
    const v = await t.gql(VERIFY, { c: withContext });
    expect(v.errors).toBeUndefined();
    expect(v.data.verifyCredential.checks.find((c: any) => c.status === 'FAIL')).toMatchObject({ check: 'SCHEMA', reason: 'UNKNOWN_CONTEXT' });
  });

  it('refuses a did:web key of a foreign host with FOREIGN_DID, in both formats, without a network attempt', async () => {
    const evil = await freshKey('did:web:evil.example#key-1', 'did:web:evil.example');
    const forLoader = attackerLoader(evil, loader);
    const own = diplomaFor('did:web:evil.example', 'Evil Academy');
    const di = await signAsIssuer(own, evil, forLoader);
    // The attacker's proof is cryptographically fine when the attacker resolves its own DID ...
    expect((await verifyProofSet(di, forLoader)).map((p) => p.verified)).toEqual([true]);
    const jwt = await joseSign(JSON.stringify(own), { alg: 'EdDSA', typ: 'vc+jwt', kid: evil.id }, evil);
    // ... and a foreign key added as a second proof to a genuine credential of ours.
    const piggyback = await addCoIssuerProof(diploma, evil, forLoader);

    const { result, attempts } = await withNetworkSpy(async () => Promise.all([di, jwt, piggyback].map((c) => verifier.verify(c))));
    expect(attempts).toEqual([]);
    for (const r of result) {
      expect(r.valid).toBe(false);
      const proof = r.checks.find((c) => c.check === 'PROOF' && c.subject === 'did:web:evil.example#key-1')!;
      expect(proof).toMatchObject({ status: 'FAIL', reason: 'KEY_NOT_RESOLVABLE' });
      expect(proof.message).toMatch(/^FOREIGN_DID: refused to load "did:web:evil\.example/);
    }
    expect(failed(result[0])).toEqual(['PROOF:KEY_NOT_RESOLVABLE', 'ISSUER:ISSUER_NOT_IN_TRUST_REGISTRY']);
    expect(failed(result[1])).toEqual(['PROOF:KEY_NOT_RESOLVABLE', 'ISSUER:ISSUER_NOT_IN_TRUST_REGISTRY']);
    // Our own issuer's proof still verifies; the stranger's is refused and flagged.
    expect(result[2].checks.filter((c) => c.check === 'PROOF').map((c) => c.status)).toEqual(['PASS', 'FAIL']);
    expect(failed(result[2])).toEqual(['PROOF:KEY_NOT_RESOLVABLE', 'CO_ISSUERS:UNEXPECTED_SIGNER']);
  });

  it('checks a did:key issuer cryptographically and reports it as not in the trust registry', async () => {
    const key = await didKeyPair();
    expect(key.controller).toMatch(/^did:key:z6Mk/);
    const unsigned = diplomaFor(key.controller, 'Self-declared school');
    expect(unsigned.credentialStatus).toEqual([]);
    const di = await signAsIssuer(unsigned, key, loader);
    const jwt = await joseSign(JSON.stringify(unsigned), { alg: 'EdDSA', typ: 'vc+jwt', kid: key.id }, key);

    const { result, attempts } = await withNetworkSpy(async () => [await verifier.verify(di), await verifier.verify(jwt)]);
    expect(attempts).toEqual([]);
    for (const r of result) {
      expect(r).toMatchObject({ valid: false, authentic: true, trusted: false, issuer: key.controller });
      expect(r.checks.map((c) => `${c.check}:${c.status}:${c.reason}`)).toEqual([
        `FORMAT:PASS:${r === result[0] ? 'JSON_LD' : 'JWT'}`,
        'SCHEMA:PASS:SCHEMA_VALID',
        'PROOF:PASS:SIGNATURE_VALID',
        'ISSUER:FAIL:ISSUER_NOT_IN_TRUST_REGISTRY',
        'ACCREDITATION:SKIP:ISSUER_UNKNOWN',
        'STATUS:SKIP:NO_STATUS',
        'VALIDITY:PASS:WITHIN_VALIDITY',
      ]);
      expect(r.checks.find((c) => c.check === 'ISSUER')!.message).toMatch(/is not in the trust registry; the signature was checked/);
    }

    // Cryptographically checked, not waved through: a tampered did:key credential fails its proof.
    const tampered = structuredClone(di);
    tampered.credentialSubject.familyName = 'Someone else';
    const tv = await verifier.verify(tampered);
    expect(tv.authentic).toBe(false);
    expect(failed(tv)).toEqual(['PROOF:SIGNATURE_INVALID', 'ISSUER:ISSUER_NOT_IN_TRUST_REGISTRY']);

    // Through the public API it is a report, not an error.
    const v = await t.gql(VERIFY, { c: di });
    expect(v.errors).toBeUndefined();
    expect(v.data.verifyCredential).toMatchObject({ valid: false, authentic: true, trusted: false, issuer: key.controller });
  });
});
