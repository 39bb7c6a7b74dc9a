import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { learningUnitRequest, ISSUE_LU, setupSchools, VERIFY } from './support/credentials-fixture';
import { REFILL_BELOW, RESERVE_AHEAD } from '../libs/credentials/status.service';
import { startTestApp, TestApp } from './support/test-app';

/** Runs `total` tasks with at most `inFlight` at a time. */
async function pool<T>(total: number, inFlight: number, task: (i: number) => Promise<T>): Promise<T[]> {
  const out: T[] = new Array(total);
  let next = 0;
  await Promise.all(
    Array.from({ length: inFlight }, async () => {
      while (next < total) {
        const i = next++;
        out[i] = await task(i);
      }
    }),
  );
  return out;
}

/** Credentials of the institution carrying an index that is not reserved in its list (there should be none). */
async function unreservedIndexes(t: TestApp, institutionId: string): Promise<number> {
  const [row] = await t.dataSource.query(
    `SELECT count(*)::int AS n FROM issued_credential c WHERE c.institution_id = $1 AND (
       NOT EXISTS (SELECT 1 FROM status_list_entry e WHERE e.list_id = c.revocation_list_id AND e.idx = c.revocation_index)
       OR NOT EXISTS (SELECT 1 FROM status_list_entry e WHERE e.list_id = c.suspension_list_id AND e.idx = c.suspension_index))`,
    [institutionId],
  );
  return row.n;
}

