import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG } from '../../platform/config/config.module';
import type { AppConfig } from '../../platform/config/config.schema';
import { OutboundRefused, OutboundService } from '../../platform/outbound/outbound.service';
import { DocumentRefused } from '../domain/document-loader';
import type { VerifiableCredential } from '../domain/proofs';

/** Bitstring Status List §2.2: a list without `ttl` may be cached for five minutes. */
const DEFAULT_TTL_MS = 300_000;
/** A failing host is not asked again on every verification. */
const REFUSAL_MS = 60_000;

/**
 * Status-list credentials of other hosts (a credential of a federated or allowlisted issuer names one): fetched
 * only from a host on the admin's outbound allowlist, through the guarded fetcher (https, public addresses,
 * timeout, size cap, audited), and kept for the list's `ttl` but never longer than OUTBOUND_CACHE_SECONDS. The
 * caller verifies the list's proof and issuer; a host taken off the allowlist is refused at once.
 */
@Injectable()
export class ForeignStatusListService {
  private readonly cache = new Map<string, { list: VerifiableCredential; until: number } | { refused: DocumentRefused; until: number }>();
  private readonly maxCacheMs: number;

  constructor(
    private readonly outbound: OutboundService,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.maxCacheMs = config.OUTBOUND_CACHE_SECONDS * 1000;
  }

  async load(url: string): Promise<VerifiableCredential> {
    let host: string;
    try {
      host = new URL(url).host;
    } catch {
      throw new DocumentRefused('UNKNOWN_DOCUMENT', url, 'not a URL');
    }
    if (!(await this.outbound.isAllowed(host))) throw new DocumentRefused('UNKNOWN_DOCUMENT', url, `${host} is not on the outbound allowlist; nothing was fetched`);
    const hit = this.cache.get(url);
    if (hit && hit.until > Date.now()) {
      if ('refused' in hit) throw hit.refused;
      return hit.list;
    }
    if (this.cache.size > 1000) this.cache.clear();
    try {
      const list = await this.fetchList(url);
      const ttl = Number((list.credentialSubject as { ttl?: unknown } | undefined)?.ttl);
      const keepMs = Math.min(Number.isFinite(ttl) && ttl >= 0 ? ttl : DEFAULT_TTL_MS, this.maxCacheMs);
      if (keepMs > 0) this.cache.set(url, { list, until: Date.now() + keepMs });
      return list;
    } catch (e) {
      if (e instanceof DocumentRefused) this.cache.set(url, { refused: e, until: Date.now() + Math.min(this.maxCacheMs, REFUSAL_MS) });
      throw e;
    }
  }

  private async fetchList(url: string): Promise<VerifiableCredential> {
    let list: unknown;
    try {
      list = JSON.parse((await this.outbound.fetch(url, 'status list', undefined, 'application/vc+ld+json, application/vc, application/json')).toString('utf8'));
    } catch (e) {
      if (e instanceof OutboundRefused) throw new DocumentRefused('UNKNOWN_DOCUMENT', url, `fetching it failed: ${e.message}`);
      if (e instanceof SyntaxError) throw new DocumentRefused('UNKNOWN_DOCUMENT', url, 'the status list is not JSON');
      throw e;
    }
    if (!list || typeof list !== 'object' || Array.isArray(list)) throw new DocumentRefused('UNKNOWN_DOCUMENT', url, 'the status list is not a JSON object');
    return list as VerifiableCredential;
  }
}
