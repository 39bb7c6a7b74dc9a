import { Module } from '@nestjs/common';
import { AuditModule } from '../../platform/audit/audit.module';
import { DescriptionRepository } from './description.repository';
import { DescriptionResolver } from './description.resolver';
import { DescriptionService } from './description.service';

/** Authorised binational descriptions (geautoriseerde beschrijvingen). */
@Module({
  imports: [AuditModule],
  providers: [DescriptionRepository, DescriptionService, DescriptionResolver],
  exports: [DescriptionService],
})
export class DescriptionsModule {}
