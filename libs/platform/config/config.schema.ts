import { z } from 'zod';

const bool = z
  .enum(['true', 'false', '1', '0'])
  .transform((v) => v === 'true' || v === '1');

export const ConfigSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  HOST: z.string().min(1).default('0.0.0.0'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  /** When unset, an embedded PostgreSQL is started with its data under DATA_DIR. */
  DATABASE_URL: z
    .url({ protocol: /^postgres(ql)?$/ })
    .optional(),
  EMBEDDED_PG_PORT: z.coerce.number().int().min(1024).max(65535).default(54320),
  DATA_DIR: z.string().min(1).default('.data'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SEED_ON_START: bool.default(true),
  /** Public JWK (JSON) of the token issuer. In development a key pair is generated into DATA_DIR instead. */
  AUTH_PUBLIC_JWK: z.string().min(1).optional(),
  AUTH_ISSUER: z.string().min(1).default('recognition-engine-dev'),
  AUTH_AUDIENCE: z.string().min(1).default('recognition-engine'),
  /** Longest accepted bearer-token lifetime (exp − iat); tokens without exp are refused. */
  AUTH_TOKEN_MAX_LIFETIME_SECONDS: z.coerce.number().int().min(60).max(7 * 24 * 3600).default(3600),
  /** A 10,000-item issuance batch is about 9 MB of JSON; everything else is far smaller. */
  MAX_BODY_BYTES: z.coerce.number().int().min(1024).max(64 * 1024 * 1024).default(16 * 1024 * 1024),
  /** Deepest nesting accepted in a JSON request body (a credential needs about 10). */
  MAX_JSON_DEPTH: z.coerce.number().int().min(8).max(1000).default(64),
  GRAPHQL_MAX_DEPTH: z.coerce.number().int().min(2).max(50).default(10),
  GRAPHQL_MAX_COMPLEXITY: z.coerce.number().int().min(10).max(1000000).default(20000),
  /**
   * Public base URL (scheme, host and port only). Every did:web DID, status-list URL and DID document
   * is derived from it, so it cannot change later without breaking what was issued. Default: from HOST and PORT.
   */
  PUBLIC_BASE_URL: z.string().transform(publicBaseUrl).optional(),
  /** Base64 of 32 random bytes: encrypts issuer private keys at rest. Generated into DATA_DIR in development. */
  KEY_ENCRYPTION_KEY: z
    .string()
    .refine((v) => Buffer.from(v, 'base64').length === 32, 'must be base64 of exactly 32 bytes')
    .optional(),
  VERIFY_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).max(1000000).default(600),
  GRAPHQL_MAX_ALIASES: z.coerce.number().int().min(1).max(1000).default(30),
  /** Worker threads that sign and verify Data Integrity proofs; 0 runs them on the main thread. Default: one per core but the main thread's, at least one. */
  PROOF_WORKERS: z.coerce.number().int().min(0).max(64).optional(),
  /**
   * Old-generation heap of each proof worker, in MB. A proof's live data is small; a cap makes V8 collect the
   * canonicaliser's garbage early instead of letting each worker's heap grow by ~100 MB under load.
   */
  PROOF_WORKER_HEAP_MB: z.coerce.number().int().min(32).max(4096).default(64),
  /**
   * Outbound fetches (did:web of allowlisted hosts, trust lists by URL) may reach loopback addresses. For tests
   * only: refused with NODE_ENV=production. Private ranges are refused always.
   */
  OUTBOUND_ALLOW_LOOPBACK: bool.default(false),
  /** PEM file of one more certificate authority trusted by outbound fetches (a test's self-signed server). */
  OUTBOUND_EXTRA_CA_FILE: z.string().min(1).optional(),
  OUTBOUND_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(5000),
  OUTBOUND_MAX_BYTES: z.coerce.number().int().min(1024).max(16 * 1024 * 1024).default(256 * 1024),
  /** How long a fetched DID document is used before it is fetched again. */
  OUTBOUND_CACHE_SECONDS: z.coerce.number().int().min(0).max(86_400).default(300),
  /** Lifetime of the trust list this instance publishes at /federation/trust-list. */
  TRUST_LIST_VALIDITY_SECONDS: z.coerce.number().int().min(60).max(366 * 86_400).default(7 * 86_400),
});

/** The raw parse result; loadConfig fills in the derived fields (PUBLIC_BASE_URL, absolute DATA_DIR). */
export type ParsedConfig = z.infer<typeof ConfigSchema>;
export type AppConfig = Omit<ParsedConfig, 'PUBLIC_BASE_URL'> & { PUBLIC_BASE_URL: string };

/**
 * Checks a public base URL and returns its canonical origin. Refuses what cannot be right for a DID:
 * another scheme, a path, query, fragment or credentials.
 */
export function publicBaseUrl(value: string, ctx: z.RefinementCtx): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    ctx.addIssue({ code: 'custom', message: `"${value}" is not a URL; expected e.g. https://recognition.example.org` });
    return z.NEVER;
  }
  const problems: string[] = [];
  if (url.protocol !== 'http:' && url.protocol !== 'https:') problems.push(`scheme must be http or https, not "${url.protocol.replace(':', '')}"`);
  if (url.pathname !== '/' && url.pathname !== '') problems.push(`must not have a path ("${url.pathname}"); did:web DIDs are derived from the host and port only`);
  if (url.search || url.hash) problems.push('must not have a query or fragment');
  if (url.username || url.password) problems.push('must not contain credentials');
  if (['0.0.0.0', '[::]'].includes(url.hostname)) problems.push(`"${url.hostname}" is a listen address, not one that clients can reach`);
  for (const message of problems) ctx.addIssue({ code: 'custom', message });
  return problems.length ? z.NEVER : url.origin;
}
