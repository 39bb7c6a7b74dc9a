import { Module } from '@nestjs/common';
import { CatalogueModule } from '../catalogue/catalogue.module';
import { ComparisonModule } from '../comparison/comparison.module';
import { AuditModule } from '../platform/audit/audit.module';
import { DescriptionsModule } from './descriptions/descriptions.module';
import { RecognitionResolver } from './graphql/recognition.resolver';
import { RecognitionRepository } from './persistence/recognition.repository';
import { RecognitionSeedService } from './recognition-seed.service';
import { RecognitionService } from './recognition.service';

@Module({
  imports: [AuditModule, CatalogueModule, ComparisonModule, DescriptionsModule],
  providers: [RecognitionRepository, RecognitionService, RecognitionSeedService, RecognitionResolver],
  exports: [RecognitionService, RecognitionSeedService],
})
export class RecognitionModule {}
