import { Module } from '@nestjs/common';
import { CatalogueModule } from '../catalogue/catalogue.module';
import { AuditModule } from '../platform/audit/audit.module';
import { OutboundModule } from '../platform/outbound/outbound.module';
import { FederationController } from './federation/federation.controller';
import { FederationKeyService } from './federation/federation-key.service';
import { FederationResolver } from './federation/federation.resolver';
import { ForeignDidService } from './federation/foreign-did.service';
import { ForeignStatusListService } from './federation/foreign-status-list.service';
import { TrustListService } from './federation/trust-list.service';
import { RecognitionModule } from '../recognition/recognition.module';
import { APP_CONFIG } from '../platform/config/config.module';
import { AppConfig } from '../platform/config/config.schema';
import { AccreditationService } from './accreditation.service';
import { BatchIssuanceService } from './batch-issuance.service';
import { CredentialsCache } from './credentials-cache';
import { CredentialsSettings } from './credentials.settings';
import { DemoSeedService } from './demo-seed.service';
import { BinationalCredentialsResolver } from './graphql/binational-credentials.resolver';
import { CredentialsResolver } from './graphql/credentials.resolver';
import { HolderAdviceService } from './holder-advice.service';
import { HostCompanyCheck } from './host-company.check';
import { IssuersResolver } from './graphql/issuers.resolver';
import { PublicDocumentsController } from './http/public-documents.controller';
import { VcApiController } from './http/vc-api.controller';
import { HolderDeliveryService } from './holder-delivery.service';
import { IssuanceService } from './issuance.service';
import { OpenIssuanceService } from './open-issuance.service';
import { IssuerService, KEY_ENCRYPTION_KEY } from './issuer.service';
import { loadKeyEncryptionKey } from './key-encryption-key';
import { ProofPool } from './proof-pool/proof-pool.service';
import { CredentialLoader } from './loader.provider';
import { CredentialsRepository } from './persistence/credentials.repository';
import { StatusService } from './status.service';
import { PresentationVerificationService } from './presentation-verification.service';
import { SecretCodes } from './secret-codes.service';
import { VerificationService } from './verification.service';

@Module({
  imports: [AuditModule, OutboundModule, CatalogueModule, RecognitionModule],
  controllers: [PublicDocumentsController, VcApiController, FederationController],
  providers: [
    { provide: CredentialsSettings, useFactory: (c: AppConfig) => new CredentialsSettings(c), inject: [APP_CONFIG] },
    { provide: KEY_ENCRYPTION_KEY, useFactory: (c: AppConfig) => loadKeyEncryptionKey(c), inject: [APP_CONFIG] },
    CredentialsRepository,
    CredentialsCache,
    IssuerService,
    CredentialLoader,
    ProofPool,
    StatusService,
    AccreditationService,
    IssuanceService,
    OpenIssuanceService,
    BatchIssuanceService,
    VerificationService,
    PresentationVerificationService,
    SecretCodes,
    HolderDeliveryService,
    DemoSeedService,
    CredentialsResolver,
    IssuersResolver,
    HolderAdviceService,
    HostCompanyCheck,
    BinationalCredentialsResolver,
    FederationKeyService,
    TrustListService,
    ForeignDidService,
    ForeignStatusListService,
    FederationResolver,
  ],
  exports: [SecretCodes, HolderDeliveryService, DemoSeedService, IssuerService, IssuanceService, VerificationService, AccreditationService, StatusService],
})
export class CredentialsModule {}
