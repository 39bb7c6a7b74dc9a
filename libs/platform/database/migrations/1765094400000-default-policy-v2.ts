import { MigrationInterface, QueryRunner } from 'typeorm';

/** The default policy, version 2 (engine 3.0.0), as a literal: a migration must not change when code defaults do. */
export const DEFAULT_POLICY_V2 = {
  id: '00000000-0000-4000-8000-000000000002',
  key: 'default',
  params: { "escoMeasure":"CONTAINMENT","combineEscoAcrossOutcomes":true,"lexicalWeight":0.8,"crossDimensionFactor":0.4,"escoTags":"EVIDENCE","alignmentFloor":0.25,"alignmentFull":0.45,"alignSameLanguage":false,"minMatchScore":0.15,"maxMatchesPerOutcome":3,"outcomeCoveredThreshold":0.5,"unitCoverageThreshold":0.6,"dimensionCoverageThreshold":0.5,"coverageFloor":0.1,"durationShortfallMonths":12,"workloadShortfallRatio":0.25,"hoursPerEcts":27.5,"hoursPerMonth":140,"maxAdaptationMonths":36,"minExperienceYears":1,"experienceCompensationShare":0.75,"essentialUnits":[]},
};

/**
 * Default policy version 2: coverage comes from the outcome texts (graded alignment), hand-placed ESCO tags are
 * evidence and mapping proposals only, and a match across EQF dimensions never covers an outcome alone.
 * Version 1 stays, so stored reports keep naming the policy they were computed with.
 */
export class DefaultPolicyV21765094400000 implements MigrationInterface {
  name = 'DefaultPolicyV21765094400000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`INSERT INTO comparison_policy (id, key, version, params, note, created_by) VALUES ($1, $2, 2, $3, $4, 'system:migration') ON CONFLICT (key, version) DO NOTHING`, [
      DEFAULT_POLICY_V2.id,
      DEFAULT_POLICY_V2.key,
      JSON.stringify(DEFAULT_POLICY_V2.params),
      'Engine 3.0.0: coverage from the outcome texts; ESCO tags shown and proposed, not scored; cross-dimension factor 0.4.',
    ]);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM comparison_policy WHERE id = $1`, [DEFAULT_POLICY_V2.id]);
  }
}
