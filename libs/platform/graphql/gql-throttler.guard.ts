import { ExecutionContext, Injectable } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import { ThrottlerGuard } from '@nestjs/throttler';
import { AppError } from '../errors/app-error';

/** The throttler for GraphQL fields (it looks for req/res in the GraphQL context). */
@Injectable()
export class GqlThrottlerGuard extends ThrottlerGuard {
  override getRequestResponse(context: ExecutionContext) {
    if (context.getType<string>() !== 'graphql') return super.getRequestResponse(context);
    const ctx = GqlExecutionContext.create(context).getContext();
    return { req: ctx.req, res: ctx.res };
  }

  /** The limit is for anonymous (public) callers; a caller with a valid token is known and accountable. */
  protected override async shouldSkip(context: ExecutionContext): Promise<boolean> {
    return !!this.getRequestResponse(context).req?.actor;
  }

  protected override async throwThrottlingException(): Promise<void> {
    throw new AppError('TOO_MANY_REQUESTS', 'rate limit exceeded for public calls; retry later');
  }
}
