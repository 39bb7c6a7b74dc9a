import { Field, InputType } from '@nestjs/graphql';
import { GraphQLLocalDate } from 'graphql-scalars';

@InputType('LearnerInput', { description: 'The person the credential is issued to.' })
export class LearnerInput {
  @Field(() => String, { nullable: true, description: 'An absolute IRI such as a DID.' }) id?: string;
  @Field() givenName: string;
  @Field() familyName: string;
  @Field(() => GraphQLLocalDate, { nullable: true }) dateOfBirth?: string;
}
