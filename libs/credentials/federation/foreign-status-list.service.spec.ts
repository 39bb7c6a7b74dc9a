import type { AppConfig } from '../../platform/config/config.schema';
import { OutboundRefused, type OutboundService } from '../../platform/outbound/outbound.service';
import { DocumentRefused } from '../domain/document-loader';
import { ForeignStatusListService } from './foreign-status-list.service';

/** An in-memory outbound side: an allowlist and the documents its hosts serve, counting fetches. */
function fakeOutbound(served: Record<string, unknown>) {
  const allowed = new Set(['lists.example']);
  const fetched: string[] = [];
  const outbound = {
    isAllowed: async (host: string) => allowed.has(host),
    fetch: async (url: string) => {
      fetched.push(url);
      if (!(url in served)) throw new OutboundRefused('HTTP_STATUS', '404');
      return Buffer.from(typeof served[url] === 'string' ? (served[url] as string) : JSON.stringify(served[url]));
    },
  } as unknown as OutboundService;
  return { outbound, allowed, fetched };
}

const listWith = (ttl?: number) => ({ type: ['VerifiableCredential', 'BitstringStatusListCredential'], credentialSubject: { type: 'BitstringStatusList', ...(ttl === undefined ? {} : { ttl }) } });
const service = (outbound: OutboundService, cacheSeconds = 300) => new ForeignStatusListService(outbound, { OUTBOUND_CACHE_SECONDS: cacheSeconds } as AppConfig);

describe('ForeignStatusListService', () => {
  afterEach(() => jest.useRealTimers());

  it('keeps a list for its ttl, never longer than OUTBOUND_CACHE_SECONDS, and five minutes without one', async () => {
    jest.useFakeTimers({ now: new Date('2026-01-01T00:00:00Z') });
    const f = fakeOutbound({ 'https://lists.example/a': listWith(60_000), 'https://lists.example/b': listWith(), 'https://lists.example/c': listWith(3_600_000) });
    const s = service(f.outbound, 600);
    for (const u of ['a', 'b', 'c']) await s.load(`https://lists.example/${u}`);
    jest.setSystemTime(new Date('2026-01-01T00:00:59Z'));
    for (const u of ['a', 'b', 'c']) await s.load(`https://lists.example/${u}`);
    expect(f.fetched).toHaveLength(3);
    jest.setSystemTime(new Date('2026-01-01T00:01:01Z')); // a: its ttl of one minute has passed
    for (const u of ['a', 'b', 'c']) await s.load(`https://lists.example/${u}`);
    expect(f.fetched.filter((u) => u.endsWith('/a'))).toHaveLength(2);
    jest.setSystemTime(new Date('2026-01-01T00:05:01Z')); // b: five minutes without a ttl
    await s.load('https://lists.example/b');
    expect(f.fetched.filter((u) => u.endsWith('/b'))).toHaveLength(2);
    jest.setSystemTime(new Date('2026-01-01T00:10:01Z')); // c: capped at OUTBOUND_CACHE_SECONDS (600 s), not its hour
    await s.load('https://lists.example/c');
    expect(f.fetched.filter((u) => u.endsWith('/c'))).toHaveLength(2);
  });

  it('refuses a host off the allowlist without fetching, even with the list in the cache', async () => {
    const f = fakeOutbound({ 'https://lists.example/a': listWith() });
    const s = service(f.outbound);
    await s.load('https://lists.example/a');
    f.allowed.delete('lists.example');
    await expect(s.load('https://lists.example/a')).rejects.toThrow(/not on the outbound allowlist; nothing was fetched/);
    await expect(s.load('https://elsewhere.example/a')).rejects.toBeInstanceOf(DocumentRefused);
    expect(f.fetched).toEqual(['https://lists.example/a']);
  });

  it('refuses what is not a JSON object, and remembers a failing URL for a while', async () => {
    const f = fakeOutbound({ 'https://lists.example/text': 'not json', 'https://lists.example/array': [1, 2] });
    const s = service(f.outbound);
    await expect(s.load('https://lists.example/text')).rejects.toThrow(/not JSON/);
    await expect(s.load('https://lists.example/array')).rejects.toThrow(/not a JSON object/);
    await expect(s.load('https://lists.example/missing')).rejects.toThrow(/fetching it failed/);
    await expect(s.load('https://lists.example/missing')).rejects.toThrow(/fetching it failed/);
    expect(f.fetched.filter((u) => u.endsWith('/missing'))).toHaveLength(1);
  });
});
