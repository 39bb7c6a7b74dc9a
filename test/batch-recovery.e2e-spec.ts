import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import { runCli } from './support/cli';
import { freePort } from './support/free-port';
import { ServiceProcess, startService, stopService } from './support/service-process';
import { tempDir } from './support/temp-dir';
import { createTestDatabase } from './support/test-database';

/** A batch survives the death of its worker process, and of the database under a running service. */
const N = 2_000;

interface Env {
  env: Record<string, string>;
  port: number;
}

async function gql(port: number, token: string, query: string, variables?: unknown) {
  const res = await fetch(`http://127.0.0.1:${port}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as { data?: any; errors?: unknown[] };
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data;
}

async function submitBatch({ env, port }: Env, prefix: string): Promise<{ token: string; batchId: string }> {
  const cli = await runCli(['token', '--role', 'school', '--institution', 'alfa-college'], { NODE_ENV: 'development', DATA_DIR: env.DATA_DIR });
  const token = cli.stdout.trim();
  if (cli.code !== 0 || !/^\S+$/.test(token)) throw new Error(`cli token failed (exit ${cli.code}): stdout ${JSON.stringify(cli.stdout)}, stderr ${cli.stderr}`);
  const quals = await gql(port, token, '{ qualifications(first: 100) { edges { node { id key } } } }');
  const qualificationId = quals.qualifications.edges.find((e: any) => e.node.key === 'nl-mbo-software-developer').node.id;
  const items = Array.from({ length: N }, (_, i) => ({
    kind: 'DiplomaCredential',
    request: { idempotencyKey: `${prefix}-${String(i).padStart(5, '0')}`, learner: { givenName: `Learner ${i}`, familyName: 'Crash' }, qualificationId, awardingDate: '2025-07-01' },
  }));
  const r = await gql(port, token, 'mutation($items: [IssueCredentialsItemInput!]!) { issueCredentials(items: $items) { id } }', { items });
  return { token, batchId: r.issueCredentials.id };
}

const progress = (port: number, token: string, id: string) =>
  gql(port, token, 'query($id: ID!) { issuanceBatch(id: $id) { total issued reused failed pending finished } }', { id }).then((d) => d.issuanceBatch);

async function waitUntil<T>(what: string, seconds: number, probe: () => Promise<T | null | undefined | false>): Promise<T> {
  const deadline = Date.now() + seconds * 1000;
  let last: unknown;
  while (Date.now() < deadline) {
    try {
      const v = await probe();
      if (v) return v;
    } catch (e) {
      last = e;
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${what}: not within ${seconds} s (last error: ${String(last)})`);
}

async function credentialStats(url: string, prefix: string) {
  const c = new Client({ connectionString: url });
  await c.connect();
  try {
    const { rows } = await c.query(
      `SELECT count(*)::int AS n, count(DISTINCT idempotency_key)::int AS keys, count(DISTINCT revocation_index)::int AS indexes
       FROM issued_credential WHERE idempotency_key LIKE $1`,
      [`${prefix}-%`],
    );
    return rows[0];
  } finally {
    await c.end();
  }
}

describe('batch recovery after a crash', () => {
  jest.setTimeout(300_000);

  it(`a batch of ${N} whose worker is killed at about 30% finishes within a minute of restart, exactly once`, async () => {
    const db = await createTestDatabase();
    const port = await freePort();
    const env = { NODE_ENV: 'development', DATA_DIR: tempDir('batch-kill'), DATABASE_URL: db.url, PORT: String(port), LOG_LEVEL: 'warn' };
    let service: ServiceProcess | undefined = await startService(env);
    try {
      const { token, batchId } = await submitBatch({ env, port }, 'crash');
      await waitUntil('30% issued', 120, async () => (await progress(port, token, batchId)).issued >= N * 0.3);
      expect(await stopService(service.proc, 'SIGKILL')).toBeNull();

      const restarted = Date.now();
      service = await startService(env);
      const done = await waitUntil('batch finished after restart', 60 - (Date.now() - restarted) / 1000, async () => {
        const p = await progress(port, token, batchId);
        return p.finished ? p : null;
      });
      expect(done).toEqual({ total: N, issued: N, reused: 0, failed: 0, pending: 0, finished: true });
      expect(await credentialStats(db.url, 'crash')).toEqual({ n: N, keys: N, indexes: N });
    } finally {
      if (service) await stopService(service.proc);
      await db.drop();
    }
  });

  it('killing the embedded PostgreSQL mid-batch leaves the API running; it reconnects and finishes the batch', async () => {
    const dataDir = tempDir('pg-kill');
    const port = await freePort();
    const pgPort = await freePort();
    const env = { NODE_ENV: 'development', DATA_DIR: dataDir, PORT: String(port), EMBEDDED_PG_PORT: String(pgPort), LOG_LEVEL: 'warn' };
    const service = await startService(env);
    try {
      const { token, batchId } = await submitBatch({ env, port }, 'pgkill');
      await waitUntil('30% issued', 120, async () => (await progress(port, token, batchId)).issued >= N * 0.3);

      const postmaster = Number(readFileSync(join(dataDir, 'pg', 'postmaster.pid'), 'utf8').split('\n')[0]);
      process.kill(postmaster, 'SIGKILL');
      // The service's supervisor sees the server die and starts another. On a fast machine that takes less than
      // one poll of /ready, so its log and the new server's pid are the witnesses, not a 503.
      await waitUntil('the service logs that the database exited', 30, async () => /embedded PostgreSQL exited/.test(service.output()));
      await waitUntil('the service logs that the database restarted', 90, async () => /embedded PostgreSQL restarted/.test(service.output()));
      expect(Number(readFileSync(join(dataDir, 'pg', 'postmaster.pid'), 'utf8').split('\n')[0])).not.toBe(postmaster);

      await waitUntil('/ready again', 90, async () => (await fetch(`http://127.0.0.1:${port}/ready`)).status === 200);
      const done = await waitUntil('batch finished after the database returned', 120, async () => {
        const p = await progress(port, token, batchId);
        return p.finished ? p : null;
      });
      expect(service.proc.exitCode).toBeNull();
      expect(done).toEqual({ total: N, issued: N, reused: 0, failed: 0, pending: 0, finished: true });
      expect(await credentialStats(`postgres://postgres:postgres@127.0.0.1:${pgPort}/recognition`, 'pgkill')).toEqual({ n: N, keys: N, indexes: N });
    } finally {
      await stopService(service.proc);
    }
  });
});
