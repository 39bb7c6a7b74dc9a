import { Module } from '@nestjs/common';
import { CredentialsModule } from '../credentials/credentials.module';
import { AuditModule } from '../platform/audit/audit.module';
import { ShareLinksResolver } from './graphql/share-links.resolver';
import { ShareLinkService } from './share-link.service';

@Module({
  imports: [AuditModule, CredentialsModule],
  providers: [ShareLinkService, ShareLinksResolver],
  exports: [ShareLinkService],
})
export class ShareLinksModule {}
