import { Module } from '@nestjs/common';
import { CatalogueModule } from '../catalogue/catalogue.module';
import { CertificateSupplementController } from './certificate-supplement.controller';
import { CertificateSupplementService } from './certificate-supplement.service';
import { CertificateSupplementResolver } from './graphql/certificate-supplement.resolver';

@Module({
  imports: [CatalogueModule],
  controllers: [CertificateSupplementController],
  providers: [CertificateSupplementService, CertificateSupplementResolver],
})
export class CertificateSupplementModule {}
