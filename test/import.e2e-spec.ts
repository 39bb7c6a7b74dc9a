import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { CLI, ROOT, runCli } from './support/cli';
import { startTestApp, TestApp } from './support/test-app';

/**
 * Acceptance: each invalid import file gets an error naming the path and the reason, and the
 * database is unchanged. Drives the real CLI (dist/apps/cli/main.js) against a seeded test database.
 */

const SEED_FILE = join(ROOT, 'seeds/qualifications/nl-mbo-25656-verzorgende-ig.json');
const TABLES = ['qualification', 'qualification_unit', 'learning_outcome', 'qualification_profession', 'audit_log'] as const;

/** A document derived from the seed file: new key, no code, so that it is valid on its own. */
function baseDoc(key: string): any {
  const doc = JSON.parse(readFileSync(SEED_FILE, 'utf8'));
  doc.key = key;
  delete doc.code;
  return doc;
}

/** The lines of the CLI report that belong to one file: the FAILED/ok line and its "at" lines. */
function reportOf(stdout: string, file: string): string[] {
  const lines = stdout.split('\n');
  const start = lines.findIndex((l) => /^(ok|FAILED)\s/.test(l) && l.includes(`${file}:`));
  if (start < 0) return [];
  const out = [lines[start]];
  for (let i = start + 1; i < lines.length && /^\s+at /.test(lines[i]); i++) out.push(lines[i]);
  return out;
}

