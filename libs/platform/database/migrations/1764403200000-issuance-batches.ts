import { MigrationInterface, QueryRunner } from 'typeorm';

export class IssuanceBatches1764403200000 implements MigrationInterface {
  name = 'IssuanceBatches1764403200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE issuance_batch (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        institution_id text NOT NULL REFERENCES institution(id),
        actor jsonb NOT NULL,
        total int NOT NULL,
        job_id text,
        created_at timestamptz NOT NULL DEFAULT now(),
        finished_at timestamptz
      )`);
    await q.query(`
      CREATE TABLE issuance_batch_item (
        batch_id uuid NOT NULL REFERENCES issuance_batch(id) ON DELETE CASCADE,
        position int NOT NULL,
        kind text NOT NULL,
        request jsonb NOT NULL,
        credential_id text REFERENCES issued_credential(id),
        created boolean,
        error text,
        PRIMARY KEY (batch_id, position)
      )`);
    await q.query(`CREATE INDEX issuance_batch_item_pending ON issuance_batch_item (batch_id, position) WHERE credential_id IS NULL AND error IS NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE IF EXISTS issuance_batch_item');
    await q.query('DROP TABLE IF EXISTS issuance_batch');
  }
}
