import { Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { GraphQLJSON } from 'graphql-scalars';

@InputType('ImportTrustListInput', { description: 'A trust list of another instance, taken in by an admin\'s decision together with that instance\'s pinned public key.' })
export class ImportTrustListInput {
  @Field(() => String, { nullable: true, description: 'The list (a `trust-list+jwt`) as pasted. Give this or url.' })
  jwt?: string | null;

  @Field(() => String, { nullable: true, description: 'https URL of the list on a host of the outbound allowlist, e.g. https://nl.example/federation/trust-list.' })
  url?: string | null;

  @Field(() => GraphQLJSON, { nullable: true, description: 'The publishing instance\'s public JWK (Ed25519), obtained out of band. Give this or anchorKeyThumbprint.' })
  anchorJwk?: unknown;

  @Field(() => String, { nullable: true, description: 'RFC 7638 SHA-256 thumbprint of the publishing instance\'s key; the key itself is then taken from the list\'s jwks.' })
  anchorKeyThumbprint?: string | null;

  @Field(() => String, { nullable: true, description: 'The entity identifier of the publishing instance the admin expects (the list\'s iss must be it).' })
  anchor?: string | null;
}

@ObjectType('TrustListEntry', { description: 'An institution an imported trust list vouches for.' })
export class TrustListEntryModel {
  @Field() did: string;
  @Field() name: string;
  @Field() jurisdiction: string;
  @Field(() => GraphQLJSON, { description: 'Accreditations as the list gives them.' }) accreditations: unknown;
  @Field({ description: 'Whether the entry carries a DID document (then proofs of this DID verify without any fetch).' }) hasDidDocument: boolean;
  @Field() validFrom: Date;
  @Field() validUntil: Date;
}

@ObjectType('TrustList', { description: 'A trust list of another instance, imported by an admin.' })
export class TrustListModel {
  @Field(() => ID) id: string;
  @Field({ description: 'The publishing instance (trust anchor), its OpenID Federation entity identifier.' }) anchor: string;
  @Field({ description: 'RFC 7638 thumbprint of the pinned key of the publishing instance.' }) anchorKeyThumbprint: string;
  @Field(() => String, { nullable: true }) sourceUrl: string | null;
  @Field() issuedAt: Date;
  @Field() expiresAt: Date;
  @Field({ description: 'false once expiresAt has passed: its institutions are no longer trusted until an admin refreshes it.' }) inForce: boolean;
  @Field() importedBy: string;
  @Field() importedAt: Date;
  @Field(() => Date, { nullable: true }) refreshedAt: Date | null;
  @Field(() => Int) entryCount: number;
  @Field(() => [TrustListEntryModel]) entries: TrustListEntryModel[];
}

@ObjectType('PinnedDidDocument', { description: 'A DID document of another host, stored by an admin for a known institution.' })
export class PinnedDidDocumentModel {
  @Field() did: string;
  @Field(() => GraphQLJSON) document: unknown;
  @Field() pinnedBy: string;
  @Field() pinnedAt: Date;
}

@ObjectType('FederationAnchor', { description: 'This instance as a trust anchor: what another instance\'s admin pins before importing its list.' })
export class FederationAnchorModel {
  @Field({ description: 'Entity identifier (the public base URL).' }) entityId: string;
  @Field(() => GraphQLJSON, { description: 'Public JWK of the federation key.' }) publicJwk: unknown;
  @Field({ description: 'RFC 7638 SHA-256 thumbprint of publicJwk.' }) thumbprint: string;
  @Field() trustListUrl: string;
  @Field() entityConfigurationUrl: string;
}

@ObjectType('TrustListExport')
export class TrustListExportModel {
  @Field({ description: 'The signed list (trust-list+jwt).' }) jwt: string;
  @Field() expiresAt: Date;
}

