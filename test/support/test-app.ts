import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DataSource } from 'typeorm';
import { createApp } from '../../apps/api/bootstrap';
import { tokenSettings } from '../../libs/platform/auth/token-config';
import { SeedService } from '../../libs/catalogue/seed.service';
import { RecognitionSeedService } from '../../libs/recognition/recognition-seed.service';
import type { Role } from '../../libs/platform/auth/actor';
import { ensureDevTokenKey } from '../../libs/platform/auth/token-keys';
import { mintToken } from '../../libs/platform/auth/token.service';
import { loadConfig } from '../../libs/platform/config/load-config';
import { createLogger } from '../../libs/platform/logging/logger';
import { projectRoot } from '../../libs/platform/project-root';
import { createTestDatabase } from './test-database';

export interface GqlResponse<T = any> {
  status: number;
  data?: T;
  errors?: Array<{ message: string; extensions?: { code?: string; [k: string]: unknown }; [k: string]: unknown }>;
  body: any;
}

export interface TestApp {
  app: NestExpressApplication;
  baseUrl: string;
  databaseUrl: string;
  dataDir: string;
  dataSource: DataSource;
  gql<T = any>(query: string, variables?: Record<string, unknown>, token?: string): Promise<GqlResponse<T>>;
  token(role: Role, opts?: { jurisdictions?: string[]; institution?: string; subject?: string }): Promise<string>;
  close(): Promise<void>;
}

/** A real service on a real, fresh PostgreSQL database, listening on a random port. */
export interface TestAppOptions {
  seed?: boolean;
  env?: Record<string, string>;
  /** Receives every pino line (set LOG_LEVEL in env to see more than the default 'silent'). */
  logSink?: (line: string) => void;
  /** Receives the raw text of every GraphQL response. */
  onResponse?: (text: string) => void;
  /** Join this database (another test app's) instead of creating one; it is left for its owner to drop. */
  databaseUrl?: string;
}

export async function startTestApp(opts: TestAppOptions = {}): Promise<TestApp> {
  const db = opts.databaseUrl ? { url: opts.databaseUrl, drop: async () => undefined } : await createTestDatabase();
  const dataDir = mkdtempSync(join(tmpdir(), 'recog-e2e-data-'));
  const config = loadConfig({ NODE_ENV: 'test', DATA_DIR: dataDir, LOG_LEVEL: 'silent', DATABASE_URL: db.url, ...opts.env });
  const app = await createApp(config, createLogger(config.LOG_LEVEL, opts.logSink ? { write: (line: string) => void opts.logSink!(line) } : undefined), db.url);
  await app.init();
  if (opts.seed !== false) await app.get(SeedService).seed(join(projectRoot(), 'seeds'));
  if (opts.seed !== false) await app.get(RecognitionSeedService).seed(join(projectRoot(), 'seeds'));
  await app.listen(0, '127.0.0.1');
  const baseUrl = `http://127.0.0.1:${(app.getHttpServer().address() as { port: number }).port}`;
  const keys = await ensureDevTokenKey(dataDir);
  return {
    app,
    baseUrl,
    databaseUrl: db.url,
    dataDir,
    dataSource: app.get(DataSource),
    async gql(query, variables, token) {
      const res = await fetch(`${baseUrl}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify({ query, variables }),
      });
      const text = await res.text();
      opts.onResponse?.(text);
      const body: any = JSON.parse(text);
      return { status: res.status, data: body.data, errors: body.errors, body };
    },
    token: (role, o = {}) =>
      mintToken(keys.privateJwk, tokenSettings(config), {
        subject: o.subject ?? `test-${role}`,
        role,
        institution: o.institution,
        jurisdictions: o.jurisdictions,
      }),
    async close() {
      await app.close();
      await db.drop();
      // The data directory holds development keys: none may stay behind in the temp folder.
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
