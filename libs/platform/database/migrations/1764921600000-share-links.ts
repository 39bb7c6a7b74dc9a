import { MigrationInterface, QueryRunner } from 'typeorm';

/** Share links: only a hash of the token is stored, so a database reader cannot open anyone's link. */
export class ShareLinks1764921600000 implements MigrationInterface {
  name = 'ShareLinks1764921600000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE share_link (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        token_hash text NOT NULL UNIQUE,
        credential_id text NOT NULL REFERENCES issued_credential(id),
        created_by text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        revoked_at timestamptz,
        revoked_by text
      )`);
    await q.query('CREATE INDEX share_link_credential_idx ON share_link (credential_id)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE share_link');
  }
}
