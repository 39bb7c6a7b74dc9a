import 'reflect-metadata';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, Server } from 'node:https';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { freePort } from '../../bench/support';
import { SeedService } from '../../libs/catalogue/seed.service';
import { IssuerService } from '../../libs/credentials/issuer.service';
import { SYSTEM_ACTOR } from '../../libs/platform/auth/actor';
import { tokenSettings } from '../../libs/platform/auth/token-config';
import { ensureDevTokenKey } from '../../libs/platform/auth/token-keys';
import { mintToken } from '../../libs/platform/auth/token.service';
import { loadConfig } from '../../libs/platform/config/load-config';
import { EmbeddedDatabase, startEmbeddedPostgres } from '../../libs/platform/database/embedded-postgres';
import { createLogger } from '../../libs/platform/logging/logger';
import { projectRoot } from '../../libs/platform/project-root';
import { createApp } from '../api/bootstrap';

/**
 * `npm run conformance`: the W3C VC conformance suites (the packaged runner, CONFORMANCE_W3C_DIR; docs/conformance.md) against this service.
 *
 * Conformance profile: a fresh embedded PostgreSQL and data directory in a temporary folder, the service on a
 * random loopback port behind its own TLS (the status suite dereferences status lists over https only), and one
 * school with a did:key identity (the eddsa suite resolves verification methods offline only for did:key) that
 * may sign generic credential types. Everything is removed afterwards, whatever fails.
 *
 * CONFORMANCE_W3C_DIR overrides the runner's folder; CONFORMANCE_OUT keeps the results there (default: a
 * temporary folder, removed). Other variables (SUITES, TAGS, CONFORMANCE_STRICT, …) pass through to run.sh.
 */
const SCHOOL = 'conformance-school';

async function main(): Promise<number> {
  const runnerDir = resolve(process.env.CONFORMANCE_W3C_DIR ?? join(projectRoot(), '..', 'shared', 'conformance', 'w3c'));
  const runSh = join(runnerDir, 'run.sh');
  if (!existsSync(runSh)) {
    process.stdout.write(`conformance: skipped, no W3C conformance runner at ${runSh} (set CONFORMANCE_W3C_DIR)\n`);
    return 0;
  }
  const tmp = mkdtempSync(join(tmpdir(), 'recog-conformance-'));
  let db: EmbeddedDatabase | undefined;
  let app: NestExpressApplication | undefined;
  let server: Server | undefined;
  const cleanup = async () => {
    await new Promise<void>((r) => (server ? server.close(() => r()) : r()));
    server?.closeAllConnections();
    await app?.close().catch((e) => process.stderr.write(`conformance: closing the service failed: ${(e as Error).message}\n`));
    await db?.stop().catch((e) => process.stderr.write(`conformance: stopping PostgreSQL failed: ${(e as Error).message}\n`));
    rmSync(tmp, { recursive: true, force: true });
  };
  let stopping = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    void cleanup().finally(() => process.exit(signal === 'SIGINT' ? 130 : 143));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    const [port, pgPort] = [await freePort(), await freePort()];
    // The temporary folder is the data directory itself: as root, PostgreSQL's own OS user must pass through it.
    const dataDir = tmp;
    db = await startEmbeddedPostgres(dataDir, pgPort);
    const config = loadConfig({
      NODE_ENV: 'test',
      LOG_LEVEL: 'error',
      DATA_DIR: dataDir,
      DATABASE_URL: db.url,
      PUBLIC_BASE_URL: `https://127.0.0.1:${port}`,
      // The suites make about 350 requests in a minute, most of them verifications.
      VERIFY_RATE_LIMIT_PER_MINUTE: '100000',
    });
    app = await createApp(config, createLogger('error'), db.url);
    await app.init();
    await app.get(SeedService).seed(join(projectRoot(), 'seeds'));
    const school = await app.get(IssuerService).register(
      { ...SYSTEM_ACTOR, subject: 'conformance:profile' },
      { id: SCHOOL, name: 'Conformance Test School', jurisdiction: 'NL', type: 'SCHOOL', didMethod: 'key', allowGenericCredentials: true },
    );
    // The runner's throw-away, in-memory certificate (nothing is written): the same one its TLS proxy uses.
    const { selfSigned } = require(join(runnerDir, 'lib', 'self-signed.cjs')) as { selfSigned(): { key: string; cert: string } };
    server = createServer(selfSigned(), app.getHttpAdapter().getInstance());
    await new Promise<void>((r, j) => server!.once('error', j).listen(port, '127.0.0.1', () => r()));
    const base = `https://127.0.0.1:${port}`;
    const token = await mintToken((await ensureDevTokenKey(dataDir)).privateJwk, tokenSettings(config), { subject: 'conformance', role: 'school', institution: SCHOOL });
    process.stdout.write(`conformance: service at ${base}, issuer ${school.did}\n`);

    const out = process.env.CONFORMANCE_OUT ? resolve(process.env.CONFORMANCE_OUT) : join(tmp, 'results');
    const code = await new Promise<number>((r) => {
      const child = spawn('bash', [runSh], {
        stdio: 'inherit',
        env: {
          ...process.env,
          VC_ISSUER_URL: `${base}/credentials/issue`,
          VC_VERIFIER_URL: `${base}/credentials/verify`,
          VC_PRESENTATION_VERIFIER_URL: `${base}/presentations/verify`,
          VC_ISSUER_TOKEN: token,
          VC_ISSUER_ID: school.did,
          VC_STATUS: process.env.VC_STATUS ?? '1',
          VC_ISSUER_OPTIONS: process.env.VC_ISSUER_OPTIONS ?? JSON.stringify({ credentialStatus: { type: 'BitstringStatusListEntry' } }),
          OUT: out,
        },
      });
      child.on('error', (e) => {
        process.stderr.write(`conformance: cannot start run.sh: ${e.message}\n`);
        r(3);
      });
      child.on('exit', (c, signal) => r(c ?? (signal ? 128 : 1)));
    });
    return code;
  } finally {
    await cleanup();
  }
}

main().then(
  (code) => process.exit(code),
  (e) => {
    process.stderr.write(`conformance: ${(e as Error).stack ?? e}\n`);
    process.exit(3);
  },
);
