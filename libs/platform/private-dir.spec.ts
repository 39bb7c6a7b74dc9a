import { mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureDevTokenKey } from './auth/token-keys';
import { ensurePrivateDir } from './private-dir';

describe('private data directories', () => {
  const root = mkdtempSync(join(tmpdir(), 'recog-private-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  const mode = (p: string) => statSync(p).mode & 0o777;

  it('creates DATA_DIR 0700 with the development token key 0600', async () => {
    const dir = join(root, 'data');
    await ensureDevTokenKey(dir);
    expect(mode(dir)).toBe(0o700);
    expect(mode(join(dir, 'dev-token-key.json'))).toBe(0o600);
  });

  it('tightens a listable directory left by an earlier version, and keeps traverse-only for the embedded database', () => {
    const old = join(root, 'old');
    mkdirSync(old, { mode: 0o755 });
    ensurePrivateDir(old);
    expect(mode(old)).toBe(0o700);
    ensurePrivateDir(old, { traversable: true });
    expect(mode(old)).toBe(0o711);
    ensurePrivateDir(old); // a later caller (the key files) does not take the traversal away again
    expect(mode(old)).toBe(0o711);
  });
});
