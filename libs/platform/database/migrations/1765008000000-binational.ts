import { MigrationInterface, QueryRunner } from 'typeorm';

/** Binational instruments: authorised descriptions approved by experts of both countries; recognised learning companies. */
export class Binational1765008000000 implements MigrationInterface {
  name = 'Binational1765008000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE binational_description (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        key text NOT NULL,
        version int NOT NULL CHECK (version >= 1),
        status text NOT NULL CHECK (status IN ('DRAFT','PUBLISHED','SUPERSEDED')),
        document jsonb NOT NULL,
        content_hash text NOT NULL,
        author text NOT NULL,
        published_at timestamptz,
        superseded_by uuid REFERENCES binational_description(id),
        superseded_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (key, version),
        CHECK (status = 'DRAFT' OR published_at IS NOT NULL),
        CHECK (status <> 'SUPERSEDED' OR superseded_by IS NOT NULL)
      )`);
    await q.query(`CREATE UNIQUE INDEX binational_description_one_open_draft ON binational_description (key) WHERE status = 'DRAFT'`);
    await q.query(`CREATE UNIQUE INDEX binational_description_one_published ON binational_description (key) WHERE status = 'PUBLISHED'`);
    await q.query(`
      CREATE TABLE binational_description_approval (
        description_id uuid NOT NULL REFERENCES binational_description(id) ON DELETE CASCADE,
        approver text NOT NULL,
        country text NOT NULL,
        approved_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (description_id, approver),
        UNIQUE (description_id, country)
      )`);
    await q.query(`
      CREATE TABLE learning_company (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        key text NOT NULL UNIQUE,
        name text NOT NULL,
        jurisdiction_code text NOT NULL REFERENCES jurisdiction(code),
        document jsonb NOT NULL,
        content_hash text NOT NULL,
        created_by text NOT NULL,
        updated_by text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX learning_company_jurisdiction_idx ON learning_company (jurisdiction_code)`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['learning_company', 'binational_description_approval', 'binational_description']) await q.query(`DROP TABLE IF EXISTS ${t} CASCADE`);
  }
}
