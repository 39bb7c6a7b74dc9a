import { Injectable } from '@nestjs/common';
import { LearningCompanyService } from '../recognition/learning-companies/learning-company.service';
import type { Check } from './domain/verification';
import type { VerifiableCredential } from './domain/proofs';

const PREFIX = 'urn:recognition:learning-company:';

/**
 * The host company of a learning unit's activity: was it a recognised learning company for the whole activity,
 * from the awarding school's country's view? PASS when it was; WARN (reported, not failing) when it was not or is
 * not in the registry. No check when the credential names no host.
 */
@Injectable()
export class HostCompanyCheck {
  constructor(private readonly companies: LearningCompanyService) {}

  async check(credential: VerifiableCredential, issuerJurisdiction: string | null): Promise<Check[]> {
    const claim = credential.credentialSubject?.hasClaim;
    const activity = claim?.influencedBy;
    const host: unknown = activity?.hostCompany;
    if (typeof host !== 'string' || !host.startsWith(PREFIX)) return [];
    const key = host.slice(PREFIX.length);
    const result = await this.companies.hostRecognition(key, {
      programme: typeof claim?.specifiedBy?.programme === 'string' ? claim.specifiedBy.programme : null,
      startDate: activity.startDate,
      endDate: activity.endDate,
      issuerJurisdiction,
    });
    if (!result) return [{ check: 'HOST_COMPANY', status: 'WARN', reason: 'HOST_UNKNOWN', message: `host company "${key}" is not in the learning-company registry`, subject: host }];
    return [{ check: 'HOST_COMPANY', status: result.recognised ? 'PASS' : 'WARN', reason: result.reason, message: result.message, subject: host }];
  }
}
