import { Field, ID, InputType } from '@nestjs/graphql';
import { CredentialRequestCommonInput } from './credential-request-common.input';

@InputType('IssueRecognitionStatementInput', { description: 'A published expert decision for its holder; see schemas/recognition-statement-request.schema.json.' })
export class IssueRecognitionStatementInput extends CredentialRequestCommonInput {
  @Field({ description: 'The AUTHORITY institution that issues the statement.' }) authority: string;
  @Field(() => ID) decisionId: string;
}
