import { Field, ID, ObjectType } from '@nestjs/graphql';
import { GraphQLJSONObject } from 'graphql-scalars';

@ObjectType('RecognisingBody')
export class RecognisingBodyModel {
  @Field() name: string;
  @Field() jurisdiction: string;
  @Field(() => String, { nullable: true }) url: string | null;
}

@ObjectType('RecognitionAcceptance')
export class RecognitionAcceptanceModel {
  @Field(() => RecognisingBodyModel) body: RecognisingBodyModel;
  @Field() validFrom: string;
  @Field(() => String, { nullable: true }) validUntil: string | null;
  @Field(() => [String]) sourceUrls: string[];
}

@ObjectType('CompanyRecognition')
export class CompanyRecognitionModel {
  @Field(() => RecognisingBodyModel) recognisingBody: RecognisingBodyModel;
  @Field(() => [String]) qualificationKeys: string[];
  @Field(() => [String]) programmes: string[];
  @Field() validFrom: string;
  @Field(() => String, { nullable: true }) validUntil: string | null;
  @Field(() => [RecognitionAcceptanceModel]) acceptedBy: RecognitionAcceptanceModel[];
  @Field(() => [String]) sourceUrls: string[];
  @Field(() => String, { nullable: true }) notes: string | null;
}

@ObjectType('LearningCompany', { description: 'A company recognised to host learners, with each recognition, its body, validity and source.' })
export class LearningCompanyModel {
  @Field(() => ID) id: string;
  @Field() key: string;
  @Field() name: string;
  @Field() jurisdiction: string;
  @Field(() => String, { nullable: true }) location: string | null;
  @Field(() => [CompanyRecognitionModel]) recognitions: CompanyRecognitionModel[];
  @Field(() => String, { nullable: true }) notes: string | null;
  @Field(() => GraphQLJSONObject) document: unknown;
  @Field(() => Date) updatedAt: Date;
}
