import { UseGuards } from '@nestjs/common';
import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { GraphQLJSON } from 'graphql-scalars';
import { Actor } from '../../platform/auth/actor';
import { CurrentActor, Roles } from '../../platform/auth/auth.decorators';
import { AppError } from '../../platform/errors/app-error';
import { plainInput } from '../../platform/graphql/plain-input';
import { GqlThrottlerGuard } from '../../platform/graphql/gql-throttler.guard';
import { IssuanceService } from '../issuance.service';
import { StatusAction, StatusService } from '../status.service';
import { VerificationService } from '../verification.service';
import { toCredentialModel } from './credential.mapper';
import { IssueDiplomaCredentialInput } from './dto/diploma-request.input';
import { IssueCredentialsItemInput } from './dto/issue-credentials-item.input';
import { IssueLearningUnitCredentialInput } from './dto/learning-unit-request.input';
import { IssueRecognitionStatementInput } from './dto/recognition-statement-request.input';
import { IssuanceBatchModel, IssuedCredentialModel, VerificationModel } from './models/credential.model';
import { BatchIssuanceService, MAX_BATCH } from '../batch-issuance.service';
import { AdviseForInput } from '../../recognition/graphql/models';
import { toRouteAdviceModel } from '../../recognition/graphql/mappers';
import { adviceForVerification, RecognitionService } from '../../recognition/recognition.service';

@Resolver()
export class CredentialsResolver {
  constructor(
    private readonly issuance: IssuanceService,
    private readonly status: StatusService,
    private readonly verification: VerificationService,
    private readonly batches: BatchIssuanceService,
    private readonly recognition: RecognitionService,
  ) {}

  @Roles('school')
  @Mutation(() => IssuedCredentialModel, { description: 'Issues a binational learning-unit credential (ELM-style). Idempotent per request.idempotencyKey.' })
  async issueLearningUnitCredential(
    @CurrentActor() actor: Actor,
    @Args('request', { type: () => IssueLearningUnitCredentialInput }) request: IssueLearningUnitCredentialInput,
    @Args('issuer', { type: () => String, nullable: true, description: 'Defaults to the token institution; another institution is refused.' }) issuer?: string,
  ) {
    const r = await this.issuance.issue(actor, 'LearningUnitCredential', plainInput(request), { issuer });
    return toCredentialModel(r.row, r.created);
  }

  @Roles('school')
  @Mutation(() => IssuedCredentialModel, { description: 'Issues a diploma for a catalogue qualification. Idempotent per request.idempotencyKey.' })
  async issueDiplomaCredential(
    @CurrentActor() actor: Actor,
    @Args('request', { type: () => IssueDiplomaCredentialInput }) request: IssueDiplomaCredentialInput,
    @Args('issuer', { type: () => String, nullable: true }) issuer?: string,
  ) {
    const r = await this.issuance.issue(actor, 'DiplomaCredential', plainInput(request), { issuer });
    return toCredentialModel(r.row, r.created);
  }

  @Roles('school')
  @Mutation(() => IssuanceBatchModel, {
    description: `Queues up to ${MAX_BATCH} items ({kind, request}) as one job in PostgreSQL; poll issuanceBatch(id) for progress.`,
  })
  issueCredentials(@CurrentActor() actor: Actor, @Args('items', { type: () => [IssueCredentialsItemInput] }) items: IssueCredentialsItemInput[]) {
    return this.batches.submit(actor, plainInput(items));
  }

  @Roles('school', 'admin')
  @Query(() => IssuanceBatchModel)
  issuanceBatch(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }) id: string) {
    return this.batches.progress(actor, id);
  }

  @Roles('expert', 'admin')
  @Mutation(() => IssuedCredentialModel, {
    description: 'Issues a published expert decision to its holder as a RecognitionStatementCredential, signed by the competent authority.',
  })
  async issueRecognitionStatement(
    @CurrentActor() actor: Actor,
    @Args('request', { type: () => IssueRecognitionStatementInput }) request: IssueRecognitionStatementInput,
  ) {
    const r = await this.issuance.issue(actor, 'RecognitionStatementCredential', plainInput(request));
    return toCredentialModel(r.row, r.created);
  }

  @Roles('school')
  @Mutation(() => IssuedCredentialModel, { description: 'A co-issuing school adds its proof to the proof set.' })
  async cosignCredential(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }) id: string) {
    return toCredentialModel(await this.issuance.cosign(actor, id));
  }

  @Roles('school', 'admin')
  @Mutation(() => IssuedCredentialModel, { description: 'Revokes for good. Only the issuing school or an admin.' })
  revokeCredential(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }) id: string, @Args('reason') reason: string) {
    return this.changeStatus(actor, id, 'REVOKE', reason);
  }

  @Roles('school', 'admin')
  @Mutation(() => IssuedCredentialModel)
  suspendCredential(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }) id: string, @Args('reason') reason: string) {
    return this.changeStatus(actor, id, 'SUSPEND', reason);
  }

  @Roles('school', 'admin')
  @Mutation(() => IssuedCredentialModel)
  reinstateCredential(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }) id: string, @Args('reason') reason: string) {
    return this.changeStatus(actor, id, 'REINSTATE', reason);
  }

  private async changeStatus(actor: Actor, id: string, action: StatusAction, reason: string) {
    return toCredentialModel(await this.status.change(actor, id, action, reason));
  }

  @Roles('school', 'admin')
  @Query(() => IssuedCredentialModel, { description: 'A stored credential, for its issuer, its co-issuers and admins.' })
  async credential(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }) id: string) {
    return toCredentialModel(await this.issuance.getHandled(actor, id, 'only the issuing or co-issuing institution, or an admin, may read a stored credential'));
  }

  @UseGuards(GqlThrottlerGuard)
  @Query(() => VerificationModel, { description: 'Public and rate-limited: verifies a JSON-LD credential or a VC-JOSE JWT string.' })
  async verifyCredential(
    @Args('credential', { type: () => GraphQLJSON, description: 'The JSON-LD credential object or the JWT string.' }) credential: unknown,
    @Args('adviseFor', { type: () => AdviseForInput, nullable: true, description: 'Also return recognition advice for this destination.' }) adviseFor?: AdviseForInput,
  ) {
    const report = await this.verification.verify(credential);
    const qualificationId = await this.verification.linkedQualificationId(report.credential);
    const { advice, adviceNote } = await adviceForVerification(this.recognition, report.valid, qualificationId, adviseFor);
    return { ...report, qualificationId, advice: advice && toRouteAdviceModel(advice), adviceNote };
  }
}
