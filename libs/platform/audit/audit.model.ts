import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { PageInfo } from '../graphql/page-info.model';
import { GraphQLJSON } from 'graphql-scalars';

@ObjectType('AuditEntry')
export class AuditEntryModel {
  @Field(() => ID)
  id: string;

  @Field(() => Date)
  at: Date;

  @Field()
  actor: string;

  @Field()
  actorRole: string;

  @Field()
  action: string;

  @Field()
  entityType: string;

  @Field()
  entityId: string;

  @Field(() => GraphQLJSON, { nullable: true })
  before: unknown;

  @Field(() => GraphQLJSON, { nullable: true })
  after: unknown;
}

@ObjectType('AuditEntryEdge')
export class AuditEntryEdge {
  @Field()
  cursor: string;

  @Field(() => AuditEntryModel)
  node: AuditEntryModel;
}

@ObjectType('AuditEntryConnection')
export class AuditEntryConnection {
  @Field(() => [AuditEntryEdge])
  edges: AuditEntryEdge[];

  @Field(() => PageInfo)
  pageInfo: PageInfo;

  @Field(() => Int)
  totalCount: number;
}
