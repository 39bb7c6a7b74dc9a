import { MigrationInterface, QueryRunner } from 'typeorm';

/** A batch is worked by one process at a time, under a lease it renews; an expired lease means its worker died. */
export class BatchLeases1764489600000 implements MigrationInterface {
  name = 'BatchLeases1764489600000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE issuance_batch ADD COLUMN lease_owner text, ADD COLUMN lease_until timestamptz`);
    await q.query(`CREATE INDEX issuance_batch_unfinished ON issuance_batch (lease_until) WHERE finished_at IS NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX IF EXISTS issuance_batch_unfinished');
    await q.query('ALTER TABLE issuance_batch DROP COLUMN lease_owner, DROP COLUMN lease_until');
  }
}
