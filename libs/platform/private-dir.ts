import { chmodSync, mkdirSync, statSync } from 'node:fs';

/**
 * Creates a directory that holds secrets owner-only (0700), and tightens one that others could list or
 * write. `traversable` (0711) lets another OS user pass through without listing it: as root, the embedded
 * PostgreSQL runs as its own user and must reach its data folder inside. Key files themselves are 0600.
 */
export function ensurePrivateDir(dir: string, opts: { traversable?: boolean } = {}): void {
  const mode = opts.traversable ? 0o711 : 0o700;
  mkdirSync(dir, { recursive: true, mode });
  const current = statSync(dir).mode & 0o777;
  if (current & 0o066 || (opts.traversable && current !== mode)) chmodSync(dir, mode);
}
