import { derivedOnce, VersionedCache } from './versioned-cache';

describe('VersionedCache', () => {
  it('loads once per key while the version stays the same', async () => {
    const cache = new VersionedCache<number>();
    let loads = 0;
    const load = async () => ++loads;
    expect(await cache.get('1', 'a', load)).toBe(1);
    expect(await cache.get('1', 'a', load)).toBe(1);
    expect(await cache.get('1', 'b', load)).toBe(2);
    expect(loads).toBe(2);
  });

  it('drops everything loaded under an older version as soon as a new version is seen', async () => {
    const cache = new VersionedCache<string>();
    await cache.get('1', 'a', async () => 'old a');
    await cache.get('1', 'b', async () => 'old b');
    expect(await cache.get('2', 'a', async () => 'new a')).toBe('new a');
    expect(cache.size).toBe(1);
    expect(await cache.get('2', 'b', async () => 'new b')).toBe('new b');
  });

  it('never keeps a value for a version it was not loaded under, even when that load finishes late', async () => {
    const cache = new VersionedCache<string>();
    let release!: (v: string) => void;
    const slow = cache.get('1', 'a', () => new Promise<string>((r) => (release = r)));
    expect(await cache.get('2', 'a', async () => 'v2')).toBe('v2');
    release('v1');
    expect(await slow).toBe('v1');
    expect(await cache.get('2', 'a', async () => 'not used')).toBe('v2');
  });

  it('serves a caller that read an older version without the cache, and keeps the newer values', async () => {
    const cache = new VersionedCache<string>();
    await cache.get('5', 'a', async () => 'v5');
    expect(await cache.get('4', 'a', async () => 'read again')).toBe('read again');
    expect(await cache.get('5', 'a', async () => 'not used')).toBe('v5');
  });

  it('shares one load between concurrent callers', async () => {
    const cache = new VersionedCache<number>();
    let loads = 0;
    const load = () => new Promise<number>((r) => setTimeout(() => r(++loads), 5));
    const [x, y] = await Promise.all([cache.get('1', 'k', load), cache.get('1', 'k', load)]);
    expect([x, y, loads]).toEqual([1, 1, 1]);
  });

  it('does not keep a failed load', async () => {
    const cache = new VersionedCache<number>();
    await expect(cache.get('1', 'k', async () => Promise.reject(new Error('db down')))).rejects.toThrow('db down');
    expect(await cache.get('1', 'k', async () => 7)).toBe(7);
  });

  it('stays within its bound', async () => {
    const cache = new VersionedCache<number>(3);
    for (let i = 0; i < 10; i++) await cache.get('1', `k${i}`, async () => i);
    expect(cache.size).toBeLessThanOrEqual(3);
    expect(await cache.get('1', 'k9', async () => -1)).toBe(9);
  });
});

describe('derivedOnce', () => {
  it('computes once per object and again for another object', () => {
    let calls = 0;
    const length = derivedOnce((o: { s: string }) => (calls++, o.s.length));
    const a = { s: 'abc' };
    expect([length(a), length(a), length({ s: 'de' })]).toEqual([3, 3, 2]);
    expect(calls).toBe(2);
  });
});
