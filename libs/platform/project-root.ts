import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** The repository root (where package.json lives), whether running from sources or from dist/. */
export function projectRoot(from: string = __dirname): string {
  let dir = from;
  while (!existsSync(join(dir, 'package.json')) || existsSync(join(dir, 'tsconfig.build.json')) === false) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`project root not found above ${from}`);
    dir = parent;
  }
  return dir;
}

/**
 * The compiled JavaScript of a worker thread's entry (`libs/…/x.ts` → `libs/…/x.js`): beside the caller when it
 * runs from dist/, else in dist/ seen from the sources (tests run the sources). Null when it was never built.
 */
export function compiledWorker(callerDir: string, sourcePath: string): string | null {
  const file = sourcePath.replace(/\.ts$/, '.js');
  const sibling = join(callerDir, file.split('/').pop()!);
  if (existsSync(sibling)) return sibling;
  const built = join(projectRoot(), 'dist', file);
  return existsSync(built) ? built : null;
}
