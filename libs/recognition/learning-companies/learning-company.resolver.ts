import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Actor } from '../../platform/auth/actor';
import { CurrentActor, Roles } from '../../platform/auth/auth.decorators';
import { plainInput } from '../../platform/graphql/plain-input';
import type { RecognisingBody } from './domain/learning-company.schema';
import { LearningCompanyInput } from './dto/learning-company.input';
import type { LearningCompanyRow } from './learning-company.repository';
import { LearningCompanyService } from './learning-company.service';
import { LearningCompanyModel } from './models/learning-company.model';

const body = (b: RecognisingBody) => ({ name: b.name, jurisdiction: b.jurisdiction, url: b.url ?? null });

export function toLearningCompanyModel(r: LearningCompanyRow): LearningCompanyModel {
  const d = r.document;
  return {
    id: r.id,
    key: d.key,
    name: d.name,
    jurisdiction: d.jurisdiction,
    location: d.location ?? null,
    recognitions: d.recognitions.map((x) => ({
      recognisingBody: body(x.recognisingBody),
      qualificationKeys: x.qualificationKeys,
      programmes: x.programmes,
      validFrom: x.validFrom,
      validUntil: x.validUntil ?? null,
      acceptedBy: x.acceptedBy.map((a) => ({ body: body(a.body), validFrom: a.validFrom, validUntil: a.validUntil ?? null, sourceUrls: a.sources.map((s) => s.url) })),
      sourceUrls: x.sources.map((s) => s.url),
      notes: x.notes ?? null,
    })),
    notes: d.notes ?? null,
    document: d,
    updatedAt: r.updated_at,
  };
}

@Resolver()
export class LearningCompanyResolver {
  constructor(private readonly service: LearningCompanyService) {}

  @Query(() => [LearningCompanyModel], { description: 'Companies recognised to host learners (public), by jurisdiction (a country includes its Länder), programme or qualification.' })
  async learningCompanies(
    @Args('jurisdiction', { type: () => String, nullable: true }) jurisdiction?: string,
    @Args('programme', { type: () => String, nullable: true }) programme?: string,
    @Args('qualificationKey', { type: () => String, nullable: true }) qualificationKey?: string,
  ): Promise<LearningCompanyModel[]> {
    return (await this.service.list({ jurisdiction, programme, qualificationKey })).map(toLearningCompanyModel);
  }

  @Query(() => LearningCompanyModel, { description: 'One learning company by key (public).' })
  async learningCompany(@Args('key') key: string): Promise<LearningCompanyModel> {
    return toLearningCompanyModel(await this.service.get(key));
  }

  @Roles('expert', 'admin')
  @Mutation(() => LearningCompanyModel, {
    description: 'Creates or replaces a learning company. An expert changes only recognitions and acceptances by bodies of their own jurisdictions (FORBIDDEN otherwise); audited.',
  })
  async upsertLearningCompany(@CurrentActor() actor: Actor, @Args('document', { type: () => LearningCompanyInput }) document: LearningCompanyInput): Promise<LearningCompanyModel> {
    return toLearningCompanyModel(await this.service.upsert(actor, plainInput(document)));
  }
}
