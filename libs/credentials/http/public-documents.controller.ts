import { Controller, Get, Header, NotFoundException, Param, Res } from '@nestjs/common';
import type { Response } from 'express';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../../platform/project-root';
import { CredentialsSettings } from '../credentials.settings';
import { recognitionContextDocument } from '../domain/constants';
import { statusPolicyPage } from '../domain/status-policy';
import { HolderDeliveryService } from '../holder-delivery.service';
import { IssuerService } from '../issuer.service';
import { StatusService } from '../status.service';

/** DID documents, status lists, the JSON-LD context and JSON Schemas: static, cacheable, public. */
@Controller()
export class PublicDocumentsController {
  constructor(
    private readonly issuers: IssuerService,
    private readonly status: StatusService,
    private readonly settings: CredentialsSettings,
    private readonly delivery: HolderDeliveryService,
  ) {}

  @Get('issuers/:id/did.json')
  async didDocument(@Param('id') id: string, @Res() res: Response) {
    const doc = /^[a-z0-9][a-z0-9-]{1,62}$/.test(id) ? await this.issuers.didDocument(this.settings.didOf(id)) : null;
    if (!doc) throw new NotFoundException(`no institution "${id}"`);
    res.setHeader('Cache-Control', 'public, max-age=300');
    res.type('application/did+ld+json').send(JSON.stringify(doc));
  }

  @Get('status/:listId')
  async statusList(@Param('listId') listId: string, @Res() res: Response) {
    const vc = await this.status.listCredential(listId);
    if (!vc) throw new NotFoundException(`no status list "${listId}"`);
    // Short max-age: revocations must reach verifiers quickly; a CDN can still absorb the load.
    res.setHeader('Cache-Control', 'public, max-age=60');
    res.type('application/vc+ld+json').send(JSON.stringify(vc));
  }

  /** The same revocation list as an IETF Token Status List, for SD-JWT VCs delivered to wallets. */
  @Get('status/:listId/token')
  async tokenStatusList(@Param('listId') listId: string, @Res() res: Response) {
    const jwt = await this.delivery.tokenStatusList(listId);
    if (!jwt) throw new NotFoundException(`no revocation list "${listId}"`);
    res.setHeader('Cache-Control', 'public, max-age=60');
    res.type('application/statuslist+jwt').send(jwt);
  }

  /** What the status bits mean: the statusReference of the entries the VC-API adds. */
  @Get('status-policy')
  @Header('Cache-Control', 'public, max-age=86400')
  @Header('Content-Type', 'text/html; charset=utf-8')
  @Header('Content-Security-Policy', "default-src 'none'; base-uri 'none'; frame-ancestors 'none'")
  statusPolicy() {
    return statusPolicyPage();
  }

  @Get('contexts/recognition/v1')
  @Header('Cache-Control', 'public, max-age=86400, immutable')
  @Header('Content-Type', 'application/ld+json')
  context() {
    return JSON.stringify(recognitionContextDocument());
  }

  @Get('schemas/:file')
  schema(@Param('file') file: string, @Res() res: Response) {
    if (!/^[a-z0-9-]+\.schema\.json$/.test(file)) throw new NotFoundException(`no schema "${file}"`);
    let text: string;
    try {
      text = readFileSync(join(projectRoot(), 'schemas', file), 'utf8');
    } catch {
      throw new NotFoundException(`no schema "${file}"`);
    }
    res.setHeader('Cache-Control', 'public, max-age=3600');
    res.type('application/schema+json').send(text);
  }
}
