/**
 * A typed GraphQL input as the plain JSON its zod schema was written for: scalars such as
 * DateTimeISO arrive as Date objects and go back to ISO strings; absent fields stay absent.
 */
export function plainInput(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(plainInput);
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, plainInput(v)]));
  return value;
}
