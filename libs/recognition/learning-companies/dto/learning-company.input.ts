import { Field, InputType } from '@nestjs/graphql';
import { GraphQLLocalDate } from 'graphql-scalars';
import { SourceInput } from '../../../catalogue/graphql/dto/source.input';

@InputType('RecognisingBodyInput', { description: 'A body that recognises companies, e.g. SBB (NL) or a chamber (DE-NW).' })
export class RecognisingBodyInput {
  @Field() name: string;
  @Field({ description: 'Jurisdiction code of the body.' }) jurisdiction: string;
  @Field(() => String, { nullable: true, description: 'http(s) URL.' }) url?: string;
}

@InputType('RecognitionAcceptanceInput', { description: 'The other country’s body accepting the recognition.' })
export class RecognitionAcceptanceInput {
  @Field(() => RecognisingBodyInput) body: RecognisingBodyInput;
  @Field(() => GraphQLLocalDate) validFrom: string;
  @Field(() => GraphQLLocalDate, { nullable: true }) validUntil?: string;
  @Field(() => [SourceInput], { description: 'At least one.' }) sources: SourceInput[];
}

@InputType('CompanyRecognitionInput', { description: 'One recognition to host learners; no qualification and no programme means every one of the body.' })
export class CompanyRecognitionInput {
  @Field(() => RecognisingBodyInput) recognisingBody: RecognisingBodyInput;
  @Field(() => [String], { nullable: true, description: 'Catalogue qualification keys.' }) qualificationKeys?: string[];
  @Field(() => [String], { nullable: true, description: 'Learning-unit programmes.' }) programmes?: string[];
  @Field(() => GraphQLLocalDate) validFrom: string;
  @Field(() => GraphQLLocalDate, { nullable: true }) validUntil?: string;
  @Field(() => [RecognitionAcceptanceInput], { nullable: true }) acceptedBy?: RecognitionAcceptanceInput[];
  @Field(() => [SourceInput], { description: 'At least one.' }) sources: SourceInput[];
  @Field(() => String, { nullable: true }) notes?: string;
}

@InputType('LearningCompanyInput', { description: 'A company recognised to host learners; see schemas/learning-company.schema.json.' })
export class LearningCompanyInput {
  @Field({ description: 'Stable key, e.g. pflegeheim-gronau.' }) key: string;
  @Field() name: string;
  @Field({ description: 'Where the company is, e.g. DE-NW.' }) jurisdiction: string;
  @Field(() => String, { nullable: true }) location?: string;
  @Field(() => [CompanyRecognitionInput], { nullable: true }) recognitions?: CompanyRecognitionInput[];
  @Field(() => String, { nullable: true }) notes?: string;
}
