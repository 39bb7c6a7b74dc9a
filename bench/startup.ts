import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { projectRoot } from '../libs/platform/project-root';
import { fixed, freePort, section } from './support';

export const description = 'time from `npm start` to the first GraphQL answer (cold: new data directory; warm: restart), and of a CLI command';

const ROOT = projectRoot();
const GOAL_START_S = 10;
const GOAL_CLI_S = 3;

/** Starts `npm start` and resolves with the seconds until POST /graphql answers `{ __typename }`. */
async function timeToFirstAnswer(env: NodeJS.ProcessEnv, port: number): Promise<number> {
  const started = performance.now();
  const child = spawn('npm', ['start', '--silent'], { cwd: ROOT, env, stdio: ['ignore', 'ignore', 'pipe'], detached: true });
  let stderr = '';
  child.stderr!.on('data', (d) => (stderr += String(d)));
  const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`npm start exited with ${child.exitCode}: ${stderr.slice(-2000)}`);
      const answered = await fetch(`http://127.0.0.1:${port}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ __typename }' }),
        signal: AbortSignal.timeout(1000),
      }).then((r) => r.ok, () => false);
      if (answered) return (performance.now() - started) / 1000;
      if (performance.now() - started > 180_000) throw new Error('no answer within 180 s');
      await new Promise((r) => setTimeout(r, 50));
    }
  } finally {
    process.kill(-child.pid!, 'SIGTERM');
    await exited;
  }
}

function timeCli(args: string[], env: NodeJS.ProcessEnv): number {
  const started = performance.now();
  const r = spawnSync('npm', ['run', '-s', 'cli', '--', ...args], { cwd: ROOT, env, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`cli ${args.join(' ')} failed: ${r.stderr}`);
  return (performance.now() - started) / 1000;
}

export async function run(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'recog-bench-startup-'));
  try {
    const port = await freePort();
    const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', EMBEDDED_PG_PORT: String(await freePort()), LOG_LEVEL: 'warn', NODE_ENV: 'development' };
    delete env.DATABASE_URL;
    section('npm start on a built tree (embedded PostgreSQL, seeds, demo schools)', false);
    const cold = await timeToFirstAnswer(env, port);
    process.stdout.write(`  cold (new data directory: initdb, migrations, seeds)  ${fixed(cold, 2)} s   goal ≤ ${GOAL_START_S} s  ratio ${fixed(cold / GOAL_START_S, 2)}\n`);
    const warm: number[] = [];
    for (let i = 0; i < 3; i++) warm.push(await timeToFirstAnswer(env, port));
    const warmBest = Math.min(...warm);
    process.stdout.write(`  warm restart (best of 3: ${warm.map((w) => fixed(w, 2)).join(', ')})          ${fixed(warmBest, 2)} s   goal ≤ ${GOAL_START_S} s  ratio ${fixed(warmBest / GOAL_START_S, 2)}\n`);

    section('CLI command (npm run -s cli -- token --role admin)', false);
    const cli: number[] = [];
    for (let i = 0; i < 3; i++) cli.push(timeCli(['token', '--role', 'admin'], env));
    const cliBest = Math.min(...cli);
    process.stdout.write(`  best of 3 (${cli.map((c) => fixed(c, 2)).join(', ')})                        ${fixed(cliBest, 2)} s   goal ≤ ${GOAL_CLI_S} s   ratio ${fixed(cliBest / GOAL_CLI_S, 2)}\n`);
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}
