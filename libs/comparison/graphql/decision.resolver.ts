import { Args, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Actor } from '../../platform/auth/actor';
import { CurrentActor, OptionalActor, Roles } from '../../platform/auth/auth.decorators';
import { DecisionService, encodeDecisionCursor } from '../decision.service';
import { DecisionConnection, DecisionFilterInput, DecisionInputModel, DecisionModel } from './models';

@Resolver(() => DecisionModel)
export class DecisionResolver {
  constructor(private readonly service: DecisionService) {}

  @Query(() => DecisionModel, { description: 'One expert decision (any published or superseded version; drafts only for admins and experts of the destination).' })
  async decision(@OptionalActor() actor: Actor | null, @Args('id', { type: () => ID }) id: string): Promise<DecisionModel> {
    return this.service.get(id, actor);
  }

  @Query(() => DecisionConnection, {
    description: 'Expert decisions, newest first, Relay-paged. Anyone reads published ones; drafts and approved versions only admins and experts of the destination.',
    complexity: ({ args, childComplexity }) => 1 + Math.max(1, Number(args.first ?? 20)) * childComplexity,
  })
  async decisions(
    @OptionalActor() actor: Actor | null,
    @Args('filter', { type: () => DecisionFilterInput, nullable: true }) filter?: DecisionFilterInput,
    @Args('first', { type: () => Int, defaultValue: 20 }) first = 20,
    @Args('after', { type: () => String, nullable: true }) after?: string,
  ): Promise<DecisionConnection> {
    const page = await this.service.list(filter ?? {}, first, after, actor);
    const edges = page.items.map((node) => ({ cursor: encodeDecisionCursor(node), node }));
    return {
      edges,
      pageInfo: { hasNextPage: page.hasNextPage, hasPreviousPage: !!after, startCursor: edges[0]?.cursor ?? null, endCursor: edges.at(-1)?.cursor ?? null },
      totalCount: page.totalCount,
    };
  }

  @Roles('expert', 'admin')
  @Mutation(() => DecisionModel, { description: 'Drafts a decision from a stored comparison report.' })
  async createDecision(@CurrentActor() actor: Actor, @Args('reportId', { type: () => ID }) reportId: string, @Args('input', { type: () => DecisionInputModel }) input: DecisionInputModel): Promise<DecisionModel> {
    return this.service.create(actor, reportId, input);
  }

  @Roles('expert', 'admin')
  @Mutation(() => DecisionModel, { description: 'Approves a draft: a second expert of the destination jurisdiction, never the author.' })
  async approveDecision(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }) id: string): Promise<DecisionModel> {
    return this.service.approve(actor, id);
  }

  @Roles('expert', 'admin')
  @Mutation(() => DecisionModel, { description: 'Publishes an approved decision; the version it revises becomes SUPERSEDED.' })
  async publishDecision(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }) id: string): Promise<DecisionModel> {
    return this.service.publish(actor, id);
  }

  @Roles('expert', 'admin')
  @Mutation(() => DecisionModel, { description: 'Drafts a new version of a published decision.' })
  async reviseDecision(
    @CurrentActor() actor: Actor,
    @Args('id', { type: () => ID }) id: string,
    @Args('input', { type: () => DecisionInputModel }) input: DecisionInputModel,
    @Args('reportId', { type: () => ID, nullable: true }) reportId?: string,
  ): Promise<DecisionModel> {
    return this.service.revise(actor, id, input, reportId);
  }
}
