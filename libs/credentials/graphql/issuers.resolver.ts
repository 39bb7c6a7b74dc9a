import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Actor } from '../../platform/auth/actor';
import { CurrentActor, Roles } from '../../platform/auth/auth.decorators';
import { AppError } from '../../platform/errors/app-error';
import { plainInput } from '../../platform/graphql/plain-input';
import { AccreditationService } from '../accreditation.service';
import { IssuerService } from '../issuer.service';
import { AccreditationRow, InstitutionRow } from '../persistence/rows';
import { AccreditationInput } from './dto/accreditation.input';
import { AccreditationModel, InstitutionModel, IssuerKeyModel } from './models/credential.model';

const TYPES = ['SCHOOL', 'CHAMBER', 'AUTHORITY'] as const;

function toAccreditation(r: AccreditationRow): AccreditationModel {
  return {
    id: r.id,
    institutionId: r.institution_id,
    scope: r.scope,
    qualificationKey: r.qualification_key,
    qualificationCode: r.qualification_code,
    qualificationJurisdiction: r.qualification_jurisdiction,
    programme: r.programme,
    sourceUrl: r.source_url,
    validFrom: r.valid_from,
    validUntil: r.valid_until,
  };
}

@Resolver(() => InstitutionModel)
export class IssuersResolver {
  constructor(
    private readonly issuers: IssuerService,
    private readonly accreditation: AccreditationService,
  ) {}

  @Query(() => InstitutionModel, { description: 'An institution of the trust registry (public).' })
  async institution(@Args('id', { type: () => ID }) id: string) {
    const inst = await this.issuers.institution(id);
    if (!inst) throw AppError.notFound('institution', id);
    return toInstitution(inst);
  }

  @Roles('admin')
  @Mutation(() => InstitutionModel, { description: 'Registers an institution with a fresh Ed25519 key and a did:web DID (or a did:key, with didMethod "key").' })
  async registerInstitution(
    @CurrentActor() actor: Actor,
    @Args('id') id: string,
    @Args('name') name: string,
    @Args('jurisdiction') jurisdiction: string,
    @Args('type') type: string,
    @Args('didMethod', { type: () => String, nullable: true, description: '"web" (default) or "key".' }) didMethod?: string | null,
  ) {
    if (!(TYPES as readonly string[]).includes(type)) throw AppError.badInput([{ field: 'type', message: `must be one of ${TYPES.join(', ')}` }]);
    if (didMethod != null && didMethod !== 'web' && didMethod !== 'key') throw AppError.badInput([{ field: 'didMethod', message: 'must be "web" or "key"' }]);
    return toInstitution(await this.issuers.register(actor, { id, name, jurisdiction, type: type as InstitutionRow['type'], didMethod: didMethod ?? 'web' }));
  }

  @Roles('admin')
  @Mutation(() => InstitutionModel, { description: 'Allows or forbids an institution to sign W3C credentials of types other than this service\'s own (VC-API issuance).' })
  async setInstitutionGenericCredentials(@CurrentActor() actor: Actor, @Args('institutionId') institutionId: string, @Args('allowed') allowed: boolean) {
    return toInstitution(await this.issuers.setGenericCredentials(actor, institutionId, allowed));
  }

  @Roles('school', 'admin')
  @Mutation(() => String, { description: 'Rotates the signing key; old public keys stay valid for what they signed. Returns the new key id.' })
  rotateIssuerKey(@CurrentActor() actor: Actor, @Args('institutionId') institutionId: string) {
    return this.issuers.rotateKey(actor, institutionId);
  }

  @Roles('expert', 'admin')
  @Mutation(() => AccreditationModel, { description: 'Records what an institution may award, with source and validity.' })
  async recordAccreditation(@CurrentActor() actor: Actor, @Args('input', { type: () => AccreditationInput }) input: AccreditationInput) {
    return toAccreditation(await this.accreditation.record(actor, plainInput(input)));
  }

  @ResolveField(() => [IssuerKeyModel])
  async keys(@Parent() inst: InstitutionModel): Promise<IssuerKeyModel[]> {
    return (await this.issuers.keysOf(inst.id)).map((k) => ({ id: k.id, publicKeyMultibase: k.public_key_multibase, validFrom: k.valid_from, retiredAt: k.retired_at }));
  }

  @ResolveField(() => [AccreditationModel])
  async accreditations(@Parent() inst: InstitutionModel): Promise<AccreditationModel[]> {
    return (await this.accreditation.list(inst.id)).map(toAccreditation);
  }
}

function toInstitution(i: InstitutionRow): InstitutionModel {
  return { id: i.id, name: i.name, jurisdictionCode: i.jurisdiction_code, type: i.type, did: i.did, allowGenericCredentials: i.allow_generic_credentials, keys: [] };
}
