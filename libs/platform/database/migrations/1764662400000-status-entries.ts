import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Status-list indexes are reserved one row each (the primary key makes a reservation atomic), so allocation
 * needs no lock on the list row while a credential is signed. The unique indexes on issued_credential are the
 * last guard against two credentials sharing an index.
 */
export class StatusEntries1764662400000 implements MigrationInterface {
  name = 'StatusEntries1764662400000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE status_list_entry (
        list_id uuid NOT NULL REFERENCES status_list(id),
        idx int NOT NULL CHECK (idx >= 0),
        reserved_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (list_id, idx)
      )`);
    await q.query(`
      INSERT INTO status_list_entry (list_id, idx)
      SELECT revocation_list_id, revocation_index FROM issued_credential
      UNION SELECT suspension_list_id, suspension_index FROM issued_credential
      ON CONFLICT DO NOTHING`);
    await q.query('CREATE UNIQUE INDEX issued_credential_revocation_uq ON issued_credential (revocation_list_id, revocation_index)');
    await q.query('CREATE UNIQUE INDEX issued_credential_suspension_uq ON issued_credential (suspension_list_id, suspension_index)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX issued_credential_suspension_uq');
    await q.query('DROP INDEX issued_credential_revocation_uq');
    await q.query('DROP TABLE status_list_entry');
  }
}
