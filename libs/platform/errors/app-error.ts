/** Error codes shared by GraphQL (extensions.code) and REST responses. */
export type ErrorCode = 'BAD_USER_INPUT' | 'UNAUTHENTICATED' | 'FORBIDDEN' | 'NOT_FOUND' | 'CONFLICT' | 'TOO_MANY_REQUESTS' | 'INTERNAL_SERVER_ERROR';

export interface FieldProblem {
  /** JSON path of the offending value, e.g. "document.units[0].outcomes[1].dimension". */
  field: string;
  message: string;
}

/** Framework-free error the domain and services throw; the API layer maps it to a response. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly problems: FieldProblem[] = [],
  ) {
    super(message);
    this.name = 'AppError';
  }

  static badInput(problems: FieldProblem[]): AppError {
    const head = problems.slice(0, 5).map((p) => `${p.field}: ${p.message}`).join('; ');
    const more = problems.length > 5 ? ` (and ${problems.length - 5} more)` : '';
    return new AppError('BAD_USER_INPUT', `${head}${more}`, problems);
  }
  static notFound(what: string, id: string): AppError {
    return new AppError('NOT_FOUND', `${what} "${id}" was not found`);
  }
  static forbidden(reason: string): AppError {
    return new AppError('FORBIDDEN', reason);
  }
  static unauthenticated(reason = 'a valid bearer token is required'): AppError {
    return new AppError('UNAUTHENTICATED', reason);
  }
  static conflict(field: string, message: string): AppError {
    return new AppError('CONFLICT', `${field}: ${message}`, [{ field, message }]);
  }
}

/** Formats a JSON path the way people read it: a.b[0].c */
export function formatPath(path: ReadonlyArray<PropertyKey>, root?: string): string {
  let out = root ?? '';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else out += out ? `.${String(seg)}` : String(seg);
  }
  return out || '(root)';
}
