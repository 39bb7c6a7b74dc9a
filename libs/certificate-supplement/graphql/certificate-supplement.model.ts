import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('SupplementOutcome')
export class SupplementOutcomeModel {
  @Field()
  text: string;

  @Field({ description: 'Language the outcome is written in (as in the qualification file).' })
  lang: string;

  @Field()
  dimension: string;
}

@ObjectType('SupplementUnit')
export class SupplementUnitModel {
  @Field(() => String, { nullable: true })
  code: string | null;

  @Field()
  title: string;

  @Field(() => Float, { nullable: true })
  hours: number | null;

  @Field(() => [SupplementOutcomeModel])
  outcomes: SupplementOutcomeModel[];
}

@ObjectType('SupplementBody')
export class SupplementBodyModel {
  @Field()
  name: string;

  @Field(() => String, { nullable: true })
  url: string | null;
}

@ObjectType('SupplementSource')
export class SupplementSourceModel {
  @Field()
  url: string;

  @Field(() => String, { nullable: true })
  title: string | null;
}

@ObjectType('CertificateSupplement', { description: 'Europass certificate supplement of a catalogue qualification, from its qualification file only; null where the file states nothing.' })
export class CertificateSupplementModel {
  @Field(() => ID)
  qualificationId: string;

  @Field()
  key: string;

  @Field()
  lang: string;

  @Field({ description: 'Field 1: title in the original language.' })
  originalTitle: string;

  @Field()
  originalLanguage: string;

  @Field(() => String, { nullable: true, description: 'Field 2: title in the requested language, when the file has one.' })
  translatedTitle: string | null;

  @Field(() => String, { nullable: true })
  code: string | null;

  @Field()
  framework: string;

  @Field()
  nationalLevel: string;

  @Field(() => Int)
  eqfLevel: number;

  @Field(() => [SupplementUnitModel], { description: 'Field 3: competences per unit.' })
  units: SupplementUnitModel[];

  @Field(() => [String], { description: 'Field 4: range of occupations (profession titles).' })
  occupations: string[];

  @Field(() => [SupplementBodyModel], { description: 'Field 5: awarding bodies.' })
  awardingBodies: SupplementBodyModel[];

  @Field(() => [SupplementBodyModel])
  competentBodies: SupplementBodyModel[];

  @Field(() => String, { nullable: true })
  legalBasis: string | null;

  @Field(() => Int, { nullable: true, description: 'Field 6: duration.' })
  durationMonths: number | null;

  @Field(() => [String])
  routes: string[];

  @Field(() => Float, { nullable: true })
  hoursTotal: number | null;

  @Field(() => Float, { nullable: true })
  ects: number | null;

  @Field(() => [SupplementSourceModel])
  sources: SupplementSourceModel[];

  @Field({ description: 'The public HTML page.' })
  htmlUrl: string;

  @Field()
  pdfUrl: string;
}