describe('status-list indexes under concurrency (no lock held while signing)', () => {
  let t: TestApp;
  let f: Awaited<ReturnType<typeof setupSchools>>;
  beforeAll(async () => {
    t = await startTestApp({ env: { VERIFY_RATE_LIMIT_PER_MINUTE: '100000' } });
    f = await setupSchools(t);
  });
  afterAll(async () => t?.close());

  it('500 credentials of one school, 32 in flight from a school with no list yet: one list per purpose, every index distinct', async () => {
    const results = await pool(500, 32, async () => {
      const r = await t.gql(ISSUE_LU, { r: learningUnitRequest() }, f.nlSchool);
      if (r.errors) throw new Error(JSON.stringify(r.errors));
      return r.data.issueLearningUnitCredential.credential;
    });
    expect(results).toHaveLength(500);

    // Indexes are reserved ahead in blocks: each list counts what it reserved, the 500 and what this process holds.
    const lists = await t.dataSource.query(
      `SELECT l.purpose, l.used, (SELECT count(*)::int FROM status_list_entry e WHERE e.list_id = l.id) AS entries FROM status_list l WHERE institution_id = $1 ORDER BY purpose`,
      [f.nl.id],
    );
    expect(lists.map((l: any) => l.purpose)).toEqual(['revocation', 'suspension']);
    for (const l of lists) {
      expect(l.used).toBe(l.entries);
      expect(l.used).toBeGreaterThanOrEqual(500);
      // What this process still holds: less than a block plus the low-water mark that triggers the next one.
      expect(l.used).toBeLessThan(500 + RESERVE_AHEAD + REFILL_BELOW);
    }
    const [distinct] = await t.dataSource.query(
      `SELECT count(*)::int AS n, count(DISTINCT (revocation_list_id, revocation_index))::int AS rev, count(DISTINCT (suspension_list_id, suspension_index))::int AS sus
       FROM issued_credential WHERE institution_id = $1`,
      [f.nl.id],
    );
    expect(distinct).toEqual({ n: 500, rev: 500, sus: 500 });
    // The indexes the credentials carry are the stored ones, and each is reserved exactly once.
    const carried = new Set(results.map((vc: any) => vc.credentialStatus.map((s: any) => `${s.statusListCredential}#${s.statusListIndex}`)).flat());
    expect(carried.size).toBe(1000);
    // Every carried index is one of the list's reserved entries.
    expect(await unreservedIndexes(t, f.nl.id)).toBe(0);

    // Revoking one of them flips its bit only: the others still verify as not revoked.
    const [victim, bystander] = [results[17], results[18]];
    const id = victim.id as string;
    const rv = await t.gql('mutation($id: ID!) { revokeCredential(id: $id, reason: "test") { status } }', { id }, f.nlSchool);
    expect(rv.errors).toBeUndefined();
    const v1 = (await t.gql(VERIFY, { c: victim })).data.verifyCredential;
    const v2 = (await t.gql(VERIFY, { c: bystander })).data.verifyCredential;
    expect([v1.revoked, v2.revoked]).toEqual([true, false]);
  }, 180_000);

  it('a process that stops in order gives back the indexes it reserved ahead and did not use; those its credentials carry stay', async () => {
    // A second process on the same database (a replica), with its own reservations.
    const kek = readFileSync(join(t.dataDir, 'dev-key-encryption-key'), 'utf8').trim();
    const other = await startTestApp({ databaseUrl: t.databaseUrl, seed: false, env: { KEY_ENCRYPTION_KEY: kek } });
    const entries = async () =>
      (await t.dataSource.query(
        `SELECT l.purpose, l.used, (SELECT count(*)::int FROM status_list_entry e WHERE e.list_id = l.id) AS entries FROM status_list l WHERE institution_id = $1 ORDER BY purpose`,
        [f.nl.id],
      )) as Array<{ purpose: string; used: number; entries: number }>;
    let reservedWhileRunning: Array<{ purpose: string; used: number; entries: number }>;
    const before = await entries();
    try {
      const school = await other.token('school', { institution: f.nl.id, subject: 'registrar-replica' });
      for (let i = 0; i < 3; i++) expect((await other.gql(ISSUE_LU, { r: learningUnitRequest() }, school)).errors).toBeUndefined();
      reservedWhileRunning = await entries();
    } finally {
      await other.close();
    }
    // While it ran it held a block beyond its three credentials; after its stop only the three remain.
    for (const [i, l] of reservedWhileRunning.entries()) expect(l.entries - before[i].entries).toBeGreaterThan(3);
    const after = await entries();
    for (const [i, l] of after.entries()) {
      expect(l.entries - before[i].entries).toBe(3);
      expect(l.used).toBe(l.entries);
    }
    // Every index a credential carries is still reserved.
    expect(await unreservedIndexes(t, f.nl.id)).toBe(0);
  });

  it('issuances ready at the same moment share one insert statement; each credential gets exactly one audit entry, and a key sent eight times at once gives one credential', async () => {
    const queries = jest.spyOn(t.dataSource, 'query');
    let inserts: string[];
    let results: any[];
    const twice = learningUnitRequest();
    let sameKey: any[];
    try {
      results = await pool(64, 32, async () => {
        const r = await t.gql(ISSUE_LU, { r: learningUnitRequest() }, f.nlSchool);
        if (r.errors) throw new Error(JSON.stringify(r.errors));
        return r.data.issueLearningUnitCredential;
      });
      inserts = queries.mock.calls.map((c) => String(c[0])).filter((q) => /INSERT INTO issued_credential/.test(q));
      sameKey = await Promise.all(Array.from({ length: 8 }, () => t.gql(ISSUE_LU, { r: twice }, f.nlSchool)));
    } finally {
      queries.mockRestore();
    }
    // 64 credentials, fewer statements than credentials (32 in flight leave several ready at once).
    expect(inserts.length).toBeGreaterThan(0);
    expect(inserts.length).toBeLessThan(64);
    const ids = results.map((r) => r.id as string);
    const audit = await t.dataSource.query(`SELECT entity_id, count(*)::int AS n FROM audit_log WHERE action = 'credential.issue' AND entity_id = ANY($1) GROUP BY entity_id`, [ids]);
    expect(audit).toHaveLength(64);
    expect(audit.every((a: { n: number }) => a.n === 1)).toBe(true);

    expect(sameKey.map((r) => r.errors)).toEqual(Array(8).fill(undefined));
    const one = new Set(sameKey.map((r) => r.data.issueLearningUnitCredential.id));
    expect(one.size).toBe(1);
    const [stored] = await t.dataSource.query('SELECT count(*)::int AS n FROM issued_credential WHERE institution_id = $1 AND idempotency_key = $2', [f.nl.id, twice.idempotencyKey]);
    expect(stored.n).toBe(1);
    const [entries] = await t.dataSource.query(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'credential.issue' AND entity_id = $1`, [[...one][0]]);
    expect(entries.n).toBe(1);
  }, 120_000);

  it('a row the database refuses fails only its own issuance, also when it shared a statement with others', async () => {
    await t.dataSource.query("ALTER TABLE issued_credential ADD CONSTRAINT test_refused_key CHECK (idempotency_key NOT LIKE 'refused-by-test-%') NOT VALID");
    try {
      const requests = Array.from({ length: 32 }, (_, i) => (i === 5 ? learningUnitRequest({ idempotencyKey: `refused-by-test-${Date.now()}` }) : learningUnitRequest()));
      const rs = await Promise.all(requests.map((r) => t.gql(ISSUE_LU, { r }, f.nlSchool)));
      expect(rs[5].errors?.[0].extensions?.code).toBe('INTERNAL_SERVER_ERROR');
      const others = rs.filter((_, i) => i !== 5);
      expect(others.map((r) => r.errors)).toEqual(Array(31).fill(undefined));
      const ids = others.map((r) => r.data.issueLearningUnitCredential.id as string);
      const [stored] = await t.dataSource.query('SELECT count(*)::int AS n FROM issued_credential WHERE id = ANY($1)', [ids]);
      expect(stored.n).toBe(31);
      const [audited] = await t.dataSource.query(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'credential.issue' AND entity_id = ANY($1)`, [ids]);
      expect(audited.n).toBe(31);
      const [refused] = await t.dataSource.query('SELECT count(*)::int AS n FROM issued_credential WHERE idempotency_key = $1', [requests[5].idempotencyKey]);
      expect(refused.n).toBe(0);
    } finally {
      await t.dataSource.query('ALTER TABLE issued_credential DROP CONSTRAINT test_refused_key');
    }
  });

  it('the same idempotency key sent 8 times at once gives one credential', async () => {
    const request = learningUnitRequest();
    const rs = await Promise.all(Array.from({ length: 8 }, () => t.gql(ISSUE_LU, { r: request }, f.nlSchool)));
    for (const r of rs) expect(r.errors).toBeUndefined();
    const ids = new Set(rs.map((r) => r.data.issueLearningUnitCredential.id));
    expect(ids.size).toBe(1);
    expect(rs.filter((r) => r.data.issueLearningUnitCredential.created)).toHaveLength(1);
    const [count] = await t.dataSource.query('SELECT count(*)::int AS n FROM issued_credential WHERE institution_id = $1 AND idempotency_key = $2', [f.nl.id, request.idempotencyKey]);
    expect(count.n).toBe(1);
  });
});
