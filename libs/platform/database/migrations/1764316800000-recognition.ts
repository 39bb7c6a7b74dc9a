import { MigrationInterface, QueryRunner } from 'typeorm';

/** Recognition rules (versioned, draft → approved → retired) and the regulated-profession registry. */
export class Recognition1764316800000 implements MigrationInterface {
  name = 'Recognition1764316800000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE recognition_rule (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        key text NOT NULL,
        version int NOT NULL CHECK (version >= 1),
        status text NOT NULL CHECK (status IN ('DRAFT','APPROVED','RETIRED')),
        effect text NOT NULL,
        document jsonb NOT NULL,
        content_hash text NOT NULL,
        valid_from date,
        valid_until date,
        retired_on date,
        author text NOT NULL,
        approved_by text,
        approved_at timestamptz,
        retired_by text,
        retired_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (key, version),
        CHECK (approved_by IS NULL OR approved_by <> author),
        CHECK (status = 'DRAFT' OR approved_by IS NOT NULL),
        CHECK (status <> 'RETIRED' OR retired_on IS NOT NULL)
      )`);
    await q.query(`CREATE UNIQUE INDEX recognition_rule_one_open_draft ON recognition_rule (key) WHERE status = 'DRAFT'`);
    await q.query(`CREATE INDEX recognition_rule_status_idx ON recognition_rule (status)`);
    await q.query(`
      CREATE TABLE regulated_profession (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        profession_key text NOT NULL REFERENCES profession(key),
        jurisdiction_code text NOT NULL REFERENCES jurisdiction(code),
        regime text NOT NULL CHECK (regime IN ('SECTORAL_AUTOMATIC','GENERAL_SYSTEM','PROTECTED_TITLE','NOT_REGULATED')),
        document jsonb NOT NULL,
        content_hash text NOT NULL,
        created_by text NOT NULL,
        updated_by text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (profession_key, jurisdiction_code)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['regulated_profession', 'recognition_rule']) await q.query(`DROP TABLE IF EXISTS ${t} CASCADE`);
  }
}
