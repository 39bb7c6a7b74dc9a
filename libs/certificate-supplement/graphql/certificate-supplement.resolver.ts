import { UseGuards } from '@nestjs/common';
import { Args, ID, Query, Resolver } from '@nestjs/graphql';
import { GqlThrottlerGuard } from '../../platform/graphql/gql-throttler.guard';
import { Language } from '../../platform/graphql/language.enum';
import { CertificateSupplementService } from '../certificate-supplement.service';
import { CertificateSupplementModel } from './certificate-supplement.model';

@Resolver()
export class CertificateSupplementResolver {
  constructor(private readonly supplements: CertificateSupplementService) {}

  @UseGuards(GqlThrottlerGuard)
  @Query(() => CertificateSupplementModel, { description: 'Public: the Europass certificate supplement of a catalogue qualification, with its HTML and PDF addresses.' })
  async certificateSupplement(
    @Args('qualificationId', { type: () => ID }) qualificationId: string,
    @Args('lang', { type: () => Language, defaultValue: Language.en }) lang: Language,
  ): Promise<CertificateSupplementModel> {
    const s = await this.supplements.supplement(qualificationId, lang);
    return {
      ...s,
      htmlUrl: this.supplements.url(this.supplements.htmlPath(qualificationId, lang)),
      pdfUrl: this.supplements.url(this.supplements.pdfPath(qualificationId, lang)),
    };
  }
}
