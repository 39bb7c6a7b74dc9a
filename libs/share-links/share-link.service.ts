import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { IssuanceService } from '../credentials/issuance.service';
import type { IssuedCredentialRow } from '../credentials/persistence/rows';
import { AuditService } from '../platform/audit/audit.service';
import { Actor } from '../platform/auth/actor';
import { APP_CONFIG } from '../platform/config/config.module';
import { AppConfig } from '../platform/config/config.schema';
import { AppError } from '../platform/errors/app-error';
import { assertUuid } from '../comparison/comparison.service';
import { MAX_SHARE_DAYS, newShareToken, SHARE_TOKEN, shareLinkState, ShareLinkState, shareTokenHash, shareUrl } from './domain/share-link';

export interface ShareLinkRow {
  id: string;
  credential_id: string;
  created_by: string;
  created_at: Date;
  expires_at: Date;
  revoked_at: Date | null;
  revoked_by: string | null;
}

export type ResolvedShareLink = { state: 'NOT_FOUND' } | { state: Exclude<ShareLinkState, 'ACTIVE'>; link: ShareLinkRow } | { state: 'ACTIVE'; link: ShareLinkRow; credential: IssuedCredentialRow };

const COLUMNS = 'id, credential_id, created_by, created_at, expires_at, revoked_at, revoked_by';

/** Links that open the public verification page for one stored credential. */
@Injectable()
export class ShareLinkService {
  readonly baseUrl: string;

  constructor(
    private readonly dataSource: DataSource,
    private readonly issuance: IssuanceService,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.baseUrl = new URL(config.PUBLIC_BASE_URL).origin;
  }

  /** The issuing or a co-issuing school, or an admin; the same rule as reading the stored credential. */
  private async credentialFor(actor: Actor, credentialId: string): Promise<IssuedCredentialRow> {
    if (actor.role !== 'school' && actor.role !== 'admin') throw AppError.forbidden(`role "${actor.role}" may not share credentials`);
    if (!credentialId || credentialId.length > 200) throw AppError.badInput([{ field: 'credentialId', message: 'must be a credential id' }]);
    return this.issuance.getHandled(actor, credentialId, 'only the issuing or co-issuing institution, or an admin, may share this credential');
  }

  async create(actor: Actor, credentialId: string, expiresInDays: number, now: Date = new Date()): Promise<{ link: ShareLinkRow; url: string }> {
    if (!Number.isInteger(expiresInDays) || expiresInDays < 1 || expiresInDays > MAX_SHARE_DAYS) {
      throw AppError.badInput([{ field: 'expiresInDays', message: `must be a whole number of days from 1 to ${MAX_SHARE_DAYS}` }]);
    }
    const cred = await this.credentialFor(actor, credentialId);
    const token = newShareToken();
    const expiresAt = new Date(now.getTime() + expiresInDays * 86_400_000);
    const link = await this.dataSource.transaction(async (m) => {
      const [row] = (await m.query(`INSERT INTO share_link (token_hash, credential_id, created_by, expires_at) VALUES ($1, $2, $3, $4) RETURNING ${COLUMNS}`, [
        shareTokenHash(token),
        cred.id,
        actor.subject,
        expiresAt,
      ])) as ShareLinkRow[];
      // The token is never audited: the audit log is readable by more people than the holder chose.
      await this.audit.record(m, actor, { action: 'share-link.create', entityType: 'share-link', entityId: row.id, before: null, after: { credentialId: cred.id, expiresAt: expiresAt.toISOString() } });
      return row;
    });
    return { link, url: shareUrl(this.baseUrl, token) };
  }

  async revoke(actor: Actor, id: string): Promise<ShareLinkRow> {
    assertUuid(id, 'id');
    const existing = ((await this.dataSource.query(`SELECT ${COLUMNS} FROM share_link WHERE id = $1`, [id])) as ShareLinkRow[])[0];
    if (!existing) throw AppError.notFound('share link', id);
    await this.credentialFor(actor, existing.credential_id);
    return this.dataSource.transaction(async (m) => {
      const res = await m.query(`UPDATE share_link SET revoked_at = coalesce(revoked_at, now()), revoked_by = coalesce(revoked_by, $2) WHERE id = $1 RETURNING ${COLUMNS}`, [id, actor.subject]);
      // TypeORM answers an UPDATE with [rows, count].
      const row = (Array.isArray(res[0]) ? res[0][0] : res[0]) as ShareLinkRow;
      if (!existing.revoked_at) {
        await this.audit.record(m, actor, { action: 'share-link.revoke', entityType: 'share-link', entityId: id, before: { revokedAt: null }, after: { revokedAt: row.revoked_at } });
      }
      return row;
    });
  }

  /** Public, read-only: what a token opens. */
  async resolve(token: string, now: Date = new Date()): Promise<ResolvedShareLink> {
    if (!SHARE_TOKEN.test(token)) return { state: 'NOT_FOUND' };
    const link = ((await this.dataSource.query(`SELECT ${COLUMNS} FROM share_link WHERE token_hash = $1`, [shareTokenHash(token)])) as ShareLinkRow[])[0];
    if (!link) return { state: 'NOT_FOUND' };
    const state = shareLinkState(link, now);
    if (state !== 'ACTIVE') return { state, link };
    return { state, link, credential: await this.issuance.get(link.credential_id) };
  }

  urlOf(token: string): string {
    return shareUrl(this.baseUrl, token);
  }
}
