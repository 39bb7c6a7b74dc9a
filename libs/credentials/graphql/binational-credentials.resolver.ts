import { UseGuards } from '@nestjs/common';
import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { GraphQLJSON } from 'graphql-scalars';
import { Actor } from '../../platform/auth/actor';
import { CurrentActor, Roles } from '../../platform/auth/auth.decorators';
import { GqlThrottlerGuard, ThrottleCost } from '../../platform/graphql/gql-throttler.guard';
import { plainInput } from '../../platform/graphql/plain-input';
import { toRouteAdviceModel } from '../../recognition/graphql/mappers';
import { AdviseForInput } from '../../recognition/graphql/models';
import { HolderAdviceService, MAX_HOLDER_CREDENTIALS } from '../holder-advice.service';
import { IssuanceService } from '../issuance.service';
import { toCredentialModel } from './credential.mapper';
import { IssueKeuzedeelCredentialInput, IssueLanguageAchievementCredentialInput } from './dto/language-keuzedeel-request.input';
import { IssuedCredentialModel } from './models/credential.model';
import { HolderAdviceModel } from './models/holder-advice.model';

/** Language certificates and keuzedelen as credentials; route advice over what a holder shows. */
@Resolver()
export class BinationalCredentialsResolver {
  constructor(
    private readonly issuance: IssuanceService,
    private readonly holderAdvice: HolderAdviceService,
  ) {}

  @Roles('school')
  @Mutation(() => IssuedCredentialModel, { description: 'Issues a language certificate with its CEFR level per skill, scheme and assessing body. Idempotent per request.idempotencyKey.' })
  async issueLanguageAchievementCredential(
    @CurrentActor() actor: Actor,
    @Args('request', { type: () => IssueLanguageAchievementCredentialInput }) request: IssueLanguageAchievementCredentialInput,
    @Args('issuer', { type: () => String, nullable: true }) issuer?: string,
  ) {
    const r = await this.issuance.issue(actor, 'LanguageAchievementCredential', plainInput(request), { issuer });
    return toCredentialModel(r.row, r.created);
  }

  @Roles('school')
  @Mutation(() => IssuedCredentialModel, { description: 'Issues a completed keuzedeel (code, title, hours, level). Idempotent per request.idempotencyKey.' })
  async issueKeuzedeelCredential(
    @CurrentActor() actor: Actor,
    @Args('request', { type: () => IssueKeuzedeelCredentialInput }) request: IssueKeuzedeelCredentialInput,
    @Args('issuer', { type: () => String, nullable: true }) issuer?: string,
  ) {
    const r = await this.issuance.issue(actor, 'KeuzedeelCredential', plainInput(request), { issuer });
    return toCredentialModel(r.row, r.created);
  }

  @UseGuards(GqlThrottlerGuard)
  // Each credential is a verification: the call uses as much of the public budget as verifyCredential would.
  @ThrottleCost((args) => (Array.isArray(args.credentials) ? Math.min(args.credentials.length, MAX_HOLDER_CREDENTIALS) : 1))
  @Query(() => HolderAdviceModel, {
    description: `Public and rate-limited: verifies up to ${MAX_HOLDER_CREDENTIALS} credentials of one holder (each counts against the rate limit as one verification) (JSON-LD objects or JWT strings) and gives route advice for the diploma, with the language requirement compared with the verified language certificates. Writes nothing.`,
  })
  async recognitionRouteForCredentials(
    @Args('credentials', { type: () => [GraphQLJSON] }) credentials: unknown[],
    @Args('adviseFor', { type: () => AdviseForInput }) adviseFor: AdviseForInput,
  ): Promise<HolderAdviceModel> {
    const r = await this.holderAdvice.advise(credentials, adviseFor);
    return { ...r, advice: r.advice && toRouteAdviceModel(r.advice) };
  }
}
