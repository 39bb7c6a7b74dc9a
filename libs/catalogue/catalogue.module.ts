import { Module } from '@nestjs/common';
import { AuditModule } from '../platform/audit/audit.module';
import { CatalogueResolver } from './graphql/catalogue.resolver';
import { QualificationResolver } from './graphql/qualification.resolver';
import { EscoImporter } from './import/esco-importer';
import { QualificationImporter } from './import/qualification-importer';
import { QualificationRepository } from './persistence/qualification.repository';
import { QualificationService } from './qualification.service';
import { ReferenceDataService } from './reference-data.service';
import { SeedService } from './seed.service';

@Module({
  imports: [AuditModule],
  providers: [
    QualificationRepository,
    QualificationService,
    ReferenceDataService,
    QualificationImporter,
    EscoImporter,
    SeedService,
    QualificationResolver,
    CatalogueResolver,
  ],
  exports: [QualificationService, ReferenceDataService, QualificationImporter, EscoImporter, SeedService],
})
export class CatalogueModule {}
