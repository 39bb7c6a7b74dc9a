import { Field, InputType } from '@nestjs/graphql';
import { GraphQLLocalDate } from 'graphql-scalars';
import { registerStringEnum } from '../../../platform/graphql/string-enum';
import { AccreditationInputSchema } from '../../accreditation.service';

export const AccreditationScope = registerStringEnum(AccreditationInputSchema.shape.scope.options, 'AccreditationScope', 'A catalogue qualification or a learning-unit programme.');

@InputType('AccreditationInput', { description: 'What an institution may award; see schemas/accreditation-input.schema.json.' })
export class AccreditationInput {
  @Field() institutionId: string;
  @Field(() => AccreditationScope) scope: keyof typeof AccreditationScope;
  @Field(() => String, { nullable: true, description: 'QUALIFICATION: a catalogue key, or qualificationCode with qualificationJurisdiction.' }) qualificationKey?: string;
  @Field(() => String, { nullable: true }) qualificationCode?: string;
  @Field(() => String, { nullable: true, description: 'Jurisdiction code, e.g. NL or DE-NW.' }) qualificationJurisdiction?: string;
  @Field(() => String, { nullable: true, description: 'LEARNING_UNIT_PROGRAMME: the programme.' }) programme?: string;
  @Field({ description: 'http(s) URL of the source.' }) sourceUrl: string;
  @Field(() => GraphQLLocalDate) validFrom: string;
  @Field(() => GraphQLLocalDate, { nullable: true }) validUntil?: string;
  @Field(() => String, { nullable: true }) note?: string;
}
