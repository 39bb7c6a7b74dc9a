import { registerEnumType } from '@nestjs/graphql';

/** The enum object Nest registers: each value names itself. */
export type StringEnum<T extends readonly string[]> = { readonly [K in T[number]]: K };

/**
 * Registers a GraphQL enum built from a domain list of values (the one the zod schema uses),
 * so the GraphQL enum and the validation cannot drift apart.
 */
export function registerStringEnum<const T extends readonly string[]>(values: T, name: string, description?: string): StringEnum<T> {
  const e = Object.freeze(Object.fromEntries(values.map((v) => [v, v]))) as StringEnum<T>;
  registerEnumType(e, { name, description });
  return e;
}
