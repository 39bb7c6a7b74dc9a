import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import { cryptosuite } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import * as vc from '@digitalbazaar/vc';
import { generateKeyPair, jwtVerify, SignJWT } from 'jose';
import { createDocumentLoader } from '../libs/credentials/domain/document-loader';
import { generateIssuerKey, keyPairFrom } from '../libs/credentials/domain/keys';
import { signAsIssuer, verifyProofSet } from '../libs/credentials/domain/proofs';
import { ensureDevTokenKey } from '../libs/platform/auth/token-keys';
import { mintToken } from '../libs/platform/auth/token.service';
import { projectRoot } from '../libs/platform/project-root';
import { startBenchDatabase } from './service';
import { accreditedSchool, BENCH_PROGRAMME, benchConcurrency, benchSeconds, DEV_TOKEN, fixed, freePort, jsonPoster, learningUnitRequest, measure, printRatio, section } from './support';

export const description = 'issues/s, verifies/s and a batch through the service (its own process), next to @digitalbazaar/vc and jose in one thread; service RSS';

function request(i: number) {
  return learningUnitRequest(`bench-${process.pid}-${i}-${Math.random().toString(36).slice(2)}`, { givenName: `Learner ${i}`, familyName: 'Bench' });
}

/** Resident set size of a process in MB (Linux /proc), or null elsewhere. */
function rssMb(pid: number): number | null {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : null;
  } catch {
    return null;
  }
}

/** Samples a process's RSS while `work` runs and returns the peak. */
async function peakRss<T>(pid: number, work: () => Promise<T>): Promise<{ result: T; peak: number | null }> {
  let peak: number | null = null;
  const timer = setInterval(() => {
    const now = rssMb(pid);
    if (now !== null) peak = Math.max(peak ?? 0, now);
  }, 100);
  try {
    return { result: await work(), peak };
  } finally {
    clearInterval(timer);
  }
}

/** The node options of `npm start` (package.json), so that the service is measured as it runs. */
function startNodeOptions(): string[] {
  const start: string = JSON.parse(readFileSync(join(projectRoot(), 'package.json'), 'utf8')).scripts.start;
  const words = start.trim().split(/\s+/);
  if (words[0] !== 'node' || words.at(-1) !== 'dist/apps/api/main.js') throw new Error(`unexpected start script: ${start}`);
  return words.slice(1, -1);
}

