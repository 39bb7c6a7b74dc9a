import { Args, Int, Query, Resolver } from '@nestjs/graphql';
import { Roles } from '../auth/auth.decorators';
import { AppError } from '../errors/app-error';
import { AuditEntryConnection } from './audit.model';
import { AuditService } from './audit.service';

@Resolver()
export class AuditResolver {
  constructor(private readonly audit: AuditService) {}

  @Roles('admin')
  @Query(() => AuditEntryConnection, {
    description: 'Append-only log of changes, newest first. Admins only.',
    complexity: ({ args, childComplexity }) => 1 + Math.max(1, Number(args.first ?? 50)) * childComplexity,
  })
  async auditLog(
    @Args('entityType', { nullable: true }) entityType?: string,
    @Args('entityId', { nullable: true }) entityId?: string,
    @Args('first', { type: () => Int, defaultValue: 50 }) first = 50,
    @Args('after', { nullable: true }) after?: string,
  ): Promise<AuditEntryConnection> {
    if (first < 0 || first > 500) throw AppError.badInput([{ field: 'first', message: 'must be between 0 and 500' }]);
    if (after && !/^\d+$/.test(after)) throw AppError.badInput([{ field: 'after', message: 'is not a cursor returned by this API' }]);
    const { items, totalCount } = await this.audit.list({ entityType, entityId, first: first + 1, afterId: after });
    const page = items.slice(0, first);
    return {
      edges: page.map((e) => ({ cursor: e.id, node: e })),
      pageInfo: { hasNextPage: items.length > first, hasPreviousPage: !!after, startCursor: page[0]?.id ?? null, endCursor: page.at(-1)?.id ?? null },
      totalCount,
    };
  }
}
