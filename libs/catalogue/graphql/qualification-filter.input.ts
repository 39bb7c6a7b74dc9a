import { Field, InputType, Int } from '@nestjs/graphql';

@InputType()
export class QualificationFilterInput {
  @Field(() => String, { nullable: true, description: 'A jurisdiction code; a country also matches its Länder/communities.' })
  jurisdiction?: string;

  @Field(() => Int, { nullable: true })
  eqfLevel?: number;

  @Field(() => String, { nullable: true, description: 'Profession key.' })
  profession?: string;

  @Field(() => String, { nullable: true, description: 'Text in any language: titles, codes, unit titles.' })
  text?: string;

  @Field(() => Boolean, { nullable: true, defaultValue: false })
  includeRetired?: boolean;
}
