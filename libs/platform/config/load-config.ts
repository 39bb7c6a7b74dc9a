import { isAbsolute, resolve } from 'node:path';
import { projectRoot } from '../project-root';
import { AppConfig, ConfigSchema, ParsedConfig } from './config.schema';

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Parses the environment; every problem names its variable so an operator can fix it at once. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  // Empty strings mean "unset" for optional variables (common in compose files).
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const result = ConfigSchema.safeParse(cleaned);
  if (!result.success) {
    throw new ConfigError(result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
  }
  if (result.data.NODE_ENV === 'production') {
    // A base URL guessed from HOST and PORT would be baked into every DID issued: production names it.
    const missing = (['AUTH_PUBLIC_JWK', 'KEY_ENCRYPTION_KEY', 'PUBLIC_BASE_URL'] as const).filter((k) => !result.data[k]);
    if (missing.length) throw new ConfigError(missing.map((k) => `${k}: is required when NODE_ENV=production`));
    // did:web resolves over https only, and wallets refuse an http issuer: only development and tests run on http.
    if (result.data.PUBLIC_BASE_URL?.startsWith('http://')) throw new ConfigError(['PUBLIC_BASE_URL: must be https when NODE_ENV=production (did:web and OpenID4VC identifiers are https URLs)']);
    if (result.data.OUTBOUND_ALLOW_LOOPBACK) throw new ConfigError(['OUTBOUND_ALLOW_LOOPBACK: is for tests only and refused when NODE_ENV=production']);
  }
  return {
    ...result.data,
    DATA_DIR: absoluteDataDir(result.data.DATA_DIR),
    PUBLIC_BASE_URL: result.data.PUBLIC_BASE_URL ?? defaultPublicBaseUrl(result.data),
  };
}

/**
 * A relative DATA_DIR is taken from the project root, not the working directory, so the server and the
 * CLI find the same database and development keys wherever they are started from.
 */
function absoluteDataDir(dir: string): string {
  return isAbsolute(dir) ? dir : resolve(projectRoot(), dir);
}

/** http://<HOST>:<PORT>, with a wildcard listen address replaced by localhost. */
export function defaultPublicBaseUrl(c: Pick<ParsedConfig, 'HOST' | 'PORT'>): string {
  const host = ['0.0.0.0', '::', '[::]'].includes(c.HOST) ? 'localhost' : c.HOST.includes(':') && !c.HOST.startsWith('[') ? `[${c.HOST}]` : c.HOST;
  return new URL(`http://${host}:${c.PORT}`).origin;
}
