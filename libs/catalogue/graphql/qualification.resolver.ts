import { Args, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Actor } from '../../platform/auth/actor';
import { CurrentActor, Roles } from '../../platform/auth/auth.decorators';
import { AppError } from '../../platform/errors/app-error';
import { GraphQLJSON, GraphQLJSONObject } from 'graphql-scalars';
import { Language } from '../../platform/graphql/language.enum';
import { pickLabel } from '../domain/qualification-text';
import { QualificationEntity } from '../persistence/qualification.entity';
import { QualificationRepository } from '../persistence/qualification.repository';
import { MAX_PAGE_SIZE, QualificationService } from '../qualification.service';
import { ReferenceDataService } from '../reference-data.service';
import { QualificationConnection, QualificationModel, QualificationUnitModel, UpsertQualificationResult } from './models/qualification.model';
import { ProfessionModel } from './models/reference-data.model';
import { LocalizedTextModel } from './models/localized-text.model';
import { QualificationFilterInput } from './qualification-filter.input';

const JURISDICTION = /^[A-Z]{2}(-[A-Z]{2,3})?$/;

@Resolver(() => QualificationModel)
export class QualificationResolver {
  constructor(
    private readonly service: QualificationService,
    private readonly repo: QualificationRepository,
    private readonly referenceData: ReferenceDataService,
  ) {}

  @Query(() => QualificationModel, { description: 'One qualification file by id.' })
  async qualification(@Args('id', { type: () => ID }) id: string): Promise<QualificationEntity> {
    return this.service.get(id);
  }

  @Query(() => QualificationConnection, {
    description: 'Qualification files, Relay-paged, ordered by key.',
    // Capped at the page limit, so an oversized `first` reaches the resolver and gets BAD_USER_INPUT naming it.
    complexity: ({ args, childComplexity }) => 1 + Math.min(MAX_PAGE_SIZE, Math.max(1, Number(args.first ?? 20))) * childComplexity,
  })
  async qualifications(
    @Args('filter', { type: () => QualificationFilterInput, nullable: true }) filter?: QualificationFilterInput,
    @Args('first', { type: () => Int, defaultValue: 20 }) first = 20,
    @Args('after', { type: () => String, nullable: true }) after?: string,
  ): Promise<QualificationConnection> {
    const f = filter ?? {};
    if (f.jurisdiction !== undefined && f.jurisdiction !== null && !JURISDICTION.test(f.jurisdiction)) {
      throw AppError.badInput([{ field: 'filter.jurisdiction', message: 'must be a code such as NL, DE-NW or BE-VLG' }]);
    }
    if (f.eqfLevel !== undefined && f.eqfLevel !== null && (f.eqfLevel < 1 || f.eqfLevel > 8)) {
      throw AppError.badInput([{ field: 'filter.eqfLevel', message: 'must be between 1 and 8' }]);
    }
    if (f.text && f.text.length > 200) throw AppError.badInput([{ field: 'filter.text', message: 'must be at most 200 characters' }]);
    const page = await this.service.list(
      { jurisdiction: f.jurisdiction ?? undefined, eqfLevel: f.eqfLevel ?? undefined, profession: f.profession ?? undefined, text: f.text ?? undefined, includeRetired: f.includeRetired ?? false },
      first,
      after,
    );
    return {
      edges: page.items.map((node, i) => ({ cursor: page.cursors[i], node: node as unknown as QualificationModel })),
      pageInfo: {
        hasNextPage: page.hasNextPage,
        hasPreviousPage: page.hasPreviousPage,
        startCursor: page.cursors[0] ?? null,
        endCursor: page.cursors.at(-1) ?? null,
      },
      totalCount: page.totalCount,
    };
  }

  @Query(() => GraphQLJSONObject, { description: 'A qualification as its exchange document (the import format).' })
  async exportQualification(@Args('id', { type: () => ID }) id: string): Promise<unknown> {
    return this.service.exportFile(id);
  }

  @Roles('expert', 'admin')
  @Mutation(() => UpsertQualificationResult, {
    description: 'Creates or updates a qualification file (matched by key). Experts may edit only their jurisdictions.',
  })
  async upsertQualification(
    @CurrentActor() actor: Actor,
    @Args('document', { type: () => GraphQLJSON, description: 'A qualification file; see schemas/qualification-file.schema.json.' }) document: unknown,
  ): Promise<UpsertQualificationResult> {
    const r = await this.service.upsert(actor, document, 'document');
    return { qualification: (await this.service.get(r.id)) as unknown as QualificationModel, created: r.created, changed: r.changed };
  }

  @Roles('expert', 'admin')
  @Mutation(() => QualificationModel, { description: 'Marks a qualification as no longer awarded; it stays readable.' })
  async retireQualification(
    @CurrentActor() actor: Actor,
    @Args('id', { type: () => ID }) id: string,
    @Args('reason') reason: string,
  ): Promise<QualificationEntity> {
    await this.service.get(id);
    return this.service.retire(actor, id, reason);
  }

  @ResolveField(() => String, { nullable: true, description: 'Title in the requested language (with fallback).' })
  title(@Parent() q: QualificationEntity, @Args('lang', { type: () => Language, defaultValue: Language.en }) lang: Language): string | null {
    return pickLabel(q.title, lang);
  }

  @ResolveField('titles', () => LocalizedTextModel)
  titles(@Parent() q: QualificationEntity) {
    return q.title;
  }

  @ResolveField(() => [QualificationUnitModel], { complexity: ({ childComplexity }) => 1 + 5 * childComplexity })
  async units(@Parent() q: QualificationEntity) {
    return this.repo.unitsOf(q.id);
  }

  @ResolveField(() => [ProfessionModel])
  async professions(@Parent() q: QualificationEntity) {
    const keys = (await this.repo.professionKeysOf([q.id])).get(q.id) ?? [];
    return this.referenceData.professionsByKeys(keys);
  }
}
