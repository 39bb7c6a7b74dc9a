import { Body, Controller, HttpCode, Post, Res, UseGuards } from '@nestjs/common';
import { ThrottlerGuard } from '@nestjs/throttler';
import type { Response } from 'express';
import { Actor } from '../../platform/auth/actor';
import { CurrentActor, Roles } from '../../platform/auth/auth.decorators';
import { AppError } from '../../platform/errors/app-error';
import { IssuanceService, IssueKind } from '../issuance.service';
import { OpenIssuanceService } from '../open-issuance.service';
import { presentationProblems, presentedCredentials } from '../domain/presentation';
import { VALIDITY_CHECKS } from '../domain/verification';
import { VerificationService } from '../verification.service';

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
    const vp = body?.verifiablePresentation;
    const problems = vp === undefined ? ['verifiablePresentation: is required'] : presentationProblems(vp);
    const o = body?.options ?? {};
    if (o.challenge !== undefined && typeof o.challenge !== 'string') problems.push('options.challenge: must be a string');
    if (o.domain !== undefined && typeof o.domain !== 'string') problems.push('options.domain: must be a string');
    if (problems.length) {
      res.status(400).json({ verified: false, error: { code: 'BAD_USER_INPUT', message: problems.join('; ') }, errors: problems });
      return;
    }
    const presentation = vp as Record<string, unknown>;
    const errors: string[] = [];
    const warnings: string[] = [];
    if (presentation.proof === undefined) {
      warnings.push('PRESENTATION_PROOF: NO_PROOF: the presentation is not signed; nothing binds it to a holder or to this request');
    } else {
      const p = await this.verification.verifyPresentationProof(presentation, { challenge: o.challenge as string | undefined, domain: o.domain as string | undefined });
      const holder = typeof presentation.holder === 'string' ? presentation.holder : (presentation.holder as { id?: string } | undefined)?.id;
      if (!p.verified) errors.push(`PRESENTATION_PROOF: INVALID: ${p.error}`);
      else if (holder && p.controller !== holder) errors.push(`PRESENTATION_PROOF: NOT_HOLDER: signed by ${p.controller}, not by the holder ${holder}`);
    }
    const results = [];
    for (const c of presentedCredentials(presentation)) {
      const { credential: _c, ...r } = await this.verification.verify(c);
      results.push(r);
    }
    const verified = !errors.length && results.every((r) => r.verified);
    res.status(verified ? 200 : 422).json({ verified, errors, warnings, credentialResults: results });
  }
}
