import { UseGuards } from '@nestjs/common';
import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Actor } from '../../platform/auth/actor';
import { CurrentActor, OptionalActor, Roles } from '../../platform/auth/auth.decorators';
import { GqlThrottlerGuard } from '../../platform/graphql/gql-throttler.guard';
import { plainInput } from '../../platform/graphql/plain-input';
import { Language } from '../../platform/graphql/language.enum';
import { RecognitionService } from '../recognition.service';
import { RecognitionRuleInput } from './dto/recognition-rule.input';
import { RegulatedProfessionInput } from './dto/regulated-profession.input';
import { toRegistryModel, toRouteAdviceModel, toRuleModel } from './mappers';
import { RecognitionPurpose, RecognitionRuleModel, RegulatedProfessionModel, RouteAdviceModel } from './models';

@Resolver()
export class RecognitionResolver {
  constructor(private readonly service: RecognitionService) {}

  @UseGuards(GqlThrottlerGuard)
  @Query(() => RouteAdviceModel, {
    description:
      'What a qualification means in a destination: the route (automatic level or professional recognition, general system, not regulated), the competent authority, the expected outcome with what it rests on, steps and documents. Public and rate-limited; it writes nothing.',
  })
  async recognitionRoute(
    @Args('qualificationId', { type: () => ID }) qualificationId: string,
    @Args('destination', { description: 'Jurisdiction code, e.g. BE-VLG or DE-NW.' }) destination: string,
    @Args('professionId', { type: () => String, nullable: true, description: 'Profession key, e.g. altenpfleger.' }) professionId?: string,
    @Args('purpose', { type: () => RecognitionPurpose, defaultValue: RecognitionPurpose.WORK }) purpose: RecognitionPurpose = RecognitionPurpose.WORK,
    @Args('asOf', { type: () => String, nullable: true, description: 'YYYY-MM-DD; default today.' }) asOf?: string,
    @Args('lang', { type: () => Language, defaultValue: Language.en }) lang: Language = Language.en,
  ): Promise<RouteAdviceModel> {
    return toRouteAdviceModel(await this.service.route({ qualificationId, destination, profession: professionId, purpose, asOf, lang }));
  }

  @Query(() => [RecognitionRuleModel], {
    description: 'Recognition rules, every version, by key then newest version first. Drafts only for admins and experts of the jurisdictions the rule takes effect in.',
  })
  async recognitionRules(
    @OptionalActor() actor: Actor | null,
    @Args('key', { type: () => String, nullable: true }) key?: string,
    @Args('status', { type: () => String, nullable: true, description: 'DRAFT, APPROVED or RETIRED.' }) status?: string,
    @Args('lang', { type: () => Language, defaultValue: Language.en }) lang: Language = Language.en,
  ): Promise<RecognitionRuleModel[]> {
    return (await this.service.rules({ key, status }, actor)).map((r) => toRuleModel(r, lang));
  }

  @Query(() => RecognitionRuleModel, { description: 'One version of a recognition rule (a draft only for admins and experts of its jurisdictions).' })
  async recognitionRule(
    @OptionalActor() actor: Actor | null,
    @Args('id', { type: () => ID }) id: string,
    @Args('lang', { type: () => Language, defaultValue: Language.en }) lang: Language = Language.en,
  ): Promise<RecognitionRuleModel> {
    return toRuleModel(await this.service.rule(id, actor), lang);
  }

  @Query(() => [RegulatedProfessionModel], { description: 'The regulated-profession registry.' })
  async regulatedProfessions(
    @Args('profession', { type: () => String, nullable: true }) profession?: string,
    @Args('jurisdiction', { type: () => String, nullable: true }) jurisdiction?: string,
  ): Promise<RegulatedProfessionModel[]> {
    return (await this.service.registry({ profession, jurisdiction })).map(toRegistryModel);
  }

  @Roles('expert', 'admin')
  @Mutation(() => RecognitionRuleModel, { description: 'Drafts a rule: version 1 of a new key or the next version of an existing one (audited).' })
  async draftRecognitionRule(@CurrentActor() actor: Actor, @Args('document', { type: () => RecognitionRuleInput }) document: RecognitionRuleInput): Promise<RecognitionRuleModel> {
    return toRuleModel(await this.service.draftRule(actor, plainInput(document)));
  }

  @Roles('expert', 'admin')
  @Mutation(() => RecognitionRuleModel, { description: 'Approves a draft: a second expert, never its author (FORBIDDEN).' })
  async approveRecognitionRule(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }) id: string): Promise<RecognitionRuleModel> {
    return toRuleModel(await this.service.approveRule(actor, id));
  }

  @Roles('expert', 'admin')
  @Mutation(() => RecognitionRuleModel, { description: 'Retires an approved rule from retireOn (default today); it still applies for earlier dates.' })
  async retireRecognitionRule(
    @CurrentActor() actor: Actor,
    @Args('id', { type: () => ID }) id: string,
    @Args('retireOn', { type: () => String, nullable: true, description: 'YYYY-MM-DD' }) retireOn?: string,
    @Args('reason', { type: () => String, nullable: true }) reason?: string,
  ): Promise<RecognitionRuleModel> {
    return toRuleModel(await this.service.retireRule(actor, id, retireOn, reason));
  }

  @Roles('expert', 'admin')
  @Mutation(() => RegulatedProfessionModel, { description: 'Creates or updates a registry entry (experts of its jurisdiction; audited).' })
  async upsertRegulatedProfession(@CurrentActor() actor: Actor, @Args('document', { type: () => RegulatedProfessionInput }) document: RegulatedProfessionInput): Promise<RegulatedProfessionModel> {
    return toRegistryModel(await this.service.upsertRegistryEntry(actor, plainInput(document)));
  }
}
