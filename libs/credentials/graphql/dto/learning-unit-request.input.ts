import { Field, Float, InputType, Int } from '@nestjs/graphql';
import { GraphQLLocalDate } from 'graphql-scalars';
import { EqfDimension } from '../../../catalogue/graphql/dto/eqf-dimension.enum';
import { Language } from '../../../platform/graphql/language.enum';
import { CredentialRequestCommonInput } from './credential-request-common.input';
import { CredentialTextInput } from './credential-text.input';

@InputType('LearningUnitVolumeInput', { description: 'The workload: hours, ECTS or ECVET points (at least one).' })
export class LearningUnitVolumeInput {
  @Field(() => Float, { nullable: true }) hours?: number;
  @Field(() => Float, { nullable: true }) ects?: number;
  @Field(() => Float, { nullable: true }) ecvet?: number;
}

@InputType('LearningUnitOutcomeInput')
export class LearningUnitOutcomeInput {
  @Field() text: string;
  @Field(() => Language, { description: 'Language of the text.' }) lang: Language;
  @Field(() => EqfDimension) dimension: keyof typeof EqfDimension;
  @Field(() => [String], { nullable: true, description: 'ESCO skill URIs; default none.' }) escoSkills?: string[];
}

@InputType('LearningActivityInput', { description: 'Where and when the unit was followed.' })
export class LearningActivityInput {
  @Field() location: string;
  @Field({ description: 'ISO 3166 country code, e.g. DE.' }) hostCountry: string;
  @Field(() => String, { nullable: true, description: 'Institution id of the partner school.' }) partnerInstitution?: string;
  @Field(() => String, { nullable: true, description: 'Key of the recognised learning company hosting the activity (learningCompanies).' }) hostCompany?: string;
  @Field(() => GraphQLLocalDate) startDate: string;
  @Field(() => GraphQLLocalDate, { description: 'Not before startDate.' }) endDate: string;
}

@InputType('LearningAssessmentInput')
export class LearningAssessmentInput {
  @Field() method: string;
  @Field(() => GraphQLLocalDate) date: string;
  @Field() result: string;
}

@InputType('IssueLearningUnitCredentialInput', { description: 'A binational learning unit (ELM-style); see schemas/learning-unit-request.schema.json.' })
export class IssueLearningUnitCredentialInput extends CredentialRequestCommonInput {
  @Field({ description: 'The accredited learning-unit programme.' }) programme: string;
  @Field(() => CredentialTextInput) title: CredentialTextInput;
  @Field(() => Int) eqfLevel: number;
  @Field(() => LearningUnitVolumeInput) volume: LearningUnitVolumeInput;
  @Field(() => [LearningUnitOutcomeInput]) outcomes: LearningUnitOutcomeInput[];
  @Field(() => LearningActivityInput) activity: LearningActivityInput;
  @Field(() => LearningAssessmentInput) assessment: LearningAssessmentInput;
  @Field(() => [String], { nullable: true, description: 'Partner schools that co-award the unit; each adds its proof with cosignCredential.' })
  coIssuers?: string[];
}
