import { Module } from '@nestjs/common';
import { CatalogueModule } from '../catalogue/catalogue.module';
import { CredentialsModule } from '../credentials/credentials.module';
import { RecognitionModule } from '../recognition/recognition.module';
import { ShareLinksModule } from '../share-links/share-links.module';
import { QrImageReader } from '../offline-qr/qr-image-reader';
import { VerifyPageController } from './verify-page.controller';
import { VerifyPageService } from './verify-page.service';

@Module({
  imports: [CatalogueModule, CredentialsModule, RecognitionModule, ShareLinksModule],
  controllers: [VerifyPageController],
  providers: [VerifyPageService, QrImageReader],
})
export class VerifyPageModule {}
