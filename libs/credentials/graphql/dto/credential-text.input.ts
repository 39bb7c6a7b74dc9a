import { Field, InputType } from '@nestjs/graphql';

@InputType('CredentialTextInput', { description: 'A text in Dutch, German and/or English; give at least one.' })
export class CredentialTextInput {
  @Field(() => String, { nullable: true }) nl?: string;
  @Field(() => String, { nullable: true }) de?: string;
  @Field(() => String, { nullable: true }) en?: string;
}
