import type { ZodError } from 'zod';
import { AppError, FieldProblem, formatPath } from './app-error';

export function zodProblems(error: ZodError, root?: string): FieldProblem[] {
  return error.issues.map((i) => ({ field: formatPath(i.path, root), message: i.message }));
}

/** Parses with a zod schema and throws BAD_USER_INPUT naming every offending field. */
export function parseOrThrow<T>(schema: { safeParse(v: unknown): { success: true; data: T } | { success: false; error: ZodError } }, value: unknown, root?: string): T {
  const r = schema.safeParse(value);
  if (!r.success) throw AppError.badInput(zodProblems(r.error, root));
  return r.data;
}
