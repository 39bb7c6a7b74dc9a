import { Args, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { GraphQLJSON } from 'graphql-scalars';
import { Actor } from '../../platform/auth/actor';
import { CurrentActor, Roles } from '../../platform/auth/auth.decorators';
import { AppError } from '../../platform/errors/app-error';
import { decodeJwt } from 'jose';
import { thumbprintOf } from '../domain/federation/trust-list';
import { FederationKeyService } from './federation-key.service';
import { FederationAnchorModel, ImportTrustListInput, PinnedDidDocumentModel, TrustListEntryModel, TrustListExportModel, TrustListModel } from './federation.models';
import { ForeignDidService, PinnedDidDocumentRow } from './foreign-did.service';
import { TrustListRow, TrustListService } from './trust-list.service';

function toList(r: TrustListRow): TrustListModel {
  return {
    id: r.id,
    anchor: r.anchor,
    anchorKeyThumbprint: r.anchor_thumbprint,
    sourceUrl: r.source_url,
    issuedAt: r.issued_at,
    expiresAt: r.expires_at,
    inForce: new Date(r.expires_at).getTime() > Date.now(),
    importedBy: r.imported_by,
    importedAt: r.imported_at,
    refreshedAt: r.refreshed_at,
    entryCount: r.entry_count ?? 0,
    entries: [],
  };
}

const toPinned = (r: PinnedDidDocumentRow): PinnedDidDocumentModel => ({ did: r.did, document: r.document, pinnedBy: r.pinned_by, pinnedAt: r.pinned_at });

@Resolver(() => TrustListModel)
export class FederationResolver {
  constructor(
    private readonly lists: TrustListService,
    private readonly dids: ForeignDidService,
    private readonly keys: FederationKeyService,
  ) {}

  @Query(() => FederationAnchorModel, { description: 'This instance as a trust anchor (public): its entity identifier and federation key.' })
  async federationAnchor(): Promise<FederationAnchorModel> {
    const jwk = await this.keys.publicJwk();
    const entityId = this.lists.anchor;
    return { entityId, publicJwk: jwk, thumbprint: await thumbprintOf(jwk), trustListUrl: `${entityId}/federation/trust-list`, entityConfigurationUrl: `${entityId}/.well-known/openid-federation` };
  }

  @Roles('admin')
  @Query(() => TrustListExportModel, { description: 'Signs this instance\'s trust list with a chosen lifetime (the public endpoint uses TRUST_LIST_VALIDITY_SECONDS). Admins only.' })
  async exportTrustList(@Args('validitySeconds', { type: () => Int, nullable: true }) validitySeconds?: number | null): Promise<TrustListExportModel> {
    if (validitySeconds != null && (validitySeconds < 1 || validitySeconds > 366 * 86_400)) throw AppError.badInput([{ field: 'validitySeconds', message: 'must be between 1 and 31622400' }]);
    const jwt = await this.lists.publishedList(validitySeconds ?? undefined);
    return { jwt, expiresAt: new Date(Number(decodeJwt(jwt).exp) * 1000) };
  }

  @Roles('admin')
  @Query(() => [TrustListModel], { description: 'Trust lists imported from other instances. Admins only.' })
  async trustLists(): Promise<TrustListModel[]> {
    return (await this.lists.lists()).map(toList);
  }

  @Roles('admin')
  @Query(() => TrustListModel, { description: 'One imported trust list with its entries. Admins only.' })
  async trustList(@Args('id', { type: () => ID }) id: string): Promise<TrustListModel> {
    const r = await this.lists.list(id);
    if (!r) throw AppError.notFound('trust list', id);
    return toList(r);
  }

  @ResolveField(() => [TrustListEntryModel])
  async entries(@Parent() list: TrustListModel): Promise<TrustListEntryModel[]> {
    return (await this.lists.entries(list.id)).map((e) => ({ did: e.did, name: e.name, jurisdiction: e.jurisdiction, accreditations: e.accreditations, hasDidDocument: !!e.did_document, validFrom: e.valid_from, validUntil: e.valid_until }));
  }

  @Roles('admin')
  @Mutation(() => TrustListModel, { description: 'Imports another instance\'s trust list: signature (with the pinned key), expiry and issuer are checked; stored and audited. Its institutions are then trusted.' })
  async importTrustList(@CurrentActor() actor: Actor, @Args('input', { type: () => ImportTrustListInput }) input: ImportTrustListInput): Promise<TrustListModel> {
    return toList(await this.lists.import(actor, { ...input }));
  }

  @Roles('admin')
  @Mutation(() => TrustListModel, { description: 'Replaces an imported list by a newer one of the same anchor and key: pasted (jwt) or fetched again from its URL.' })
  async refreshTrustList(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }) id: string, @Args('jwt', { type: () => String, nullable: true }) jwt?: string | null): Promise<TrustListModel> {
    return toList(await this.lists.refresh(actor, id, jwt));
  }

  @Roles('admin')
  @Mutation(() => Boolean, { description: 'Removes an imported trust list: its institutions are no longer trusted. Audited.' })
  removeTrustList(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }) id: string): Promise<boolean> {
    return this.lists.remove(actor, id);
  }

  @Roles('admin')
  @Query(() => [PinnedDidDocumentModel], { description: 'DID documents of other hosts pinned by an admin. Admins only.' })
  async pinnedDidDocuments(): Promise<PinnedDidDocumentModel[]> {
    return (await this.dids.pinned()).map(toPinned);
  }

  @Roles('admin')
  @Mutation(() => PinnedDidDocumentModel, { description: 'Stores the DID document of a known institution\'s did:web on another host; the loader resolves that DID from here, never from the network. Audited.' })
  async pinDidDocument(@CurrentActor() actor: Actor, @Args('did') did: string, @Args('document', { type: () => GraphQLJSON }) document: unknown): Promise<PinnedDidDocumentModel> {
    return toPinned(await this.dids.pin(actor, did, document));
  }

  @Roles('admin')
  @Mutation(() => Boolean, { description: 'Removes a pinned DID document. Audited.' })
  unpinDidDocument(@CurrentActor() actor: Actor, @Args('did') did: string): Promise<boolean> {
    return this.dids.unpin(actor, did);
  }
}
