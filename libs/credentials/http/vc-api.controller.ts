import { Body, Controller, HttpCode, Post, Req, Res, UseGuards } from '@nestjs/common';
import { ThrottlerGuard } from '@nestjs/throttler';
import type { Request, Response } from 'express';
import { Actor } from '../../platform/auth/actor';
import { CurrentActor, Roles } from '../../platform/auth/auth.decorators';
import { AppError } from '../../platform/errors/app-error';
import { IssuanceService, IssueKind } from '../issuance.service';
import { VerificationService } from '../verification.service';

/**
 * W3C VC-API. Issuance takes this service's issuance request as `credential` (the subject is built
 * and signed here, never taken verbatim) and the credential type in `options.type`.
 */
@Controller()
export class VcApiController {
  constructor(
    private readonly issuance: IssuanceService,
    private readonly verification: VerificationService,
  ) {}

  @Roles('school')
  @Post('credentials/issue')
  @HttpCode(201)
  async issue(@CurrentActor() actor: Actor, @Body() body: { credential?: unknown; options?: { type?: string; issuer?: string } }) {
    const type = body?.options?.type ?? 'LearningUnitCredential';
    if (type !== 'LearningUnitCredential' && type !== 'DiplomaCredential') {
      throw AppError.badInput([{ field: 'options.type', message: 'must be LearningUnitCredential or DiplomaCredential' }]);
    }
    const r = await this.issuance.issue(actor, type as IssueKind, body?.credential, { issuer: body?.options?.issuer, root: 'credential' });
    return r.row.format === 'JWT' ? { verifiableCredential: r.row.jwt } : { verifiableCredential: r.row.document };
  }

  @UseGuards(ThrottlerGuard)
  @Post('credentials/verify')
  async verify(@Body() body: { verifiableCredential?: unknown }, @Res() res: Response) {
    if (!body || body.verifiableCredential === undefined) {
      res.status(400).json({ error: { code: 'BAD_USER_INPUT', message: 'verifiableCredential: is required' } });
      return;
    }
    const report = await this.verification.verify(body.verifiableCredential);
    const malformed = report.checks.some((c) => c.status === 'FAIL' && (c.check === 'FORMAT' || c.check === 'SCHEMA'));
    const { credential: _c, ...result } = report;
    res.status(report.valid ? 200 : malformed ? 400 : 422).json({
      verified: report.valid,
      checks: report.checks.filter((c) => c.status === 'PASS').map((c) => c.check.toLowerCase()),
      warnings: report.checks.filter((c) => c.status === 'SKIP' || c.status === 'WARN').map((c) => `${c.check}: ${c.reason}: ${c.message}`),
      errors: report.checks.filter((c) => c.status === 'FAIL').map((c) => `${c.check}: ${c.reason}: ${c.message}`),
      report: result,
    });
  }

  @UseGuards(ThrottlerGuard)
  @Post('presentations/verify')
  async verifyPresentation(@Req() _req: Request, @Body() body: { verifiablePresentation?: { verifiableCredential?: unknown } }, @Res() res: Response) {
    const vp = body?.verifiablePresentation;
    if (!vp || typeof vp !== 'object') {
      res.status(400).json({ error: { code: 'BAD_USER_INPUT', message: 'verifiablePresentation: is required' } });
      return;
    }
    const creds = Array.isArray(vp.verifiableCredential) ? vp.verifiableCredential : vp.verifiableCredential ? [vp.verifiableCredential] : [];
    if (!creds.length || creds.length > 20) {
      res.status(400).json({ error: { code: 'BAD_USER_INPUT', message: 'verifiablePresentation.verifiableCredential: needs 1 to 20 credentials' } });
      return;
    }
    // The presentation itself is unsigned here (no holder binding yet); each credential is verified in full.
    const results = [];
    for (const c of creds) {
      const { credential: _c, ...r } = await this.verification.verify(c);
      results.push(r);
    }
    const verified = results.every((r) => r.valid);
    res.status(verified ? 200 : 422).json({ verified, credentialResults: results });
  }
}
