import { Field, InputType } from '@nestjs/graphql';
import { GraphQLLocalDate } from 'graphql-scalars';

@InputType('SourceInput', { description: 'Where a fact comes from.' })
export class SourceInput {
  @Field({ description: 'http(s) URL.' }) url: string;
  @Field(() => String, { nullable: true }) title?: string;
  @Field(() => GraphQLLocalDate, { nullable: true, description: 'When the source was read.' }) accessed?: string;
}
