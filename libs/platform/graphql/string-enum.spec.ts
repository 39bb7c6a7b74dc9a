import { GraphQLEnumType } from 'graphql';
import { Field, GraphQLSchemaBuilderModule, GraphQLSchemaFactory, InputType, Query, Resolver, Args } from '@nestjs/graphql';
import { NestFactory } from '@nestjs/core';
import { registerStringEnum } from './string-enum';

const COLOURS = ['RED', 'GREEN'] as const;
const Colour = registerStringEnum(COLOURS, 'SpecColour', 'A colour.');

@InputType('SpecColourInput')
class SpecColourInput {
  @Field(() => Colour) colour: keyof typeof Colour;
}

@Resolver()
class SpecResolver {
  @Query(() => String)
  echo(@Args('input', { type: () => SpecColourInput }) input: SpecColourInput): string {
    return input.colour;
  }
}

describe('registerStringEnum', () => {
  it('maps each value to itself and registers the enum under its name', async () => {
    expect(Colour).toEqual({ RED: 'RED', GREEN: 'GREEN' });
    const app = await NestFactory.create(GraphQLSchemaBuilderModule, { logger: false });
    await app.init();
    try {
      const schema = await app.get(GraphQLSchemaFactory).create([SpecResolver]);
      const type = schema.getType('SpecColour') as GraphQLEnumType;
      expect(type.description).toBe('A colour.');
      expect(type.getValues().map((v) => [v.name, v.value])).toEqual([
        ['RED', 'RED'],
        ['GREEN', 'GREEN'],
      ]);
    } finally {
      await app.close();
    }
  });
});
