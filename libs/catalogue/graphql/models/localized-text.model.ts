import { Field, ObjectType } from '@nestjs/graphql';

@ObjectType({ description: 'A text in several languages; absent languages are null.' })
export class LocalizedTextModel {
  @Field(() => String, { nullable: true })
  nl?: string;

  @Field(() => String, { nullable: true })
  de?: string;

  @Field(() => String, { nullable: true })
  en?: string;
}

@ObjectType()
export class SourceModel {
  @Field()
  url: string;

  @Field(() => String, { nullable: true })
  title?: string;

  @Field(() => String, { nullable: true })
  accessed?: string;
}
