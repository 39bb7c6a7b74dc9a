import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import { cryptosuite } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import * as vc from '@digitalbazaar/vc';
import { generateKeyPair, jwtVerify, SignJWT } from 'jose';
import { AccreditationService } from '../libs/credentials/accreditation.service';
import { CredentialLoader } from '../libs/credentials/loader.provider';
import { IssuerService } from '../libs/credentials/issuer.service';
import { SYSTEM_ACTOR } from '../libs/platform/auth/actor';
import { ensureDevTokenKey } from '../libs/platform/auth/token-keys';
import { mintToken } from '../libs/platform/auth/token.service';
import { startBenchService } from './service';
import { benchConcurrency, benchSeconds, measure, printRatio, section } from './support';

export const description = 'issues/s and verifies/s through the API, next to @digitalbazaar/vc and jose in one thread';

const PROGRAMME = 'bench-programme';

function request(i: number) {
  return {
    idempotencyKey: `bench-${process.pid}-${i}-${Math.random().toString(36).slice(2)}`,
    learner: { givenName: `Learner ${i}`, familyName: 'Bench' },
    programme: PROGRAMME,
    title: { nl: 'Leereenheid', de: 'Lerneinheit', en: 'Learning unit' },
    eqfLevel: 4,
    volume: { hours: 80 },
    outcomes: [
      { text: 'Realiseert software', lang: 'nl', dimension: 'SKILLS', escoSkills: [] },
      { text: 'Kennt Vorgehensmodelle', lang: 'de', dimension: 'KNOWLEDGE', escoSkills: [] },
      { text: 'Takes responsibility', lang: 'en', dimension: 'RESPONSIBILITY_AUTONOMY', escoSkills: [] },
    ],
    activity: { location: 'Enschede', hostCountry: 'NL', startDate: '2025-03-03', endDate: '2025-03-14' },
    assessment: { method: 'project', date: '2025-03-14', result: 'passed' },
  };
}

export async function run(): Promise<void> {
  const seconds = benchSeconds(5);
  const concurrency = benchConcurrency(4);
  const svc = await startBenchService({ VERIFY_RATE_LIMIT_PER_MINUTE: '1000000' });
  try {
    await svc.app.get(IssuerService).register(SYSTEM_ACTOR, { id: 'bench-school', name: 'Bench School', jurisdiction: 'NL', type: 'SCHOOL' });
    await svc.app.get(AccreditationService).record(SYSTEM_ACTOR, { institutionId: 'bench-school', scope: 'LEARNING_UNIT_PROGRAMME', programme: PROGRAMME, sourceUrl: 'https://example.org/bench', validFrom: '2020-01-01' });
    const keys = await ensureDevTokenKey(svc.dataDir);
    const token = await mintToken(keys.privateJwk, { issuer: 'recognition-engine-dev', audience: 'recognition-engine' }, { subject: 'bench', role: 'school', institution: 'bench-school' });
    const post = async (path: string, body: unknown, auth = false) => {
      const res = await fetch(`${svc.baseUrl}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(auth ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify(body),
      });
      const json = (await res.json()) as any;
      if (res.status >= 300 || json.errors?.length) throw new Error(`HTTP ${res.status}: ${JSON.stringify(json).slice(0, 300)}`);
      return json;
    };
    const issueQuery = 'mutation($r: IssueLearningUnitCredentialInput!) { issueLearningUnitCredential(request: $r) { credential } }';
    let n = 0;
    const sample = (await post('/graphql', { query: issueQuery, variables: { r: request(n++) } }, true)).data.issueLearningUnitCredential.credential;

    section(`Through the API (HTTP, ${concurrency} in flight, embedded or DATABASE_URL PostgreSQL)`);
    const apiIssue = await measure('API issue (GraphQL, eddsa-rdfc-2022)', seconds, concurrency, () => post('/graphql', { query: issueQuery, variables: { r: request(n++) } }, true));
    const apiVerify = await measure('API verify (POST /credentials/verify)', seconds, concurrency, () => post('/credentials/verify', { verifiableCredential: sample }));
    section('Through the API, 32 in flight (one school: status indexes are reserved without a lock)');
    const apiIssue32 = await measure('API issue (GraphQL), 32 in flight', seconds, 32, () => post('/graphql', { query: issueQuery, variables: { r: request(n++) } }, true));
    // The service runs in this process, so this is service and load generator together (goal: service < 300 MB).
    const rssMb = process.memoryUsage().rss / 1024 / 1024;
    process.stdout.write(`RSS after load (service + bench client in one process): ${rssMb.toFixed(0)} MB\n`);

    section('Raw libraries (one process, one thread, warm loader)');
    const loader = svc.app.get(CredentialLoader).load;
    const key = await svc.app.get(IssuerService).signingKey('bench-school');
    const unsigned = { ...sample };
    delete unsigned.proof;
    const rawIssue = await measure('@digitalbazaar/vc issue', seconds, 1, () =>
      vc.issue({ credential: structuredClone(unsigned), suite: new DataIntegrityProof({ signer: key.signer(), cryptosuite }), documentLoader: loader }),
    );
    // Proof only: status is a separate check, so the library gets a no-op status checker.
    const rawVerify = await measure('@digitalbazaar/vc verifyCredential (proof only)', seconds, 1, async () => {
      const r = await vc.verifyCredential({ credential: sample, suite: new DataIntegrityProof({ cryptosuite }), documentLoader: loader, checkStatus: async () => ({ verified: true }) });
      if (!r.verified) throw new Error('sample did not verify');
    });
    const { privateKey, publicKey } = await generateKeyPair('EdDSA');
    const jwt = await new SignJWT({ vc: sample }).setProtectedHeader({ alg: 'EdDSA' }).sign(privateKey);
    const joseSign = await measure('jose EdDSA sign', seconds, 1, () => new SignJWT({ vc: sample }).setProtectedHeader({ alg: 'EdDSA' }).sign(privateKey));
    const joseVerify = await measure('jose EdDSA verify', seconds, 1, () => jwtVerify(jwt, publicKey));

    section('Ratios (goals: API verify ≥ 1.5× and API issue ≥ 1.0× the raw single-thread rate, issue p99 at 32 in flight < 250 ms)', false);
    printRatio('API issue / raw vc issue', apiIssue, rawIssue);
    printRatio('API issue (32 in flight) / raw vc issue', apiIssue32, rawIssue);
    printRatio('API verify / raw vc verify', apiVerify, rawVerify);
    printRatio('raw vc issue / jose sign', rawIssue, joseSign);
    printRatio('raw vc verify / jose verify', rawVerify, joseVerify);
  } finally {
    await svc.close();
  }
}
