import { Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { GraphQLJSON } from 'graphql-scalars';
import { VerificationModel } from '../../credentials/graphql/models/credential.model';

export enum PresentationCredentialKind {
  DIPLOMA = 'DIPLOMA',
  LEARNING_UNIT = 'LEARNING_UNIT',
}
registerEnumType(PresentationCredentialKind, { name: 'PresentationCredentialKind', description: 'The credential an employer asks a wallet for (as dc+sd-jwt).' });

@InputType('CreatePresentationRequestInput')
export class CreatePresentationRequestInput {
  @Field(() => PresentationCredentialKind)
  kind: PresentationCredentialKind;

  @Field(() => String, { nullable: true, description: 'DIPLOMA: only a diploma of this catalogue qualification (key, e.g. nl-mbo-software-developer).' })
  qualificationKey?: string | null;

  @Field(() => String, { nullable: true, description: 'LEARNING_UNIT: only a learning unit of this programme.' })
  programme?: string | null;

  @Field(() => [String], { description: 'Claim paths the employer needs, dotted: givenName, familyName, dateOfBirth, achievement.specifiedBy.title, … (at most 20).' })
  fields: string[];

  @Field({ description: "The employer's jurisdiction, for the recognition advice (e.g. DE-NW)." })
  jurisdiction: string;

  @Field(() => String, { nullable: true, description: 'Profession key for the advice (e.g. altenpfleger).' })
  profession?: string | null;

  @Field(() => Int, { nullable: true, description: 'Minutes until the request expires: default 10, at most 1440.' })
  validForMinutes?: number | null;
}

@ObjectType('PresentationRequest', { description: 'An OpenID4VP authorization request for a wallet (DCQL query, response mode direct_post).' })
export class PresentationRequestModel {
  @Field(() => ID)
  id: string;

  @Field({ description: 'openid4vp:// URI with the request by value (client_id prefix redirect_uri, unsigned): show it as a QR code or a link.' })
  requestUri: string;

  @Field(() => GraphQLJSON, { description: 'The DCQL query the wallet receives.' })
  dcqlQuery: unknown;

  @Field(() => Date)
  expiresAt: Date;

  @Field({ description: 'PENDING until a wallet answers.' })
  status: string;
}

@ObjectType('PresentationIssuer')
export class PresentationIssuerModel {
  @Field()
  did: string;

  @Field(() => String, { nullable: true })
  name: string | null;

  @Field(() => String, { nullable: true })
  jurisdiction: string | null;
}

@ObjectType('PresentationResult', { description: "A presentation request and the wallet's answer, as its employer sees it." })
export class PresentationResultModel {
  @Field(() => ID)
  id: string;

  @Field({ description: 'PENDING, VERIFIED, REFUSED or EXPIRED.' })
  status: string;

  @Field(() => String, { nullable: true, description: 'Why it was refused: the failed check\'s reason code (NONCE_MISMATCH, KEY_BINDING_INVALID, REVOKED, …), QUALIFICATION_MISMATCH or FIELDS_NOT_DISCLOSED.' })
  reason: string | null;

  @Field(() => String, { nullable: true })
  message: string | null;

  @Field()
  kind: string;

  @Field()
  jurisdiction: string;

  @Field(() => String, { nullable: true })
  profession: string | null;

  @Field(() => Date)
  createdAt: Date;

  @Field(() => Date)
  expiresAt: Date;

  @Field(() => Date, { nullable: true })
  answeredAt: Date | null;

  @Field(() => GraphQLJSON, { nullable: true, description: 'The requested fields the holder disclosed, nested as in the credential; nothing else. Null unless VERIFIED.' })
  disclosed: unknown;

  @Field(() => PresentationIssuerModel, { nullable: true })
  issuer: PresentationIssuerModel | null;

  @Field(() => GraphQLJSON, { nullable: true, description: 'What the credential awards (achievement.specifiedBy): the qualification or learning unit.' })
  qualification: unknown;

  @Field(() => VerificationModel, { nullable: true, description: 'The same report as verifyCredential (every check; verified, trusted and accredited apart), with the advice for the request\'s jurisdiction and profession.' })
  verification: VerificationModel | null;
}
