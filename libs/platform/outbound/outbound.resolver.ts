import { Args, Field, Mutation, ObjectType, Query, Resolver } from '@nestjs/graphql';
import { Actor } from '../auth/actor';
import { CurrentActor, Roles } from '../auth/auth.decorators';
import { OutboundService } from './outbound.service';

@ObjectType('OutboundHost', { description: 'A host that run-time fetches (did:web documents, status lists, trust lists) may reach.' })
export class OutboundHostModel {
  @Field({ description: 'Host name with optional port, lower case.' })
  host: string;

  @Field(() => String, { nullable: true })
  note: string | null;

  @Field()
  addedBy: string;

  @Field()
  addedAt: Date;
}

@Resolver()
export class OutboundResolver {
  constructor(private readonly outbound: OutboundService) {}

  @Roles('admin')
  @Query(() => [OutboundHostModel], { description: 'The outbound allowlist. Admins only.' })
  outboundAllowlist() {
    return this.outbound.allowedHosts();
  }

  @Roles('admin')
  @Mutation(() => OutboundHostModel, { description: 'Puts a host on the outbound allowlist (audited): its did:web documents and trust lists may then be fetched, over https only.' })
  allowOutboundHost(@CurrentActor() actor: Actor, @Args('host') host: string, @Args('note', { type: () => String, nullable: true }) note?: string | null) {
    return this.outbound.allow(actor, host, note ?? null);
  }

  @Roles('admin')
  @Mutation(() => Boolean, { description: 'Takes a host off the outbound allowlist (audited).' })
  removeOutboundHost(@CurrentActor() actor: Actor, @Args('host') host: string) {
    return this.outbound.disallow(actor, host);
  }
}
