import { Injectable } from '@nestjs/common';
import { credentialSubjectIds, presentationJwtOf, presentationProblems, presentedCredentials } from './domain/presentation';
import { VerificationService } from './verification.service';

export interface PresentationVerification {
  status: 200 | 400 | 422;
  body: Record<string, unknown>;
}

/**
 * A presentation: its data model, the holder's proof (Data Integrity with purpose authentication, or the JWT
 * envelope), bound to options.challenge and options.domain; the holder, when named, must be the signer; each
 * credential in full. 200 when all hold.
 */
@Injectable()
export class PresentationVerificationService {
  constructor(private readonly verification: VerificationService) {}

  async verify(input: unknown, o: { challenge?: unknown; domain?: unknown }): Promise<PresentationVerification> {
    const optionProblems: string[] = [];
    if (o.challenge !== undefined && typeof o.challenge !== 'string') optionProblems.push('options.challenge: must be a string');
    if (o.domain !== undefined && typeof o.domain !== 'string') optionProblems.push('options.domain: must be a string');
    const bind = { challenge: o.challenge as string | undefined, domain: o.domain as string | undefined };
    const badInput = (problems: string[]): PresentationVerification => ({ status: 400, body: { verified: false, error: { code: 'BAD_USER_INPUT', message: problems.join('; ') }, errors: problems } });

    let vp = input;
    const errors: string[] = [];
    const warnings: string[] = [];
    let signer: string | undefined;
    const jwt = vp === undefined ? null : presentationJwtOf(vp);
    if (jwt !== null) {
      // Enveloped (JWT) presentation: the holder's signature is the envelope.
      const r = await this.verification.verifyPresentationJwt(jwt, bind);
      if (!r.presentation) return badInput([`verifiablePresentation: ${r.error ?? 'not a presentation'}`, ...optionProblems]);
      vp = r.presentation;
      if (r.verified) signer = r.controller;
      else errors.push(`PRESENTATION_PROOF: INVALID: ${r.error}`);
      if (r.verified && bind.challenge === undefined) warnings.push('PRESENTATION_PROOF: NO_CHALLENGE: no options.challenge was given; nothing binds the presentation to this request');
    }
    const problems = [...(vp === undefined ? ['verifiablePresentation: is required'] : presentationProblems(vp)), ...optionProblems];
    if (problems.length) return badInput(problems);
    const presentation = vp as Record<string, unknown>;
    if (jwt === null) {
      if (presentation.proof === undefined) {
        warnings.push('PRESENTATION_PROOF: NO_PROOF: the presentation is not signed; nothing binds it to a holder or to this request');
      } else {
        const p = await this.verification.verifyPresentationProof(presentation, bind);
        if (p.verified) signer = p.controller;
        else errors.push(`PRESENTATION_PROOF: INVALID: ${p.error}`);
      }
    }
    const holder = typeof presentation.holder === 'string' ? presentation.holder : (presentation.holder as { id?: string } | undefined)?.id;
    if (signer && holder && signer !== holder) errors.push(`PRESENTATION_PROOF: NOT_HOLDER: signed by ${signer}, not by the holder ${holder}`);
    const results = [];
    for (const [i, c] of presentedCredentials(presentation).entries()) {
      const { credential, ...r } = await this.verification.verify(c);
      results.push(r);
      // Presenting a credential about someone else is allowed by the data model; the verifier is told.
      const subjects = credentialSubjectIds(credential);
      if (signer && subjects.length && !subjects.includes(signer)) warnings.push(`HOLDER_BINDING: NOT_SUBJECT: credential ${i} is about ${subjects.join(', ')}; the presentation was signed by ${signer}`);
    }
    const verified = !errors.length && results.every((r) => r.verified);
    return { status: verified ? 200 : 422, body: { verified, errors, warnings, credentialResults: results } };
  }
}
