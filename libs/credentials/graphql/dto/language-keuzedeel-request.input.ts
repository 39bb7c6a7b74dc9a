import { Field, InputType, Int } from '@nestjs/graphql';
import { GraphQLLocalDate } from 'graphql-scalars';
import { CefrLevel, LanguageCode } from '../../../recognition/graphql/dto/language.enums';
import { CredentialRequestCommonInput } from './credential-request-common.input';
import { CredentialTextInput } from './credential-text.input';

@InputType('CefrLevelsInput', { description: 'The CEFR level per skill; give at least one.' })
export class CefrLevelsInput {
  @Field(() => CefrLevel, { nullable: true }) listening?: CefrLevel;
  @Field(() => CefrLevel, { nullable: true }) reading?: CefrLevel;
  @Field(() => CefrLevel, { nullable: true }) speaking?: CefrLevel;
  @Field(() => CefrLevel, { nullable: true }) writing?: CefrLevel;
}

@InputType('IssueLanguageAchievementCredentialInput', { description: 'A language certificate; see schemas/language-achievement-request.schema.json.' })
export class IssueLanguageAchievementCredentialInput extends CredentialRequestCommonInput {
  @Field(() => LanguageCode) language: LanguageCode;
  @Field({ description: 'The certificate’s scheme, e.g. "Goethe-Zertifikat B2".' }) scheme: string;
  @Field({ description: 'Who assessed, e.g. "Goethe-Institut".' }) assessingBody: string;
  @Field(() => CefrLevelsInput) levels: CefrLevelsInput;
  @Field(() => GraphQLLocalDate) assessmentDate: string;
}

@InputType('IssueKeuzedeelCredentialInput', { description: 'A completed keuzedeel (mbo elective unit); see schemas/keuzedeel-request.schema.json.' })
export class IssueKeuzedeelCredentialInput extends CredentialRequestCommonInput {
  @Field({ description: 'Keuzedeel code, e.g. K0123.' }) code: string;
  @Field(() => CredentialTextInput) title: CredentialTextInput;
  @Field(() => Int, { description: 'Study load in hours.' }) hours: number;
  @Field(() => Int, { description: 'mbo level (niveau) 1–4, the NLQF level.' }) level: number;
  @Field(() => GraphQLLocalDate) completionDate: string;
}
