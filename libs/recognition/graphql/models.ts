import { Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { GraphQLJSONObject } from 'graphql-scalars';
import { Language } from '../../platform/graphql/language.enum';
import { DescriptionCitationModel } from '../descriptions/models/description.model';

export enum RecognitionPurpose {
  WORK = 'WORK',
  STUDY = 'STUDY',
}
registerEnumType(RecognitionPurpose, { name: 'RecognitionPurpose', description: 'Why recognition is sought: to work or to study.' });

@ObjectType('CompetentAuthority')
export class AuthorityModel {
  @Field() name: string;
  @Field(() => String, { nullable: true }) jurisdiction: string | null;
  @Field(() => String, { nullable: true }) url: string | null;
}

@ObjectType('RecognitionCitation', { description: 'What an expected outcome rests on.' })
export class CitationModel {
  @Field({ description: 'RULE, DECISION or COMPARISON.' }) kind: string;
  @Field(() => ID, { nullable: true, description: 'Null for a comparison computed for this answer and not stored.' }) id: string | null;
  @Field() label: string;
  @Field() binding: boolean;
  @Field(() => String, { nullable: true }) sourceUrl: string | null;
}

@ObjectType('ExpectedOutcome')
export class ExpectedOutcomeModel {
  @Field(() => String, { nullable: true, description: 'FULL, PARTIAL or NONE; null when nothing supports an expectation.' }) verdict: string | null;
  @Field({ description: 'True when it rests on a rule or a published expert decision.' }) binding: boolean;
  @Field({ description: 'RULE, DECISION, COMPARISON (non-binding) or NONE.' }) basis: string;
  @Field() summary: string;
  @Field(() => [String]) compensation: string[];
  @Field(() => CitationModel, { nullable: true }) citation: CitationModel | null;
}

@ObjectType('AppliedRecognitionRule')
export class AppliedRuleModel {
  @Field(() => ID) id: string;
  @Field() key: string;
  @Field(() => Int) version: number;
  @Field() title: string;
  @Field() effect: string;
  @Field() instrument: string;
  @Field(() => String, { nullable: true }) validFrom: string | null;
  @Field(() => String, { nullable: true }) notes: string | null;
  @Field(() => [String]) sourceUrls: string[];
}

@ObjectType('ConsideredRecognitionRule', { description: 'A rule the route does not rest on, with every reason (NOT_USED_FOR_ROUTE: it covers the case, but other rules decide the route).' })
export class ConsideredRuleModel {
  @Field(() => ID) id: string;
  @Field() key: string;
  @Field(() => Int) version: number;
  @Field() effect: string;
  @Field(() => [String]) reasons: string[];
}

@ObjectType('ReferenceQualification')
export class ReferenceQualificationModel {
  @Field(() => ID) id: string;
  @Field() key: string;
  @Field() title: string;
}

@ObjectType('LanguageRequirement')
export class LanguageRequirementModel {
  @Field() language: string;
  @Field(() => String, { nullable: true, description: 'CEFR level; null when no source states it.' }) level: string | null;
  @Field(() => [String]) skills: string[];
  @Field(() => [String]) sourceUrls: string[];
  @Field(() => String, { nullable: true }) notes: string | null;
}

@ObjectType('LanguageSkillLevel')
export class LanguageSkillLevelModel {
  @Field() skill: string;
  @Field(() => String, { nullable: true, description: 'Best level shown; null when no credential shows the skill.' }) level: string | null;
}

@ObjectType('LanguageSkillGap')
export class LanguageSkillGapModel {
  @Field() skill: string;
  @Field() required: string;
  @Field(() => String, { nullable: true }) shown: string | null;
}

@ObjectType('LanguageAssessment', { description: 'The destination’s language requirement compared with the holder’s verified language credentials.' })
export class LanguageAssessmentModel {
  @Field() language: string;
  @Field(() => String, { nullable: true }) requiredLevel: string | null;
  @Field(() => [String]) skills: string[];
  @Field({ description: 'MET, NOT_MET (see missing), NOT_SHOWN (no credential in the language) or LEVEL_UNKNOWN (no level recorded).' }) status: string;
  @Field(() => [LanguageSkillGapModel]) missing: LanguageSkillGapModel[];
  @Field(() => [LanguageSkillLevelModel]) shown: LanguageSkillLevelModel[];
  @Field(() => [String], { description: 'Ids of the credentials whose levels were used.' }) evidence: string[];
  @Field() summary: string;
  @Field(() => [String]) sourceUrls: string[];
  @Field(() => String, { nullable: true }) notes: string | null;
}

@ObjectType('RouteAdvice', { description: 'What a qualification means in a destination: route, authority, expected outcome, steps.' })
export class RouteAdviceModel {
  @Field({ description: 'AUTOMATIC_LEVEL_RECOGNITION, AUTOMATIC_PROFESSIONAL_RECOGNITION, GENERAL_SYSTEM, NOT_REGULATED, INDIVIDUAL_ASSESSMENT or UNKNOWN_REGULATION.' })
  route: string;
  @Field() summary: string;
  @Field() destination: string;
  @Field(() => String, { nullable: true, description: 'The profession asked for; null when none was given.' }) profession: string | null;
  @Field(() => String, { nullable: true, description: 'The profession this answer rests on: the one asked for, or one assumed when none was given (null: no profession).' })
  assumedProfession: string | null;
  @Field(() => [RouteAdviceModel], { description: 'When no profession was given: the other answers, one per profession considered (each names its assumedProfession).' })
  alternatives: RouteAdviceModel[];
  @Field() purpose: string;
  @Field() asOf: string;
  @Field() lang: string;
  @Field(() => Boolean, { nullable: true, description: 'Null when the registry has no entry.' }) regulated: boolean | null;
  @Field(() => String, { nullable: true }) regime: string | null;
  @Field(() => Boolean, { nullable: true, description: 'False when the sources mark the regulation status as unconfirmed.' }) regimeConfirmed: boolean | null;
  @Field(() => AuthorityModel, { nullable: true }) competentAuthority: AuthorityModel | null;
  @Field(() => String, { nullable: true }) legalBasis: string | null;
  @Field(() => ReferenceQualificationModel, { nullable: true }) referenceQualification: ReferenceQualificationModel | null;
  @Field(() => ExpectedOutcomeModel) expectedOutcome: ExpectedOutcomeModel;
  @Field(() => [AppliedRuleModel]) appliedRules: AppliedRuleModel[];
  @Field(() => [ConsideredRuleModel]) consideredRules: ConsideredRuleModel[];
  @Field(() => [String]) steps: string[];
  @Field(() => [String]) documents: string[];
  @Field(() => [String]) information: string[];
  @Field(() => [String]) caveats: string[];
  @Field(() => [String]) registrySources: string[];
  @Field(() => [DescriptionCitationModel], { description: 'Published authorised binational descriptions covering the qualification and destination.' })
  authorisedDescriptions: DescriptionCitationModel[];
  @Field(() => LanguageAssessmentModel, { nullable: true, description: 'Null when the registry records no language requirement for the profession.' })
  languageRequirement: LanguageAssessmentModel | null;
}

@ObjectType('RecognitionRule', { description: 'One version of a recognition rule; `document` is the full rule.' })
export class RecognitionRuleModel {
  @Field(() => ID) id: string;
  @Field() key: string;
  @Field(() => Int) version: number;
  @Field({ description: 'DRAFT, APPROVED or RETIRED.' }) status: string;
  @Field() effect: string;
  @Field() title: string;
  @Field() instrument: string;
  @Field(() => [String]) parties: string[];
  @Field(() => String, { nullable: true }) validFrom: string | null;
  @Field(() => String, { nullable: true }) validUntil: string | null;
  @Field(() => String, { nullable: true, description: 'From this day on a retired rule no longer applies.' }) retiredOn: string | null;
  @Field(() => String, { nullable: true }) notes: string | null;
  @Field() author: string;
  @Field(() => String, { nullable: true }) approvedBy: string | null;
  @Field(() => Date, { nullable: true }) approvedAt: Date | null;
  @Field(() => String, { nullable: true }) retiredBy: string | null;
  @Field(() => GraphQLJSONObject) document: unknown;
  @Field(() => Date) createdAt: Date;
}

@ObjectType('RegulatedProfession', { description: 'Regulation of one profession in one jurisdiction.' })
export class RegulatedProfessionModel {
  @Field(() => ID) id: string;
  @Field() profession: string;
  @Field() jurisdiction: string;
  @Field(() => Boolean, { nullable: true }) regulated: boolean | null;
  @Field() regime: string;
  @Field() confirmed: boolean;
  @Field(() => AuthorityModel, { nullable: true }) competentAuthority: AuthorityModel | null;
  @Field(() => String, { nullable: true }) referenceQualificationKey: string | null;
  @Field(() => LanguageRequirementModel, { nullable: true }) languageRequirement: LanguageRequirementModel | null;
  @Field(() => String, { nullable: true }) legalBasis: string | null;
  @Field(() => String, { nullable: true }) validFrom: string | null;
  @Field(() => String, { nullable: true }) validUntil: string | null;
  @Field(() => String, { nullable: true }) notes: string | null;
  @Field(() => [String]) sourceUrls: string[];
  @Field(() => GraphQLJSONObject) document: unknown;
}

@InputType('AdviseForInput', { description: 'Ask for recognition advice next to the verification checks.' })
export class AdviseForInput {
  @Field({ description: 'Destination jurisdiction, e.g. DE-NW.' }) jurisdiction: string;
  @Field(() => String, { nullable: true, description: 'Profession key, e.g. altenpfleger.' }) profession?: string | null;
  @Field(() => RecognitionPurpose, { nullable: true, defaultValue: RecognitionPurpose.WORK }) purpose?: RecognitionPurpose | null;
  @Field(() => Language, { nullable: true, defaultValue: Language.en }) lang?: Language | null;
  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD; default today.' }) asOf?: string | null;
}
