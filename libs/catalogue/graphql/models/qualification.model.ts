import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { PageInfo } from '../../../platform/graphql/page-info.model';
import { LocalizedTextModel, SourceModel } from './localized-text.model';

@ObjectType('LearningOutcome')
export class LearningOutcomeModel {
  @Field(() => ID)
  id: string;

  @Field()
  key: string;

  @Field({ description: 'The outcome in its own language.' })
  text: string;

  @Field()
  lang: string;

  @Field({ description: 'EQF dimension: KNOWLEDGE, SKILLS or RESPONSIBILITY_AUTONOMY.' })
  dimension: string;

  @Field(() => [String], { description: 'ESCO skill URIs.' })
  escoSkills: string[];

  @Field(() => String, { nullable: true })
  notes: string | null;
}

@ObjectType('QualificationUnit')
export class QualificationUnitModel {
  @Field(() => ID)
  id: string;

  @Field()
  key: string;

  @Field()
  kind: string;

  @Field(() => String, { nullable: true })
  code: string | null;

  @Field(() => LocalizedTextModel)
  title: LocalizedTextModel;

  @Field(() => Float, { nullable: true })
  hours: number | null;

  @Field(() => Float, { nullable: true })
  assessmentWeightPercent: number | null;

  @Field(() => String, { nullable: true })
  notes: string | null;

  @Field(() => [LearningOutcomeModel], { complexity: ({ childComplexity }) => 1 + 5 * childComplexity })
  outcomes: LearningOutcomeModel[];
}

@ObjectType('Workload')
export class WorkloadModel {
  @Field(() => Float, { nullable: true })
  hoursTheory?: number;

  @Field(() => Float, { nullable: true })
  hoursPractice?: number;

  @Field(() => Float, { nullable: true })
  hoursTotal?: number;

  @Field(() => Float, { nullable: true })
  ects?: number;

  @Field(() => Float, { nullable: true })
  ecvet?: number;

  @Field(() => Float, { nullable: true })
  sbu?: number;

  @Field(() => [String])
  routes: string[];
}

@ObjectType('Body')
export class BodyModel {
  @Field()
  name: string;

  @Field({ description: 'AWARDING, COMPETENT or STANDARD_SETTING.' })
  role: string;

  @Field(() => String, { nullable: true })
  jurisdiction?: string;

  @Field(() => String, { nullable: true })
  url?: string;
}

@ObjectType('Qualification')
export class QualificationModel {
  @Field(() => ID)
  id: string;

  @Field({ description: 'Stable key of the qualification file.' })
  key: string;

  @Field(() => String, { nullable: true, description: 'National code, e.g. the opleidingscode (formerly crebo).' })
  code: string | null;

  @Field(() => String, { nullable: true })
  codeScheme: string | null;

  @Field()
  jurisdictionCode: string;

  @Field({ description: 'VOCATIONAL, HIGHER_EDUCATION or SCHOOL.' })
  kind: string;

  @Field(() => LocalizedTextModel)
  titles: LocalizedTextModel;

  @Field()
  frameworkCode: string;

  @Field()
  nationalLevel: string;

  @Field(() => Int)
  eqfLevel: number;

  @Field(() => String, { nullable: true, description: 'Directive 2005/36/EC Art. 11 level (a–e), where known.' })
  art11Level: string | null;

  @Field(() => Int, { nullable: true })
  durationMonths: number | null;

  @Field(() => WorkloadModel)
  workload: WorkloadModel;

  @Field(() => String, { nullable: true })
  legalBasis: string | null;

  @Field(() => [BodyModel])
  bodies: BodyModel[];

  @Field(() => String, { nullable: true })
  validFrom: string | null;

  @Field(() => String, { nullable: true })
  validUntil: string | null;

  @Field(() => [SourceModel])
  sources: SourceModel[];

  @Field(() => String, { nullable: true })
  notes: string | null;

  @Field(() => Date, { nullable: true })
  retiredAt: Date | null;

  @Field(() => String, { nullable: true })
  retiredReason: string | null;

  @Field(() => Int)
  version: number;

  @Field(() => Date)
  updatedAt: Date;
}

@ObjectType('QualificationEdge')
export class QualificationEdge {
  @Field()
  cursor: string;

  @Field(() => QualificationModel)
  node: QualificationModel;
}

@ObjectType('QualificationConnection')
export class QualificationConnection {
  @Field(() => [QualificationEdge])
  edges: QualificationEdge[];

  @Field(() => PageInfo)
  pageInfo: PageInfo;

  @Field(() => Int)
  totalCount: number;
}

@ObjectType('UpsertQualificationResult')
export class UpsertQualificationResult {
  @Field(() => QualificationModel)
  qualification: QualificationModel;

  @Field()
  created: boolean;

  @Field({ description: 'False when the stored file was already identical.' })
  changed: boolean;
}
