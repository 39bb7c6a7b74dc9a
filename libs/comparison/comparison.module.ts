import { Module } from '@nestjs/common';
import { CatalogueModule } from '../catalogue/catalogue.module';
import { AuditModule } from '../platform/audit/audit.module';
import { ComparisonService } from './comparison.service';
import { DecisionService } from './decision.service';
import { ComparisonResolver } from './graphql/comparison.resolver';
import { DecisionResolver } from './graphql/decision.resolver';
import { NearestEquivalentsService } from './nearest.service';

@Module({
  imports: [AuditModule, CatalogueModule],
  providers: [ComparisonService, DecisionService, NearestEquivalentsService, ComparisonResolver, DecisionResolver],
  exports: [ComparisonService, DecisionService, NearestEquivalentsService],
})
export class ComparisonModule {}
