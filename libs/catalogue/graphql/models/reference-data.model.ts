import { Field, Int, ObjectType } from '@nestjs/graphql';
import { LocalizedTextModel, SourceModel } from './localized-text.model';

@ObjectType('Jurisdiction')
export class JurisdictionModel {
  @Field({ description: 'NL, DE, DE-NW, BE-VLG, …' })
  code: string;

  @Field(() => String, { nullable: true })
  parentCode: string | null;

  @Field()
  type: string;

  @Field(() => LocalizedTextModel)
  name: LocalizedTextModel;

  @Field(() => [SourceModel])
  sources: SourceModel[];

  @Field(() => String, { nullable: true })
  notes: string | null;
}

@ObjectType('FrameworkLevel')
export class FrameworkLevelModel {
  @Field()
  level: string;

  @Field(() => Int, { nullable: true, description: 'Null where the level has no EQF counterpart.' })
  eqfLevel: number | null;

  @Field(() => LocalizedTextModel, { nullable: true })
  description: LocalizedTextModel | null;

  @Field(() => String, { nullable: true })
  notes: string | null;
}

@ObjectType('Framework')
export class FrameworkModel {
  @Field()
  code: string;

  @Field(() => LocalizedTextModel)
  name: LocalizedTextModel;

  @Field(() => String, { nullable: true })
  jurisdictionCode: string | null;

  @Field(() => [String])
  dimensions: string[];

  @Field(() => [FrameworkLevelModel])
  levels: FrameworkLevelModel[];

  @Field(() => [SourceModel])
  sources: SourceModel[];

  @Field(() => String, { nullable: true })
  notes: string | null;
}

@ObjectType('Profession')
export class ProfessionModel {
  @Field()
  key: string;

  @Field(() => LocalizedTextModel)
  title: LocalizedTextModel;

  @Field(() => String, { nullable: true, description: 'ESCO occupation URI.' })
  escoOccupation: string | null;

  @Field({ description: 'True when the ESCO concept is only the nearest one.' })
  escoNearestOnly: boolean;

  @Field(() => String, { nullable: true })
  jurisdictionCode: string | null;

  @Field(() => [SourceModel])
  sources: SourceModel[];

  @Field(() => String, { nullable: true })
  notes: string | null;
}
