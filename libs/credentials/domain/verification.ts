/** Verification report: every check in order, each PASS / FAIL / SKIP with a reason code. */
/** WARN reports a fact the verifier should weigh (an unrecognised host company) without failing the credential. */
export type CheckStatus = 'PASS' | 'FAIL' | 'SKIP' | 'WARN';
export type CheckName = 'FORMAT' | 'SCHEMA' | 'PROOF' | 'KEY_BINDING' | 'ISSUER' | 'CO_ISSUERS' | 'ACCREDITATION' | 'HOST_COMPANY' | 'STATUS' | 'VALIDITY';

/** The checks `verified` rests on; ISSUER, CO_ISSUERS and ACCREDITATION are about trust. KEY_BINDING runs for presentations only. */
export const VALIDITY_CHECKS: readonly CheckName[] = ['FORMAT', 'SCHEMA', 'PROOF', 'KEY_BINDING', 'STATUS', 'VALIDITY'];

export interface Check {
  check: CheckName;
  status: CheckStatus;
  reason: string;
  message: string;
  subject?: string;
}

/** Which imported trust list vouched for an issuer outside this registry. */
export interface TrustedBy {
  listId: string;
  /** The publishing instance (its OpenID Federation entity identifier). */
  anchor: string;
  name: string;
  jurisdiction: string;
  listExpiresAt: string;
}

export interface VerificationReport {
  /** Every check passed: verified, trusted and (where it applies) accredited. */
  valid: boolean;
  /** Format, schema, proofs, status and validity hold, whoever the issuer is. */
  verified: boolean;
  /** Every awarding body was accredited at issuance for what the credential awards (false when not checked). */
  accredited: boolean;
  /** Every proof verified cryptographically. */
  authentic: boolean;
  /** The issuer is in this service's trust registry or in an imported trust list in force. */
  trusted: boolean;
  /** The imported trust list that vouched for the issuer; null when it is in this registry or not trusted. */
  trustedBy: TrustedBy | null;
  revoked: boolean;
  suspended: boolean;
  expired: boolean;
  credentialId: string | null;
  types: string[];
  issuer: string | null;
  checks: Check[];
}

export function summarise(checks: Check[], extra: Pick<VerificationReport, 'credentialId' | 'types' | 'issuer' | 'revoked' | 'suspended' | 'expired'> & { trustedBy?: TrustedBy | null }): VerificationReport {
  const failed = (name: CheckName) => checks.some((c) => c.check === name && c.status === 'FAIL');
  const proofs = checks.filter((c) => c.check === 'PROOF');
  const accreditation = checks.filter((c) => c.check === 'ACCREDITATION');
  return {
    valid: checks.length > 0 && !checks.some((c) => c.status === 'FAIL'),
    verified: checks.length > 0 && !checks.some((c) => c.status === 'FAIL' && VALIDITY_CHECKS.includes(c.check)),
    accredited: accreditation.some((c) => c.status === 'PASS') && !accreditation.some((c) => c.status === 'FAIL'),
    authentic: proofs.length > 0 && proofs.every((c) => c.status === 'PASS') && !failed('FORMAT'),
    trusted: checks.some((c) => c.check === 'ISSUER' && c.status === 'PASS'),
    ...extra,
    trustedBy: extra.trustedBy ?? null,
    checks,
  };
}