async function startServiceProcess(env: Record<string, string>): Promise<ChildProcess> {
  const { DATABASE_URL: _parent, ...parentEnv } = process.env;
  // BENCH_SERVICE_NODE_ARGS go to the service's node only, after npm start's (e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof").
  const nodeArgs = [...startNodeOptions(), ...(process.env.BENCH_SERVICE_NODE_ARGS?.split(' ').filter(Boolean) ?? [])];
  const proc = spawn(process.execPath, [...nodeArgs, join(projectRoot(), 'dist/apps/api/main.js')], { env: { ...parentEnv, ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
  let err = '';
  proc.stderr!.on('data', (d) => (err += d));
  for (const deadline = Date.now() + 90_000; Date.now() < deadline; ) {
    if (proc.exitCode !== null) throw new Error(`service exited with ${proc.exitCode}: ${err}`);
    const ok = await fetch(`http://127.0.0.1:${env.PORT}/ready`).then((r) => r.status === 200).catch(() => false);
    if (ok) return proc;
    await new Promise((r) => setTimeout(r, 200));
  }
  proc.kill('SIGKILL');
  throw new Error(`service did not become ready: ${err}`);
}

/** The raw libraries in this process, one thread, on the service's own credential (a did:key issuer, warm loader). */
async function measureRaw(sample: Record<string, any>, seconds: number) {
  const material = await generateIssuerKey('placeholder', 'placeholder');
  const did = `did:key:${material.publicKeyMultibase}`;
  const key = await keyPairFrom({ id: `${did}#${material.publicKeyMultibase}`, controller: did, ...material });
  const loader = createDocumentLoader({ ownDidDocument: async () => null, ownStatusList: async () => null }, { ownDidPrefix: 'did:web:bench.invalid', ownStatusListPrefix: 'https://bench.invalid/status/' });
  const unsigned: Record<string, any> = { ...sample, issuer: { ...sample.issuer, id: did } };
  delete unsigned.proof;
  const rawIssue = await measure('@digitalbazaar/vc issue', seconds, 1, () =>
    vc.issue({ credential: structuredClone(unsigned), suite: new DataIntegrityProof({ signer: key.signer(), cryptosuite }), documentLoader: loader }),
  );
  const rawSigned = await vc.issue({ credential: structuredClone(unsigned), suite: new DataIntegrityProof({ signer: key.signer(), cryptosuite }), documentLoader: loader });
  // Proof only: status is a separate check, so the library gets a no-op status checker.
  const rawVerify = await measure('@digitalbazaar/vc verifyCredential (proof only)', seconds, 1, async () => {
    const r = await vc.verifyCredential({ credential: rawSigned, suite: new DataIntegrityProof({ cryptosuite }), documentLoader: loader, checkStatus: async () => ({ verified: true }) });
    if (!r.verified) throw new Error(`sample did not verify: ${JSON.stringify(r.error ?? r.results).slice(0, 300)}`);
  });
  // The service's own proof functions, in the same thread: what shared JSON-LD contexts and cached keys save.
  const ownIssue = await measure('service proofs: sign (one thread)', seconds, 1, () => signAsIssuer(unsigned, key, loader));
  const ownVerify = await measure('service proofs: verify (one thread)', seconds, 1, async () => {
    const [r] = await verifyProofSet(rawSigned, loader);
    if (!r?.verified) throw new Error(`sample did not verify: ${r?.error}`);
  });
  const { privateKey, publicKey } = await generateKeyPair('EdDSA');
  const jwt = await new SignJWT({ vc: sample }).setProtectedHeader({ alg: 'EdDSA' }).sign(privateKey);
  const joseSign = await measure('jose EdDSA sign', seconds, 1, () => new SignJWT({ vc: sample }).setProtectedHeader({ alg: 'EdDSA' }).sign(privateKey));
  const joseVerify = await measure('jose EdDSA verify', seconds, 1, () => jwtVerify(jwt, publicKey));

  return { rawIssue, rawVerify, ownIssue, ownVerify, joseSign, joseVerify };
}

export async function run(): Promise<void> {
  const seconds = benchSeconds(5);
  const concurrency = benchConcurrency(8);
  const batchSize = Number(process.env.BENCH_BATCH_SIZE ?? 10_000);
  const db = await startBenchDatabase();
  const dataDir = mkdtempSync(join(tmpdir(), 'recog-bench-data-'));
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  let service: ChildProcess | null = null;
  try {
    const keys = await ensureDevTokenKey(dataDir);
    service = await startServiceProcess({ DATABASE_URL: db.url, DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', VERIFY_RATE_LIMIT_PER_MINUTE: '1000000' });
    const pid = service.pid!;
    const token = (role: 'admin' | 'expert' | 'school', extra: Record<string, unknown> = {}) => mintToken(keys.privateJwk, DEV_TOKEN, { subject: `bench-${role}`, role, ...extra });
    const school = await token('school', { institution: 'bench-school' });
    const post = jsonPoster(baseUrl);
    await accreditedSchool(post, { admin: await token('admin'), expert: await token('expert', { jurisdictions: ['NL'] }) }, { id: 'bench-school', name: 'Bench School', programme: BENCH_PROGRAMME });
    const issueQuery = 'mutation($r: IssueLearningUnitCredentialInput!) { issueLearningUnitCredential(request: $r) { credential } }';
    let n = 0;
    // What the issue rounds return is verified afterwards, each credential once as far as they go (a job portal
    // sees different credentials, so nothing may profit from verifying the same document again).
    const issuedCredentials: Array<Record<string, unknown>> = [];
    const issueOne = async () => {
      const r = await post('/graphql', { query: issueQuery, variables: { r: request(n++) } }, school);
      if (issuedCredentials.length < 20_000) issuedCredentials.push(r.data.issueLearningUnitCredential.credential);
      return r;
    };
    const sample = (await issueOne()).data.issueLearningUnitCredential.credential;

    // The raw rates first, while the service is idle and before this process holds a batch's worth of requests.
    section("Raw libraries, then the service's own proof functions (this process, one thread, warm loader, a did:key issuer), measured while the service is idle");
    const { rawIssue, rawVerify, ownIssue, ownVerify, joseSign, joseVerify } = await measureRaw(sample, seconds);

    section(`Through the API: the service in its own process (${db.description}), the load from this one`);
    const issued = await peakRss(pid, async () => ({
      at: await measure(`API issue (GraphQL), ${concurrency} in flight`, seconds, concurrency, issueOne),
      at32: await measure('API issue (GraphQL), 32 in flight', seconds, 32, issueOne),
    }));
    let v = 0;
    const verifyNext = async () => {
      const r = await post('/credentials/verify', { verifiableCredential: issuedCredentials[v++ % issuedCredentials.length] });
      if (!r.verified) throw new Error(`an issued credential did not verify: ${JSON.stringify(r).slice(0, 300)}`);
    };
    const verified = await peakRss(pid, () => measure(`API verify (POST /credentials/verify), ${concurrency} in flight`, seconds, concurrency, verifyNext));
    process.stdout.write(`${v} verifications of ${issuedCredentials.length} different credentials issued above\n`);

    section(`Batch of ${batchSize} (issueCredentials, one job)`, false);
    const items = Array.from({ length: batchSize }, () => ({ kind: 'LearningUnitCredential', request: request(n++) }));
    const batchRun = await peakRss(pid, async () => {
      const started = performance.now();
      const b = await post('/graphql', { query: 'mutation($i: [IssueCredentialsItemInput!]!) { issueCredentials(items: $i) { id } }', variables: { i: items } }, school);
      const id = b.data.issueCredentials.id;
      for (;;) {
        const p = (await post('/graphql', { query: 'query($id: ID!) { issuanceBatch(id: $id) { finished issued failed } }', variables: { id } }, school)).data.issuanceBatch;
        if (p.finished) return { seconds: (performance.now() - started) / 1000, ...p };
        await new Promise((r) => setTimeout(r, 250));
      }
    });
    const batch = batchRun.result;
    process.stdout.write(`${batch.issued} issued, ${batch.failed} failed in ${fixed(batch.seconds, 1)} s: ${fixed(batch.issued / batch.seconds, 1)} credentials/s\n`);
    const peaks = [issued.peak, verified.peak, batchRun.peak].filter((x): x is number => x !== null);
    process.stdout.write(`service RSS, peak under load: ${peaks.length ? `${fixed(Math.max(...peaks), 0)} MB` : 'not measurable here'} (goal < 300 MB)\n`);

    section('Ratios (goals: API verify ≥ 1.5×, API issue ≥ 1.0× and a batch ≥ 1.0× the raw single-thread rate; issue p99 at 32 in flight < 250 ms)', false);
    printRatio('API issue / raw vc issue', issued.result.at, rawIssue);
    printRatio('API issue (32 in flight) / raw vc issue', issued.result.at32, rawIssue);
    printRatio('API verify / raw vc verify', verified.result, rawVerify);
    process.stdout.write(`${'batch / raw vc issue'.padEnd(34)}req/s ${fixed(batch.issued / batch.seconds / rawIssue.perSecond, 2)}x\n`);
    printRatio('service proofs sign / raw vc issue', ownIssue, rawIssue);
    printRatio('service proofs verify / raw verify', ownVerify, rawVerify);
    printRatio('raw vc issue / jose sign', rawIssue, joseSign);
    printRatio('raw vc verify / jose verify', rawVerify, joseVerify);
  } finally {
    // Whatever failed, the service, its database and its data directory (keys included) go.
    if (service && service.exitCode === null) {
      const exited = new Promise((r) => service!.once('exit', r));
      service.kill('SIGTERM');
      await exited;
    }
    await db.dispose();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
