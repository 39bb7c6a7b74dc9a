import { Field, ID, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('CredentialOffer', { description: 'An OpenID4VCI credential offer (pre-authorized code flow) of one issued credential.' })
export class CredentialOfferModel {
  @Field(() => ID)
  id: string;

  @Field()
  credentialId: string;

  @Field({ description: 'Given and family name of the credential subject, for the mail merge.' })
  learner: string;

  @Field({ description: 'openid-credential-offer:// URI, by value, holding the single-use pre-authorized code.' })
  offerUri: string;

  @Field({ description: 'The transaction code (6 digits). Shown only here, once: send it to the learner by another channel than the offer.' })
  txCode: string;

  @Field(() => Date)
  expiresAt: Date;

  @Field(() => [String], { description: 'Credential configurations of the issuer metadata offered: one per format.' })
  configurationIds: string[];
}

@ObjectType('CredentialOfferCohort')
export class CredentialOfferCohortModel {
  @Field(() => ID)
  cohortId: string;

  @Field(() => [CredentialOfferModel])
  offers: CredentialOfferModel[];

  @Field({ description: 'CSV (RFC 4180, CRLF) with one line per offer: offer_id, credential_id, learner, offer_uri, tx_code, expires_at.' })
  csv: string;
}

@ObjectType('CredentialOfferStatus', { description: 'An offer as its school sees it later; codes are not shown again.' })
export class CredentialOfferStatusModel {
  @Field(() => ID)
  id: string;

  @Field(() => ID, { nullable: true })
  cohortId: string | null;

  @Field(() => Date)
  createdAt: Date;

  @Field(() => Date)
  expiresAt: Date;

  @Field(() => Date, { nullable: true })
  redeemedAt: Date | null;

  @Field(() => Int)
  failedTxAttempts: number;

  @Field(() => [String], { description: 'Credential configurations already delivered (or deferred) for this offer.' })
  delivered: string[];

  @Field({ description: 'OPEN, REDEEMED, LOCKED (five wrong transaction codes) or EXPIRED.' })
  state: string;
}
