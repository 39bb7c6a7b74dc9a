import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Open issuance: an institution may sign W3C credentials of types other than the service's own (generic
 * VerifiableCredential, Open Badges 3.0, ELM) only when an admin allows it; off for every existing one.
 */
export class OpenIssuance1764748800000 implements MigrationInterface {
  name = 'OpenIssuance1764748800000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE institution ADD COLUMN allow_generic_credentials boolean NOT NULL DEFAULT false');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE institution DROP COLUMN allow_generic_credentials');
  }
}
