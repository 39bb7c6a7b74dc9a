import { Controller, Get, Param, Query, Res, UseGuards } from '@nestjs/common';
import { ThrottlerGuard } from '@nestjs/throttler';
import type { Response } from 'express';
import { pageLang } from '../verify-page/domain/i18n';
import { PAGE_CSP } from '../verify-page/domain/render';
import { CertificateSupplementService } from './certificate-supplement.service';
import { supplementPdf } from './domain/pdf';
import { renderSupplement } from './domain/render';

@Controller('qualifications/:id')
@UseGuards(ThrottlerGuard)
export class CertificateSupplementController {
  constructor(private readonly supplements: CertificateSupplementService) {}

  @Get('certificate-supplement')
  async html(@Param('id') id: string, @Query('lang') langParam: string | undefined, @Res() res: Response) {
    const lang = pageLang(langParam);
    const s = await this.supplements.supplement(id, lang);
    res.setHeader('Content-Security-Policy', PAGE_CSP);
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Cache-Control', 'public, max-age=300');
    res.type('text/html; charset=utf-8').send(renderSupplement(s, this.supplements.pdfPath(id, lang)));
  }

  @Get('certificate-supplement.pdf')
  async pdf(@Param('id') id: string, @Query('lang') langParam: string | undefined, @Res() res: Response) {
    const lang = pageLang(langParam);
    const pdf = await supplementPdf(await this.supplements.supplement(id, lang));
    res.setHeader('Cache-Control', 'public, max-age=300');
    res.setHeader('Content-Disposition', `inline; filename="certificate-supplement-${lang}.pdf"`);
    res.type('application/pdf').send(pdf);
  }
}
