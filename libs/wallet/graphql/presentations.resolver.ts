import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Actor } from '../../platform/auth/actor';
import { CurrentActor, Roles } from '../../platform/auth/auth.decorators';
import { plainInput } from '../../platform/graphql/plain-input';
import { toRouteAdviceModel } from '../../recognition/graphql/mappers';
import { PresentationRequestSpec } from '../domain/presentation-request';
import { CreatedPresentationRequest, PresentationsService, requestQr } from '../presentations.service';
import { CreatePresentationRequestInput, PresentationRequestModel, PresentationResultModel } from './presentation.model';

@Resolver()
export class PresentationsResolver {
  constructor(private readonly presentations: PresentationsService) {}

  @Roles('employer', 'admin')
  @Mutation(() => PresentationRequestModel, { description: "An employer asks a holder's wallet for a credential (OpenID4VP, DCQL, direct_post): show requestUri or its QR code, then poll presentationResult." })
  createPresentationRequest(@CurrentActor() actor: Actor, @Args('input', { type: () => CreatePresentationRequestInput }) input: CreatePresentationRequestInput) {
    return this.presentations.create(actor, plainInput(input) as PresentationRequestSpec);
  }

  @Roles('employer', 'admin')
  @Query(() => PresentationResultModel, { description: 'The state and, once answered, the verification of a presentation request; only for the employer who created it, or an admin.' })
  async presentationResult(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }) id: string) {
    const r = await this.presentations.result(actor, id);
    return { ...r, verification: r.verification && { ...r.verification, advice: r.verification.advice && toRouteAdviceModel(r.verification.advice) } };
  }
}

@Resolver(() => PresentationRequestModel)
export class PresentationRequestFieldsResolver {
  @ResolveField(() => String, { description: 'The request URI as an SVG QR code.' })
  qrSvg(@Parent() r: CreatedPresentationRequest) {
    return requestQr(r.requestUri, 'svg');
  }

  @ResolveField(() => String, { description: 'The request URI as a PNG QR code (data: URL).' })
  qrPng(@Parent() r: CreatedPresentationRequest) {
    return requestQr(r.requestUri, 'png');
  }
}
