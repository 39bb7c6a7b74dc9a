import { AppConfig, ConfigSchema } from './config.schema';

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
    const missing = (['AUTH_PUBLIC_JWK', 'KEY_ENCRYPTION_KEY'] as const).filter((k) => !result.data[k]);
    if (missing.length) throw new ConfigError(missing.map((k) => `${k}: is required when NODE_ENV=production`));
  }
  return result.data;
}
