import { Query, Resolver } from '@nestjs/graphql';
import { ReferenceDataService } from '../reference-data.service';
import { FrameworkModel, JurisdictionModel, ProfessionModel } from './models/reference-data.model';

@Resolver()
export class CatalogueResolver {
  constructor(private readonly referenceData: ReferenceDataService) {}

  @Query(() => [JurisdictionModel])
  jurisdictions() {
    return this.referenceData.jurisdictions();
  }

  @Query(() => [FrameworkModel], { description: 'Qualification frameworks with each national level mapped to EQF.' })
  frameworks() {
    return this.referenceData.frameworks();
  }

  @Query(() => [ProfessionModel])
  professions() {
    return this.referenceData.professions();
  }
}
