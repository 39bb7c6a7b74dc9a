import { Field, InputType, IntersectionType, OmitType, PartialType } from '@nestjs/graphql';
import { registerStringEnum } from '../../../platform/graphql/string-enum';
import type { IssueKind } from '../../issuance.service';
import { COMMON_REQUEST_FIELDS, CredentialRequestCommonInput } from './credential-request-common.input';
import { IssueDiplomaCredentialInput } from './diploma-request.input';
import { IssueLearningUnitCredentialInput } from './learning-unit-request.input';

export const BatchCredentialKind = registerStringEnum(['LearningUnitCredential', 'DiplomaCredential'] as const satisfies readonly IssueKind[], 'BatchCredentialKind', 'What a batch item issues.');

/**
 * GraphQL has no input unions, so one type carries the fields of both requests; the item's kind
 * says which apply, and the zod schema of that kind checks them (a field of the other kind is refused).
 */
@InputType('IssueCredentialsRequestInput', {
  description: 'An IssueLearningUnitCredentialInput or an IssueDiplomaCredentialInput, by the item kind; fields required by that kind are required.',
})
export class IssueCredentialsRequestInput extends IntersectionType(
  CredentialRequestCommonInput,
  IntersectionType(PartialType(OmitType(IssueLearningUnitCredentialInput, COMMON_REQUEST_FIELDS)), PartialType(OmitType(IssueDiplomaCredentialInput, COMMON_REQUEST_FIELDS))),
) {}

@InputType('IssueCredentialsItemInput')
export class IssueCredentialsItemInput {
  @Field(() => BatchCredentialKind) kind: keyof typeof BatchCredentialKind;
  @Field(() => IssueCredentialsRequestInput) request: IssueCredentialsRequestInput;
}
