import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { freePort } from './support/free-port';
import { MAIN, ROOT, startService, stopService } from './support/service-process';

async function gql(port: string, query: string) {
  const r = await fetch(`http://127.0.0.1:${port}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) });
  return (await r.json()) as any;
}

describe('npm start on a fresh machine: embedded PostgreSQL, seeded, data kept between runs', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'recog-start-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('serves at least 8 qualifications, and a second start keeps the data and duplicates nothing', async () => {
    const env = { DATA_DIR: dataDir, PORT: String(await freePort()), EMBEDDED_PG_PORT: String(await freePort()), LOG_LEVEL: 'info', NODE_ENV: 'development' };

    const first = await startService(env);
    let counts: Record<string, string>;
    try {
      const r = await gql(env.PORT, '{ qualifications(first: 50) { totalCount } }');
      expect(r.data.qualifications.totalCount).toBeGreaterThanOrEqual(8);
      expect(first.output()).toMatch(/"msg":"seeds loaded"/);
      counts = await rowCounts(env.EMBEDDED_PG_PORT);
    } finally {
      expect(await stopService(first.proc)).toBe(0);
    }

    const second = await startService(env);
    try {
      const r = await gql(env.PORT, '{ qualifications(first: 50) { totalCount edges { node { key } } } }');
      const keys = r.data.qualifications.edges.map((e: { node: { key: string } }) => e.node.key);
      expect(new Set(keys).size).toBe(keys.length);
      expect(r.data.qualifications.totalCount).toBe(Number(counts.qualification));
      // Unchanged seeds are skipped by content hash: no row is added anywhere, not even in the audit log.
      expect(await rowCounts(env.EMBEDDED_PG_PORT)).toEqual(counts);
      expect(second.output()).toMatch(/"qualificationsChanged":0/);
    } finally {
      expect(await stopService(second.proc)).toBe(0);
    }
  });

  it('stops at start with a message naming a bad variable', async () => {
    const { DATABASE_URL: _ignored, ...parentEnv } = process.env;
    const proc = spawn(process.execPath, [MAIN], { cwd: ROOT, env: { ...parentEnv, PORT: 'not-a-port', DATA_DIR: dataDir } });
    let err = '';
    proc.stderr.on('data', (d) => (err += d));
    const code = await new Promise<number | null>((r) => proc.once('exit', r));
    expect(code).toBe(1);
    expect(err).toMatch(/PORT/);
  });
});

async function rowCounts(port: string): Promise<Record<string, string>> {
  const c = new Client({ connectionString: `postgres://postgres:postgres@127.0.0.1:${port}/recognition` });
  await c.connect();
  try {
    const tables = ['jurisdiction', 'framework', 'framework_level', 'profession', 'qualification', 'qualification_unit', 'learning_outcome', 'qualification_profession', 'audit_log'];
    const out: Record<string, string> = {};
    for (const t of tables) out[t] = (await c.query(`SELECT count(*)::text AS n FROM ${t}`)).rows[0].n;
    return out;
  } finally {
    await c.end();
  }
}