describe('import CLI (real PostgreSQL, seeded)', () => {
  let t: TestApp;
  let dir: string;
  let env: Record<string, string>;

  beforeAll(async () => {
    if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run "npx tsc -p tsconfig.build.json" (npm test builds first)`);
    t = await startTestApp();
    dir = mkdtempSync(join(tmpdir(), 'recog-import-'));
    env = { DATABASE_URL: t.databaseUrl, DATA_DIR: t.dataDir };
  });
  afterAll(async () => {
    await t?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  /** Row counts plus fingerprints of the content, so an in-place change would also show. */
  async function snapshot(): Promise<Record<string, unknown>> {
    const out: Record<string, unknown> = {};
    for (const table of TABLES) out[table] = Number((await t.dataSource.query(`SELECT count(*)::int AS n FROM ${table}`))[0].n);
    out.qualificationFingerprint = (
      await t.dataSource.query(`SELECT md5(coalesce(string_agg(key || ':' || content_hash || ':' || version, ',' ORDER BY key), '')) AS h FROM qualification`)
    )[0].h;
    out.maxAuditId = (await t.dataSource.query(`SELECT coalesce(max(id), 0)::text AS m FROM audit_log`))[0].m;
    return out;
  }

  function write(name: string, content: unknown, sub?: string): string {
    const d = sub ? join(dir, sub) : dir;
    mkdirSync(d, { recursive: true });
    const file = join(d, name);
    writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content, null, 2));
    return file;
  }

  const invalid: Array<{ name: string; mutate: (d: any) => void; code: string; field: string; reason: RegExp }> = [
    {
      name: 'wrong types',
      mutate: (d) => {
        d.durationMonths = '36';
      },
      code: 'BAD_USER_INPUT',
      field: 'durationMonths',
      reason: /expected number, received string/i,
    },
    {
      name: 'an unknown framework level',
      mutate: (d) => {
        d.nationalLevel = '9';
      },
      code: 'BAD_USER_INPUT',
      field: 'nationalLevel',
      reason: /level "9" does not exist in framework NLQF/,
    },
    {
      name: 'EQF 9',
      mutate: (d) => {
        d.eqfLevel = 9;
      },
      code: 'BAD_USER_INPUT',
      field: 'eqfLevel',
      reason: /<=\s*8|too big/i,
    },
    {
      name: 'a missing title',
      mutate: (d) => {
        delete d.title;
      },
      code: 'BAD_USER_INPUT',
      field: 'title',
      reason: /expected object, received undefined|required/i,
    },
    {
      name: 'a duplicate code',
      mutate: (d) => {
        d.code = '25656';
      },
      code: 'CONFLICT',
      field: 'code',
      reason: /"25656" is already used in NL by qualification "nl-mbo-25656-verzorgende-ig"/,
    },
    {
      name: 'an outcome without a dimension',
      mutate: (d) => {
        delete d.units[0].outcomes[0].dimension;
      },
      code: 'BAD_USER_INPUT',
      field: 'units[0].outcomes[0].dimension',
      reason: /expected one of|invalid option|required/i,
    },
  ];

  it.each(invalid)('rejects a file with $name, naming the path and the reason; the database is unchanged', async (c) => {
    const doc = baseDoc(`test-invalid-${c.field.replace(/[^a-z0-9]+/gi, '-').toLowerCase()}`);
    c.mutate(doc);
    const file = write(`${c.field.replace(/[^a-z0-9]+/gi, '_')}.json`, doc);
    const before = await snapshot();

    const r = await runCli(['import', file], env);
    expect(r.code).toBe(1);
    const report = reportOf(r.stdout, file);
    expect(report[0]).toBe(`FAILED  ${file}: ${c.code}`);
    const line = report.find((l) => l.trim().startsWith(`at ${c.field}:`));
    expect(line).toBeDefined();
    expect(line).toMatch(c.reason);
    expect(r.stdout).toMatch(/^0 imported, 1 failed$/m);
    expect(await snapshot()).toEqual(before);
  });

  it('names every problem of a file with several errors, each with its own path', async () => {
    const doc = baseDoc('test-invalid-several');
    doc.eqfLevel = 9;
    delete doc.title;
    doc.units[1].outcomes[2].dimension = 'ATTITUDES';
    const file = write('several.json', doc);
    const before = await snapshot();
    const r = await runCli(['import', file], env);
    expect(r.code).toBe(1);
    const fields = reportOf(r.stdout, file)
      .slice(1)
      .map((l) => /^\s+at ([^:]+):/.exec(l)?.[1]);
    expect(fields).toEqual(expect.arrayContaining(['eqfLevel', 'title', 'units[1].outcomes[2].dimension']));
    expect(await snapshot()).toEqual(before);
  });

  it('writes nothing for files that pass the schema but fail against the catalogue', async () => {
    const profession = baseDoc('test-unknown-profession');
    profession.professions = ['verzorgende-ig', 'no-such-profession'];
    const jurisdiction = baseDoc('test-unknown-jurisdiction');
    jurisdiction.jurisdiction = 'FR';
    const f1 = write('unknown-profession.json', profession, 'refs');
    const f2 = write('unknown-jurisdiction.json', jurisdiction, 'refs');
    const before = await snapshot();

    const r = await runCli(['import', f1, f2], env);

    expect(r.code).toBe(1);
    expect(reportOf(r.stdout, f1)).toEqual([`FAILED  ${f1}: BAD_USER_INPUT`, '        at professions[1]: unknown profession "no-such-profession"']);
    expect(reportOf(r.stdout, f2)).toEqual([`FAILED  ${f2}: BAD_USER_INPUT`, '        at jurisdiction: unknown jurisdiction "FR"']);
    expect(r.stdout).toMatch(/^0 imported, 2 failed$/m);
    expect(await snapshot()).toEqual(before);
  });

  it('rolls back a file whose write fails after the qualification row was inserted', async () => {
    // The schema accepts a NUL character, PostgreSQL text does not: the learning_outcome insert fails
    // after the qualification and its first unit have been written in the same transaction.
    const doc = baseDoc('test-midway-failure');
    doc.units[1].outcomes[0].text = 'contains a NUL \u0000 character';
    const bad = write('a-midway.json', doc, 'midway');
    const good = write('b-good.json', baseDoc('test-after-midway'), 'midway');
    const before = await snapshot();

    const r = await runCli(['import', join(dir, 'midway')], env);

    expect(r.code).toBe(1);
    const badReport = reportOf(r.stdout, bad);
    expect(badReport[0]).toBe(`FAILED  ${bad}: INTERNAL_SERVER_ERROR`);
    expect(badReport[1]).toMatch(/^\s+at \(file\): could not be stored: .*0x00/);
    // The next file is still processed.
    expect(reportOf(r.stdout, good)).toEqual([`ok      ${good}: test-after-midway created`]);
    const rows = await t.dataSource.query(`SELECT key FROM qualification WHERE key IN ('test-midway-failure', 'test-after-midway') ORDER BY key`);
    expect(rows.map((x: any) => x.key)).toEqual(['test-after-midway']);
    const after = await snapshot();
    expect(after.qualification).toBe((before.qualification as number) + 1);
    expect(after.audit_log).toBe((before.audit_log as number) + 1);
  });

  it('imports a directory file by file: the valid file is stored and audited, the invalid and malformed ones write nothing', async () => {
    const validDoc = baseDoc('test-dir-valid');
    const valid = write('a-valid.json', validDoc, 'mixed');
    const invalidDoc = baseDoc('test-dir-invalid');
    invalidDoc.eqfLevel = 9;
    const bad = write('b-invalid.json', invalidDoc, 'mixed');
    const broken = write('c-broken.json', '{ "key": "test-dir-broken", ', 'mixed');
    write('notes.txt', 'not a json file, ignored', 'mixed');
    const before = await snapshot();

    const r = await runCli(['import', join(dir, 'mixed')], env);

    expect(r.code).toBe(1);
    expect(reportOf(r.stdout, valid)).toEqual([`ok      ${valid}: test-dir-valid created`]);
    expect(reportOf(r.stdout, bad)[0]).toBe(`FAILED  ${bad}: BAD_USER_INPUT`);
    expect(reportOf(r.stdout, bad).some((l) => /^\s+at eqfLevel: /.test(l))).toBe(true);
    const brokenReport = reportOf(r.stdout, broken);
    expect(brokenReport[0]).toBe(`FAILED  ${broken}: BAD_USER_INPUT`);
    expect(brokenReport.slice(1).join('\n')).toMatch(/JSON/);
    expect(r.stdout).not.toContain('notes.txt');
    expect(r.stdout).toMatch(/^1 imported, 2 failed$/m);

    const units = validDoc.units.length;
    const outcomes = validDoc.units.reduce((n: number, u: any) => n + u.outcomes.length, 0);
    const after = await snapshot();
    expect(after).toMatchObject({
      qualification: (before.qualification as number) + 1,
      qualification_unit: (before.qualification_unit as number) + units,
      learning_outcome: (before.learning_outcome as number) + outcomes,
      qualification_profession: (before.qualification_profession as number) + validDoc.professions.length,
      audit_log: (before.audit_log as number) + 1,
    });
    const stored = await t.dataSource.query(`SELECT key FROM qualification WHERE key LIKE 'test-dir-%' ORDER BY key`);
    expect(stored.map((x: any) => x.key)).toEqual(['test-dir-valid']);

    const audit = await t.dataSource.query(
      `SELECT a.actor, a.actor_role, a.action, a.after->>'key' AS key FROM audit_log a JOIN qualification q ON q.id::text = a.entity_id
       WHERE q.key = 'test-dir-valid' ORDER BY a.id`,
    );
    expect(audit).toEqual([{ actor: 'cli:import', actor_role: 'admin', action: 'qualification.create', key: 'test-dir-valid' }]);

    // Re-importing the same valid file changes nothing and writes no audit entry.
    const again = await snapshot();
    const r2 = await runCli(['import', valid], env);
    expect(r2.code).toBe(0);
    expect(reportOf(r2.stdout, valid)).toEqual([`ok      ${valid}: test-dir-valid unchanged`]);
    expect(r2.stdout).toMatch(/^1 imported, 0 failed$/m);
    expect(await snapshot()).toEqual(again);
  });

  it('updates a changed file in place, with an audit entry by cli:import', async () => {
    const doc = baseDoc('test-update');
    const file = write('update.json', doc, 'update');
    expect((await runCli(['import', file], env)).code).toBe(0);
    const before = await snapshot();

    doc.durationMonths = 24;
    doc.units = doc.units.slice(0, 1);
    write('update.json', doc, 'update');
    const r = await runCli(['import', file], env);

    expect(r.code).toBe(0);
    expect(reportOf(r.stdout, file)).toEqual([`ok      ${file}: test-update updated`]);
    const after = await snapshot();
    expect(after.qualification).toBe(before.qualification);
    expect(after.audit_log).toBe((before.audit_log as number) + 1);
    const [row] = await t.dataSource.query(`SELECT duration_months, version FROM qualification WHERE key = 'test-update'`);
    expect(row).toEqual({ duration_months: 24, version: 2 });
    const [last] = await t.dataSource.query(`SELECT actor, action FROM audit_log ORDER BY id DESC LIMIT 1`);
    expect(last).toEqual({ actor: 'cli:import', action: 'qualification.update' });
  });
});
