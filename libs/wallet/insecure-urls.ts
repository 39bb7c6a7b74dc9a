import { setGlobalConfig } from '@openid4vc/utils';
import type { AppConfig } from '../platform/config/config.schema';

/**
 * The OpenID4VC libraries accept only https identifiers unless told otherwise. The switch is process-wide, so it is
 * thrown only where http is possible at all: production refuses an http PUBLIC_BASE_URL (load-config.ts).
 */
export function allowHttpIdentifiersOutsideProduction(config: Pick<AppConfig, 'PUBLIC_BASE_URL' | 'NODE_ENV'>): void {
  if (config.PUBLIC_BASE_URL.startsWith('http://') && config.NODE_ENV !== 'production') setGlobalConfig({ allowInsecureUrls: true });
}
