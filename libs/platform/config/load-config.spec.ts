import { ConfigError, loadConfig } from './load-config';

describe('loadConfig', () => {
  it('applies defaults', () => {
    const c = loadConfig({});
    expect(c.PORT).toBe(3000);
    expect(c.DATABASE_URL).toBeUndefined();
    expect(c.SEED_ON_START).toBe(true);
  });

  it('names the variable of a bad value', () => {
    expect(() => loadConfig({ PORT: 'abc' })).toThrow(ConfigError);
    expect(() => loadConfig({ PORT: 'abc' })).toThrow(/PORT/);
    expect(() => loadConfig({ DATABASE_URL: 'mysql://x' })).toThrow(/DATABASE_URL/);
    expect(() => loadConfig({ SEED_ON_START: 'maybe' })).toThrow(/SEED_ON_START/);
  });

  it('requires a token key in production', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/AUTH_PUBLIC_JWK/);
    expect(() => loadConfig({ NODE_ENV: 'production', AUTH_PUBLIC_JWK: '{}' })).toThrow(/KEY_ENCRYPTION_KEY: is required/);
    expect(() => loadConfig({ KEY_ENCRYPTION_KEY: 'c2hvcnQ=' })).toThrow(/KEY_ENCRYPTION_KEY: must be base64 of exactly 32 bytes/);
  });

  describe('PUBLIC_BASE_URL', () => {
    it('defaults to the listener: a wildcard HOST becomes localhost, PORT is kept', () => {
      expect(loadConfig({ PORT: '4100' }).PUBLIC_BASE_URL).toBe('http://localhost:4100');
      expect(loadConfig({ HOST: '127.0.0.1', PORT: '8080' }).PUBLIC_BASE_URL).toBe('http://127.0.0.1:8080');
      expect(loadConfig({ HOST: '::', PORT: '8080' }).PUBLIC_BASE_URL).toBe('http://localhost:8080');
      expect(loadConfig({ HOST: '::1', PORT: '8080' }).PUBLIC_BASE_URL).toBe('http://[::1]:8080');
    });

    it('keeps an explicit origin, without a trailing slash or default port', () => {
      expect(loadConfig({ PUBLIC_BASE_URL: 'https://recognition.example.org/' }).PUBLIC_BASE_URL).toBe('https://recognition.example.org');
      expect(loadConfig({ PUBLIC_BASE_URL: 'https://recognition.example.org:443' }).PUBLIC_BASE_URL).toBe('https://recognition.example.org');
      expect(loadConfig({ PUBLIC_BASE_URL: 'http://localhost:4100', PORT: '3000' }).PUBLIC_BASE_URL).toBe('http://localhost:4100');
    });

    it.each([
      ['ftp://example.org', /scheme must be http or https/],
      ['https://example.org/recognition', /must not have a path/],
      ['https://example.org/?x=1', /query or fragment/],
      ['https://user:pw@example.org', /credentials/],
      ['http://0.0.0.0:3000', /listen address/],
      ['example.org', /not a URL/],
    ])('refuses %s and names the variable', (value, reason) => {
      expect(() => loadConfig({ PUBLIC_BASE_URL: value })).toThrow(/PUBLIC_BASE_URL/);
      expect(() => loadConfig({ PUBLIC_BASE_URL: value })).toThrow(reason);
    });

    it('must be https in production', () => {
      const production = { NODE_ENV: 'production', AUTH_PUBLIC_JWK: '{}', KEY_ENCRYPTION_KEY: Buffer.alloc(32).toString('base64') };
      expect(() => loadConfig({ ...production, PUBLIC_BASE_URL: 'http://recognition.example.org' })).toThrow(/PUBLIC_BASE_URL: must be https/);
      expect(loadConfig({ ...production, PUBLIC_BASE_URL: 'https://recognition.example.org' }).PUBLIC_BASE_URL).toBe('https://recognition.example.org');
    });

    it('is required in production', () => {
      expect(() => loadConfig({ NODE_ENV: 'production', AUTH_PUBLIC_JWK: '{}', KEY_ENCRYPTION_KEY: Buffer.alloc(32).toString('base64') })).toThrow(
        /PUBLIC_BASE_URL: is required/,
      );
    });
  });

  it('takes a relative DATA_DIR from the project root, not the working directory', () => {
    const c = loadConfig({ DATA_DIR: '.data' });
    expect(c.DATA_DIR).toBe(require('node:path').join(require('../project-root').projectRoot(), '.data'));
    expect(loadConfig({ DATA_DIR: '/tmp/x' }).DATA_DIR).toBe('/tmp/x');
  });

  it('allows loopback for outbound fetches in tests only, never in production', () => {
    const prod = { NODE_ENV: 'production', AUTH_PUBLIC_JWK: '{}', KEY_ENCRYPTION_KEY: Buffer.alloc(32).toString('base64'), PUBLIC_BASE_URL: 'https://recognition.example' };
    expect(loadConfig(prod).OUTBOUND_ALLOW_LOOPBACK).toBe(false);
    expect(() => loadConfig({ ...prod, OUTBOUND_ALLOW_LOOPBACK: 'true' })).toThrow(/OUTBOUND_ALLOW_LOOPBACK: is for tests only/);
    expect(loadConfig({ NODE_ENV: 'test', OUTBOUND_ALLOW_LOOPBACK: 'true' }).OUTBOUND_ALLOW_LOOPBACK).toBe(true);
  });
});
