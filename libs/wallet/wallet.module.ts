import { Module } from '@nestjs/common';
import { CredentialsModule } from '../credentials/credentials.module';
import { AuditModule } from '../platform/audit/audit.module';
import { RecognitionModule } from '../recognition/recognition.module';
import { CredentialOfferFieldsResolver, OffersResolver } from './graphql/offers.resolver';
import { PresentationRequestFieldsResolver, PresentationsResolver } from './graphql/presentations.resolver';
import { Oid4vciController } from './http/oid4vci.controller';
import { Oid4vpController } from './http/oid4vp.controller';
import { OffersService } from './offers.service';
import { Oid4vciService } from './oid4vci.service';
import { Oid4vpService } from './oid4vp.service';
import { PresentationRequestRepository } from './persistence/presentation-request.repository';
import { PresentationsService } from './presentations.service';
import { WalletOfferRepository } from './persistence/wallet-offer.repository';

/** OpenID4VCI delivery of issued credentials into wallets and the OpenID4VP verifier of employers. Uses credentials and recognition; nothing uses it. */
@Module({
  imports: [AuditModule, CredentialsModule, RecognitionModule],
  controllers: [Oid4vciController, Oid4vpController],
  providers: [
    WalletOfferRepository,
    Oid4vciService,
    OffersService,
    OffersResolver,
    CredentialOfferFieldsResolver,
    PresentationRequestRepository,
    Oid4vpService,
    PresentationsService,
    PresentationsResolver,
    PresentationRequestFieldsResolver,
  ],
})
export class WalletModule {}
