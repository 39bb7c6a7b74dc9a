import { UseGuards } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { Args, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Actor } from '../../platform/auth/actor';
import { CurrentActor, OptionalActor, Roles } from '../../platform/auth/auth.decorators';
import { GqlThrottlerGuard } from '../../platform/graphql/gql-throttler.guard';
import { AppError } from '../../platform/errors/app-error';
import { plainInput } from '../../platform/graphql/plain-input';
import { Language } from '../../platform/graphql/language.enum';
import { RecognitionService } from '../../recognition/recognition.service';
import { ComparisonService, StoredComparison } from '../comparison.service';
import { NearestEquivalentsService } from '../nearest.service';
import { MappingSuggestionModel } from './dto/mapping-suggestion.model';
import { ComparisonPolicyParamsInput } from './dto/policy-params.input';
import { ComparisonModel, ExperienceEvidenceInput, NearestEquivalentModel, OutcomeMappingInput, OutcomeMappingModel, PolicyModel } from './models';

export function toComparisonModel(c: StoredComparison): ComparisonModel {
  const r = c.report;
  return {
    id: c.id,
    holderId: c.holderQualificationId,
    referenceId: c.referenceQualificationId,
    verdict: r.verdict,
    coverage: r.coverage.overall,
    essentialCoverage: r.coverage.essential,
    eqfGap: r.level.eqfGap,
    units: r.units.map((u) => ({ unitKey: u.unitKey, title: u.title, essential: u.essential, coverage: u.coverage })),
    dimensions: r.coverage.byDimension,
    differences: r.differences.map((d) => ({ ...d, missingOutcomes: d.missing.map((m) => `${m.unitKey}/${m.outcomeKey}`) })),
    reasons: r.reasons,
    // Reports stored by an engine before 2.0.0 lack the parts below: they read as null (or empty), not as errors.
    compensation: r.compensation ? { ...r.compensation, measures: r.compensation.measures ?? [], capMonths: r.compensation.capMonths ?? null, choice: r.compensation.choice ?? null } : null,
    explanation: r.explanation,
    regime: r.regime ?? null,
    training: r.training ?? null,
    documentsNeeded: r.documentsNeeded ?? [],
    sensitivity: r.sensitivity ?? null,
    policyId: r.policy.id,
    policyKey: r.policy.key,
    policyVersion: r.policy.version,
    engineVersion: r.engineVersion,
    lang: r.lang,
    report: r,
    createdAt: c.createdAt,
  };
}

@Resolver()
export class ComparisonResolver {
  constructor(
    private readonly service: ComparisonService,
    private readonly nearestService: NearestEquivalentsService,
    private readonly moduleRef: ModuleRef,
  ) {}

  @UseGuards(GqlThrottlerGuard)
  @Query(() => ComparisonModel, {
    description:
      'Compares a holder’s qualification with a reference qualification. For experts and admins the report is stored (id set; a decision needs it); for everyone else it is computed and returned, and nothing is written (id null). Public calls are rate-limited.',
  })
  async compareQualifications(
    @OptionalActor() actor: Actor | null,
    @Args('holderId', { type: () => ID }) holderId: string,
    @Args('referenceId', { type: () => ID }) referenceId: string,
    @Args('policyId', { type: () => ID, nullable: true }) policyId?: string,
    @Args('evidence', { type: () => [ExperienceEvidenceInput], nullable: true }) evidence?: ExperienceEvidenceInput[],
    @Args('lang', { type: () => Language, defaultValue: Language.en }) lang: Language = Language.en,
  ): Promise<ComparisonModel> {
    const evidenceDocs = evidence?.map((e) => ({ ...(e.description != null ? { description: e.description } : {}), escoSkills: e.escoSkills, years: e.years }));
    const store = actor?.role === 'expert' || actor?.role === 'admin';
    // The law of the pair comes from the recognition rules and registry (the recognition module builds on this one,
    // so it is looked up at call time, not injected).
    const regime = await this.moduleRef.get(RecognitionService, { strict: false }).regimeForPair(holderId, referenceId);
    return toComparisonModel(await this.service.compareQualifications(holderId, referenceId, { policyId, evidence: evidenceDocs, lang, store, ...(regime ? { regime } : {}) }));
  }

