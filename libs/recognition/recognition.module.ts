import { Module } from '@nestjs/common';
import { CatalogueModule } from '../catalogue/catalogue.module';
import { ComparisonModule } from '../comparison/comparison.module';
import { AuditModule } from '../platform/audit/audit.module';
import { DescriptionsModule } from './descriptions/descriptions.module';
import { LearningCompaniesModule } from './learning-companies/learning-companies.module';
import { RecognitionResolver } from './graphql/recognition.resolver';
import { RecognitionRepository } from './persistence/recognition.repository';
import { RecognitionSeedService } from './recognition-seed.service';
import { RecognitionService } from './recognition.service';

@Module({
  imports: [AuditModule, CatalogueModule, ComparisonModule, DescriptionsModule, LearningCompaniesModule],
  providers: [RecognitionRepository, RecognitionService, RecognitionSeedService, RecognitionResolver],
  exports: [RecognitionService, RecognitionSeedService, LearningCompaniesModule],
})
export class RecognitionModule {}
