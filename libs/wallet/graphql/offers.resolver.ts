import { Args, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Actor } from '../../platform/auth/actor';
import { CurrentActor, Roles } from '../../platform/auth/auth.decorators';
import { MAX_OFFER_TTL_HOURS } from '../domain/offer-policy';
import { CreatedOffer, MAX_COHORT, offerQr, OffersService } from '../offers.service';
import { CredentialOfferCohortModel, CredentialOfferModel, CredentialOfferStatusModel } from './offer.model';

@Resolver()
export class OffersResolver {
  constructor(private readonly offers: OffersService) {}

  @Roles('school', 'expert', 'admin')
  @Mutation(() => CredentialOfferModel, {
    description: "The issuing school offers one of its credentials to the learner's wallet (OpenID4VCI, pre-authorized code with tx_code); a recognition statement is offered by an expert of the authority's jurisdiction or an admin.",
  })
  async createCredentialOffer(
    @CurrentActor() actor: Actor,
    @Args('credentialId', { type: () => ID }) credentialId: string,
    @Args('validForHours', { type: () => Int, nullable: true, description: `Default 336 (14 days), at most ${MAX_OFFER_TTL_HOURS}.` }) validForHours?: number,
  ) {
    return (await this.offers.create(actor, [credentialId], validForHours)).offers[0];
  }

  @Roles('school', 'expert', 'admin')
  @Query(() => [CredentialOfferStatusModel], { description: 'The wallet offers of one credential and their state (open, redeemed, locked, expired).' })
  credentialOffers(@CurrentActor() actor: Actor, @Args('credentialId', { type: () => ID }) credentialId: string) {
    return this.offers.list(actor, credentialId);
  }

  @Roles('school', 'expert', 'admin')
  @Mutation(() => CredentialOfferCohortModel, { description: `Offers for a whole cohort (up to ${MAX_COHORT} credentials) in one call, with a CSV for a mail merge.` })
  createCredentialOffers(
    @CurrentActor() actor: Actor,
    @Args('credentialIds', { type: () => [ID] }) credentialIds: string[],
    @Args('validForHours', { type: () => Int, nullable: true }) validForHours?: number,
  ) {
    return this.offers.create(actor, credentialIds, validForHours, true);
  }
}

@Resolver(() => CredentialOfferModel)
export class CredentialOfferFieldsResolver {
  @ResolveField(() => String, { description: 'The offer URI as an SVG QR code.' })
  qrSvg(@Parent() offer: CreatedOffer) {
    return offerQr(offer.offerUri, 'svg');
  }

  @ResolveField(() => String, { description: 'The offer URI as a PNG QR code (data: URL).' })
  qrPng(@Parent() offer: CreatedOffer) {
    return offerQr(offer.offerUri, 'png');
  }
}
