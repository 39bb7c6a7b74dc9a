import { Module } from '@nestjs/common';
import { CredentialsModule } from '../credentials/credentials.module';
import { AuditModule } from '../platform/audit/audit.module';
import { CredentialOfferFieldsResolver, OffersResolver } from './graphql/offers.resolver';
import { Oid4vciController } from './http/oid4vci.controller';
import { OffersService } from './offers.service';
import { Oid4vciService } from './oid4vci.service';
import { WalletOfferRepository } from './persistence/wallet-offer.repository';

/** OpenID4VCI delivery of issued credentials into wallets. Uses credentials for signing; nothing uses it. */
@Module({
  imports: [AuditModule, CredentialsModule],
  controllers: [Oid4vciController],
  providers: [WalletOfferRepository, Oid4vciService, OffersService, OffersResolver, CredentialOfferFieldsResolver],
})
export class WalletModule {}
