import { Field, Float, InputType, Int } from '@nestjs/graphql';
import { registerStringEnum } from '../../../platform/graphql/string-enum';
import { DEFAULT_POLICY, PolicyParamsSchema } from '../../domain/policy';

// GraphQL shows the engine defaults; zod applies the same ones.
const D = DEFAULT_POLICY.params;

export const EscoMeasure = registerStringEnum(
  PolicyParamsSchema.shape.escoMeasure.unwrap().options,
  'EscoMeasure',
  "How shared ESCO tags score a pair: share of the reference outcome's tags (CONTAINMENT), Jaccard, or overlap coefficient.",
);

export const EscoTagUse = registerStringEnum(
  PolicyParamsSchema.shape.escoTags.unwrap().options,
  'EscoTagUse',
  'What a hand-placed ESCO tag does: EVIDENCE (shown beside matches and proposed to experts; coverage comes from the texts) or SCORE (also raises coverage, as engine 2.x).',
);

@InputType('EssentialUnitsInput', { description: 'Reference units a policy marks essential for a profession (BQFG §4(2) no. 2, Directive 2005/36/EC Art. 14(4)).' })
export class EssentialUnitsInput {
  @Field({ description: 'Key of the reference qualification file.' }) reference: string;
  @Field(() => String, { nullable: true, description: 'When set, applies only if the reference file is linked to this profession.' }) profession?: string;
  @Field(() => [String], { description: 'Unit keys.' }) units: string[];
  @Field(() => String, { nullable: true }) note?: string;
}

/** Every field is optional: an absent one takes the engine default. Shares are between 0 and 1. */
@InputType('ComparisonPolicyParamsInput', { description: 'Thresholds and weights of a comparison policy; an absent field takes its default.' })
export class ComparisonPolicyParamsInput {
  @Field(() => EscoMeasure, { nullable: true, defaultValue: D.escoMeasure }) escoMeasure?: keyof typeof EscoMeasure;
  @Field(() => Boolean, { nullable: true, defaultValue: D.combineEscoAcrossOutcomes, description: "Let the holder's outcomes together cover a reference outcome's tags." }) combineEscoAcrossOutcomes?: boolean;
  @Field(() => Float, { nullable: true, defaultValue: D.lexicalWeight, description: 'Factor for lexical similarity (same language only).' }) lexicalWeight?: number;
  @Field(() => Float, { nullable: true, defaultValue: D.crossDimensionFactor, description: 'Factor for a match between outcomes of different EQF dimensions.' }) crossDimensionFactor?: number;
  @Field(() => EscoTagUse, { nullable: true, defaultValue: D.escoTags }) escoTags?: keyof typeof EscoTagUse;
  @Field(() => Float, { nullable: true, defaultValue: D.alignmentFloor, description: 'Aligner scores at or below this are no evidence; coverage grows linearly up to alignmentFull.' }) alignmentFloor?: number;
  @Field(() => Float, { nullable: true, defaultValue: D.alignmentFull, description: 'An aligner score at or above this covers the reference outcome fully.' }) alignmentFull?: number;
  @Field(() => Boolean, { nullable: true, defaultValue: D.alignSameLanguage, description: 'Let the aligner also score outcomes written in the same language.' }) alignSameLanguage?: boolean;
  @Field(() => Float, { nullable: true, defaultValue: D.minMatchScore }) minMatchScore?: number;
  @Field(() => Int, { nullable: true, defaultValue: D.maxMatchesPerOutcome }) maxMatchesPerOutcome?: number;
  @Field(() => Float, { nullable: true, defaultValue: D.outcomeCoveredThreshold, description: 'An outcome counts as covered at or above this coverage.' }) outcomeCoveredThreshold?: number;
  @Field(() => Float, { nullable: true, defaultValue: D.unitCoverageThreshold, description: 'An essential unit below this coverage is a substantial difference in content.' }) unitCoverageThreshold?: number;
  @Field(() => Float, { nullable: true, defaultValue: D.dimensionCoverageThreshold, description: 'An EQF dimension of the reference below this coverage is a difference.' }) dimensionCoverageThreshold?: number;
  @Field(() => Float, { nullable: true, defaultValue: D.coverageFloor, description: 'Overall coverage below this floor gives NONE.' }) coverageFloor?: number;
  @Field(() => Int, {
    nullable: true,
    description: 'Ignored, kept so stored policies still parse: Directive 2013/55/EU deleted the Art. 13 level condition, so an EQF gap never gives NONE by itself.',
  })
  maxLevelGap?: number;
  @Field(() => Int, { nullable: true, defaultValue: D.durationShortfallMonths, description: 'A holder training this many months shorter (or more) is a substantial difference in duration.' }) durationShortfallMonths?: number;
  @Field(() => Float, { nullable: true, defaultValue: D.workloadShortfallRatio, description: "A holder workload this share below the reference's is a substantial difference in workload." }) workloadShortfallRatio?: number;
  @Field(() => Float, { nullable: true, defaultValue: D.hoursPerEcts }) hoursPerEcts?: number;
  @Field(() => Float, { nullable: true, defaultValue: D.hoursPerMonth, description: 'Full-time hours per month, to turn missing hours into an adaptation period.' }) hoursPerMonth?: number;
  @Field(() => Int, { nullable: true, defaultValue: D.maxAdaptationMonths, description: 'Art. 14(1): at most 36.' }) maxAdaptationMonths?: number;
  @Field(() => Float, { nullable: true, defaultValue: D.minExperienceYears, description: 'Experience counts only from this many years.' }) minExperienceYears?: number;
  @Field(() => Float, { nullable: true, defaultValue: D.experienceCompensationShare, description: "Share of a difference's missing ESCO skills that experience must show to compensate it." }) experienceCompensationShare?: number;
  @Field(() => [EssentialUnitsInput], { nullable: true }) essentialUnits?: EssentialUnitsInput[];
}
