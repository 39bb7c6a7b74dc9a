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