  @Roles('expert', 'admin')
  @Query(() => ComparisonModel, { description: 'A stored comparison report: admins and experts of its destination only (it may hold the holder’s experience).' })
  async comparison(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }) id: string): Promise<ComparisonModel> {
    return toComparisonModel(await this.service.comparison(id, 'id', actor));
  }

  @UseGuards(GqlThrottlerGuard)
  @Query(() => [NearestEquivalentModel], { description: 'The destination’s qualifications nearest to this one: top k with score and reason.' })
  async nearestEquivalents(
    @Args('qualificationId', { type: () => ID }) qualificationId: string,
    @Args('destination', { description: 'Jurisdiction code; DE covers DE-NW etc.' }) destination: string,
    @Args('k', { type: () => Int, defaultValue: 10 }) k: number,
    @Args('lang', { type: () => Language, defaultValue: Language.en }) lang: Language = Language.en,
  ): Promise<NearestEquivalentModel[]> {
    const hits = await this.nearestService.nearest(qualificationId, destination, k, lang);
    return hits.map((h) => ({
      qualificationId: h.entry.id,
      key: h.entry.key,
      jurisdiction: h.entry.jurisdiction,
      title: this.nearestService.titleOf(h.entry, lang),
      eqfLevel: h.entry.eqfLevel,
      score: h.score,
      sharedSkills: h.sharedSkills,
      reason: h.reason,
    }));
  }

  @Roles('expert', 'admin')
  @Query(() => [PolicyModel], { description: 'Comparison policies, every version, newest first per key (experts and admins).' })
  async comparisonPolicies(@Args('key', { type: () => String, nullable: true }) key?: string): Promise<PolicyModel[]> {
    return this.service.policies(key);
  }

  @Roles('expert', 'admin')
  @Query(() => [OutcomeMappingModel], { description: 'Expert outcome mappings between two qualifications (experts and admins).' })
  async outcomeMappings(@Args('holderId', { type: () => ID }) holderId: string, @Args('referenceId', { type: () => ID }) referenceId: string): Promise<OutcomeMappingModel[]> {
    return this.service.listMappings(holderId, referenceId);
  }

  @Roles('expert', 'admin')
  @Mutation(() => PolicyModel, {
    description:
      'Stores a new version of a comparison policy (thresholds, weights, essential units). A policy of a jurisdiction belongs to its experts; a shared policy (no jurisdiction, e.g. "default") only to admins. A key keeps the jurisdiction of its first version.',
  })
  async saveComparisonPolicy(
    @CurrentActor() actor: Actor,
    @Args('key') key: string,
    @Args('params', { type: () => ComparisonPolicyParamsInput }) params: ComparisonPolicyParamsInput,
    @Args('note', { type: () => String, nullable: true }) note?: string,
    @Args('jurisdiction', { type: () => String, nullable: true, description: 'The jurisdiction whose experts maintain this policy, e.g. DE-NW; omit for a shared policy (admins only).' })
    jurisdiction?: string,
  ): Promise<PolicyModel> {
    return this.service.savePolicy(actor, key, plainInput(params), note, jurisdiction);
  }

  @Roles('expert', 'admin')
  @Mutation(() => OutcomeMappingModel, { description: 'Asserts or rejects that a holder outcome corresponds to a reference outcome.' })
  async setOutcomeMapping(@CurrentActor() actor: Actor, @Args('input', { type: () => OutcomeMappingInput }) input: OutcomeMappingInput): Promise<OutcomeMappingModel> {
    if (input.status !== 'ASSERTED' && input.status !== 'REJECTED') throw AppError.badInput([{ field: 'input.status', message: 'must be ASSERTED or REJECTED' }]);
    return this.service.setMapping(actor, { ...input, status: input.status });
  }

  @Roles('expert', 'admin')
  @Query(() => [MappingSuggestionModel], {
    description:
      'The engine’s proposed outcome mappings between two qualifications (ESCO tags, wording, cross-language alignment) with the evidence behind each; pairs an expert already asserted or rejected are left out (experts and admins).',
  })
  async outcomeMappingSuggestions(@Args('holderId', { type: () => ID }) holderId: string, @Args('referenceId', { type: () => ID }) referenceId: string): Promise<MappingSuggestionModel[]> {
    return this.service.mappingSuggestions(holderId, referenceId);
  }

  @Roles('expert', 'admin')
  @Mutation(() => [OutcomeMappingModel], {
    description:
      'Confirms (ASSERTED) or rejects (REJECTED) a list of outcome mappings, e.g. reviewed suggestions, in one transaction: each is versioned and audited like setOutcomeMapping, and one bad item writes nothing. Experts of each reference qualification’s jurisdiction.',
  })
  async reviewOutcomeMappings(@CurrentActor() actor: Actor, @Args('input', { type: () => [OutcomeMappingInput] }) input: OutcomeMappingInput[]): Promise<OutcomeMappingModel[]> {
    return this.service.reviewMappings(
      actor,
      input.map((i) => ({ ...i, status: i.status as 'ASSERTED' | 'REJECTED' })),
    );
  }

  @Roles('expert', 'admin')
  @Mutation(() => Boolean, { description: 'Removes an outcome mapping (audited).' })
  async deleteOutcomeMapping(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }) id: string): Promise<boolean> {
    return this.service.deleteMapping(actor, id);
  }
}
