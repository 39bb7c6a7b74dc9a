import { createServer, type Server } from 'node:net';
import { FetchRefused, guardedGet } from './hardened-fetch';

/** The guards that act before any connection: scheme, IP literals and resolved names. A TCP server counts connections. */
describe('guarded fetch', () => {
  let server: Server;
  let port: number;
  let connections = 0;
  beforeAll(async () => {
    server = createServer((s) => {
      connections += 1;
      s.destroy();
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    port = (server.address() as { port: number }).port;
  });
  afterAll(() => new Promise((r) => server.close(r)));

  const guards = { timeoutMs: 2000, maxBytes: 1024, allowLoopback: false };
  const refusal = async (url: string, g = guards) => {
    try {
      await guardedGet(url, g);
      return null;
    } catch (e) {
      expect(e).toBeInstanceOf(FetchRefused);
      return (e as FetchRefused).reason;
    }
  };

  it('refuses anything but https, and URLs with credentials', async () => {
    expect(await refusal(`http://127.0.0.1:${port}/`)).toBe('NOT_HTTPS');
    expect(await refusal('file:///etc/passwd')).toBe('NOT_HTTPS');
    expect(await refusal(`https://user:pw@127.0.0.1:${port}/`)).toBe('BAD_URL');
    expect(await refusal('not a url')).toBe('BAD_URL');
  });

  it('refuses loopback and private addresses, literal or resolved, before connecting', async () => {
    expect(await refusal(`https://127.0.0.1:${port}/`)).toBe('LOOPBACK_ADDRESS');
    expect(await refusal(`https://localhost:${port}/`)).toBe('LOOPBACK_ADDRESS');
    expect(await refusal(`https://[::1]:${port}/`)).toBe('LOOPBACK_ADDRESS');
    expect(await refusal('https://10.1.2.3/')).toBe('PRIVATE_ADDRESS');
    expect(await refusal('https://169.254.169.254/latest/meta-data')).toBe('PRIVATE_ADDRESS');
    expect(await refusal('https://[::ffff:192.168.0.1]/')).toBe('PRIVATE_ADDRESS');
    expect(connections).toBe(0);
  });

  it('with the test setting, connects to loopback (and fails there: the server speaks no TLS)', async () => {
    expect(await refusal(`https://127.0.0.1:${port}/`, { ...guards, allowLoopback: true })).toBe('CONNECTION_FAILED');
    expect(connections).toBe(1);
  });
});
