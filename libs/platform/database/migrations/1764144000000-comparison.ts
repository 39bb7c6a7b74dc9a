import { MigrationInterface, QueryRunner } from 'typeorm';

/** The default policy, version 1, as a literal: a migration must not change when code defaults do. */
const DEFAULT_POLICY_V1 = {
  id: '00000000-0000-4000-8000-000000000001',
  key: 'default',
  params: { "escoMeasure":"CONTAINMENT","combineEscoAcrossOutcomes":true,"lexicalWeight":0.8,"crossDimensionFactor":0.5,"minMatchScore":0.15,"maxMatchesPerOutcome":3,"outcomeCoveredThreshold":0.5,"unitCoverageThreshold":0.6,"dimensionCoverageThreshold":0.5,"coverageFloor":0.1,"maxLevelGap":1,"durationShortfallMonths":12,"workloadShortfallRatio":0.25,"hoursPerEcts":27.5,"hoursPerMonth":140,"maxAdaptationMonths":36,"minExperienceYears":1,"experienceCompensationShare":0.75,"essentialUnits":[]},
};

/** Comparison engine: versioned policies (with the default seeded), outcome mappings, stored reports, expert decisions. */
export class Comparison1764144000000 implements MigrationInterface {
  name = 'Comparison1764144000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE comparison_policy (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        key text NOT NULL,
        version int NOT NULL CHECK (version >= 1),
        params jsonb NOT NULL,
        note text,
        created_by text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (key, version)
      )`);
    await q.query(`INSERT INTO comparison_policy (id, key, version, params, note, created_by) VALUES ($1, $2, 1, $3, $4, 'system:migration')`, [
      DEFAULT_POLICY_V1.id,
      DEFAULT_POLICY_V1.key,
      JSON.stringify(DEFAULT_POLICY_V1.params),
      'Default thresholds of engine 1.0.0, tuned on the seeded case qualifications.',
    ]);
    await q.query(`
      CREATE TABLE outcome_mapping (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        holder_qualification_id uuid NOT NULL REFERENCES qualification(id) ON DELETE CASCADE,
        holder_unit_key text NOT NULL,
        holder_outcome_key text NOT NULL,
        reference_qualification_id uuid NOT NULL REFERENCES qualification(id) ON DELETE CASCADE,
        reference_unit_key text NOT NULL,
        reference_outcome_key text NOT NULL,
        status text NOT NULL CHECK (status IN ('ASSERTED','REJECTED')),
        note text,
        created_by text NOT NULL,
        updated_by text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (holder_qualification_id, holder_unit_key, holder_outcome_key, reference_qualification_id, reference_unit_key, reference_outcome_key)
      )`);
    await q.query(`CREATE INDEX outcome_mapping_pair_idx ON outcome_mapping (holder_qualification_id, reference_qualification_id)`);
    await q.query(`
      CREATE TABLE comparison_report (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        input_hash text NOT NULL UNIQUE,
        holder_qualification_id uuid NOT NULL REFERENCES qualification(id) ON DELETE CASCADE,
        reference_qualification_id uuid NOT NULL REFERENCES qualification(id) ON DELETE CASCADE,
        policy_id uuid NOT NULL REFERENCES comparison_policy(id),
        policy_version int NOT NULL,
        engine_version text NOT NULL,
        lang text NOT NULL,
        verdict text NOT NULL CHECK (verdict IN ('FULL','PARTIAL','NONE')),
        report jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE expert_decision (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        series_id uuid NOT NULL,
        version int NOT NULL CHECK (version >= 1),
        report_id uuid NOT NULL REFERENCES comparison_report(id),
        holder_qualification_id uuid NOT NULL REFERENCES qualification(id),
        reference_qualification_id uuid NOT NULL REFERENCES qualification(id),
        destination_jurisdiction text NOT NULL,
        verdict text NOT NULL CHECK (verdict IN ('FULL','PARTIAL','NONE')),
        rationale text NOT NULL,
        compensation jsonb NOT NULL DEFAULT '[]',
        status text NOT NULL CHECK (status IN ('DRAFT','APPROVED','PUBLISHED','SUPERSEDED')),
        author text NOT NULL,
        approved_by text,
        approved_at timestamptz,
        published_at timestamptz,
        supersedes_id uuid REFERENCES expert_decision(id),
        superseded_by_id uuid REFERENCES expert_decision(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (series_id, version),
        CHECK (approved_by IS NULL OR approved_by <> author)
      )`);
    await q.query(`CREATE INDEX expert_decision_pair_idx ON expert_decision (holder_qualification_id, reference_qualification_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['expert_decision', 'comparison_report', 'outcome_mapping', 'comparison_policy']) await q.query(`DROP TABLE IF EXISTS ${t} CASCADE`);
  }
}
