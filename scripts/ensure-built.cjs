#!/usr/bin/env node
// Compiles apps/, libs/ and bench/ with the Nest CLI (SWC) only when a source is newer than the last build,
// so `npm start` and `npm run cli` start from dist/ in about a second on a built tree.
// Progress goes to stderr: `npm run -s cli -- token …` must print nothing but the token on stdout.
'use strict';
const { readdirSync, statSync, existsSync, writeFileSync, mkdirSync, rmSync } = require('node:fs');
const { join } = require('node:path');
const { spawnSync } = require('node:child_process');

const root = join(__dirname, '..');
const stamp = join(root, 'dist', '.build-stamp');
const inputs = ['apps', 'libs', 'bench', 'types', 'nest-cli.json', 'tsconfig.json', 'tsconfig.build.json', 'package-lock.json'];

function newestMtime(path) {
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = st.mtimeMs; // a deleted file changes its folder's mtime
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

function isStale() {
  if (!existsSync(stamp)) return true;
  const built = statSync(stamp).mtimeMs;
  return inputs.some((p) => existsSync(join(root, p)) && newestMtime(join(root, p)) > built);
}

const force = process.argv.includes('--force');
if (force || isStale()) {
  const started = Date.now();
  // A forced build starts clean, so no output of a deleted source survives in dist/.
  if (force) rmSync(join(root, 'dist'), { recursive: true, force: true });
  process.stderr.write('building dist/ (sources changed since the last build) …\n');
  const nest = join(root, 'node_modules', '@nestjs', 'cli', 'bin', 'nest.js');
  const r = spawnSync(process.execPath, [nest, 'build', 'api'], { cwd: root, stdio: ['ignore', 2, 2] });
  if (r.status !== 0) {
    process.stderr.write('build failed\n');
    process.exit(r.status ?? 1);
  }
  mkdirSync(join(root, 'dist'), { recursive: true });
  writeFileSync(stamp, `${new Date().toISOString()}\n`);
  process.stderr.write(`built in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
}
