import { MigrationInterface, QueryRunner } from 'typeorm';

export class Catalogue1764057600000 implements MigrationInterface {
  name = 'Catalogue1764057600000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    await q.query(`
      CREATE TABLE jurisdiction (
        code text PRIMARY KEY,
        parent_code text REFERENCES jurisdiction(code),
        type text NOT NULL,
        name jsonb NOT NULL,
        sources jsonb NOT NULL DEFAULT '[]',
        notes text,
        content_hash text NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE framework (
        code text PRIMARY KEY,
        name jsonb NOT NULL,
        jurisdiction_code text REFERENCES jurisdiction(code),
        dimensions jsonb NOT NULL DEFAULT '[]',
        sources jsonb NOT NULL DEFAULT '[]',
        notes text,
        content_hash text NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE framework_level (
        framework_code text NOT NULL REFERENCES framework(code) ON DELETE CASCADE,
        level text NOT NULL,
        eqf_level smallint CHECK (eqf_level BETWEEN 1 AND 8),
        description jsonb,
        notes text,
        position int NOT NULL,
        PRIMARY KEY (framework_code, level)
      )`);
    await q.query(`
      CREATE TABLE profession (
        key text PRIMARY KEY,
        title jsonb NOT NULL,
        esco_occupation text,
        esco_nearest_only boolean NOT NULL DEFAULT false,
        jurisdiction_code text REFERENCES jurisdiction(code),
        sources jsonb NOT NULL DEFAULT '[]',
        notes text,
        content_hash text NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE qualification (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        key text NOT NULL UNIQUE,
        code text,
        code_scheme text,
        jurisdiction_code text NOT NULL REFERENCES jurisdiction(code),
        kind text NOT NULL,
        title jsonb NOT NULL,
        framework_code text NOT NULL,
        national_level text NOT NULL,
        eqf_level smallint NOT NULL CHECK (eqf_level BETWEEN 1 AND 8),
        art11_level text CHECK (art11_level IN ('a','b','c','d','e')),
        duration_months int,
        workload jsonb NOT NULL DEFAULT '{}',
        legal_basis text,
        bodies jsonb NOT NULL DEFAULT '[]',
        valid_from date,
        valid_until date,
        sources jsonb NOT NULL DEFAULT '[]',
        notes text,
        retired_at timestamptz,
        retired_reason text,
        version int NOT NULL DEFAULT 1,
        content_hash text NOT NULL,
        search_text text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        FOREIGN KEY (framework_code, national_level) REFERENCES framework_level(framework_code, level)
      )`);
    await q.query(`CREATE UNIQUE INDEX qualification_code_uq ON qualification (jurisdiction_code, code) WHERE code IS NOT NULL`);
    await q.query(`CREATE INDEX qualification_eqf_idx ON qualification (eqf_level)`);
    await q.query(`CREATE INDEX qualification_jurisdiction_idx ON qualification (jurisdiction_code)`);
    await q.query(`CREATE INDEX qualification_search_trgm ON qualification USING gin (search_text gin_trgm_ops)`);
    await q.query(`
      CREATE TABLE qualification_unit (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        qualification_id uuid NOT NULL REFERENCES qualification(id) ON DELETE CASCADE,
        key text NOT NULL,
        kind text NOT NULL,
        code text,
        title jsonb NOT NULL,
        hours numeric,
        assessment_weight_percent numeric,
        notes text,
        position int NOT NULL,
        UNIQUE (qualification_id, key)
      )`);
    await q.query(`
      CREATE TABLE learning_outcome (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        unit_id uuid NOT NULL REFERENCES qualification_unit(id) ON DELETE CASCADE,
        qualification_id uuid NOT NULL REFERENCES qualification(id) ON DELETE CASCADE,
        key text NOT NULL,
        text text NOT NULL,
        lang text NOT NULL,
        dimension text NOT NULL CHECK (dimension IN ('KNOWLEDGE','SKILLS','RESPONSIBILITY_AUTONOMY')),
        esco_skills text[] NOT NULL DEFAULT '{}',
        notes text,
        position int NOT NULL,
        UNIQUE (unit_id, key)
      )`);
    await q.query(`CREATE INDEX learning_outcome_qualification_idx ON learning_outcome (qualification_id)`);
    await q.query(`
      CREATE TABLE qualification_profession (
        qualification_id uuid NOT NULL REFERENCES qualification(id) ON DELETE CASCADE,
        profession_key text NOT NULL REFERENCES profession(key),
        PRIMARY KEY (qualification_id, profession_key)
      )`);
    await q.query(`CREATE INDEX qualification_profession_key_idx ON qualification_profession (profession_key)`);
    await q.query(`
      CREATE TABLE esco_skill (
        uri text PRIMARY KEY,
        skill_type text,
        reuse_level text,
        label jsonb NOT NULL DEFAULT '{}',
        alt_labels jsonb NOT NULL DEFAULT '{}',
        description text,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE esco_occupation (
        uri text PRIMARY KEY,
        isco_group text,
        label jsonb NOT NULL DEFAULT '{}',
        alt_labels jsonb NOT NULL DEFAULT '{}',
        regulated_note text,
        description text,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE audit_log (
        id bigserial PRIMARY KEY,
        at timestamptz NOT NULL DEFAULT now(),
        actor text NOT NULL,
        actor_role text NOT NULL,
        action text NOT NULL,
        entity_type text NOT NULL,
        entity_id text NOT NULL,
        before jsonb,
        after jsonb
      )`);
    await q.query(`CREATE INDEX audit_log_entity_idx ON audit_log (entity_type, entity_id, id)`);
    // The audit log is append-only: refuse edits even from the application's own role.
    await q.query(`
      CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'audit_log is append-only'; END $$`);
    await q.query(`
      CREATE TRIGGER audit_log_no_change BEFORE UPDATE OR DELETE ON audit_log
      FOR EACH ROW EXECUTE FUNCTION audit_log_append_only()`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of [
      'audit_log', 'esco_occupation', 'esco_skill', 'qualification_profession', 'learning_outcome',
      'qualification_unit', 'qualification', 'profession', 'framework_level', 'framework', 'jurisdiction',
    ]) {
      await q.query(`DROP TABLE IF EXISTS ${t} CASCADE`);
    }
    await q.query(`DROP FUNCTION IF EXISTS audit_log_append_only`);
  }
}
