import { Field, InputType, registerEnumType } from '@nestjs/graphql';
import { SourceInput } from '../../../catalogue/graphql/dto/source.input';
import { LocalizedTextInput } from '../../../catalogue/graphql/dto/localized-text.input';

export enum DescriptionKind {
  QUALIFICATION = 'QUALIFICATION',
  PROFESSION = 'PROFESSION',
  OCCUPATIONAL_LANDSCAPE = 'OCCUPATIONAL_LANDSCAPE',
}
registerEnumType(DescriptionKind, { name: 'DescriptionKind', description: 'What a binational description describes: a qualification, a profession or an occupational landscape (beroepenlandschap).' });

@InputType('DescriptionSideInput', { description: 'One country’s side: its qualifications and/or profession.' })
export class DescriptionSideInput {
  @Field({ description: 'Jurisdiction code, e.g. NL or DE-NW.' }) jurisdiction: string;
  @Field(() => [String], { nullable: true, description: 'Catalogue qualification keys.' }) qualificationKeys?: string[];
  @Field(() => [String], { nullable: true, description: 'Catalogue profession keys.' }) professions?: string[];
}

@InputType('DescriptionTextInput', { description: 'The description in one language.' })
export class DescriptionTextInput {
  @Field(() => [String], { description: 'What the holder can do (at least one line).' }) canDo: string[];
  @Field(() => [String], { nullable: true }) workSettings?: string[];
  @Field(() => [String], { nullable: true, description: 'Differences between the two sides that matter to an employer.' }) differences?: string[];
}

@InputType('DescriptionContentInput', { description: 'At least one language.' })
export class DescriptionContentInput {
  @Field(() => DescriptionTextInput, { nullable: true }) nl?: DescriptionTextInput;
  @Field(() => DescriptionTextInput, { nullable: true }) de?: DescriptionTextInput;
  @Field(() => DescriptionTextInput, { nullable: true }) en?: DescriptionTextInput;
}

@InputType('BinationalDescriptionInput', { description: 'An authorised binational description; see schemas/binational-description.schema.json.' })
export class BinationalDescriptionInput {
  @Field({ description: 'Stable key; a new draft of an existing key is its next version.' }) key: string;
  @Field(() => DescriptionKind, { nullable: true, description: 'Default QUALIFICATION.' }) kind?: DescriptionKind;
  @Field(() => LocalizedTextInput) title: LocalizedTextInput;
  @Field(() => [DescriptionSideInput], { description: 'Exactly two, of two different countries.' }) sides: DescriptionSideInput[];
  @Field(() => DescriptionContentInput) content: DescriptionContentInput;
  @Field(() => [SourceInput], { nullable: true }) sources?: SourceInput[];
  @Field(() => String, { nullable: true }) notes?: string;
}
