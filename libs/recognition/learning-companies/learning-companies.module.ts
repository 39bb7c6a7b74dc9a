import { Module } from '@nestjs/common';
import { AuditModule } from '../../platform/audit/audit.module';
import { LearningCompanyRepository } from './learning-company.repository';
import { LearningCompanyResolver } from './learning-company.resolver';
import { LearningCompanyService } from './learning-company.service';

/** Recognised learning companies (SBB erkend leerbedrijf, chambers' training companies), with cross-border acceptance. */
@Module({
  imports: [AuditModule],
  providers: [LearningCompanyRepository, LearningCompanyService, LearningCompanyResolver],
  exports: [LearningCompanyService],
})
export class LearningCompaniesModule {}
