import { Body, Controller, Get, Header, NotFoundException, Param, Post, Req, Res, UseGuards } from '@nestjs/common';
import { ThrottlerGuard } from '@nestjs/throttler';
import type { Request, Response } from 'express';
import { OwnAuthorization } from '../../platform/auth/auth.decorators';
import { CONFIGURATIONS } from '../domain/configurations';
import { HttpAnswer, OAuthError, Oid4vciService } from '../oid4vci.service';

/** OpenID4VCI over HTTP: metadata, token and credential endpoints. Errors are OAuth error objects, never 5xx for bad input. */
@Controller()
export class Oid4vciController {
  constructor(private readonly oid4vci: Oid4vciService) {}

  @Get('.well-known/openid-credential-issuer')
  @Header('Cache-Control', 'public, max-age=300')
  issuerMetadata() {
    return this.oid4vci.issuerMetadata;
  }

  @Get('.well-known/oauth-authorization-server')
  @Header('Cache-Control', 'public, max-age=300')
  authorizationServerMetadata() {
    return this.oid4vci.authorizationServerMetadata;
  }

  /** SD-JWT VC type metadata of a vct this issuer uses. */
  @Get('vct/:name')
  @Header('Cache-Control', 'public, max-age=3600')
  typeMetadata(@Param('name') name: string) {
    const vct = `${this.oid4vci.issuerUrl}/vct/${name}`;
    const conf = CONFIGURATIONS.find((c) => c.format === 'dc+sd-jwt' && (this.oid4vci.issuerMetadata.credential_configurations_supported[c.id] as { vct?: string }).vct === vct);
    if (!conf) throw new NotFoundException(`no credential type "${name}"`);
    return { vct, name: conf.kind, description: `${conf.kind} of the recognition engine as an SD-JWT VC`, display: (this.oid4vci.issuerMetadata.credential_configurations_supported[conf.id] as { credential_metadata?: unknown }).credential_metadata };
  }

  @OwnAuthorization()
  @Post('oid4vci/token')
  async token(@Req() req: Request, @Body() body: unknown, @Res() res: Response) {
    await answer(res, async () => ({ status: 200, body: await this.oid4vci.token(asRecord(body), { method: req.method, url: fullUrl(req), headers: headersOf(req) }) }));
  }

  @OwnAuthorization()
  @Post('oid4vci/credential')
  async credential(@Req() req: Request, @Body() body: unknown, @Res() res: Response) {
    await answer(res, () => this.oid4vci.credential(req.headers.authorization, asRecord(body)));
  }

  @UseGuards(ThrottlerGuard)
  @Post('oid4vci/nonce')
  async nonce(@Res() res: Response) {
    await answer(res, () => this.oid4vci.nonce());
  }

  @OwnAuthorization()
  @Post('oid4vci/deferred')
  async deferred(@Req() req: Request, @Body() body: unknown, @Res() res: Response) {
    await answer(res, () => this.oid4vci.deferred(req.headers.authorization, asRecord(body)));
  }
}

async function answer(res: Response, work: () => Promise<HttpAnswer>): Promise<void> {
  res.setHeader('Cache-Control', 'no-store');
  try {
    const { status, body } = await work();
    res.status(status).json(body);
  } catch (e) {
    if (!(e instanceof OAuthError)) throw e;
    if (e.status === 401) res.setHeader('WWW-Authenticate', `Bearer error="${e.error}"`);
    res.status(e.status).json(e.body());
  }
}

function asRecord(body: unknown): Record<string, unknown> {
  return body && typeof body === 'object' && !Array.isArray(body) ? (body as Record<string, unknown>) : {};
}

function headersOf(req: Request): Headers {
  const h = new Headers();
  for (const [k, v] of Object.entries(req.headers)) if (typeof v === 'string') h.set(k, v);
  return h;
}

function fullUrl(req: Request): string {
  return `${req.protocol}://${req.get('host')}${req.originalUrl}`;
}
