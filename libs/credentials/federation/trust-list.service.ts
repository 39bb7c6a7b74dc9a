import { Inject, Injectable } from '@nestjs/common';
import type { JWK } from 'jose';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../../platform/audit/audit.service';
import { Actor } from '../../platform/auth/actor';
import { APP_CONFIG } from '../../platform/config/config.module';
import type { AppConfig } from '../../platform/config/config.schema';
import { AppError } from '../../platform/errors/app-error';
import { OutboundRefused, OutboundService } from '../../platform/outbound/outbound.service';
import { AccreditationService } from '../accreditation.service';
import { CredentialsSettings } from '../credentials.settings';
import { publicJwkOf } from '../domain/keys';
import { buildTrustList, entityConfiguration, parseTrustList, ParsedTrustList, subordinateStatement, TrustEntry, TrustListInstitution, TrustListRejected } from '../domain/federation/trust-list';
import { didDocumentOf } from '../issuer.service';
import { CredentialsRepository } from '../persistence/credentials.repository';
import { FederationKeyService } from './federation-key.service';

export interface TrustListRow {
  id: string;
  anchor: string;
  anchor_jwk: JWK;
  anchor_thumbprint: string;
  source_url: string | null;
  list_jwt: string;
  issued_at: Date;
  expires_at: Date;
  imported_by: string;
  imported_at: Date;
  refreshed_at: Date | null;
  entry_count?: number;
}

export interface TrustListEntryRow {
  trust_list_id: string;
  did: string;
  name: string;
  jurisdiction: string;
  accreditations: unknown[];
  did_document: Record<string, unknown> | null;
  valid_from: Date;
  valid_until: Date;
}

export interface ImportTrustList {
  jwt?: string | null;
  url?: string | null;
  anchorJwk?: unknown;
  anchorKeyThumbprint?: string | null;
  /** The anchor (entity identifier) the admin expects; the list's iss must be it. */
  anchor?: string | null;
}

const THUMBPRINT = /^[A-Za-z0-9_-]{43}$/;

/** A calendar date as YYYY-MM-DD, whether the driver gave a string or a Date. */
function day(v: unknown): string | null {
  if (v === null || v === undefined) return null;
  return v instanceof Date ? v.toISOString().slice(0, 10) : String(v).slice(0, 10);
}

/**
 * Trust federation: publishes this instance's institutions as a signed trust list and keeps the lists of other
 * instances that an admin imported, each with the pinned key of its publisher.
 */
