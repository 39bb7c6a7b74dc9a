import { MigrationInterface, QueryRunner } from 'typeorm';

/** A comparison policy is shared (NULL: admins only) or belongs to one jurisdiction (its experts). */
export class PolicyJurisdiction1764576000000 implements MigrationInterface {
  name = 'PolicyJurisdiction1764576000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE comparison_policy ADD COLUMN jurisdiction text REFERENCES jurisdiction(code)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE comparison_policy DROP COLUMN jurisdiction');
  }
}
