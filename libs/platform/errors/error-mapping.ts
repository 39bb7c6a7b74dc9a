import { HttpException } from '@nestjs/common';
import { GraphQLError, GraphQLFormattedError } from 'graphql';
import { AppError, ErrorCode } from './app-error';

const HTTP_STATUS: Record<ErrorCode, number> = {
  BAD_USER_INPUT: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  TOO_MANY_REQUESTS: 429,
  INTERNAL_SERVER_ERROR: 500,
};

export function httpStatusOf(code: ErrorCode): number {
  return HTTP_STATUS[code];
}

/** Turns anything thrown into a client-safe AppError; unknown errors become INTERNAL_SERVER_ERROR. */
export function toAppError(e: unknown): AppError {
  if (e instanceof AppError) return e;
  if (e instanceof HttpException) {
    const status = e.getStatus();
    const code: ErrorCode =
      status === 401 ? 'UNAUTHENTICATED' : status === 403 ? 'FORBIDDEN' : status === 404 ? 'NOT_FOUND' : status === 409 ? 'CONFLICT' : status === 429 ? 'TOO_MANY_REQUESTS' : status < 500 ? 'BAD_USER_INPUT' : 'INTERNAL_SERVER_ERROR';
    return new AppError(code, e.message);
  }
  return new AppError('INTERNAL_SERVER_ERROR', 'internal error');
}

export function toGraphQLError(e: AppError): GraphQLError {
  return new GraphQLError(e.message, { extensions: { code: e.code, ...(e.problems.length ? { problems: e.problems } : {}) } });
}

/**
 * Apollo's last word on every error: keep the code, drop stack traces and internals.
 * Errors Apollo raises itself (parse, validation, variable coercion) already carry a code.
 */
export function formatGraphQLError(formatted: GraphQLFormattedError, error: unknown, log: (e: unknown) => void): GraphQLFormattedError {
  const original = (error as { originalError?: unknown })?.originalError;
  const code = formatted.extensions?.code as string | undefined;
  if (original instanceof AppError) {
    return { message: original.message, path: formatted.path, locations: formatted.locations, extensions: { code: original.code, ...(original.problems.length ? { problems: original.problems } : {}) } };
  }
  if (!code || code === 'INTERNAL_SERVER_ERROR') {
    if (original && !(original instanceof GraphQLError)) {
      const app = toAppError(original);
      if (app.code === 'INTERNAL_SERVER_ERROR') log(original);
      return { message: app.message, path: formatted.path, locations: formatted.locations, extensions: { code: app.code } };
    }
  }
  const { stacktrace: _s, exception: _e, ...extensions } = (formatted.extensions ?? {}) as Record<string, unknown>;
  return { ...formatted, extensions };
}
