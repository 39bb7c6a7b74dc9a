import { ChildProcess, spawn } from 'node:child_process';
import { join, resolve } from 'node:path';

export const ROOT = resolve(__dirname, '../..');
export const MAIN = join(ROOT, 'dist/apps/api/main.js');

export interface ServiceProcess {
  proc: ChildProcess;
  output(): string;
}

/**
 * Starts the real service as a process (`node dist/apps/api/main.js`, or `npm start` with `viaNpm`) and
 * waits until /ready answers. The parent's DATABASE_URL is never inherited: pass the one you mean.
 */
export async function startService(env: Record<string, string>, opts: { viaNpm?: boolean } = {}): Promise<ServiceProcess> {
  const { DATABASE_URL: _ignored, ...parentEnv } = process.env;
  const [cmd, args] = opts.viaNpm ? ['npm', ['start', '--silent']] : [process.execPath, [MAIN]];
  // detached: `npm start` runs node as a grandchild; stopping the group stops both.
  const proc = spawn(cmd, args, { cwd: ROOT, env: { ...parentEnv, ...env }, stdio: ['ignore', 'pipe', 'pipe'], detached: opts.viaNpm === true });
  let out = '';
  proc.stdout!.on('data', (d) => (out += d));
  proc.stderr!.on('data', (d) => (out += d));
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (proc.exitCode !== null) throw new Error(`service exited with ${proc.exitCode}:\n${out}`);
    try {
      const r = await fetch(`http://127.0.0.1:${env.PORT}/ready`);
      if (r.status === 200) return { proc, output: () => out };
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  await stopService(proc, 'SIGKILL');
  throw new Error(`service did not become ready:\n${out}`);
}

export async function stopService(proc: ChildProcess, signal: NodeJS.Signals = 'SIGTERM'): Promise<number | null> {
  if (proc.exitCode !== null) return proc.exitCode;
  const exited = new Promise<number | null>((r) => proc.once('exit', (code) => r(code)));
  if (proc.spawnargs[0] === 'npm') process.kill(-proc.pid!, signal);
  else proc.kill(signal);
  return exited;
}
