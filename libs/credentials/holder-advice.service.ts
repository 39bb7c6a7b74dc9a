import { Injectable } from '@nestjs/common';
import type { LanguageAchievementFact } from '../recognition/domain/language';
import type { RouteAdvice } from '../recognition/domain/advise';
import { type AdviseFor, RecognitionService } from '../recognition/recognition.service';
import { AppError } from '../platform/errors/app-error';
import type { VerifiableCredential } from './domain/proofs';
import { VerificationService } from './verification.service';

export const MAX_HOLDER_CREDENTIALS = 10;

export type CredentialUse = 'DIPLOMA' | 'LANGUAGE' | 'NOT_USED';

export interface HolderCredentialResult {
  index: number;
  credentialId: string | null;
  types: string[];
  valid: boolean;
  use: CredentialUse;
  note: string | null;
}

export interface HolderAdvice {
  credentials: HolderCredentialResult[];
  qualificationId: string | null;
  advice: RouteAdvice | null;
  adviceNote: string | null;
}

interface Holder {
  id?: string;
  givenName?: string;
  familyName?: string;
}

/** Two subjects are the same holder when both carry an id and the ids match, else when their names match. */
export function sameHolder(a: Holder, b: Holder): boolean {
  if (a.id && b.id) return a.id === b.id;
  const norm = (s?: string) => (s ?? '').trim().toLocaleLowerCase('en');
  return !!norm(a.givenName) && norm(a.givenName) === norm(b.givenName) && norm(a.familyName) === norm(b.familyName);
}

/** A verified language credential's claim, as the route advisor takes it. */
export function languageFact(c: VerifiableCredential): LanguageAchievementFact {
  const claim = c.credentialSubject.hasClaim;
  return { credentialId: typeof c.id === 'string' ? c.id : null, language: claim.language, scheme: claim.certificateScheme, assessingBody: claim.assessingBody, levels: { ...claim.cefrLevel } };
}

/**
 * Route advice for what a holder shows: each credential is verified; a valid diploma gives the qualification,
 * valid language certificates of the same holder give the language levels compared with the destination's requirement.
 */
@Injectable()
export class HolderAdviceService {
  constructor(
    private readonly verification: VerificationService,
    private readonly recognition: RecognitionService,
  ) {}

  async advise(credentials: unknown[], adviseFor: AdviseFor): Promise<HolderAdvice> {
    if (!credentials.length || credentials.length > MAX_HOLDER_CREDENTIALS) {
      throw AppError.badInput([{ field: 'credentials', message: `give 1 to ${MAX_HOLDER_CREDENTIALS} credentials` }]);
    }
    const results: HolderCredentialResult[] = [];
    const valid: Array<{ index: number; credential: VerifiableCredential; types: string[] }> = [];
    for (const [index, input] of credentials.entries()) {
      const report = await this.verification.verify(input);
      results.push({ index, credentialId: report.credentialId, types: report.types, valid: report.valid, use: 'NOT_USED', note: report.valid ? null : 'did not verify' });
      if (report.valid && report.credential) valid.push({ index, credential: report.credential, types: report.types });
    }
    const diplomas = valid.filter((v) => v.types.includes('DiplomaCredential'));
    let diploma: (typeof valid)[number] | null = null;
    let qualificationId: string | null = null;
    for (const d of diplomas) {
      const id = await this.verification.linkedQualificationId(d.credential);
      if (!id) {
        results[d.index].note = 'does not refer to a catalogue qualification';
        continue;
      }
      if (qualificationId && id !== qualificationId) throw AppError.badInput([{ field: `credentials[${d.index}]`, message: 'a second diploma of another qualification; send one diploma per request' }]);
      diploma ??= d;
      qualificationId = id;
      results[d.index].use = 'DIPLOMA';
    }
    if (!diploma || !qualificationId) return { credentials: results, qualificationId: null, advice: null, adviceNote: 'No advice: no valid diploma credential referring to a catalogue qualification.' };

    const languages: LanguageAchievementFact[] = [];
    for (const v of valid.filter((x) => x.types.includes('LanguageAchievementCredential'))) {
      if (!sameHolder(v.credential.credentialSubject, diploma.credential.credentialSubject)) {
        results[v.index].note = 'another holder than the diploma’s';
        continue;
      }
      languages.push(languageFact(v.credential));
      results[v.index].use = 'LANGUAGE';
    }
    const advice = await this.recognition.route({
      qualificationId,
      destination: adviseFor.jurisdiction,
      profession: adviseFor.profession,
      purpose: adviseFor.purpose,
      lang: adviseFor.lang,
      asOf: adviseFor.asOf,
      languages,
    });
    return { credentials: results, qualificationId, advice, adviceNote: null };
  }
}
