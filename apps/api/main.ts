import 'reflect-metadata';
import { SeedService } from '../../libs/catalogue/seed.service';
import { DemoSeedService } from '../../libs/credentials/demo-seed.service';
import { RecognitionSeedService } from '../../libs/recognition/recognition-seed.service';
import { ConfigError, loadConfig } from '../../libs/platform/config/load-config';
import { startEmbeddedPostgres } from '../../libs/platform/database/embedded-postgres';
import { createLogger } from '../../libs/platform/logging/logger';
import { projectRoot } from '../../libs/platform/project-root';
import { join } from 'node:path';
import { createApp } from './bootstrap';

async function main() {
  let config;
  try {
    config = loadConfig();
  } catch (e) {
    if (e instanceof ConfigError) {
      process.stderr.write(`${e.message}\n`);
      process.exit(1);
    }
    throw e;
  }
  const logger = createLogger(config.LOG_LEVEL);
  const embedded = config.DATABASE_URL
    ? null
    : await startEmbeddedPostgres(
        config.DATA_DIR,
        config.EMBEDDED_PG_PORT,
        (m) => logger.debug({ component: 'embedded-postgres' }, m.trim()),
        (event) => logger.warn({ component: 'embedded-postgres' }, event),
      );
  if (embedded) logger.info({ dataDir: config.DATA_DIR, port: config.EMBEDDED_PG_PORT }, 'embedded PostgreSQL started');
  const databaseUrl = config.DATABASE_URL ?? embedded!.url;

  // A library whose background work loses the database (pg-boss while PostgreSQL restarts) may reject a
  // promise nobody awaits; that must not take the service down. Log it; /ready reports the database.
  process.on('unhandledRejection', (reason) => logger.error({ err: reason }, 'unhandled rejection (kept running)'));

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    await app?.close().catch((e) => logger.error({ err: e }, 'close failed'));
    await embedded?.stop().catch((e) => logger.error({ err: e }, 'embedded PostgreSQL stop failed'));
    process.exit(0);
  };
  // Stay subscribed while stopping: a library that watches signals (signal-exit) re-raises one when it sees no other
  // listener, and with a once-listener gone that re-raised SIGTERM killed the process (exit 143) before exit(0).
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));

  const app = await createApp(config, logger, databaseUrl);
  await app.init();
  if (config.SEED_ON_START) {
    const seeds = join(projectRoot(), 'seeds');
    const summary = await app.get(SeedService).seed(seeds);
    await app.get(RecognitionSeedService).seed(seeds);
    // The walkthrough's demo schools exist only in development: never as real issuers elsewhere.
    if (config.NODE_ENV === 'development') {
      const demo = await app.get(DemoSeedService).seed(seeds);
      logger.info({ ...demo, publicBaseUrl: config.PUBLIC_BASE_URL }, 'demo schools ready (development only)');
    }
    logger.info(
      {
        jurisdictions: summary.jurisdictions,
        frameworks: summary.frameworks,
        professions: summary.professions,
        qualifications: summary.qualifications.length,
        qualificationsChanged: summary.qualifications.filter((r) => r.changed).length,
      },
      'seeds loaded',
    );
  }
  await app.listen(config.PORT, config.HOST);
  const port = (app.getHttpServer().address() as { port: number }).port;
  logger.info({ url: `http://localhost:${port}/graphql`, publicBaseUrl: config.PUBLIC_BASE_URL }, 'listening');
}

main().catch((e) => {
  process.stderr.write(`fatal: ${(e as Error).stack ?? e}\n`);
  process.exit(1);
});
