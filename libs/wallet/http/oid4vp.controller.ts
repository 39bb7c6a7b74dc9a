import { Body, Controller, Param, Post, Res, UseGuards } from '@nestjs/common';
import { ThrottlerGuard } from '@nestjs/throttler';
import type { Response } from 'express';
import { OAuthError } from '../oid4vci.service';
import { Oid4vpService } from '../oid4vp.service';

/** The OpenID4VP response endpoint (direct_post). Public: the wallet answers here; errors are OAuth error objects, never 5xx. */
@Controller()
export class Oid4vpController {
  constructor(private readonly oid4vp: Oid4vpService) {}

  @UseGuards(ThrottlerGuard)
  @Post('oid4vp/requests/:id/response')
  async response(@Param('id') id: string, @Body() body: unknown, @Res() res: Response) {
    res.setHeader('Cache-Control', 'no-store');
    try {
      const { status, body: out } = await this.oid4vp.respond(id, body && typeof body === 'object' && !Array.isArray(body) ? (body as Record<string, unknown>) : {});
      res.status(status).json(out);
    } catch (e) {
      if (!(e instanceof OAuthError)) throw e;
      res.status(e.status).json(e.body());
    }
  }
}
