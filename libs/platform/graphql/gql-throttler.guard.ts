import { ExecutionContext, Injectable, SetMetadata } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import { ThrottlerGuard, type ThrottlerRequest } from '@nestjs/throttler';
import { AppError } from '../errors/app-error';

const THROTTLE_COST = 'recognition:throttle-cost';
export type ThrottleCostOf = (args: Record<string, unknown>) => number;

/**
 * How many units of the public budget one call of this field uses, from its arguments: a field that verifies ten
 * credentials costs what ten verifications cost. Without it a call costs one.
 */
export const ThrottleCost = (costOf: ThrottleCostOf) => SetMetadata(THROTTLE_COST, costOf);

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

  /** A call costing n counts n - 1 times before the library's own count, which decides and blocks. */
  protected override async handleRequest(props: ThrottlerRequest): Promise<boolean> {
    const extra = this.costOf(props.context) - 1;
    if (extra > 0) {
      const { req } = this.getRequestResponse(props.context);
      const key = props.generateKey(props.context, await props.getTracker(req, props.context), props.throttler.name ?? 'default');
      for (let i = 0; i < extra; i++) await this.storageService.increment(key, props.ttl, props.limit, props.blockDuration, props.throttler.name ?? 'default');
    }
    return super.handleRequest(props);
  }

  private costOf(context: ExecutionContext): number {
    const costOf = this.reflector.get<ThrottleCostOf | undefined>(THROTTLE_COST, context.getHandler());
    if (!costOf || context.getType<string>() !== 'graphql') return 1;
    const cost = costOf(GqlExecutionContext.create(context).getArgs());
    return Number.isFinite(cost) ? Math.max(1, Math.floor(cost)) : 1;
  }

  protected override async throwThrottlingException(): Promise<void> {
    throw new AppError('TOO_MANY_REQUESTS', 'rate limit exceeded for public calls; retry later');
  }
}
