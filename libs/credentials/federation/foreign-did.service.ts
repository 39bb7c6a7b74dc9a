import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditService } from '../../platform/audit/audit.service';
import { Actor } from '../../platform/auth/actor';
import { APP_CONFIG } from '../../platform/config/config.module';
import type { AppConfig } from '../../platform/config/config.schema';
import { AppError } from '../../platform/errors/app-error';
import { OutboundRefused, OutboundService } from '../../platform/outbound/outbound.service';
import { CredentialsSettings } from '../credentials.settings';
import { DocumentRefused } from '../domain/document-loader';
import { didDocumentProblems, didWebUrl } from '../domain/federation/did-web';
import { TrustListService } from './trust-list.service';

export interface PinnedDidDocumentRow {
  did: string;
  document: Record<string, unknown>;
  pinned_by: string;
  pinned_at: Date;
}

/**
 * DID documents of other hosts, in the order of the admin's decisions: pinned by an admin, carried by an
 * imported trust list in force, or fetched from a host on the outbound allowlist (cached for a while). Any
 * other DID is refused without a network call.
 */
@Injectable()
export class ForeignDidService {
  /** Fetched documents, and refusals for a shorter while (a failing host is not asked again on every verification). */
  private readonly cache = new Map<string, { doc: Record<string, unknown>; until: number } | { refused: DocumentRefused; until: number }>();
  private readonly cacheMs: number;

  constructor(
    private readonly dataSource: DataSource,
    private readonly lists: TrustListService,
    private readonly outbound: OutboundService,
    private readonly audit: AuditService,
    private readonly settings: CredentialsSettings,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.cacheMs = config.OUTBOUND_CACHE_SECONDS * 1000;
  }

  async resolve(did: string): Promise<Record<string, unknown> | null> {
    const pinned = (await this.dataSource.query('SELECT document FROM pinned_did_document WHERE did = $1', [did]))[0]?.document;
    if (pinned) return pinned;
    const listed = await this.lists.listedDidDocument(did);
    if (listed) return listed;
    const web = didWebUrl(did);
    if (!web) return null;
    if (!(await this.outbound.isAllowed(web.host))) throw new DocumentRefused('FOREIGN_DID', did, `${web.host} is neither pinned, nor in an imported trust list, nor on the outbound allowlist; nothing was fetched`);
    const hit = this.cache.get(did);
    if (hit && hit.until > Date.now()) {
      if ('refused' in hit) throw hit.refused;
      return hit.doc;
    }
    if (this.cache.size > 1000) this.cache.clear();
    try {
      const doc = await this.fetchDocument(did, web.url);
      this.cache.set(did, { doc, until: Date.now() + this.cacheMs });
      return doc;
    } catch (e) {
      if (e instanceof DocumentRefused) this.cache.set(did, { refused: e, until: Date.now() + Math.min(this.cacheMs, 60_000) });
      throw e;
    }
  }

  private async fetchDocument(did: string, url: string): Promise<Record<string, unknown>> {
    let doc: unknown;
    try {
      doc = JSON.parse((await this.outbound.fetch(url, `did:web ${did}`, undefined, 'application/did+json, application/did+ld+json, application/json')).toString('utf8'));
    } catch (e) {
      if (e instanceof OutboundRefused) throw new DocumentRefused('DID_FETCH_FAILED', did, e.message);
      if (e instanceof SyntaxError) throw new DocumentRefused('DID_FETCH_FAILED', did, `the DID document at ${url} is not JSON`);
      throw e;
    }
    const problems = didDocumentProblems(did, doc);
    if (problems.length) throw new DocumentRefused('DID_FETCH_FAILED', did, `the DID document at ${url} cannot be used: ${problems.map((p) => `${p.field}: ${p.message}`).join('; ').slice(0, 300)}`);
    return doc as Record<string, unknown>;
  }

  pinned(): Promise<PinnedDidDocumentRow[]> {
    return this.dataSource.query('SELECT * FROM pinned_did_document ORDER BY did');
  }

  async pin(actor: Actor, did: string, document: unknown): Promise<PinnedDidDocumentRow> {
    if (actor.role !== 'admin') throw AppError.forbidden('only admins pin DID documents');
    if (!didWebUrl(did)) throw AppError.badInput([{ field: 'did', message: 'must be a did:web DID' }]);
    if (did === this.settings.ownDidPrefix || did.startsWith(`${this.settings.ownDidPrefix}:`)) throw AppError.badInput([{ field: 'did', message: 'is a DID of this service; its documents come from the registry' }]);
    const problems = didDocumentProblems(did, document);
    if (problems.length) throw AppError.badInput(problems);
    return this.dataSource.transaction(async (m) => {
      const before = (await m.query('SELECT document FROM pinned_did_document WHERE did = $1 FOR UPDATE', [did]))[0]?.document ?? null;
      const [row] = await m.query(
        `INSERT INTO pinned_did_document (did, document, pinned_by) VALUES ($1, $2, $3)
         ON CONFLICT (did) DO UPDATE SET document = EXCLUDED.document, pinned_by = EXCLUDED.pinned_by, pinned_at = now() RETURNING *`,
        [did, document, actor.subject],
      );
      await this.audit.record(m, actor, { action: 'did-document.pin', entityType: 'did', entityId: did, before, after: document });
      this.cache.delete(did);
      return row;
    });
  }

  async unpin(actor: Actor, did: string): Promise<boolean> {
    if (actor.role !== 'admin') throw AppError.forbidden('only admins pin DID documents');
    return this.dataSource.transaction(async (m) => {
      const [rows] = await m.query('DELETE FROM pinned_did_document WHERE did = $1 RETURNING document', [did]);
      if (!rows.length) throw AppError.notFound('pinned DID document', did);
      await this.audit.record(m, actor, { action: 'did-document.unpin', entityType: 'did', entityId: did, before: rows[0].document, after: null });
      return true;
    });
  }
}
