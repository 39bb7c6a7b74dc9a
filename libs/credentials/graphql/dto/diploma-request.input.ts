import { Field, ID, InputType } from '@nestjs/graphql';
import { GraphQLLocalDate } from 'graphql-scalars';
import { CredentialRequestCommonInput } from './credential-request-common.input';

@InputType('IssueDiplomaCredentialInput', { description: 'A diploma for a catalogue qualification; see schemas/diploma-request.schema.json.' })
export class IssueDiplomaCredentialInput extends CredentialRequestCommonInput {
  @Field(() => ID) qualificationId: string;
  @Field(() => GraphQLLocalDate) awardingDate: string;
}
