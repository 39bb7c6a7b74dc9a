import { Field, InputType, Int } from '@nestjs/graphql';
import { GraphQLLocalDate } from 'graphql-scalars';
import { LocalizedTextInput } from '../../../catalogue/graphql/dto/localized-text.input';
import { QualificationKind } from '../../../catalogue/graphql/dto/qualification-kind.enum';
import { SourceInput } from '../../../catalogue/graphql/dto/source.input';
import { RecognitionPurpose } from '../models';
import { RecognitionRuleEffect } from './rule-effect.enum';

@InputType('RecognitionInstrumentInput', { description: 'The legal instrument a rule rests on.' })
export class RecognitionInstrumentInput {
  @Field() name: string;
  @Field(() => GraphQLLocalDate, { nullable: true, description: 'When it was signed or adopted, where known.' }) signed?: string;
  @Field(() => String, { nullable: true, description: 'Official reference, e.g. a treaty series number.' }) reference?: string;
}

@InputType('RecognitionRuleScopeInput', { description: 'Which qualifications a rule covers; an absent list does not restrict.' })
export class RecognitionRuleScopeInput {
  @Field(() => [Int], { nullable: true }) eqfLevels?: number[];
  @Field(() => [QualificationKind], { nullable: true }) kinds?: Array<keyof typeof QualificationKind>;
  @Field(() => [String], { nullable: true, description: 'Catalogue keys; when present, only these are covered (an empty list covers none).' }) qualificationKeys?: string[];
  @Field(() => [String], { nullable: true, description: 'Destination profession keys the rule gives access to.' }) professions?: string[];
}

@InputType('RecognitionRuleInput', { description: 'A recognition rule; see schemas/recognition-rule.schema.json.' })
export class RecognitionRuleInput {
  @Field({ description: 'Stable key; a new version keeps it.' }) key: string;
  @Field(() => LocalizedTextInput) title: LocalizedTextInput;
  @Field(() => RecognitionInstrumentInput) instrument: RecognitionInstrumentInput;
  @Field(() => [String], { description: 'Jurisdiction codes bound by the instrument; a country covers its Länder and communities.' }) parties: string[];
  @Field(() => [String], { nullable: true, description: 'Where the qualification must come from; empty or absent means any party.' }) origins?: string[];
  @Field(() => [String], { nullable: true, description: 'Where recognition is given; empty or absent means any party.' }) destinations?: string[];
  @Field(() => RecognitionRuleScopeInput, { nullable: true }) scope?: RecognitionRuleScopeInput;
  @Field(() => RecognitionRuleEffect) effect: keyof typeof RecognitionRuleEffect;
  @Field(() => [RecognitionPurpose], { nullable: true, description: 'Default WORK and STUDY.' }) purposes?: RecognitionPurpose[];
  @Field(() => GraphQLLocalDate, { nullable: true, description: 'First day the rule applies; absent when not known.' }) validFrom?: string;
  @Field(() => GraphQLLocalDate, { nullable: true, description: 'Last day the rule applies.' }) validUntil?: string;
  @Field(() => String, { nullable: true }) legalBasis?: string;
  @Field(() => [SourceInput], { description: 'At least one.' }) sources: SourceInput[];
  @Field(() => String, { nullable: true }) notes?: string;
}
