import { GraphQLScalarType, Kind, ValueNode } from 'graphql';

function literal(ast: ValueNode): unknown {
  switch (ast.kind) {
    case Kind.STRING:
    case Kind.BOOLEAN:
      return ast.value;
    case Kind.INT:
    case Kind.FLOAT:
      return Number(ast.value);
    case Kind.OBJECT:
      return Object.fromEntries(ast.fields.map((f) => [f.name.value, literal(f.value)]));
    case Kind.LIST:
      return ast.values.map(literal);
    case Kind.NULL:
      return null;
    default:
      // Variables inside JSON literals are not supported; pass the whole document as a variable instead.
      throw new TypeError(`JSON literal cannot contain ${ast.kind}`);
  }
}

/** Arbitrary JSON; used where a document is validated by a zod schema (qualification files). */
export const JSONScalar = new GraphQLScalarType({
  name: 'JSON',
  description: 'A JSON value, validated by the schema of the field that takes it.',
  serialize: (v) => v,
  parseValue: (v) => v,
  parseLiteral: literal,
});
