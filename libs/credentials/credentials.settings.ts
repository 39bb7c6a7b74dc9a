import type { AppConfig } from '../platform/config/config.schema';

/** Identifiers this service mints, derived from its public base URL. */
export class CredentialsSettings {
  readonly baseUrl: string;
  readonly ownDidPrefix: string;
  readonly statusListPrefix: string;

  constructor(readonly config: AppConfig) {
    const url = new URL(config.PUBLIC_BASE_URL);
    this.baseUrl = url.origin;
    // did:web encodes the port's colon (did:web:localhost%3A3000).
    this.ownDidPrefix = `did:web:${encodeURIComponent(url.host)}`;
    this.statusListPrefix = `${this.baseUrl}/status/`;
  }

  didOf(institutionId: string): string {
    return `${this.ownDidPrefix}:issuers:${institutionId}`;
  }

  institutionIdOf(did: string): string | null {
    const prefix = `${this.ownDidPrefix}:issuers:`;
    return did.startsWith(prefix) ? did.slice(prefix.length) : null;
  }

  statusListUrl(listId: string): string {
    return `${this.statusListPrefix}${listId}`;
  }
}
