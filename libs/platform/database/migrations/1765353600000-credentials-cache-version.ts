import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * One row of change counters that every verification reads (one round trip) to know whether its in-memory copies
 * of the registry (institutions, keys, accreditations) and of the status lists are still current. Triggers bump
 * them in the writing transaction itself, so every change is seen, whichever process or code path makes it, as
 * soon as it commits. The `used` counter of a status list changes on every issuance and is not watched: only
 * its bits and its signed credential are.
 */
export class CredentialsCacheVersion1765353600000 implements MigrationInterface {
  name = 'CredentialsCacheVersion1765353600000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE credentials_cache_version (
      id smallint PRIMARY KEY DEFAULT 1 CHECK (id = 1),
      registry bigint NOT NULL DEFAULT 0,
      status_lists bigint NOT NULL DEFAULT 0
    )`);
    await q.query(`INSERT INTO credentials_cache_version (id) VALUES (1)`);
    await q.query(`CREATE FUNCTION bump_credentials_registry_version() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN UPDATE credentials_cache_version SET registry = registry + 1 WHERE id = 1; RETURN NULL; END $$`);
    await q.query(`CREATE FUNCTION bump_status_lists_version() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN UPDATE credentials_cache_version SET status_lists = status_lists + 1 WHERE id = 1; RETURN NULL; END $$`);
    for (const table of ['institution', 'issuer_key', 'accreditation']) {
      await q.query(`CREATE TRIGGER ${table}_cache_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON ${table} FOR EACH STATEMENT EXECUTE FUNCTION bump_credentials_registry_version()`);
    }
    await q.query(`CREATE TRIGGER status_list_cache_version AFTER INSERT OR DELETE OR TRUNCATE OR UPDATE OF encoded_list, credential ON status_list FOR EACH STATEMENT EXECUTE FUNCTION bump_status_lists_version()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER status_list_cache_version ON status_list`);
    for (const table of ['institution', 'issuer_key', 'accreditation']) await q.query(`DROP TRIGGER ${table}_cache_version ON ${table}`);
    await q.query(`DROP FUNCTION bump_status_lists_version()`);
    await q.query(`DROP FUNCTION bump_credentials_registry_version()`);
    await q.query(`DROP TABLE credentials_cache_version`);
  }
}
