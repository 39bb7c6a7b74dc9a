import dns from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import tls from 'node:tls';

// ---------------------------------------------------------------------------------------------------------
// Network spy: every way Node can open a connection or resolve a name. Non-local attempts are recorded and
// blocked (so a regression fails the test instead of reaching the internet).
// ---------------------------------------------------------------------------------------------------------
export interface Attempt {
  via: string;
  host: string;
}
const LOCAL = new Set(['127.0.0.1', 'localhost', '::1', '::ffff:127.0.0.1']);

function hostOf(target: unknown, second?: unknown): string {
  if (typeof target === 'string' || target instanceof URL) {
    try {
      return new URL(String(target)).hostname.replace(/^\[|\]$/g, '');
    } catch {
      return typeof second === 'string' ? second : 'localhost';
    }
  }
  if (typeof target === 'number') return typeof second === 'string' ? second : 'localhost';
  if (target && typeof target === 'object') {
    if (typeof (target as Request).url === 'string' && !('hostname' in target) && !('host' in target)) return hostOf((target as Request).url);
    const o = target as { host?: string; hostname?: string; path?: string; socketPath?: string };
    if (o.socketPath || (o.path && !o.host && !o.hostname && !('port' in o))) return 'localhost';
    return (o.hostname ?? o.host ?? 'localhost').replace(/:\d+$/, '').replace(/^\[|\]$/g, '');
  }
  return 'localhost';
}

export async function withNetworkSpy<T>(fn: () => Promise<T>): Promise<{ result: T; attempts: Attempt[] }> {
  const attempts: Attempt[] = [];
  const restore: Array<() => void> = [];
  const blocked = (via: string, host: string) => {
    attempts.push({ via, host });
    return new Error(`test network spy: blocked ${via} to ${host}`);
  };
  const patch = (obj: any, key: string, via: string, host: (args: any[]) => string, async: 'throw' | 'reject' | 'callback' = 'throw') => {
    const original = obj[key];
    obj[key] = function (this: unknown, ...args: any[]) {
      const h = host(args);
      if (!LOCAL.has(h)) {
        const err = blocked(via, h);
        if (async === 'reject') return Promise.reject(err);
        if (async === 'callback') {
          const cb = args.find((a) => typeof a === 'function');
          if (cb) process.nextTick(() => cb(err));
          return undefined;
        }
        throw err;
      }
      return original.apply(this, args);
    };
    restore.push(() => (obj[key] = original));
  };
  const socketArgsHost = (args: any[]) => {
    const first = Array.isArray(args[0]) ? args[0][0] : args[0];
    return hostOf(first, Array.isArray(args[0]) ? args[0][1] : args[1]);
  };
  patch(net.Socket.prototype, 'connect', 'net.Socket#connect', socketArgsHost);
  patch(net, 'connect', 'net.connect', socketArgsHost);
  patch(net, 'createConnection', 'net.createConnection', socketArgsHost);
  patch(tls, 'connect', 'tls.connect', socketArgsHost);
  for (const [mod, name] of [[http, 'http'], [https, 'https']] as const) {
    patch(mod, 'request', `${name}.request`, (a) => hostOf(a[0]));
    patch(mod, 'get', `${name}.get`, (a) => hostOf(a[0]));
  }
  patch(dns, 'lookup', 'dns.lookup', (a) => String(a[0]), 'callback');
  patch(dns.promises, 'lookup', 'dns.promises.lookup', (a) => String(a[0]), 'reject');
  patch(globalThis, 'fetch', 'fetch', (a) => hostOf(a[0]), 'reject');
  try {
    return { result: await fn(), attempts };
  } finally {
    restore.reverse().forEach((r) => r());
  }
}

