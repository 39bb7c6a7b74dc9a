import { Field, InputType } from '@nestjs/graphql';

@InputType('LocalizedTextInput', { description: 'A text in several languages; give at least one.' })
export class LocalizedTextInput {
  @Field(() => String, { nullable: true }) nl?: string;
  @Field(() => String, { nullable: true }) de?: string;
  @Field(() => String, { nullable: true }) en?: string;
  @Field(() => String, { nullable: true }) fr?: string;
}
