import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { request } from 'node:https';
import { isIP } from 'node:net';
import { rootCertificates } from 'node:tls';
import { refusedAddress } from './address';

/**
 * One GET over https with every guard an outbound fetch needs: https only, every resolved address checked
 * (an IP literal too) before a connection is made, no redirects, a time limit for the whole exchange and a
 * size cap on the body. Callers decide whether the host may be asked at all (the allowlist) and audit.
 */
export interface FetchGuards {
  timeoutMs: number;
  maxBytes: number;
  allowLoopback: boolean;
  /** Extra trusted certificate authority (PEM), added to Node's bundled roots. */
  extraCa?: string;
}

export type FetchFailure = 'NOT_HTTPS' | 'BAD_URL' | 'PRIVATE_ADDRESS' | 'LOOPBACK_ADDRESS' | 'DNS_FAILED' | 'TIMEOUT' | 'TOO_LARGE' | 'HTTP_STATUS' | 'CONNECTION_FAILED';

export class FetchRefused extends Error {
  constructor(
    readonly reason: FetchFailure,
    detail: string,
  ) {
    super(`${reason}: ${detail}`);
    this.name = 'FetchRefused';
  }
}

export interface FetchedBody {
  status: number;
  contentType: string | null;
  body: Buffer;
  /** The address connected to. */
  address: string | null;
}

export function guardedGet(rawUrl: string, g: FetchGuards, accept = 'application/json'): Promise<FetchedBody> {
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    return Promise.reject(new FetchRefused('BAD_URL', `"${rawUrl.slice(0, 200)}" is not a URL`));
  }
  if (url.protocol !== 'https:') return Promise.reject(new FetchRefused('NOT_HTTPS', `only https URLs are fetched, not ${url.protocol}`));
  if (url.username || url.password) return Promise.reject(new FetchRefused('BAD_URL', 'a URL with credentials is not fetched'));
  const hostname = url.hostname.replace(/^\[|\]$/g, '');
  const refusal = (ip: string): FetchRefused | null => {
    const p = refusedAddress(ip, g);
    if (!p) return null;
    return new FetchRefused(p === 'LOOPBACK' ? 'LOOPBACK_ADDRESS' : 'PRIVATE_ADDRESS', `${hostname} resolves to ${ip}, a ${p === 'LOOPBACK' ? 'loopback' : 'non-public'} address`);
  };
  // Node does not call `lookup` for an IP literal: check it here.
  if (isIP(hostname)) {
    const r = refusal(hostname);
    if (r) return Promise.reject(r);
  }
  return new Promise<FetchedBody>((resolve, reject) => {
    let settled = false;
    let address: string | null = null;
    const fail = (e: Error) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      req.destroy();
      reject(e);
    };
    // Checked lookup: the connection only goes to addresses that passed (no second, unchecked resolution).
    const lookup = (host: string, options: { all?: boolean; family?: number }, cb: (err: Error | null, a: string | LookupAddress[], f?: number) => void) => {
      dnsLookup(host, { all: true, family: options?.family ?? 0 }, (err, addresses) => {
        if (err || !addresses.length) return cb(new FetchRefused('DNS_FAILED', `${host} does not resolve`), '', 0);
        for (const a of addresses) {
          const r = refusal(a.address);
          if (r) return cb(r, '', 0);
        }
        if (options?.all) cb(null, addresses);
        else cb(null, addresses[0].address, addresses[0].family);
      });
    };
    const req = request(
      url,
      {
        method: 'GET',
        headers: { accept, 'user-agent': 'recognition-engine' },
        lookup: lookup as never,
        ca: g.extraCa ? [...rootCertificates, g.extraCa] : undefined,
        rejectUnauthorized: true,
        agent: false,
      },
      (res) => {
        address = res.socket?.remoteAddress ?? null;
        const status = res.statusCode ?? 0;
        if (status < 200 || status >= 300) {
          res.resume();
          return fail(new FetchRefused('HTTP_STATUS', `${url.host} answered ${status}${status >= 300 && status < 400 ? ' (redirects are not followed)' : ''}`));
        }
        const declared = Number(res.headers['content-length']);
        if (Number.isFinite(declared) && declared > g.maxBytes) return fail(new FetchRefused('TOO_LARGE', `${declared} bytes declared; the limit is ${g.maxBytes}`));
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (c: Buffer) => {
          size += c.length;
          if (size > g.maxBytes) return fail(new FetchRefused('TOO_LARGE', `more than ${g.maxBytes} bytes`));
          chunks.push(c);
        });
        res.on('end', () => {
          if (settled) return;
          settled = true;
          clearTimeout(timer);
          resolve({ status, contentType: (res.headers['content-type'] as string | undefined) ?? null, body: Buffer.concat(chunks), address });
        });
        res.on('error', (e) => fail(new FetchRefused('CONNECTION_FAILED', e.message)));
      },
    );
    const timer = setTimeout(() => fail(new FetchRefused('TIMEOUT', `no complete answer from ${url.host} within ${g.timeoutMs} ms`)), g.timeoutMs);
    req.on('error', (e) => fail(e instanceof FetchRefused ? e : new FetchRefused('CONNECTION_FAILED', e.message)));
    req.end();
  });
}
