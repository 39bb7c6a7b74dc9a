import { BatchIssuanceService } from '../libs/credentials/batch-issuance.service';
import { IssuanceService } from '../libs/credentials/issuance.service';
import { learningUnitRequest, setupSchools } from './support/credentials-fixture';
import { startTestApp, TestApp } from './support/test-app';

const N = Number(process.env.BATCH_TEST_SIZE ?? 10_000);

describe('bulk issuance through the PostgreSQL job queue', () => {
  let t: TestApp;
  let f: Awaited<ReturnType<typeof setupSchools>>;
  beforeAll(async () => {
    t = await startTestApp();
    f = await setupSchools(t);
  });
  afterAll(async () => t?.close());

  const items = (prefix: string, n: number) =>
    Array.from({ length: n }, (_, i) => ({
      kind: 'LearningUnitCredential',
      request: learningUnitRequest({ idempotencyKey: `${prefix}-${String(i).padStart(5, '0')}`, coIssuers: [], learner: { givenName: `Learner ${i}`, familyName: 'Batch' } }),
    }));

  async function waitFor(id: string) {
    for (;;) {
      const r = await t.gql('query($id: ID!) { issuanceBatch(id: $id) { total issued reused failed pending finished errors { position error } } }', { id }, f.nlSchool);
      if (r.errors) throw new Error(JSON.stringify(r.errors));
      if (r.data.issuanceBatch.finished) return r.data.issuanceBatch;
      await new Promise((res) => setTimeout(res, 500));
    }
  }

  it(`stores a batch of ${N} in full with distinct status indexes; re-sending it creates nothing`, async () => {
    const batch = items('bulk', N);
    const submitted = await t.gql('mutation($items: [IssueCredentialsItemInput!]!) { issueCredentials(items: $items) { id total pending } }', { items: batch }, f.nlSchool);
    expect(submitted.errors).toBeUndefined();
    expect(submitted.data.issueCredentials).toMatchObject({ total: N, pending: N });
    const done = await waitFor(submitted.data.issueCredentials.id);
    expect(done).toMatchObject({ total: N, issued: N, reused: 0, failed: 0, pending: 0 });

    const [stats] = await t.dataSource.query(
      `SELECT count(*)::int AS n, count(DISTINCT revocation_index)::int AS rev, count(DISTINCT suspension_index)::int AS sus,
              count(DISTINCT revocation_list_id)::int AS lists
       FROM issued_credential WHERE idempotency_key LIKE 'bulk-%'`,
    );
    expect(stats).toEqual({ n: N, rev: N, sus: N, lists: 1 });
    // Indexes reserved a block at a time are counted as they are taken: each list's `used` is its reserved entries.
    const counts = await t.dataSource.query(
      `SELECT l.used, (SELECT count(*)::int FROM status_list_entry e WHERE e.list_id = l.id) AS entries FROM status_list l WHERE l.institution_id = 'alfa-college'`,
    );
    expect(counts.length).toBeGreaterThanOrEqual(2);
    for (const c of counts) expect(c.used).toBe(c.entries);

    const again = await t.gql('mutation($items: [IssueCredentialsItemInput!]!) { issueCredentials(items: $items) { id } }', { items: batch }, f.nlSchool);
    const second = await waitFor(again.data.issueCredentials.id);
    expect(second).toMatchObject({ issued: 0, reused: N, failed: 0 });
    const [after] = await t.dataSource.query("SELECT count(*)::int AS n FROM issued_credential WHERE idempotency_key LIKE 'bulk-%'");
    expect(after.n).toBe(N);
  }, 30 * 60_000);

  it('survives a crash: a re-run of the same job, even concurrently, duplicates nothing and loses nothing', async () => {
    const batch = items('crash', 60);
    // An item whose credential was stored before the crash, but not yet marked done in the batch.
    await t.app.get(IssuanceService).issue({ subject: 'registrar-alfa', role: 'school', institution: 'alfa-college', jurisdictions: [] }, 'LearningUnitCredential', batch[7].request);
    const submitted = await t.gql('mutation($items: [IssueCredentialsItemInput!]!) { issueCredentials(items: $items) { id } }', { items: batch }, f.nlSchool);
    const id = submitted.data.issueCredentials.id;
    const service = t.app.get(BatchIssuanceService);
    await Promise.all([service.run(id), service.run(id)]);
    const done = await waitFor(id);
    expect(done.failed).toBe(0);
    expect(done.issued + done.reused).toBe(60);
    expect(done.reused).toBeGreaterThanOrEqual(1);
    const [c] = await t.dataSource.query("SELECT count(*)::int AS n, count(DISTINCT idempotency_key)::int AS k FROM issued_credential WHERE idempotency_key LIKE 'crash-%'");
    expect(c).toEqual({ n: 60, k: 60 });
  });

  it('validates every item up front and names the bad one; only schools may submit', async () => {
    const batch = items('bad', 3);
    (batch[2].request as any).eqfLevel = 12;
    const r = await t.gql('mutation($items: [IssueCredentialsItemInput!]!) { issueCredentials(items: $items) { id } }', { items: batch }, f.nlSchool);
    expect(r.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
    expect(r.errors![0].message).toMatch(/items\[2\]\.request\.eqfLevel/);
    const dup = items('dup', 2);
    dup[1].request.idempotencyKey = dup[0].request.idempotencyKey;
    const d = await t.gql('mutation($items: [IssueCredentialsItemInput!]!) { issueCredentials(items: $items) { id } }', { items: dup }, f.nlSchool);
    expect(d.errors![0].message).toMatch(/items\[1\]\.request\.idempotencyKey: duplicates items\[0\]/);
    const tooMany = await t.gql('mutation($items: [IssueCredentialsItemInput!]!) { issueCredentials(items: $items) { id } }', { items: [] }, f.nlSchool);
    expect(tooMany.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
    const employer = await t.gql('mutation($items: [IssueCredentialsItemInput!]!) { issueCredentials(items: $items) { id } }', { items: items('emp', 1) }, await t.token('employer'));
    expect(employer.errors![0].extensions!.code).toBe('FORBIDDEN');
    const [c] = await t.dataSource.query("SELECT count(*)::int AS n FROM issuance_batch_item WHERE request->>'idempotencyKey' LIKE 'bad-%' OR request->>'idempotencyKey' LIKE 'dup-%'");
    expect(c.n).toBe(0);
  });
});
