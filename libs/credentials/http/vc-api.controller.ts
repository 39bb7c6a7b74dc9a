import { Body, Controller, HttpCode, Post, Res, UseGuards } from '@nestjs/common';
import { ThrottlerGuard } from '@nestjs/throttler';
import type { Response } from 'express';
import { Actor } from '../../platform/auth/actor';
import { CurrentActor, Roles } from '../../platform/auth/auth.decorators';
import { AppError } from '../../platform/errors/app-error';
import { IssuanceService, IssueKind } from '../issuance.service';
import { OpenIssuanceService } from '../open-issuance.service';
import { PresentationVerificationService } from '../presentation-verification.service';
import { VALIDITY_CHECKS } from '../domain/verification';
import { StatusService } from '../status.service';
import { VerificationService } from '../verification.service';
import { parseStatusUpdate } from '../domain/status-update';

/**
 * W3C VC-API. Issuance takes either a W3C credential (`credential` with an `@context`; signed as given after
 * the checks of OpenIssuanceService) or this service's issuance request (the subject is built here; the
 * credential type in `options.type`).
 */
@Controller()
export class VcApiController {
  constructor(
    private readonly issuance: IssuanceService,
    private readonly verification: VerificationService,
    private readonly open: OpenIssuanceService,
    private readonly status: StatusService,
    private readonly presentations: PresentationVerificationService,
  ) {}

  @Roles('school')
  @Post('credentials/issue')
  @HttpCode(201)
  async issue(@CurrentActor() actor: Actor, @Body() body: { credential?: unknown; options?: { type?: string; issuer?: string } }) {
    const c = body?.credential;
    if (c && typeof c === 'object' && !Array.isArray(c) && '@context' in c) return { verifiableCredential: await this.open.issue(actor, c, body.options) };
    const type = body?.options?.type ?? 'LearningUnitCredential';
    if (type !== 'LearningUnitCredential' && type !== 'DiplomaCredential') {
      throw AppError.badInput([{ field: 'options.type', message: 'must be LearningUnitCredential or DiplomaCredential' }]);
    }
    const r = await this.issuance.issue(actor, type as IssueKind, body?.credential, { issuer: body?.options?.issuer, root: 'credential' });
    return r.row.format === 'JWT' ? { verifiableCredential: r.row.jwt } : { verifiableCredential: r.row.document };
  }

  /**
   * VC-API update status: revoke, suspend or reinstate a credential this school issued, named by the id in the
   * credential. The same transition, checks and audit as the GraphQL mutations.
   */
  @Roles('school', 'admin')
  @Post('credentials/status')
  @HttpCode(200)
  async updateStatus(@CurrentActor() actor: Actor, @Body() body: unknown) {
    const update = parseStatusUpdate(body);
    if (Array.isArray(update)) throw AppError.badInput(update);
    const row = await this.issuance.byAnyId(actor, update.credentialId);
    const changed = await this.status.change(actor, row.id, update.action, `${update.action.toLowerCase()} through the VC-API (POST /credentials/status)`);
    return { credentialId: update.credentialId, id: changed.id, status: changed.status };
  }

  /**
   * 200 with `verified: true` when format, schema, proofs, status and validity hold, also for an issuer outside
   * this registry (then `trusted: false` and a warning); 400 for a malformed credential, 422 for one that fails.
   */
  @UseGuards(ThrottlerGuard)
  @Post('credentials/verify')
  async verify(@Body() body: { verifiableCredential?: unknown; options?: { checks?: unknown } }, @Res() res: Response) {
    if (!body || body.verifiableCredential === undefined) {
      res.status(400).json({ error: { code: 'BAD_USER_INPUT', message: 'verifiableCredential: is required' } });
      return;
    }
    const checks = body.options?.checks;
    if (checks !== undefined && !(Array.isArray(checks) && checks.every((x) => typeof x === 'string'))) {
      res.status(400).json({ error: { code: 'BAD_USER_INPUT', message: 'options.checks: must be an array of check names' } });
      return;
    }
    const report = await this.verification.verify(body.verifiableCredential, { checks: checks as string[] | undefined });
    const malformed = report.checks.some((c) => c.status === 'FAIL' && (c.check === 'FORMAT' || c.check === 'SCHEMA'));
    const { credential: _c, ...result } = report;
    const trustProblems = report.checks.filter((c) => c.status === 'FAIL' && !VALIDITY_CHECKS.includes(c.check));
    res.status(report.verified ? 200 : malformed ? 400 : 422).json({
      verified: report.verified,
      trusted: report.trusted,
      trustedBy: report.trustedBy,
      accredited: report.accredited,
      checks: [...new Set(report.checks.filter((c) => c.status === 'PASS').map((c) => c.check.toLowerCase()))],
      warnings: [...report.checks.filter((c) => c.status === 'SKIP' || c.status === 'WARN'), ...(report.verified ? trustProblems : [])].map((c) => `${c.check}: ${c.reason}: ${c.message}`),
      errors: report.checks.filter((c) => c.status === 'FAIL' && (!report.verified || VALIDITY_CHECKS.includes(c.check))).map((c) => `${c.check}: ${c.reason}: ${c.message}`),
      report: result,
    });
  }

  /**
   * A presentation: its data model, the holder's proof when present (authentication, options.challenge and
   * options.domain; the holder, when named, must be the signer) and each credential in full. 200 when all hold.
   */
  @UseGuards(ThrottlerGuard)
  @Post('presentations/verify')
  async verifyPresentation(@Body() body: { verifiablePresentation?: unknown; options?: { challenge?: unknown; domain?: unknown } }, @Res() res: Response) {
    const r = await this.presentations.verify(body?.verifiablePresentation, body?.options ?? {});
    res.status(r.status).json(r.body);
  }


}
