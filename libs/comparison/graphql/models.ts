import { Field, Float, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { GraphQLJSONObject } from 'graphql-scalars';
import { PageInfo } from '../../platform/graphql/page-info.model';
import { ComparisonRegimeModel, CompensationMeasureModel, DocumentNeededModel, TrainingComparisonModel, VerdictSensitivityModel } from './dto/report-parts.model';

@InputType('ExperienceEvidenceInput', { description: 'Professional experience (BQFG §4(2) no. 3, Directive 2005/36/EC Art. 14(5)).' })
export class ExperienceEvidenceInput {
  @Field(() => String, { nullable: true })
  description?: string;

  @Field(() => [String], { description: 'ESCO skill URIs the experience shows.' })
  escoSkills: string[];

  @Field(() => Float)
  years: number;
}

@ObjectType('ComparisonDifference')
export class DifferenceModel {
  @Field() id: string;
  @Field({ description: 'LEVEL, UNIT, DIMENSION, DURATION or WORKLOAD.' }) kind: string;
  @Field() substantial: boolean;
  @Field() compensated: boolean;
  @Field(() => String, { nullable: true }) unitKey: string | null;
  @Field(() => String, { nullable: true }) dimension: string | null;
  @Field(() => Float, { nullable: true }) coverage: number | null;
  @Field(() => Float, { nullable: true }) threshold: number | null;
  @Field(() => Float, { nullable: true }) missingHours: number | null;
  @Field(() => [String], { description: 'Keys (unit/outcome) of the reference outcomes that are missing.' }) missingOutcomes: string[];
  @Field() message: string;
}

@ObjectType('AdaptationPeriod')
export class AdaptationPeriodModel {
  @Field(() => Int) months: number;
  @Field(() => Float) hours: number;
  @Field({ description: 'How the length was estimated.' }) estimate: string;
}

@ObjectType('CompensationMeasures')
export class CompensationModel {
  @Field(() => AdaptationPeriodModel, { nullable: true, description: 'The sum of the measures’ months, rounded up and capped at capMonths; null when no hours are known or none remain.' })
  adaptationPeriod: AdaptationPeriodModel | null;
  @Field(() => [String]) aptitudeTestTopics: string[];
  @Field() note: string;
  @Field(() => [CompensationMeasureModel], { description: 'One measure per substantial difference, limited to what it covers (Directive 2005/36/EC Art. 14(1), BQFG § 9).' })
  measures: CompensationMeasureModel[];
  @Field(() => Float, { nullable: true, description: 'Sum of the measures’ months before the cap; null when no hours are known.' }) uncappedMonths: number | null;
  @Field(() => Int, { nullable: true, description: 'The cap applied: the policy’s maxAdaptationMonths, never above the 3 years of Art. 14(1). Null in reports stored before engine 2.0.0.' }) capMonths: number | null;
  @Field(() => String, { nullable: true, description: 'Who chooses between adaptation period and aptitude test, where the law says so (Art. 14(2): the applicant, under the general system). Null in reports stored before engine 2.0.0.' })
  choice: string | null;
}

@ObjectType('UnitCoverage')
export class UnitCoverageModel {
  @Field() unitKey: string;
  @Field(() => String, { nullable: true }) title: string | null;
  @Field() essential: boolean;
  @Field(() => Float, { nullable: true }) coverage: number | null;
}

@ObjectType('DimensionCoverage')
export class DimensionCoverageModel {
  @Field() dimension: string;
  @Field(() => Float, { nullable: true }) coverage: number | null;
  @Field(() => Int) outcomes: number;
}

@ObjectType('ExplanationEntry')
export class ExplanationModel {
  @Field() rule: string;
  @Field(() => String, { nullable: true }) legalBasis: string | null;
  @Field() detail: string;
}

@ObjectType('Comparison', { description: 'A stored comparison report; `report` is the full engine output.' })
export class ComparisonModel {
  @Field(() => ID, { nullable: true, description: 'The stored report’s id; null when the comparison was computed for a public caller and not stored.' }) id: string | null;
  @Field(() => ID) holderId: string;
  @Field(() => ID) referenceId: string;
  @Field({ description: 'FULL, PARTIAL or NONE.' }) verdict: string;
  @Field(() => Float, { nullable: true }) coverage: number | null;
  @Field(() => Float, { nullable: true }) essentialCoverage: number | null;
  @Field(() => Int, { description: 'Reference EQF level minus holder EQF level.' }) eqfGap: number;
  @Field(() => [UnitCoverageModel]) units: UnitCoverageModel[];
  @Field(() => [DimensionCoverageModel]) dimensions: DimensionCoverageModel[];
  @Field(() => [DifferenceModel]) differences: DifferenceModel[];
  @Field(() => [String]) reasons: string[];
  @Field(() => CompensationModel, { nullable: true, description: 'Only for a PARTIAL verdict outside automatic recognition (there the comparison is informational); null otherwise.' })
  compensation: CompensationModel | null;
  @Field(() => [ExplanationModel]) explanation: ExplanationModel[];
  @Field(() => ComparisonRegimeModel, { nullable: true, description: 'The legal regime applied; under automatic recognition (Directive 2005/36/EC Art. 21) the content comparison is informational. Null in reports stored before engine 2.0.0.' })
  regime: ComparisonRegimeModel | null;
  @Field(() => TrainingComparisonModel, { nullable: true, description: 'The holder’s training against minimums set in law (Art. 31(3), PflAPrV § 1). Null in reports stored before engine 2.0.0.' }) training: TrainingComparisonModel | null;
  @Field(() => [DocumentNeededModel], { description: 'What must be supplied before the comparison is complete (e.g. unknown hours).' }) documentsNeeded: DocumentNeededModel[];
  @Field(() => VerdictSensitivityModel, { nullable: true, description: 'Whether the verdict holds when any decision threshold moves by ±10%. Null in reports stored before engine 2.0.0.' }) sensitivity: VerdictSensitivityModel | null;
  @Field(() => ID) policyId: string;
  @Field() policyKey: string;
  @Field(() => Int) policyVersion: number;
  @Field() engineVersion: string;
  @Field() lang: string;
  @Field(() => GraphQLJSONObject) report: unknown;
  @Field(() => Date) createdAt: Date;
}

@ObjectType('ComparisonPolicy')
export class PolicyModel {
  @Field(() => ID) id: string;
  @Field() key: string;
  @Field(() => Int) version: number;
  @Field(() => GraphQLJSONObject) params: unknown;
  @Field(() => String, { nullable: true }) note: string | null;
  @Field(() => String, { nullable: true, description: 'Null for a shared policy (maintained by admins).' }) jurisdiction: string | null;
  @Field() createdBy: string;
  @Field(() => Date) createdAt: Date;
}

@InputType('OutcomeKeyInput')
export class OutcomeKeyInput {
  @Field() unitKey: string;
  @Field() outcomeKey: string;
}

@InputType('OutcomeMappingInput')
export class OutcomeMappingInput {
  @Field(() => ID) holderQualificationId: string;
  @Field(() => OutcomeKeyInput) holderOutcome: OutcomeKeyInput;
  @Field(() => ID) referenceQualificationId: string;
  @Field(() => OutcomeKeyInput) referenceOutcome: OutcomeKeyInput;
  @Field({ description: 'ASSERTED or REJECTED.' }) status: string;
  @Field(() => String, { nullable: true }) note?: string | null;
}

@ObjectType('OutcomeMapping')
export class OutcomeMappingModel {
  @Field(() => ID) id: string;
  @Field(() => ID) holderQualificationId: string;
  @Field() holderUnitKey: string;
  @Field() holderOutcomeKey: string;
  @Field(() => ID) referenceQualificationId: string;
  @Field() referenceUnitKey: string;
  @Field() referenceOutcomeKey: string;
  @Field() status: string;
  @Field(() => String, { nullable: true }) note: string | null;
  @Field() createdBy: string;
  @Field() updatedBy: string;
  @Field(() => Date) updatedAt: Date;
}

@ObjectType('NearestEquivalent')
export class NearestEquivalentModel {
  @Field(() => ID) qualificationId: string;
  @Field() key: string;
  @Field() jurisdiction: string;
  @Field(() => String, { nullable: true }) title: string | null;
  @Field(() => Int) eqfLevel: number;
  @Field(() => Float) score: number;
  @Field(() => Int) sharedSkills: number;
  @Field() reason: string;
}

@InputType('DecisionInput')
export class DecisionInputModel {
  @Field({ description: 'FULL, PARTIAL or NONE.' }) verdict: string;
  @Field() rationale: string;
  @Field(() => [String], { nullable: true, description: 'Compensation measures.' }) compensation?: string[] | null;
}

@InputType('DecisionFilterInput')
export class DecisionFilterInput {
  @Field(() => ID, { nullable: true }) holderId?: string | null;
  @Field(() => ID, { nullable: true }) referenceId?: string | null;
  @Field(() => ID, { nullable: true }) seriesId?: string | null;
  @Field(() => String, { nullable: true, description: 'DRAFT, APPROVED, PUBLISHED or SUPERSEDED.' }) status?: string | null;
  @Field(() => Boolean, { nullable: true, description: 'Include superseded versions (default false unless status is given).' }) includeSuperseded?: boolean | null;
}

@ObjectType('ExpertDecision')
export class DecisionModel {
  @Field(() => ID) id: string;
  @Field(() => ID) seriesId: string;
  @Field(() => Int) version: number;
  @Field(() => ID) reportId: string;
  @Field(() => ID) holderQualificationId: string;
  @Field(() => ID) referenceQualificationId: string;
  @Field() destinationJurisdiction: string;
  @Field() verdict: string;
  @Field() rationale: string;
  @Field(() => [String]) compensation: string[];
  @Field({ description: 'DRAFT, APPROVED, PUBLISHED or SUPERSEDED.' }) status: string;
  @Field() author: string;
  @Field(() => String, { nullable: true }) approvedBy: string | null;
  @Field(() => Date, { nullable: true }) approvedAt: Date | null;
  @Field(() => Date, { nullable: true }) publishedAt: Date | null;
  @Field(() => ID, { nullable: true }) supersedesId: string | null;
  @Field(() => ID, { nullable: true }) supersededById: string | null;
  @Field(() => Date) createdAt: Date;
}

@ObjectType('ExpertDecisionEdge')
export class DecisionEdge {
  @Field() cursor: string;
  @Field(() => DecisionModel) node: DecisionModel;
}

@ObjectType('ExpertDecisionConnection')
export class DecisionConnection {
  @Field(() => [DecisionEdge]) edges: DecisionEdge[];
  @Field(() => PageInfo) pageInfo: PageInfo;
  @Field(() => Int) totalCount: number;
}
