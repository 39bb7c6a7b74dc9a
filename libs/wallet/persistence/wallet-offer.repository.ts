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

  async byCredential(credentialId: string): Promise<WalletOfferRow[]> {
    return this.dataSource.query('SELECT * FROM wallet_offer WHERE credential_id = $1 ORDER BY created_at', [credentialId]);
  }
}
