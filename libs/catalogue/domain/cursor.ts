/** Opaque Relay cursors over the qualification key, which is unique and stable. */
export function encodeCursor(key: string): string {
  return Buffer.from(`q:${key}`, 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string): string | null {
  const raw = Buffer.from(cursor, 'base64url').toString('utf8');
  return raw.startsWith('q:') && raw.length > 2 ? raw.slice(2) : null;
}
