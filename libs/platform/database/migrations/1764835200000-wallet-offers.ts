import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * OpenID4VCI credential offers: one row per offer of an issued credential. Codes and tokens are kept only as
 * hashes; the transaction code is shown once to the school and never stored in clear.
 */
export class WalletOffers1764835200000 implements MigrationInterface {
  name = 'WalletOffers1764835200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE wallet_offer (
        id uuid PRIMARY KEY,
        credential_id text NOT NULL REFERENCES issued_credential(id),
        institution_id text NOT NULL REFERENCES institution(id),
        cohort_id uuid,
        configuration_ids text[] NOT NULL,
        pre_authorized_code_hash text NOT NULL UNIQUE,
        tx_code_hash text NOT NULL,
        expires_at timestamptz NOT NULL,
        failed_tx_attempts int NOT NULL DEFAULT 0,
        locked_at timestamptz,
        redeemed_at timestamptz,
        access_token_hash text UNIQUE,
        access_token_expires_at timestamptz,
        c_nonce text,
        delivered jsonb NOT NULL DEFAULT '[]',
        created_by text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query('CREATE INDEX wallet_offer_credential_idx ON wallet_offer (credential_id)');
    // Deferred issuance: a request the issuer cannot answer yet (a co-signature is missing), kept with the
    // holder keys it proved, until the wallet asks again with the transaction id.
    await q.query(`
      CREATE TABLE wallet_deferred (
        transaction_id_hash text PRIMARY KEY,
        offer_id uuid NOT NULL REFERENCES wallet_offer(id),
        configuration_id text NOT NULL,
        holders jsonb NOT NULL,
        delivered_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (offer_id, configuration_id)
      )`);
    // Nonces of the nonce endpoint (OpenID4VCI 1.0): kept as hashes until used once or expired.
    await q.query('CREATE TABLE wallet_nonce (nonce_hash text PRIMARY KEY, expires_at timestamptz NOT NULL)');
    await q.query('CREATE INDEX wallet_nonce_expiry_idx ON wallet_nonce (expires_at)');
    await q.query('CREATE INDEX wallet_offer_cohort_idx ON wallet_offer (cohort_id) WHERE cohort_id IS NOT NULL');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE wallet_nonce');
    await q.query('DROP TABLE wallet_deferred');
    await q.query('DROP TABLE wallet_offer');
  }
}
