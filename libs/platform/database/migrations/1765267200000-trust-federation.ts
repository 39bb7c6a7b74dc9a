import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Trust federation: the instance's own federation signing key, trust lists imported by an admin's decision
 * (with the pinned key of the publishing instance) and their entries, DID documents pinned by an admin, and the
 * admin-kept allowlist of hosts that outbound fetches may reach.
 */
export class TrustFederation1765267200000 implements MigrationInterface {
  name = 'TrustFederation1765267200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE federation_key (
        kid text PRIMARY KEY,
        public_jwk jsonb NOT NULL,
        secret_jwe text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        retired_at timestamptz
      )`);
    await q.query(`CREATE UNIQUE INDEX federation_key_one_active ON federation_key ((true)) WHERE retired_at IS NULL`);
    await q.query(`
      CREATE TABLE trust_list (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        anchor text NOT NULL UNIQUE,
        anchor_jwk jsonb NOT NULL,
        anchor_thumbprint text NOT NULL,
        source_url text,
        list_jwt text NOT NULL,
        issued_at timestamptz NOT NULL,
        expires_at timestamptz NOT NULL,
        imported_by text NOT NULL,
        imported_at timestamptz NOT NULL DEFAULT now(),
        refreshed_at timestamptz
      )`);
    await q.query(`
      CREATE TABLE trust_list_entry (
        trust_list_id uuid NOT NULL REFERENCES trust_list(id) ON DELETE CASCADE,
        did text NOT NULL,
        name text NOT NULL,
        jurisdiction text NOT NULL,
        accreditations jsonb NOT NULL DEFAULT '[]',
        did_document jsonb,
        valid_from timestamptz NOT NULL,
        valid_until timestamptz NOT NULL,
        PRIMARY KEY (trust_list_id, did)
      )`);
    await q.query(`CREATE INDEX trust_list_entry_did ON trust_list_entry (did)`);
    await q.query(`
      CREATE TABLE pinned_did_document (
        did text PRIMARY KEY,
        document jsonb NOT NULL,
        pinned_by text NOT NULL,
        pinned_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE outbound_allowlist (
        host text PRIMARY KEY,
        note text,
        added_by text NOT NULL,
        added_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE outbound_allowlist');
    await q.query('DROP TABLE pinned_did_document');
    await q.query('DROP TABLE trust_list_entry');
    await q.query('DROP TABLE trust_list');
    await q.query('DROP TABLE federation_key');
  }
}
