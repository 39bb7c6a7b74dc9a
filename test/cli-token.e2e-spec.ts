import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { CLI, runCli } from './support/cli';
import { startTestApp, TestApp } from './support/test-app';

/** `token` mints development bearer tokens from the key in DATA_DIR; the running service must accept them. */

function claims(jwt: string): Record<string, unknown> {
  const parts = jwt.split('.');
  expect(parts).toHaveLength(3);
  return JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8'));
}

const RETIRE = 'mutation($id: ID!, $reason: String!) { retireQualification(id: $id, reason: $reason) { id key retiredAt retiredReason } }';

describe('token CLI against the running service', () => {
  let t: TestApp;
  let env: Record<string, string>;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run "npx tsc -p tsconfig.build.json" (npm test builds first)`);
    // startTestApp makes its own DATA_DIR (t.dataDir) and the service verifies tokens with the key there.
    t = await startTestApp();
    env = { DATA_DIR: t.dataDir };
    const rows = await t.dataSource.query(`SELECT id, key FROM qualification WHERE key IN ('nl-mbo-25656-verzorgende-ig', 'nl-mbo-software-developer', 'de-altpflg-altenpfleger')`);
    for (const r of rows) ids[r.key] = r.id;
    expect(Object.keys(ids).sort()).toEqual(['de-altpflg-altenpfleger', 'nl-mbo-25656-verzorgende-ig', 'nl-mbo-software-developer']);
  });
  afterAll(async () => t?.close());

  async function mint(args: string[]): Promise<string> {
    const r = await runCli(['token', ...args], env);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n').filter(Boolean);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
    return lines[0];
  }

  const retiredAt = async (id: string) => (await t.dataSource.query(`SELECT retired_at FROM qualification WHERE id = $1`, [id]))[0].retired_at;

  it('--role expert --jurisdiction NL: the service accepts the token and the expert may retire an NL qualification', async () => {
    const token = await mint(['--role', 'expert', '--jurisdiction', 'NL', '--subject', 'cli-expert']);
    expect(claims(token)).toMatchObject({ sub: 'cli-expert', role: 'expert', jurisdictions: ['NL'], iss: 'recognition-engine-dev', aud: 'recognition-engine' });

    const id = ids['nl-mbo-25656-verzorgende-ig'];
    expect(await retiredAt(id)).toBeNull();
    const r = await t.gql(RETIRE, { id, reason: 'retired with a CLI token' }, token);
    expect(r.errors).toBeUndefined();
    expect(r.data.retireQualification).toMatchObject({ id, key: 'nl-mbo-25656-verzorgende-ig', retiredReason: 'retired with a CLI token' });
    expect(r.data.retireQualification.retiredAt).toEqual(expect.any(String));
    expect(await retiredAt(id)).not.toBeNull();

    const audit = await t.dataSource.query(`SELECT actor, actor_role, action FROM audit_log WHERE entity_id = $1 ORDER BY id DESC LIMIT 1`, [id]);
    expect(audit).toEqual([{ actor: 'cli-expert', actor_role: 'expert', action: 'qualification.retire' }]);
  });

  it('the jurisdiction in the token limits the expert: NL may not retire a German qualification', async () => {
    const token = await mint(['--role', 'expert', '--jurisdiction', 'NL']);
    const id = ids['de-altpflg-altenpfleger'];
    const r = await t.gql(RETIRE, { id, reason: 'out of scope' }, token);
    expect(r.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(await retiredAt(id)).toBeNull();
  });

  it('--role employer: the service knows the caller (not UNAUTHENTICATED) and answers FORBIDDEN', async () => {
    const token = await mint(['--role', 'employer']);
    expect(claims(token)).toMatchObject({ sub: 'dev-user', role: 'employer', jurisdictions: [] });
    const id = ids['nl-mbo-software-developer'];
    const r = await t.gql(RETIRE, { id, reason: 'employers may not' }, token);
    expect(r.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(r.data?.retireQualification ?? null).toBeNull();
    expect(await retiredAt(id)).toBeNull();
  });

  it('a token minted from another DATA_DIR (another key) is refused with UNAUTHENTICATED', async () => {
    const other = mkdtempSync(join(tmpdir(), 'recog-other-key-'));
    try {
      const r = await runCli(['token', '--role', 'expert', '--jurisdiction', 'NL'], { DATA_DIR: other });
      expect(r.code).toBe(0);
      const foreign = r.stdout.trim();
      const id = ids['nl-mbo-software-developer'];
      const res = await t.gql(RETIRE, { id, reason: 'foreign key' }, foreign);
      expect(res.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
      expect(await retiredAt(id)).toBeNull();
    } finally {
      rmSync(other, { recursive: true, force: true });
    }
  });

  it('--role nope: non-zero exit and a message naming the option and the allowed roles', async () => {
    const r = await runCli(['token', '--role', 'nope'], env);
    expect(r.code).not.toBe(0);
    expect(r.code).not.toBeNull();
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('--role');
    expect(r.stderr).toContain('nope');
    expect(r.stderr).toMatch(/must be one of school, employer, expert, admin/);
  });

  it('without --role: non-zero exit and a message naming the missing option', async () => {
    const r = await runCli(['token'], env);
    expect(r.code).not.toBe(0);
    expect(r.code).not.toBeNull();
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/required option '--role <role>' not specified/);
  });
});
