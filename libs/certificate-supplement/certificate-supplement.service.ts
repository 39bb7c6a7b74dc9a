import { Inject, Injectable } from '@nestjs/common';
import { QualificationService } from '../catalogue/qualification.service';
import { ReferenceDataService } from '../catalogue/reference-data.service';
import { assertUuid } from '../comparison/comparison.service';
import { APP_CONFIG } from '../platform/config/config.module';
import { AppConfig } from '../platform/config/config.schema';
import type { PageLang } from '../verify-page/domain/i18n';
import { buildSupplement, Supplement } from './domain/supplement';

/** Europass certificate supplements of catalogue qualifications: public, read-only. */
@Injectable()
export class CertificateSupplementService {
  private readonly baseUrl: string;

  constructor(
    private readonly qualifications: QualificationService,
    private readonly referenceData: ReferenceDataService,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.baseUrl = new URL(config.PUBLIC_BASE_URL).origin;
  }

  async supplement(qualificationId: string, lang: PageLang): Promise<Supplement> {
    assertUuid(qualificationId, 'qualificationId');
    const file = await this.qualifications.exportFile(qualificationId);
    const professions = await this.referenceData.professionsByKeys(file.professions);
    return buildSupplement(qualificationId, file, lang, new Map(professions.map((p) => [p.key, p.title])));
  }

  htmlPath(id: string, lang: PageLang): string {
    return `/qualifications/${id}/certificate-supplement?lang=${lang}`;
  }

  pdfPath(id: string, lang: PageLang): string {
    return `/qualifications/${id}/certificate-supplement.pdf?lang=${lang}`;
  }

  url(path: string): string {
    return `${this.baseUrl}${path}`;
  }
}
