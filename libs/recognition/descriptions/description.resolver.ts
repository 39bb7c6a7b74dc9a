import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Actor } from '../../platform/auth/actor';
import { CurrentActor, OptionalActor, Roles } from '../../platform/auth/auth.decorators';
import { Language } from '../../platform/graphql/language.enum';
import { plainInput } from '../../platform/graphql/plain-input';
import { DescriptionService } from './description.service';
import { BinationalDescriptionInput } from './dto/description.input';
import { toDescriptionModel } from './mappers';
import { BinationalDescriptionModel } from './models/description.model';

@Resolver()
export class DescriptionResolver {
  constructor(private readonly service: DescriptionService) {}

  @Query(() => [BinationalDescriptionModel], {
    description: 'Authorised binational descriptions, every version, by key then newest first. Published and superseded ones are public; drafts only for admins and experts of one of their sides.',
  })
  async binationalDescriptions(
    @OptionalActor() actor: Actor | null,
    @Args('key', { type: () => String, nullable: true }) key?: string,
    @Args('status', { type: () => String, nullable: true, description: 'DRAFT, PUBLISHED or SUPERSEDED.' }) status?: string,
    @Args('lang', { type: () => Language, defaultValue: Language.en }) lang: Language = Language.en,
  ): Promise<BinationalDescriptionModel[]> {
    return (await this.service.list({ key, status }, actor)).map((r) => toDescriptionModel(r, lang));
  }

  @Query(() => BinationalDescriptionModel, { description: 'One version of a binational description (a draft only for admins and experts of its sides).' })
  async binationalDescription(
    @OptionalActor() actor: Actor | null,
    @Args('id', { type: () => ID }) id: string,
    @Args('lang', { type: () => Language, defaultValue: Language.en }) lang: Language = Language.en,
  ): Promise<BinationalDescriptionModel> {
    return toDescriptionModel(await this.service.get(id, actor), lang);
  }

  @Roles('expert', 'admin')
  @Mutation(() => BinationalDescriptionModel, { description: 'Drafts a binational description (an expert of one of its sides): version 1 of a new key or the next version (audited).' })
  async draftBinationalDescription(@CurrentActor() actor: Actor, @Args('document', { type: () => BinationalDescriptionInput }) document: BinationalDescriptionInput): Promise<BinationalDescriptionModel> {
    return toDescriptionModel(await this.service.draft(actor, plainInput(document)));
  }

  @Roles('expert', 'admin')
  @Mutation(() => BinationalDescriptionModel, {
    description: 'Approves a draft for the approving expert’s country; never by its author (FORBIDDEN). Published once every country has approved; the previous published version is superseded (audited).',
  })
  async approveBinationalDescription(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }) id: string): Promise<BinationalDescriptionModel> {
    return toDescriptionModel(await this.service.approve(actor, id));
  }
}
