import { ArgumentsHost, Catch, ExceptionFilter, HttpException } from '@nestjs/common';
import { GqlContextType } from '@nestjs/graphql';
import type { Response } from 'express';
import type { Logger } from 'pino';
import { AppError } from './app-error';
import { httpStatusOf, toAppError, toGraphQLError } from './error-mapping';

/** One error model for GraphQL and REST: a code, a message naming the field, never a stack trace. */
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  constructor(private readonly logger: Logger) {}

  catch(exception: unknown, host: ArgumentsHost) {
    const app = toAppError(exception);
    if (app.code === 'INTERNAL_SERVER_ERROR') this.logger.error({ err: exception }, 'unhandled error');
    if (host.getType<GqlContextType>() === 'graphql') return toGraphQLError(app);
    const res = host.switchToHttp().getResponse<Response>();
    const status = exception instanceof HttpException && !(exception instanceof AppError) ? exception.getStatus() : httpStatusOf(app.code);
    res.status(status).json({ error: { code: app.code, message: app.message, ...(app.problems.length ? { problems: app.problems } : {}) } });
  }
}
