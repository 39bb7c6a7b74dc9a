import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Client } from 'pg';
import { createApp } from '../apps/api/bootstrap';
import { SeedService } from '../libs/catalogue/seed.service';
import { RecognitionSeedService } from '../libs/recognition/recognition-seed.service';
import { loadConfig } from '../libs/platform/config/load-config';
import { startEmbeddedPostgres } from '../libs/platform/database/embedded-postgres';
import { createLogger } from '../libs/platform/logging/logger';
import { projectRoot } from '../libs/platform/project-root';
import { freePort } from './support';

/** A fresh, empty PostgreSQL database that belongs to one benchmark run. */
export interface BenchDatabase {
  url: string;
  /** Where it runs, for the report. */
  description: string;
  dispose(): Promise<void>;
}

/** The real service, listening on 127.0.0.1 on a random port, on its own database. */
export interface BenchService {
  app: NestExpressApplication;
  baseUrl: string;
  database: BenchDatabase;
  dataDir: string;
  /** POSTs one GraphQL operation; throws on a non-200 answer or on GraphQL errors. */
  gql<T = unknown>(query: string, variables?: Record<string, unknown>): Promise<T>;
  close(): Promise<void>;
}

/** With DATABASE_URL: a new `bench_<random>` database on that server; otherwise an embedded PostgreSQL. */
export function startBenchDatabase(): Promise<BenchDatabase> {
  const serverUrl = process.env.DATABASE_URL;
  return serverUrl ? createDatabaseOn(serverUrl) : startEmbeddedDatabase();
}

async function createDatabaseOn(serverUrl: string): Promise<BenchDatabase> {
  const name = `bench_${randomBytes(6).toString('hex')}`;
  const admin = new URL(serverUrl);
  admin.pathname = '/postgres';
  await withClient(admin.toString(), (c) => c.query(`CREATE DATABASE ${name}`));
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    description: `database ${name} on ${url.host}`,
    dispose: () => withClient(admin.toString(), (c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => undefined),
  };
}

async function startEmbeddedDatabase(): Promise<BenchDatabase> {
  const dir = mkdtempSync(join(tmpdir(), 'recog-bench-pg-'));
  const port = await freePort();
  // startEmbeddedPostgres makes the directory reachable for the postgres OS user when run as root.
  const pg = await startEmbeddedPostgres(dir, port);
  return {
    url: pg.url,
    description: `embedded PostgreSQL on 127.0.0.1:${port}`,
    dispose: async () => {
      await pg.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function withClient<T>(url: string, fn: (c: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** Starts the service in-process on a fresh database, with the seeds loaded. */
export async function startBenchService(env: Record<string, string> = {}): Promise<BenchService> {
  const database = await startBenchDatabase();
  const dataDir = mkdtempSync(join(tmpdir(), 'recog-bench-data-'));
  let app: NestExpressApplication | undefined;
  const close = async () => {
    await app?.close();
    await database.dispose();
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', DATA_DIR: dataDir, DATABASE_URL: database.url, ...env });
    app = await createApp(config, createLogger('silent'), database.url);
    await app.init();
    await app.get(SeedService).seed(join(projectRoot(), 'seeds'));
    await app.get(RecognitionSeedService).seed(join(projectRoot(), 'seeds'));
    await app.listen(0, '127.0.0.1');
  } catch (e) {
    await close().catch(() => undefined);
    throw e;
  }
  const baseUrl = `http://127.0.0.1:${(app.getHttpServer().address() as { port: number }).port}`;
  return { app, baseUrl, database, dataDir, gql: graphqlClient(`${baseUrl}/graphql`), close };
}

function graphqlClient(endpoint: string): BenchService['gql'] {
  return async <T>(query: string, variables?: Record<string, unknown>): Promise<T> => {
    const res = await fetch(endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await res.json()) as { data?: T; errors?: Array<{ message: string }> };
    if (res.status !== 200 || body.errors?.length) {
      throw new Error(`HTTP ${res.status}: ${body.errors?.map((e) => e.message).join('; ') ?? 'no data'}`);
    }
    return body.data as T;
  };
}
