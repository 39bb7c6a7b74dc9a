import { spawn } from 'node:child_process';
import { ROOT } from './service-process';

/** The bash block after each `<!-- MARKER -->` in the README (MARKER a regex source; its first group names the block). */
export function readmeBlocks(readme: string, marker: string): Array<{ name: string; script: string }> {
  const blocks: Array<{ name: string; script: string }> = [];
  const re = new RegExp(`<!-- ${marker} -->\\s*\`\`\`bash\\n([\\s\\S]*?)\`\`\``, 'g');
  for (let m = re.exec(readme); m; m = re.exec(readme)) blocks.push(m.length > 2 ? { name: m[1], script: m[2] } : { name: marker, script: m[1] });
  return blocks;
}

/** Runs a script as a reader would, from the repository root, without the test's own DATABASE_URL. */
export function runBash(script: string, env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((done) => {
    const { DATABASE_URL: _ignored, ...parentEnv } = process.env;
    const proc = spawn('bash', ['-c', script], { cwd: ROOT, env: { ...parentEnv, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    proc.stdout.on('data', (d) => (stdout += d));
    proc.stderr.on('data', (d) => (stderr += d));
    proc.on('exit', (code) => done({ code, stdout, stderr }));
  });
}
