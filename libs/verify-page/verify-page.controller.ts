import { Body, Controller, Get, Param, Post, Query, Res, UploadedFile, UseGuards, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ThrottlerGuard } from '@nestjs/throttler';
import type { Response } from 'express';
import { MAX_CREDENTIAL_BYTES } from '../credentials/verification.service';
import { isPng } from '../offline-qr/qr-image';
import { AppError } from '../platform/errors/app-error';
import { PageLang, pageLang } from './domain/i18n';
import { PAGE_CSP, renderPage } from './domain/render';
import { credentialPdf } from './pdf/credential-pdf';
import { VerifyPageService } from './verify-page.service';

interface FormFields {
  credential?: string;
  lang?: string;
  /** The language button on a result page: the same form, posted again in that language. */
  switchLang?: string;
  jurisdiction?: string;
  profession?: string;
}

const str = (v: unknown) => (typeof v === 'string' ? v : undefined);

/** Server-rendered pages for people: works without JavaScript, rate-limited, writes nothing. */
@Controller()
@UseGuards(ThrottlerGuard)
export class VerifyPageController {
  constructor(private readonly pages: VerifyPageService) {}

  private send(res: Response, body: string, status = 200) {
    res.status(status);
    res.setHeader('Content-Security-Policy', PAGE_CSP);
    res.setHeader('X-Content-Type-Options', 'nosniff');
    // Share-link pages carry their token in the address: it must not leak to the pages they link to.
    res.setHeader('Referrer-Policy', 'no-referrer');
    res.setHeader('Cache-Control', 'no-store');
    res.type('text/html; charset=utf-8').send(body);
  }

  @Get('verify')
  async form(@Query() q: Record<string, unknown>, @Res() res: Response) {
    const lang = pageLang(q.lang);
    this.send(res, renderPage(await this.pages.formModel(lang)));
  }

  @Post('verify')
  @UseInterceptors(FileInterceptor('file', { limits: { fileSize: MAX_CREDENTIAL_BYTES, files: 1, fields: 10, fieldSize: MAX_CREDENTIAL_BYTES } }))
  async verify(@Body() body: FormFields, @UploadedFile() file: { buffer: Buffer } | undefined, @Res() res: Response) {
    const lang = pageLang(body?.switchLang ?? body?.lang);
    const image = file?.buffer?.length && isPng(file.buffer) ? file.buffer : undefined;
    const fromFile = file?.buffer?.length && !image ? file.buffer.toString('utf8') : undefined;
    const text = (fromFile ?? str(body?.credential) ?? '').trim();
    try {
      const model = await this.pages.verifyModel(lang, text, { jurisdiction: str(body?.jurisdiction), profession: str(body?.profession) }, image);
      this.send(res, renderPage(model));
    } catch (e) {
      // The QR reader's queue is full: the form again, saying so, with 429.
      if (!(e instanceof AppError && e.code === 'TOO_MANY_REQUESTS')) throw e;
      this.send(res, renderPage({ ...(await this.pages.formModel(lang)), notice: 'qrReaderBusy' }), 429);
    }
  }

  @Get('s/:token')
  async share(@Param('token') token: string, @Query() q: Record<string, unknown>, @Res() res: Response) {
    const lang = pageLang(q.lang);
    const { model, status } = await this.pages.shareModel(lang, token, { jurisdiction: str(q.jurisdiction), profession: str(q.profession) });
    this.send(res, renderPage(model), status);
  }

  @Get('s/:token/pdf')
  async pdf(@Param('token') token: string, @Query('lang') langParam: string | undefined, @Res() res: Response) {
    const lang: PageLang = pageLang(langParam);
    const printable = await this.pages.printable(lang, token);
    if ('model' in printable) return this.send(res, renderPage(printable.model), printable.status);
    const pdf = await credentialPdf(printable);
    res.setHeader('Cache-Control', 'no-store');
    res.setHeader('Referrer-Policy', 'no-referrer');
    res.setHeader('Content-Disposition', `inline; filename="credential-${lang}.pdf"`);
    res.type('application/pdf').send(pdf);
  }
}
