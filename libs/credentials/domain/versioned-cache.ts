/**
 * Values loaded from the database, kept while a version counter (read from the database on every use) stays the
 * same. A new version drops everything loaded under the old one, so nothing older than the version a caller has
 * just read is ever returned. A value is loaded after its version was read, so it is at least that new.
 * Loads are shared by concurrent callers; a failed load is not kept.
 */
export class VersionedCache<V> {
  private version: string | null = null;
  private entries = new Map<string, Promise<V>>();

  constructor(private readonly maxEntries = 10_000) {}

  /** `version` is a decimal counter that only grows; a caller still holding an older one is served without the cache. */
  get(version: string, key: string, load: () => Promise<V>): Promise<V> {
    if (version !== this.version) {
      if (this.version !== null && BigInt(version) < BigInt(this.version)) return load();
      this.version = version;
      this.entries = new Map();
    }
    const hit = this.entries.get(key);
    if (hit) return hit;
    const entries = this.entries;
    if (entries.size >= this.maxEntries) entries.clear();
    const loading = load();
    entries.set(key, loading);
    loading.catch(() => {
      if (entries.get(key) === loading) entries.delete(key);
    });
    return loading;
  }

  /** Number of values held now (for tests and diagnostics). */
  get size(): number {
    return this.entries.size;
  }
}

/** A value computed at most once per object (e.g. a decoded status list per signed list version). */
export function derivedOnce<T extends object, R>(compute: (o: T) => R): (o: T) => R {
  const done = new WeakMap<T, R>();
  return (o) => {
    if (done.has(o)) return done.get(o)!;
    const r = compute(o);
    done.set(o, r);
    return r;
  };
}
