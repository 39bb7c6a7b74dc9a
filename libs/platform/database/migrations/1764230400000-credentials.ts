import { MigrationInterface, QueryRunner } from 'typeorm';

export class Credentials1764230400000 implements MigrationInterface {
  name = 'Credentials1764230400000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE institution (
        id text PRIMARY KEY,
        name text NOT NULL,
        jurisdiction_code text NOT NULL REFERENCES jurisdiction(code),
        type text NOT NULL CHECK (type IN ('SCHOOL','CHAMBER','AUTHORITY')),
        did text NOT NULL UNIQUE,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE issuer_key (
        id text PRIMARY KEY,
        institution_id text NOT NULL REFERENCES institution(id),
        public_key_multibase text NOT NULL,
        secret_key_jwe text NOT NULL,
        valid_from timestamptz NOT NULL DEFAULT now(),
        retired_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE UNIQUE INDEX issuer_key_one_active ON issuer_key (institution_id) WHERE retired_at IS NULL`);
    await q.query(`
      CREATE TABLE accreditation (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        institution_id text NOT NULL REFERENCES institution(id),
        scope text NOT NULL CHECK (scope IN ('QUALIFICATION','LEARNING_UNIT_PROGRAMME')),
        qualification_jurisdiction text,
        qualification_code text,
        qualification_key text,
        programme text,
        source_url text NOT NULL,
        valid_from date NOT NULL,
        valid_until date,
        note text,
        created_by text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((scope = 'QUALIFICATION' AND (qualification_key IS NOT NULL OR qualification_code IS NOT NULL)) OR (scope = 'LEARNING_UNIT_PROGRAMME' AND programme IS NOT NULL))
      )`);
    await q.query(`CREATE INDEX accreditation_institution_idx ON accreditation (institution_id)`);
    await q.query(`
      CREATE TABLE status_list (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        institution_id text NOT NULL REFERENCES institution(id),
        purpose text NOT NULL CHECK (purpose IN ('revocation','suspension')),
        length int NOT NULL CHECK (length >= 131072),
        encoded_list text NOT NULL,
        credential jsonb,
        used int NOT NULL DEFAULT 0,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX status_list_institution_idx ON status_list (institution_id, purpose)`);
    await q.query(`
      CREATE TABLE issued_credential (
        id text PRIMARY KEY,
        institution_id text NOT NULL REFERENCES institution(id),
        type text NOT NULL,
        format text NOT NULL CHECK (format IN ('DATA_INTEGRITY','JWT')),
        document jsonb NOT NULL,
        jwt text,
        idempotency_key text NOT NULL,
        request_hash text NOT NULL,
        qualification_id uuid REFERENCES qualification(id),
        programme text,
        revocation_list_id uuid NOT NULL REFERENCES status_list(id),
        revocation_index int NOT NULL,
        suspension_list_id uuid NOT NULL REFERENCES status_list(id),
        suspension_index int NOT NULL,
        status text NOT NULL DEFAULT 'ACTIVE' CHECK (status IN ('ACTIVE','REVOKED','SUSPENDED')),
        co_issuers text[] NOT NULL DEFAULT '{}',
        cosigned_by text[] NOT NULL DEFAULT '{}',
        issued_at timestamptz NOT NULL,
        valid_until timestamptz,
        UNIQUE (institution_id, idempotency_key),
        UNIQUE (revocation_list_id, revocation_index),
        UNIQUE (suspension_list_id, suspension_index)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['issued_credential', 'status_list', 'accreditation', 'issuer_key', 'institution']) await q.query(`DROP TABLE IF EXISTS ${t} CASCADE`);
  }
}
