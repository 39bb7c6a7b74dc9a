import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';

export interface WalletOfferRow {
  id: string;
  credential_id: string;
  institution_id: string;
  cohort_id: string | null;
  configuration_ids: string[];
  pre_authorized_code_hash: string;
  tx_code_hash: string;
  expires_at: Date;
  failed_tx_attempts: number;
  locked_at: Date | null;
  redeemed_at: Date | null;
  access_token_hash: string | null;
  access_token_expires_at: Date | null;
  c_nonce: string | null;
  delivered: string[];
  created_by: string;
  created_at: Date;
}

export interface DeferredRow {
  transaction_id_hash: string;
  offer_id: string;
  configuration_id: string;
  holders: Array<{ jwk: Record<string, unknown>; did: string }>;
  delivered_at: Date | null;
}

export type NewOffer = Pick<WalletOfferRow, 'id' | 'credential_id' | 'institution_id' | 'cohort_id' | 'configuration_ids' | 'pre_authorized_code_hash' | 'tx_code_hash' | 'expires_at' | 'created_by'>;

@Injectable()
export class WalletOfferRepository {
  constructor(private readonly dataSource: DataSource) {}

  async insert(m: EntityManager, rows: NewOffer[]): Promise<void> {
    if (!rows.length) return;
    const cols = ['id', 'credential_id', 'institution_id', 'cohort_id', 'configuration_ids', 'pre_authorized_code_hash', 'tx_code_hash', 'expires_at', 'created_by'] as const;
    const params: unknown[] = [];
    const values = rows.map((r) => `(${cols.map((c) => `$${params.push(r[c])}`).join(', ')})`);
    await m.query(`INSERT INTO wallet_offer (${cols.join(', ')}) VALUES ${values.join(', ')}`, params);
  }

  /** The offer of a pre-authorized code, locked for the token exchange. */
  async byPreAuthorizedCode(m: EntityManager, hash: string): Promise<WalletOfferRow | null> {
    const rows: WalletOfferRow[] = await m.query('SELECT * FROM wallet_offer WHERE pre_authorized_code_hash = $1 FOR UPDATE', [hash]);
    return rows[0] ?? null;
  }

  async byAccessToken(m: EntityManager, hash: string): Promise<WalletOfferRow | null> {
    const rows: WalletOfferRow[] = await m.query('SELECT * FROM wallet_offer WHERE access_token_hash = $1 FOR UPDATE', [hash]);
    return rows[0] ?? null;
  }

  async update(m: EntityManager, id: string, set: Partial<Omit<WalletOfferRow, 'id'>>): Promise<void> {
    const keys = Object.keys(set) as Array<keyof typeof set>;
    const params: unknown[] = [id];
    const assignments = keys.map((k) => `${k} = $${params.push(k === 'delivered' ? JSON.stringify(set[k]) : set[k])}`);
    await m.query(`UPDATE wallet_offer SET ${assignments.join(', ')} WHERE id = $1`, params);
  }

  async insertDeferred(m: EntityManager, row: { transactionIdHash: string; offerId: string; configurationId: string; holders: unknown[] }): Promise<void> {
    await m.query('INSERT INTO wallet_deferred (transaction_id_hash, offer_id, configuration_id, holders) VALUES ($1, $2, $3, $4)', [row.transactionIdHash, row.offerId, row.configurationId, JSON.stringify(row.holders)]);
  }

  async deferred(m: EntityManager, transactionIdHash: string, offerId: string): Promise<DeferredRow | null> {
    const rows: DeferredRow[] = await m.query('SELECT * FROM wallet_deferred WHERE transaction_id_hash = $1 AND offer_id = $2 FOR UPDATE', [transactionIdHash, offerId]);
    return rows[0] ?? null;
  }

  async deferredDelivered(m: EntityManager, transactionIdHash: string): Promise<void> {
    await m.query('UPDATE wallet_deferred SET delivered_at = now() WHERE transaction_id_hash = $1', [transactionIdHash]);
  }

  /** Stores a fresh nonce and drops expired ones (the table stays as small as the traffic of a few minutes). */
  async insertNonce(hash: string, ttlSeconds: number): Promise<void> {
    await this.dataSource.query('DELETE FROM wallet_nonce WHERE expires_at < now()');
    await this.dataSource.query(`INSERT INTO wallet_nonce (nonce_hash, expires_at) VALUES ($1, now() + make_interval(secs => $2))`, [hash, ttlSeconds]);
  }

  /** Uses a nonce once: its expiry when it was issued and not yet used, else null. */
  async takeNonce(m: EntityManager, hash: string): Promise<Date | null> {
    // TypeORM answers a DELETE … RETURNING on PostgreSQL with [rows, affected].
    const [rows] = (await m.query('DELETE FROM wallet_nonce WHERE nonce_hash = $1 RETURNING expires_at', [hash])) as [Array<{ expires_at: Date }>, number];
    const expiresAt = rows[0]?.expires_at;
    return expiresAt && new Date(expiresAt).getTime() > Date.now() ? new Date(expiresAt) : null;
  }

  async byCredential(credentialId: string): Promise<WalletOfferRow[]> {
    return this.dataSource.query('SELECT * FROM wallet_offer WHERE credential_id = $1 ORDER BY created_at', [credentialId]);
  }
}
