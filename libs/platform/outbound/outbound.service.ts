import { readFileSync } from 'node:fs';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { Actor } from '../auth/actor';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '../config/config.schema';
import { AppError } from '../errors/app-error';
import { FetchGuards, FetchRefused, guardedGet } from './hardened-fetch';

/** Who fetched when no person asked (a verification resolving an allowlisted did:web). */
export const OUTBOUND_ACTOR: Actor = { subject: 'system:outbound-fetch', role: 'admin', jurisdictions: [] };

export interface AllowedHost {
  host: string;
  note: string | null;
  addedBy: string;
  addedAt: Date;
}

/** "host" or "host:port", lower case; what a URL's `host` is. */
export function normaliseHost(value: string): string | null {
  const v = value.trim().toLowerCase();
  if (!v || v.length > 253 || /[/?#@\s]/.test(v)) return null;
  try {
    const u = new URL(`https://${v}`);
    return u.host === v || `${u.hostname}:${u.port}` === v ? u.host : null;
  } catch {
    return null;
  }
}

/**
 * The one way out to the network at run time: only to hosts an admin put on the allowlist, through the guarded
 * fetcher (https, public addresses, timeout, size cap), and every attempt — refused or not — is in the audit log.
 */
@Injectable()
export class OutboundService {
  private readonly guards: FetchGuards;

  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.guards = {
      timeoutMs: config.OUTBOUND_TIMEOUT_MS,
      maxBytes: config.OUTBOUND_MAX_BYTES,
      allowLoopback: config.OUTBOUND_ALLOW_LOOPBACK && config.NODE_ENV !== 'production',
      extraCa: config.OUTBOUND_EXTRA_CA_FILE ? readFileSync(config.OUTBOUND_EXTRA_CA_FILE, 'utf8') : undefined,
    };
  }

  async allowedHosts(): Promise<AllowedHost[]> {
    const rows: Array<{ host: string; note: string | null; added_by: string; added_at: Date }> = await this.dataSource.query('SELECT * FROM outbound_allowlist ORDER BY host');
    return rows.map((r) => ({ host: r.host, note: r.note, addedBy: r.added_by, addedAt: r.added_at }));
  }

  async isAllowed(host: string): Promise<boolean> {
    return (await this.dataSource.query('SELECT 1 FROM outbound_allowlist WHERE host = $1', [host.toLowerCase()])).length > 0;
  }

  async allow(actor: Actor, hostInput: string, note: string | null): Promise<AllowedHost> {
    if (actor.role !== 'admin') throw AppError.forbidden('only admins keep the outbound allowlist');
    const host = normaliseHost(hostInput);
    if (!host) throw AppError.badInput([{ field: 'host', message: 'must be a host name with an optional port, e.g. "school.example.de" or "school.example.de:8443"' }]);
    return this.dataSource.transaction(async (m) => {
      const rows = await m.query('INSERT INTO outbound_allowlist (host, note, added_by) VALUES ($1, $2, $3) ON CONFLICT (host) DO NOTHING RETURNING *', [host, note, actor.subject]);
      if (!rows.length) throw AppError.conflict('host', `"${host}" is already on the allowlist`);
      await this.audit.record(m, actor, { action: 'outbound-allowlist.add', entityType: 'outbound-host', entityId: host, before: null, after: { host, note } });
      return { host, note, addedBy: actor.subject, addedAt: rows[0].added_at };
    });
  }

  async disallow(actor: Actor, hostInput: string): Promise<boolean> {
    if (actor.role !== 'admin') throw AppError.forbidden('only admins keep the outbound allowlist');
    const host = normaliseHost(hostInput);
    if (!host) throw AppError.badInput([{ field: 'host', message: 'must be a host name with an optional port' }]);
    return this.dataSource.transaction(async (m) => {
      const [rows] = await m.query('DELETE FROM outbound_allowlist WHERE host = $1 RETURNING *', [host]);
      if (!rows.length) throw AppError.notFound('allowlisted host', host);
      await this.audit.record(m, actor, { action: 'outbound-allowlist.remove', entityType: 'outbound-host', entityId: host, before: { host, note: rows[0].note }, after: null });
      return true;
    });
  }

  /**
   * GETs a URL on an allowlisted host. A host not on the list is refused before anything touches the network
   * (HOST_NOT_ALLOWED). Every attempt on an allowed host is audited with its outcome.
   */
  async fetch(url: string, purpose: string, actor: Actor = OUTBOUND_ACTOR, accept?: string): Promise<Buffer> {
    let host: string;
    try {
      host = new URL(url).host.toLowerCase();
    } catch {
      throw new OutboundRefused('BAD_URL', `"${url.slice(0, 200)}" is not a URL`);
    }
    if (!(await this.isAllowed(host))) throw new OutboundRefused('HOST_NOT_ALLOWED', `${host} is not on the admin's outbound allowlist; nothing was fetched`);
    const started = Date.now();
    try {
      const r = await guardedGet(url, this.guards, accept);
      await this.record(actor, host, { url, purpose, outcome: 'OK', status: r.status, bytes: r.body.length, address: r.address, ms: Date.now() - started });
      return r.body;
    } catch (e) {
      const reason = e instanceof FetchRefused ? e.reason : 'CONNECTION_FAILED';
      await this.record(actor, host, { url, purpose, outcome: reason, error: (e as Error).message, ms: Date.now() - started });
      throw new OutboundRefused(reason, (e as Error).message.replace(/^[A-Z_]+: /, ''));
    }
  }

  private async record(actor: Actor, host: string, after: Record<string, unknown>): Promise<void> {
    await this.audit.record(this.dataSource.manager, actor, { action: 'outbound.fetch', entityType: 'outbound-host', entityId: host, before: null, after });
  }
}

export class OutboundRefused extends Error {
  constructor(
    readonly reason: string,
    readonly detail: string,
  ) {
    super(`${reason}: ${detail}`);
    this.name = 'OutboundRefused';
  }
}