@Injectable()
export class TrustListService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly repo: CredentialsRepository,
    private readonly accreditation: AccreditationService,
    private readonly keys: FederationKeyService,
    private readonly settings: CredentialsSettings,
    private readonly audit: AuditService,
    private readonly outbound: OutboundService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  get anchor(): string {
    return this.settings.baseUrl;
  }

  /** What this instance vouches for: each institution of its registry with its DID document, keys and accreditations. */
  private async institutions(only?: string): Promise<TrustListInstitution[]> {
    const out: TrustListInstitution[] = [];
    for (const inst of await this.repo.institutions()) {
      if (only && inst.did !== only) continue;
      const keys = await this.repo.keysOf(inst.id);
      const accreditations = (await this.accreditation.list(inst.id)).map((a) => ({
        scope: a.scope,
        qualificationKey: a.qualification_key,
        qualificationCode: a.qualification_code,
        qualificationJurisdiction: a.qualification_jurisdiction,
        programme: a.programme,
        validFrom: day(a.valid_from)!,
        validUntil: day(a.valid_until),
      }));
      const jwks = await Promise.all(keys.map(async (k) => ({ ...(await publicJwkOf({ id: k.id, controller: inst.did, publicKeyMultibase: k.public_key_multibase })), kid: k.id })));
      out.push({ did: inst.did, name: inst.name, jurisdiction: inst.jurisdiction_code, accreditations, didDocument: didDocumentOf(inst, keys), jwks });
    }
    return out;
  }

  private window(validitySeconds = this.config.TRUST_LIST_VALIDITY_SECONDS): { iat: Date; exp: Date } {
    const iat = new Date();
    return { iat, exp: new Date(iat.getTime() + validitySeconds * 1000) };
  }

  /** What the public endpoints serve, signed at most once a minute (they are unauthenticated: signing is not free). */
  private readonly published = new Map<'list' | 'configuration', { jwt: Promise<string>; at: number }>();

  private cachedPublic(kind: 'list' | 'configuration', make: () => Promise<string>): Promise<string> {
    const hit = this.published.get(kind);
    if (hit && Date.now() - hit.at < 60_000) return hit.jwt;
    const jwt = make();
    this.published.set(kind, { jwt, at: Date.now() });
    jwt.catch(() => this.published.delete(kind));
    return jwt;
  }

  /** The signed trust list (`trust-list+jwt`) of this instance; with a lifetime, freshly signed (admin export). */
  async publishedList(validitySeconds?: number): Promise<string> {
    const sign = async () => {
      const { iat, exp } = this.window(validitySeconds);
      return buildTrustList(this.anchor, await this.institutions(), await this.keys.signingKey(), iat, exp);
    };
    return validitySeconds === undefined ? this.cachedPublic('list', sign) : sign();
  }

  /** The entity configuration (OpenID Federation §3) of this instance as a trust anchor. */
  entityConfiguration(): Promise<string> {
    return this.cachedPublic('configuration', async () => {
      const { iat, exp } = this.window(86_400);
      return entityConfiguration(this.anchor, 'Diploma recognition engine', await this.keys.signingKey(), iat, exp);
    });
  }

  /** The list endpoint: entity identifiers of the subordinates. */
  async subjects(): Promise<string[]> {
    return (await this.repo.institutions()).map((i) => i.did);
  }

  /** The fetch endpoint: one subordinate statement, or null for an unknown subject. */
  async statement(sub: string): Promise<string | null> {
    const [inst] = await this.institutions(sub);
    if (!inst) return null;
    const { iat, exp } = this.window();
    return subordinateStatement(this.anchor, inst, await this.keys.signingKey(), iat, exp);
  }

  async lists(): Promise<TrustListRow[]> {
    return this.dataSource.query(`SELECT l.*, (SELECT count(*)::int FROM trust_list_entry e WHERE e.trust_list_id = l.id) AS entry_count FROM trust_list l ORDER BY l.anchor`);
  }

  async list(id: string): Promise<TrustListRow | null> {
    if (!/^[0-9a-f-]{36}$/.test(id)) return null;
    return (await this.dataSource.query(`SELECT l.*, (SELECT count(*)::int FROM trust_list_entry e WHERE e.trust_list_id = l.id) AS entry_count FROM trust_list l WHERE id = $1`, [id]))[0] ?? null;
  }

  entries(listId: string): Promise<TrustListEntryRow[]> {
    return this.dataSource.query('SELECT * FROM trust_list_entry WHERE trust_list_id = $1 ORDER BY did', [listId]);
  }

  /** Every imported entry for a DID, with its list's anchor and expiry: the input of the trust decision. */
  async trustEntries(did: string): Promise<TrustEntry[]> {
    const rows: Array<TrustListEntryRow & { anchor: string; expires_at: Date }> = await this.dataSource.query(
      'SELECT e.*, l.anchor, l.expires_at FROM trust_list_entry e JOIN trust_list l ON l.id = e.trust_list_id WHERE e.did = $1 ORDER BY l.imported_at',
      [did],
    );
    return rows.map((r) => ({ listId: r.trust_list_id, anchor: r.anchor, listExpiresAt: r.expires_at, did: r.did, name: r.name, jurisdiction: r.jurisdiction, validFrom: r.valid_from, validUntil: r.valid_until }));
  }

  /** The DID document an imported list in force carries for a DID. */
  async listedDidDocument(did: string, now = new Date()): Promise<Record<string, unknown> | null> {
    const rows = await this.dataSource.query(
      `SELECT e.did_document FROM trust_list_entry e JOIN trust_list l ON l.id = e.trust_list_id
        WHERE e.did = $1 AND e.did_document IS NOT NULL AND l.expires_at > $2 AND e.valid_until > $2 ORDER BY l.imported_at LIMIT 1`,
      [did, now],
    );
    return rows[0]?.did_document ?? null;
  }

  async import(actor: Actor, input: ImportTrustList): Promise<TrustListRow> {
    this.assertAdmin(actor);
    const pinned = this.pinnedKey(input);
    if (!!input.jwt === !!input.url) throw AppError.badInput([{ field: 'input', message: 'give exactly one of jwt (the pasted list) and url (on the outbound allowlist)' }]);
    const jwt = input.url ? await this.fetchList(actor, input.url) : input.jwt!;
    const parsed = await this.parse(jwt, pinned, input.anchor ?? null, input.url ? 'url' : 'jwt');
    if (input.url && new URL(parsed.anchor).host !== new URL(input.url).host) throw AppError.badInput([{ field: 'url', message: `ISSUER_MISMATCH: the list was issued by ${parsed.anchor}, which is not the host it was fetched from` }]);
    if (parsed.anchor === this.anchor) throw AppError.badInput([{ field: input.url ? 'url' : 'jwt', message: 'is this instance\'s own trust list' }]);
    return this.dataSource.transaction(async (m) => {
      // ON CONFLICT: two admins importing the same anchor at once get a CONFLICT, not a failed insert.
      const [row] = await m.query(
        `INSERT INTO trust_list (anchor, anchor_jwk, anchor_thumbprint, source_url, list_jwt, issued_at, expires_at, imported_by) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
         ON CONFLICT (anchor) DO NOTHING RETURNING id`,
        [parsed.anchor, parsed.anchorJwk, parsed.anchorThumbprint, input.url ?? null, jwt.trim(), parsed.issuedAt, parsed.expiresAt, actor.subject],
      );
      if (!row) {
        const existing = (await m.query('SELECT id FROM trust_list WHERE anchor = $1', [parsed.anchor]))[0]?.id ?? 'unknown';
        throw AppError.conflict(input.url ? 'url' : 'jwt', `a trust list of ${parsed.anchor} is already imported (${existing}); refresh it instead`);
      }
      await this.insertEntries(m, row.id, parsed);
      await this.audit.record(m, actor, { action: 'trust-list.import', entityType: 'trust-list', entityId: row.id, before: null, after: this.summary(parsed, input.url ?? null) });
      return (await this.listIn(m, row.id))!;
    });
  }

  async refresh(actor: Actor, id: string, jwtInput?: string | null): Promise<TrustListRow> {
    this.assertAdmin(actor);
    const row = await this.list(id);
    if (!row) throw AppError.notFound('trust list', id);
    if (!jwtInput && !row.source_url) throw AppError.badInput([{ field: 'jwt', message: 'this list was pasted: give the new list JWT' }]);
    const jwt = jwtInput ?? (await this.fetchList(actor, row.source_url!));
    const parsed = await this.parse(jwt, { jwk: row.anchor_jwk }, row.anchor, jwtInput ? 'jwt' : 'url');
    return this.dataSource.transaction(async (m) => {
      await m.query('SELECT 1 FROM trust_list WHERE id = $1 FOR UPDATE', [id]);
      const before = (await m.query('SELECT did FROM trust_list_entry WHERE trust_list_id = $1 ORDER BY did', [id])).map((r: { did: string }) => r.did);
      await m.query('DELETE FROM trust_list_entry WHERE trust_list_id = $1', [id]);
      await m.query('UPDATE trust_list SET list_jwt = $2, issued_at = $3, expires_at = $4, refreshed_at = now() WHERE id = $1', [id, jwt.trim(), parsed.issuedAt, parsed.expiresAt]);
      await this.insertEntries(m, id, parsed);
      await this.audit.record(m, actor, { action: 'trust-list.refresh', entityType: 'trust-list', entityId: id, before: { expiresAt: row.expires_at, entries: before }, after: this.summary(parsed, row.source_url) });
      return (await this.listIn(m, id))!;
    });
  }

  async remove(actor: Actor, id: string): Promise<boolean> {
    this.assertAdmin(actor);
    return this.dataSource.transaction(async (m) => {
      const row = /^[0-9a-f-]{36}$/.test(id) ? await this.listIn(m, id) : null;
      if (!row) throw AppError.notFound('trust list', id);
      const dids = (await m.query('SELECT did FROM trust_list_entry WHERE trust_list_id = $1 ORDER BY did', [id])).map((r: { did: string }) => r.did);
      await m.query('DELETE FROM trust_list WHERE id = $1', [id]);
      await this.audit.record(m, actor, { action: 'trust-list.remove', entityType: 'trust-list', entityId: id, before: { anchor: row.anchor, anchorThumbprint: row.anchor_thumbprint, expiresAt: row.expires_at, entries: dids }, after: null });
      return true;
    });
  }

  private async listIn(m: EntityManager, id: string): Promise<TrustListRow | null> {
    return (await m.query(`SELECT l.*, (SELECT count(*)::int FROM trust_list_entry e WHERE e.trust_list_id = l.id) AS entry_count FROM trust_list l WHERE id = $1`, [id]))[0] ?? null;
  }

  private summary(p: ParsedTrustList, url: string | null) {
    return { anchor: p.anchor, anchorThumbprint: p.anchorThumbprint, sourceUrl: url, issuedAt: p.issuedAt, expiresAt: p.expiresAt, entries: p.entries.map((e) => e.did) };
  }

  private async insertEntries(m: EntityManager, listId: string, p: ParsedTrustList): Promise<void> {
    if (!p.entries.length) return;
    await m.query(
      `INSERT INTO trust_list_entry (trust_list_id, did, name, jurisdiction, accreditations, did_document, valid_from, valid_until)
       SELECT $1, x.did, x.name, x.jurisdiction, x.accreditations, x.did_document, x.valid_from, x.valid_until
         FROM jsonb_to_recordset($2::jsonb) AS x(did text, name text, jurisdiction text, accreditations jsonb, did_document jsonb, valid_from timestamptz, valid_until timestamptz)`,
      [listId, JSON.stringify(p.entries.map((e) => ({ did: e.did, name: e.name, jurisdiction: e.jurisdiction, accreditations: e.accreditations, did_document: e.didDocument, valid_from: e.validFrom, valid_until: e.validUntil })))],
    );
  }

  private pinnedKey(input: ImportTrustList): { jwk: JWK | null; thumbprint: string | null } {
    const problems = [];
    const jwk = input.anchorJwk ?? null;
    if (jwk !== null && (typeof jwk !== 'object' || Array.isArray(jwk))) problems.push({ field: 'anchorJwk', message: 'must be a JWK object' });
    const thumbprint = input.anchorKeyThumbprint ?? null;
    if (thumbprint !== null && !THUMBPRINT.test(thumbprint)) problems.push({ field: 'anchorKeyThumbprint', message: 'must be an RFC 7638 SHA-256 thumbprint (43 base64url characters)' });
    if (jwk === null && thumbprint === null) problems.push({ field: 'anchorJwk', message: 'the pinned public key of the publishing instance is required (anchorJwk or anchorKeyThumbprint)' });
    if (input.anchor != null && !/^https?:\/\/[^/]+$/.test(input.anchor)) problems.push({ field: 'anchor', message: 'must be an entity identifier such as https://nl.example' });
    if (input.url != null && !/^https:\/\//.test(input.url)) problems.push({ field: 'url', message: 'must be an https URL' });
    if (problems.length) throw AppError.badInput(problems);
    return { jwk: jwk as JWK | null, thumbprint };
  }

  private async parse(jwt: string, pinned: { jwk?: JWK | null; thumbprint?: string | null }, expectedAnchor: string | null, field: string): Promise<ParsedTrustList> {
    try {
      return await parseTrustList(jwt, pinned, { now: new Date(), expectedAnchor, field });
    } catch (e) {
      if (e instanceof TrustListRejected) throw AppError.badInput([{ field: e.field, message: e.message }]);
      throw e;
    }
  }

  private async fetchList(actor: Actor, url: string): Promise<string> {
    try {
      return (await this.outbound.fetch(url, 'trust-list', actor, 'application/trust-list+jwt, application/jwt')).toString('utf8');
    } catch (e) {
      if (e instanceof OutboundRefused) throw AppError.badInput([{ field: 'url', message: e.message }]);
      throw e;
    }
  }

  private assertAdmin(actor: Actor) {
    if (actor.role !== 'admin') throw AppError.forbidden('only admins decide which trust lists are imported');
  }
}
