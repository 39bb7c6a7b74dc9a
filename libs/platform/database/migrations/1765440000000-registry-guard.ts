import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A single issuance checks the registry (institution, keys, accreditations) as of the newest change counter its
 * process has seen, without reading the counter first. Its INSERT then passes each row's id through this guard:
 * when the registry changed since that counter, the statement fails with SQLSTATE RG001 and nothing is written,
 * and the service checks and signs again on a fresh view. The counter is read in the statement's own snapshot.
 */
export class RegistryGuard1765440000000 implements MigrationInterface {
  name = 'RegistryGuard1765440000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE FUNCTION credentials_registry_guard(row_id text, checked_at bigint) RETURNS text LANGUAGE plpgsql STABLE AS $$
      DECLARE current bigint;
      BEGIN
        SELECT registry INTO current FROM credentials_cache_version WHERE id = 1;
        IF current IS DISTINCT FROM checked_at THEN
          RAISE EXCEPTION 'the registry changed since the checks (counter % is now %)', checked_at, current USING ERRCODE = 'RG001';
        END IF;
        RETURN row_id;
      END $$`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION credentials_registry_guard(text, bigint)`);
  }
}
