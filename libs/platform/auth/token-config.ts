import type { AppConfig } from '../config/config.schema';
import { ensureDevTokenKey, importPublicJwk } from './token-keys';
import { TokenSettings, TokenVerifier } from './token.service';

/** Token settings from the configuration; light on purpose, so `cli token` starts without the application. */
export function tokenSettings(config: AppConfig): TokenSettings {
  return { issuer: config.AUTH_ISSUER, audience: config.AUTH_AUDIENCE, maxLifetimeSeconds: config.AUTH_TOKEN_MAX_LIFETIME_SECONDS };
}

export async function createTokenVerifier(config: AppConfig): Promise<TokenVerifier> {
  const publicJwk = config.AUTH_PUBLIC_JWK ?? (await ensureDevTokenKey(config.DATA_DIR)).publicJwk;
  return new TokenVerifier(await importPublicJwk(publicJwk), tokenSettings(config));
}
