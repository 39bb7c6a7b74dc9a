import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { GraphQLJSONObject } from 'graphql-scalars';

@ObjectType('DescriptionSide')
export class DescriptionSideModel {
  @Field() jurisdiction: string;
  @Field(() => [String]) qualificationKeys: string[];
  @Field(() => [String]) professions: string[];
}

@ObjectType('DescriptionText', { description: 'The description in one language (the one asked for, else en, nl, de).' })
export class DescriptionTextModel {
  @Field() lang: string;
  @Field(() => [String], { description: 'What the holder can do.' }) canDo: string[];
  @Field(() => [String]) workSettings: string[];
  @Field(() => [String], { description: 'Differences between the two sides that matter to an employer.' }) differences: string[];
}

@ObjectType('DescriptionApproval')
export class DescriptionApprovalModel {
  @Field() approver: string;
  @Field({ description: 'The country this approval counts for.' }) country: string;
  @Field(() => Date) approvedAt: Date;
}

@ObjectType('BinationalDescription', { description: 'An authorised binational description: DRAFT until an expert of each country (never the author) approves, then PUBLISHED; SUPERSEDED by its next published version.' })
export class BinationalDescriptionModel {
  @Field(() => ID) id: string;
  @Field() key: string;
  @Field(() => Int) version: number;
  @Field({ description: 'DRAFT, PUBLISHED or SUPERSEDED.' }) status: string;
  @Field() kind: string;
  @Field() title: string;
  @Field(() => [DescriptionSideModel]) sides: DescriptionSideModel[];
  @Field(() => DescriptionTextModel) text: DescriptionTextModel;
  @Field(() => [String], { description: 'Languages the description is written in.' }) languages: string[];
  @Field() author: string;
  @Field(() => [DescriptionApprovalModel]) approvals: DescriptionApprovalModel[];
  @Field(() => [String], { description: 'Countries whose approval is still missing.' }) pendingCountries: string[];
  @Field(() => Date, { nullable: true }) publishedAt: Date | null;
  @Field(() => ID, { nullable: true }) supersededBy: string | null;
  @Field(() => [String]) sourceUrls: string[];
  @Field(() => String, { nullable: true }) notes: string | null;
  @Field(() => GraphQLJSONObject) document: unknown;
  @Field(() => Date) createdAt: Date;
}

@ObjectType('DescriptionCitation', { description: 'A published binational description that covers the qualification and destination.' })
export class DescriptionCitationModel {
  @Field(() => ID) id: string;
  @Field() key: string;
  @Field(() => Int) version: number;
  @Field() title: string;
  @Field() publishedAt: string;
  @Field(() => DescriptionTextModel) text: DescriptionTextModel;
}
