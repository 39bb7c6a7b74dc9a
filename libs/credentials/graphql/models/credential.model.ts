import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { GraphQLJSONObject } from 'graphql-scalars';
import { RouteAdviceModel } from '../../../recognition/graphql/models';

@ObjectType('Institution')
export class InstitutionModel {
  @Field(() => ID)
  id: string;

  @Field()
  name: string;

  @Field()
  jurisdictionCode: string;

  @Field({ description: 'SCHOOL, CHAMBER or AUTHORITY.' })
  type: string;

  @Field({ description: 'did:web identifier (its DID document is served at /issuers/{id}/did.json) or a did:key.' })
  did: string;

  @Field({ description: 'May sign W3C credentials of types other than this service\'s own (VC-API issuance).' })
  allowGenericCredentials: boolean;

  @Field(() => [IssuerKeyModel])
  keys: IssuerKeyModel[];
}

@ObjectType('IssuerKey', { description: 'Public part only; private keys never leave the credentials module.' })
export class IssuerKeyModel {
  @Field(() => ID)
  id: string;

  @Field()
  publicKeyMultibase: string;

  @Field(() => Date)
  validFrom: Date;

  @Field(() => Date, { nullable: true })
  retiredAt: Date | null;
}

@ObjectType('Accreditation')
export class AccreditationModel {
  @Field(() => ID)
  id: string;

  @Field()
  institutionId: string;

  @Field()
  scope: string;

  @Field(() => String, { nullable: true })
  qualificationKey: string | null;

  @Field(() => String, { nullable: true })
  qualificationCode: string | null;

  @Field(() => String, { nullable: true })
  qualificationJurisdiction: string | null;

  @Field(() => String, { nullable: true })
  programme: string | null;

  @Field()
  sourceUrl: string;

  @Field()
  validFrom: string;

  @Field(() => String, { nullable: true })
  validUntil: string | null;
}

@ObjectType('IssuedCredential')
export class IssuedCredentialModel {
  @Field(() => ID)
  id: string;

  @Field()
  type: string;

  @Field({ description: 'DATA_INTEGRITY (eddsa-rdfc-2022 proof set) or JWT (VC-JOSE).' })
  format: string;

  @Field({ description: 'ACTIVE, SUSPENDED or REVOKED.' })
  status: string;

  @Field()
  issuerId: string;

  @Field(() => [String])
  coIssuers: string[];

  @Field(() => [String])
  cosignedBy: string[];

  @Field(() => GraphQLJSONObject, { description: 'The credential (signed, for DATA_INTEGRITY; the JWT payload, for JWT).' })
  credential: unknown;

  @Field(() => String, { nullable: true, description: 'The VC-JOSE compact JWS, for JWT credentials.' })
  jwt: string | null;

  @Field(() => Date)
  issuedAt: Date;

  @Field({ description: 'False when an earlier request with the same idempotency key was returned.' })
  created: boolean;
}

@ObjectType('VerificationCheck')
export class VerificationCheckModel {
  @Field({ description: 'FORMAT, SCHEMA, PROOF, KEY_BINDING (presentations), ISSUER, CO_ISSUERS, ACCREDITATION, HOST_COMPANY, STATUS or VALIDITY.' })
  check: string;

  @Field({ description: 'PASS, FAIL, SKIP or WARN (reported, does not fail the credential).' })
  status: string;

  @Field({ description: 'Machine-readable reason code.' })
  reason: string;

  @Field()
  message: string;

  @Field(() => String, { nullable: true })
  subject?: string;
}

@ObjectType('TrustedBy', { description: 'The imported trust list that vouched for an issuer outside this registry.' })
export class TrustedByModel {
  @Field(() => ID)
  listId: string;

  @Field({ description: 'The publishing instance (its OpenID Federation entity identifier).' })
  anchor: string;

  @Field({ description: 'The institution\'s name as the list gives it.' })
  name: string;

  @Field()
  jurisdiction: string;

  @Field()
  listExpiresAt: string;
}

@ObjectType('CredentialVerification')
export class VerificationModel {
  @Field({ description: 'Every check passed: verified, trusted and, where it applies, accredited.' })
  valid: boolean;

  @Field({ description: 'Format, schema, proofs, status and validity hold, whoever the issuer is.' })
  verified: boolean;

  @Field({ description: 'Every awarding body was accredited at issuance for what the credential awards.' })
  accredited: boolean;

  @Field({ description: 'Every proof verifies.' })
  authentic: boolean;

  @Field({ description: 'The issuer is in the trust registry or in an imported trust list in force.' })
  trusted: boolean;

  @Field(() => TrustedByModel, { nullable: true, description: 'Which imported trust list vouched for the issuer (null: in this registry, or not trusted).' })
  trustedBy: TrustedByModel | null;

  @Field()
  revoked: boolean;

  @Field()
  suspended: boolean;

  @Field()
  expired: boolean;

  @Field(() => String, { nullable: true })
  credentialId: string | null;

  @Field(() => [String])
  types: string[];

  @Field(() => String, { nullable: true })
  issuer: string | null;

  @Field(() => [VerificationCheckModel])
  checks: VerificationCheckModel[];

  @Field(() => ID, { nullable: true, description: 'The catalogue qualification a diploma refers to.' })
  qualificationId: string | null;

  @Field(() => RouteAdviceModel, { nullable: true, description: 'Recognition advice for adviseFor, for a valid credential referring to a catalogue qualification.' })
  advice?: RouteAdviceModel | null;

  @Field(() => String, { nullable: true, description: 'Why no advice was given, when adviseFor was asked.' })
  adviceNote?: string | null;
}

@ObjectType('BatchItemError')
export class BatchItemErrorModel {
  @Field(() => Int)
  position: number;

  @Field()
  error: string;
}

@ObjectType('IssuanceBatch', { description: 'Progress of a bulk issuance job.' })
export class IssuanceBatchModel {
  @Field(() => ID)
  id: string;

  @Field()
  institutionId: string;

  @Field(() => Int)
  total: number;

  @Field(() => Int, { description: 'Credentials newly issued by this batch.' })
  issued: number;

  @Field(() => Int, { description: 'Items whose idempotency key matched an existing credential.' })
  reused: number;

  @Field(() => Int)
  failed: number;

  @Field(() => Int)
  pending: number;

  @Field()
  finished: boolean;

  @Field(() => [BatchItemErrorModel], { description: 'The first 100 failed items.' })
  errors: BatchItemErrorModel[];
}
