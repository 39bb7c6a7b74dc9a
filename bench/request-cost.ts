import { performance } from 'node:perf_hooks';
import { DataSource } from 'typeorm';
import { LearningUnitRequestSchema } from '../libs/credentials/domain/credential-request.schema';
import { SUBJECT_SCHEMAS } from '../libs/credentials/domain/credential-subject.schema';
import { IssuanceService } from '../libs/credentials/issuance.service';
import { VerificationService } from '../libs/credentials/verification.service';
import { AuditService } from '../libs/platform/audit/audit.service';
import type { Actor } from '../libs/platform/auth/actor';
import { ensureDevTokenKey } from '../libs/platform/auth/token-keys';
import { mintToken } from '../libs/platform/auth/token.service';
import { startBenchService } from './service';
import { accreditedSchool, BENCH_PROGRAMME, benchSeconds, DEV_TOKEN, fixed, jsonPoster, learningUnitRequest, measure, section, type Stats, type Work } from './support';

export const description = 'what GraphQL, Nest/REST, zod and the audit log add to one verify and one issue (in-process, one request at a time)';


let seq = 0;
function request() {
  seq += 1;
  return learningUnitRequest(`cost-${process.pid}-${seq}`, { givenName: `Learner ${seq}`, familyName: 'Cost' });
}

interface Cost {
  stats: Stats;
  /** Main-thread (event loop) busy time per request, µs: the client's share is in it too. */
  busyUs: number;
}

/** One request at a time, so the mean latency is the cost of one request; the event loop's busy time besides. */
async function cost(name: string, seconds: number, fn: Work): Promise<Cost> {
  const before = performance.eventLoopUtilization();
  const stats = await measure(name, seconds, 1, fn);
  const elu = performance.eventLoopUtilization(before);
  // The warm-up is inside the ELU window: scale by the measured requests plus those of the warm-up, estimated at the same rate.
  const warm = Math.min(1, seconds / 5);
  return { stats, busyUs: (elu.active / (stats.requests * (1 + warm / stats.seconds))) * 1000 };
}

const mean = (c: Cost) => 1000 / c.stats.perSecond;

export async function run(): Promise<void> {
  const seconds = benchSeconds(3);
  // Proofs on the main thread here, so each figure is the whole cost of one request in one thread.
  const svc = await startBenchService({ PROOF_WORKERS: '0', VERIFY_RATE_LIMIT_PER_MINUTE: '1000000' });
  try {
    const keys = await ensureDevTokenKey(svc.dataDir);
    const token = (role: 'admin' | 'expert' | 'school', extra: Record<string, unknown> = {}) => mintToken(keys.privateJwk, DEV_TOKEN, { subject: `cost-${role}`, role, ...extra });
    const school = await token('school', { institution: 'cost-school' });
    const post = jsonPoster(svc.baseUrl);
    await accreditedSchool(post, { admin: await token('admin'), expert: await token('expert', { jurisdictions: ['NL'] }) }, { id: 'cost-school', name: 'Cost School', programme: BENCH_PROGRAMME });
    const issueQuery = 'mutation($r: IssueLearningUnitCredentialInput!) { issueLearningUnitCredential(request: $r) { credential } }';
    const verifyQuery = 'query($c: JSON!) { verifyCredential(credential: $c) { valid checks { check status } } }';
    const sample = (await post('/graphql', { query: issueQuery, variables: { r: request() } }, school)).data.issueLearningUnitCredential.credential;
    const verification = svc.app.get(VerificationService);
    const issuance = svc.app.get(IssuanceService);
    const audit = svc.app.get(AuditService);
    const dataSource = svc.app.get(DataSource);
    const actor: Actor = { subject: 'cost-school-registrar', role: 'school', institution: 'cost-school', jurisdictions: [] };

    section('Verify, one at a time (in-process service, proofs on the main thread)');
    const zodVerify = await cost('zod: subject schema (safeParse)', seconds, async () => {
      if (!SUBJECT_SCHEMAS.LearningUnitCredential.safeParse(sample.credentialSubject).success) throw new Error('sample subject does not parse');
    });
    const directVerify = await cost('VerificationService.verify', seconds, async () => {
      if (!(await verification.verify(sample)).verified) throw new Error('sample does not verify');
    });
    const health = await cost('GET /health (HTTP floor)', seconds, async () => (await fetch(`${svc.baseUrl}/health`)).text());
    const restVerify = await cost('REST POST /credentials/verify', seconds, () => post('/credentials/verify', { verifiableCredential: sample }));
    const gqlVerify = await cost('GraphQL verifyCredential', seconds, () => post('/graphql', { query: verifyQuery, variables: { c: sample } }));

    section('Issue, one at a time');
    const zodIssue = await cost('zod: LearningUnitRequestSchema', seconds, async () => LearningUnitRequestSchema.parse(request()));
    const emptyTx = await cost('empty transaction', seconds, () => dataSource.transaction(async () => undefined));
    const auditTx = await cost('transaction with one audit entry', seconds, () =>
      dataSource.transaction((m) => audit.record(m, actor, { action: 'bench.cost', entityType: 'bench', entityId: String(seq++), before: null, after: { n: seq } })),
    );
    const directIssue = await cost('IssuanceService.issue', seconds, () => issuance.issue(actor, 'LearningUnitCredential', request()));
    const restIssue = await cost('REST POST /credentials/issue', seconds, () => post('/credentials/issue', { credential: request(), options: { type: 'LearningUnitCredential' } }, school));
    const gqlIssue = await cost('GraphQL issueLearningUnitCredential', seconds, () => post('/graphql', { query: issueQuery, variables: { r: request() } }, school));

    section('Cost per request (mean latency; main-thread busy time per request, client included)', false);
    const line = (label: string, latencyMs: number, busyUs: number) => process.stdout.write(`${label.padEnd(46)}${fixed(latencyMs, 3).padStart(9)} ms ${fixed(busyUs, 0).padStart(8)} µs busy\n`);
    line('verify: service (pipeline, proofs, 1 query)', mean(directVerify), directVerify.busyUs);
    line('verify: + REST (Nest, express, throttler, JSON)', mean(restVerify) - mean(directVerify), restVerify.busyUs - directVerify.busyUs);
    line('verify: + GraphQL (Apollo, Nest GraphQL, guard)', mean(gqlVerify) - mean(directVerify), gqlVerify.busyUs - directVerify.busyUs);
    line('  of which HTTP floor (GET /health, client too)', mean(health), health.busyUs);
    line('  zod subject schema', mean(zodVerify), zodVerify.busyUs);
    line('issue: service (checks, indexes, proof, writes)', mean(directIssue), directIssue.busyUs);
    line('issue: + REST', mean(restIssue) - mean(directIssue), restIssue.busyUs - directIssue.busyUs);
    line('issue: + GraphQL', mean(gqlIssue) - mean(directIssue), gqlIssue.busyUs - directIssue.busyUs);
    line('  zod request schema', mean(zodIssue), zodIssue.busyUs);
    line('  audit entry (in a transaction)', mean(auditTx) - mean(emptyTx), auditTx.busyUs - emptyTx.busyUs);
  } finally {
    await svc.close();
  }
}
