import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const created: string[] = [];

// Imported at a test file's top level, so this registers during collection: every folder made through
// tempDir in that file is removed after its last test, keys and all.
afterAll(() => {
  for (const dir of created.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A fresh folder under the OS temp directory (named recog-<prefix>…), removed after the test file. */
export function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), `recog-${prefix}-`));
  created.push(dir);
  return dir;
}
