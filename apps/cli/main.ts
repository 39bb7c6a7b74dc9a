import 'reflect-metadata';
import { existsSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { INestApplicationContext } from '@nestjs/common';
import { Command, InvalidArgumentError } from 'commander';
import { ROLES, Role, SYSTEM_ACTOR } from '../../libs/platform/auth/actor';
import { createTokenVerifier, tokenSettings } from '../../libs/platform/auth/token-config';
import { devKeyPath, ensureDevTokenKey } from '../../libs/platform/auth/token-keys';
import { mintToken } from '../../libs/platform/auth/token.service';
import { AppConfig } from '../../libs/platform/config/config.schema';
import { ConfigError, loadConfig } from '../../libs/platform/config/load-config';
import { createLogger } from '../../libs/platform/logging/logger';
import { projectRoot } from '../../libs/platform/project-root';
import { progressBar } from './progress';

// The application (Nest, TypeORM, every domain module) loads only for the commands that need it, so that
// `token` answers in a fraction of a second.
const app = () => ({
  NestFactory: (require('@nestjs/core') as typeof import('@nestjs/core')).NestFactory,
  CliModule: (require('./cli.module') as typeof import('./cli.module')).CliModule,
  startEmbeddedPostgres: (require('../../libs/platform/database/embedded-postgres') as typeof import('../../libs/platform/database/embedded-postgres')).startEmbeddedPostgres,
});
const services = () => ({
  EscoImporter: (require('../../libs/catalogue/import/esco-importer') as typeof import('../../libs/catalogue/import/esco-importer')).EscoImporter,
  QualificationImporter: (require('../../libs/catalogue/import/qualification-importer') as typeof import('../../libs/catalogue/import/qualification-importer')).QualificationImporter,
  SeedService: (require('../../libs/catalogue/seed.service') as typeof import('../../libs/catalogue/seed.service')).SeedService,
  RecognitionSeedService: (require('../../libs/recognition/recognition-seed.service') as typeof import('../../libs/recognition/recognition-seed.service')).RecognitionSeedService,
});

function config(): AppConfig {
  try {
    return loadConfig();
  } catch (e) {
    if (e instanceof ConfigError) {
      process.stderr.write(`${e.message}\n`);
      process.exit(1);
    }
    throw e;
  }
}

/** Boots the domain modules on the configured (or embedded) database, runs fn, and shuts down. */
async function withContext<T>(fn: (ctx: INestApplicationContext) => Promise<T>): Promise<T> {
  const cfg = config();
  const logger = createLogger(cfg.LOG_LEVEL === 'info' ? 'warn' : cfg.LOG_LEVEL);
  const { NestFactory, CliModule, startEmbeddedPostgres } = app();
  const embedded = cfg.DATABASE_URL ? null : await startEmbeddedPostgres(cfg.DATA_DIR, cfg.EMBEDDED_PG_PORT);
  const ctx = await NestFactory.createApplicationContext(CliModule.forRoot(cfg.DATABASE_URL ?? embedded!.url, await createTokenVerifier(cfg)), {
    logger: ['error'],
  });
  try {
    return await fn(ctx);
  } finally {
    await ctx.close();
    await embedded?.stop();
    void logger;
  }
}

const program = new Command('recognition').description('Operator commands for the recognition engine');

program
  .command('migrate')
  .description('apply database migrations')
  .action(async () => {
    await withContext(async () => undefined);
    process.stdout.write('migrations applied\n');
  });

program
  .command('seed')
  .description('load the sourced seed data (idempotent)')
  .action(async () => {
    const s = await withContext(async (ctx) => {
      const { SeedService, RecognitionSeedService } = services();
      const summary = await ctx.get(SeedService).seed(join(projectRoot(), 'seeds'));
      await ctx.get(RecognitionSeedService).seed(join(projectRoot(), 'seeds'));
      return summary;
    });
    const changed = s.qualifications.filter((r) => r.changed).length;
    process.stdout.write(`seeded: ${s.jurisdictions} jurisdictions, ${s.frameworks} frameworks, ${s.professions} professions changed; ${changed} of ${s.qualifications.length} qualification files changed\n`);
  });

program
  .command('import')
  .description('import qualification files (JSON); one transaction per file')
  .argument('<paths...>', 'files or directories of .json files')
  .action(async (paths: string[]) => {
    const reports = await withContext(async (ctx) => {
      const importer = ctx.get(services().QualificationImporter);
      const files = importer.listFiles(paths);
      const bar = progressBar('import');
      bar.start(files.length, 0, { file: '' });
      const out = await importer.importFiles(files, { ...SYSTEM_ACTOR, subject: 'cli:import' }, (r) => bar.increment({ file: basename(r.file) }));
      bar.stop();
      return out;
    });
    for (const r of reports) {
      if (r.ok) {
        process.stdout.write(`ok      ${r.file}: ${r.key} ${r.created ? 'created' : r.changed ? 'updated' : 'unchanged'}\n`);
      } else {
        process.stdout.write(`FAILED  ${r.file}: ${r.code}\n`);
        const problems = r.problems?.length ? r.problems : [{ field: '(file)', message: r.message ?? 'unknown error' }];
        for (const p of problems) process.stdout.write(`        at ${p.field}: ${p.message}\n`);
      }
    }
    const failed = reports.filter((r) => !r.ok).length;
    process.stdout.write(`${reports.length - failed} imported, ${failed} failed\n`);
    process.exitCode = failed ? 1 : 0;
  });

program
  .command('import-esco')
  .description('import ESCO skills and occupations from the official CSV download (skills_<lang>.csv, occupations_<lang>.csv)')
  .argument('<dir>', 'directory holding the CSV files')
  .action(async (dir: string) => {
    const reports = await withContext(async (ctx) => {
      const bar = progressBar('esco');
      bar.start(0, 0, { file: '' });
      const out = await ctx.get(services().EscoImporter).importDir(dir, (file, rows) => {
        bar.setTotal(Math.max(bar.getTotal(), rows));
        bar.update(rows, { file: basename(file) });
      });
      bar.stop();
      return out;
    });
    for (const r of reports) process.stdout.write(`ok      ${r.file}: ${r.rows} ${r.kind} rows (${r.languages.join(', ') || 'no labels'})\n`);
  });

const collect = (v: string, prev: string[]) => [...prev, ...v.split(',').map((s) => s.trim()).filter(Boolean)];

program
  .command('token')
  .description('mint a development bearer token from the key in DATA_DIR')
  .requiredOption('--role <role>', `one of ${ROLES.join(', ')}`, (v) => {
    if (!(ROLES as readonly string[]).includes(v)) throw new InvalidArgumentError(`must be one of ${ROLES.join(', ')}`);
    return v as Role;
  })
  .option('--jurisdiction <code>', 'expert scope (repeat or comma-separate)', collect, [])
  .option('--institution <id>', 'the institution a school token is bound to')
  .option('--subject <sub>', 'token subject', 'dev-user')
  .option('--expires <duration>', 'lifetime, e.g. 30m or 1h; default and maximum: AUTH_TOKEN_MAX_LIFETIME_SECONDS')
  .action(async (o: { role: Role; jurisdiction: string[]; institution?: string; subject: string; expires?: string }) => {
    const cfg = config();
    if (cfg.NODE_ENV === 'production') throw new Error('development tokens are not available when NODE_ENV=production');
    const keyPath = devKeyPath(cfg.DATA_DIR);
    const existed = existsSync(keyPath);
    const keys = await ensureDevTokenKey(cfg.DATA_DIR);
    // stdout carries only the token (TOKEN=$(npm run -s cli -- token …)); the key goes to stderr.
    if (!existed) {
      process.stderr.write(`created a new development token key at ${keyPath}; only a server started with DATA_DIR=${cfg.DATA_DIR} accepts its tokens\n`);
    }
    const token = await mintToken(keys.privateJwk, tokenSettings(cfg), {
      subject: o.subject,
      role: o.role,
      jurisdictions: o.jurisdiction,
      institution: o.institution,
      expiresIn: o.expires,
    });
    process.stdout.write(`${token}\n`);
  });

program
  .command('generate')
  .description('write schema.gql and the JSON Schemas in schemas/ from the code')
  .action(async () => {
    const { generateArtifacts } = require('./generate') as typeof import('./generate');
    const written = await generateArtifacts(projectRoot());
    for (const [file, content] of written) writeFileSync(file, content);
    process.stdout.write(`wrote ${written.length} files\n`);
  });

program.parseAsync(process.argv).then(
  // Exit explicitly: embedded-postgres registers an async-exit-hook whose 'beforeExit' handler calls
  // process.exit(0), which would otherwise replace the process.exitCode a command has set.
  () => process.exit(Number(process.exitCode ?? 0)),
  (e) => {
    process.stderr.write(`error: ${(e as Error).message}\n`);
    process.exit(1);
  },
);
