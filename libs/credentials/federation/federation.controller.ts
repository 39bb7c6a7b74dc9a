import { BadRequestException, Controller, Get, NotFoundException, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { TrustListService } from './trust-list.service';

/** OpenID Federation endpoints of this instance as a trust anchor, and its trust list. Public, read-only. */
@Controller()
export class FederationController {
  constructor(private readonly lists: TrustListService) {}

  @Get('.well-known/openid-federation')
  async entityConfiguration(@Res() res: Response) {
    res.setHeader('Cache-Control', 'public, max-age=300');
    res.type('application/entity-statement+jwt').send(await this.lists.entityConfiguration());
  }

  @Get('federation/trust-list')
  async trustList(@Res() res: Response) {
    res.setHeader('Cache-Control', 'public, max-age=300');
    res.type('application/trust-list+jwt').send(await this.lists.publishedList());
  }

  @Get('federation/list')
  async list() {
    return this.lists.subjects();
  }

  @Get('federation/fetch')
  async fetch(@Query('sub') sub: unknown, @Res() res: Response) {
    if (typeof sub !== 'string' || !sub || sub.length > 512) throw new BadRequestException('sub: is required (the DID of a subordinate)');
    const jwt = await this.lists.statement(sub);
    if (!jwt) throw new NotFoundException(`sub: no subordinate "${sub.slice(0, 200)}"`);
    res.type('application/entity-statement+jwt').send(jwt);
  }
}
