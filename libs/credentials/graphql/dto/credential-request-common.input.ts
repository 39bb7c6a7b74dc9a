import { Field, InputType } from '@nestjs/graphql';
import { GraphQLDateTimeISO } from 'graphql-scalars';
import { CredentialFormat } from './credential-format.enum';
import { LearnerInput } from './learner.input';

/** Fields every issuance request has. */
@InputType({ isAbstract: true })
export class CredentialRequestCommonInput {
  @Field({ description: 'Retries with the same key return the first credential; reusing it for a different request is a CONFLICT.' })
  idempotencyKey: string;

  @Field(() => LearnerInput) learner: LearnerInput;

  @Field(() => GraphQLDateTimeISO, { nullable: true, description: 'End of validity, a date-time with offset.' })
  validUntil?: Date;

  @Field(() => CredentialFormat, { nullable: true, description: 'Default DATA_INTEGRITY.' })
  format?: keyof typeof CredentialFormat;
}

/** The names of the common fields, for the mapped batch request type. */
export const COMMON_REQUEST_FIELDS = ['idempotencyKey', 'learner', 'validUntil', 'format'] as const;
