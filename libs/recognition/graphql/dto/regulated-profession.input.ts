import { Field, InputType } from '@nestjs/graphql';
import { GraphQLLocalDate } from 'graphql-scalars';
import { SourceInput } from '../../../catalogue/graphql/dto/source.input';
import { CefrLevel, LanguageCode, LanguageSkill } from './language.enums';
import { RegulationRegime } from './regulation-regime.enum';

@InputType('LanguageRequirementInput', { description: 'The language knowledge a jurisdiction requires for the profession; the level only where a source states it.' })
export class LanguageRequirementInput {
  @Field(() => LanguageCode) language: LanguageCode;
  @Field(() => CefrLevel, { nullable: true, description: 'Leave empty when the sources name no level.' }) level?: CefrLevel;
  @Field(() => [LanguageSkill], { nullable: true, description: 'Default: all four.' }) skills?: LanguageSkill[];
  @Field(() => [SourceInput], { description: 'At least one.' }) sources: SourceInput[];
  @Field(() => String, { nullable: true }) notes?: string;
}

@InputType('CompetentAuthorityInput')
export class CompetentAuthorityInput {
  @Field() name: string;
  @Field(() => String, { nullable: true, description: 'Jurisdiction code.' }) jurisdiction?: string;
  @Field(() => String, { nullable: true, description: 'http(s) URL.' }) url?: string;
}

@InputType('RegulatedProfessionInput', { description: 'One profession in one jurisdiction; see schemas/regulated-profession.schema.json.' })
export class RegulatedProfessionInput {
  @Field({ description: 'Catalogue profession key.' }) profession: string;
  @Field({ description: 'Jurisdiction code, e.g. BE-VLG.' }) jurisdiction: string;
  // GraphQL cannot say "required but nullable"; zod requires the field, null meaning not known.
  @Field(() => Boolean, { nullable: true, description: 'Required: true, false, or null when not known.' }) regulated: boolean | null;
  @Field(() => RegulationRegime) regime: keyof typeof RegulationRegime;
  @Field(() => Boolean, { nullable: true, description: 'False when the sources mark the fact as unverified; default true.' }) confirmed?: boolean;
  @Field(() => CompetentAuthorityInput, { nullable: true, description: 'Who decides, for a regulated profession.' }) competentAuthority?: CompetentAuthorityInput;
  @Field(() => String, { nullable: true, description: 'Catalogue key of the destination qualification a foreign one is compared with.' }) referenceQualificationKey?: string;
  @Field(() => LanguageRequirementInput, { nullable: true }) languageRequirement?: LanguageRequirementInput;
  @Field(() => String, { nullable: true }) legalBasis?: string;
  @Field(() => GraphQLLocalDate, { nullable: true }) validFrom?: string;
  @Field(() => GraphQLLocalDate, { nullable: true }) validUntil?: string;
  @Field(() => [SourceInput], { description: 'At least one.' }) sources: SourceInput[];
  @Field(() => String, { nullable: true }) notes?: string;
}
