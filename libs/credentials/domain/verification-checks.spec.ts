import { runPipeline, VerificationPorts } from './verification-checks';
import type { ProofResult } from './proofs';

const ISSUER = 'did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK';
const credential = (extra: Record<string, unknown> = {}) => ({
  '@context': ['https://www.w3.org/ns/credentials/v2'],
  type: ['VerifiableCredential'],
  issuer: ISSUER,
  validFrom: '2025-01-01T00:00:00Z',
  credentialSubject: { id: 'did:example:1' },
  proof: { type: 'DataIntegrityProof' },
  ...extra,
});

/** Ports that answer what the test says, and record which were asked. */
function ports(proofs: ProofResult[], asked: string[] = []): VerificationPorts {
  return {
    institutionByDid: async (did) => (asked.push(`institution ${did}`), null),
    keysOf: async () => [],
    verifyProofSet: async () => (asked.push('proofs'), proofs),
    verifyJwt: async () => ({ credential: null, proof: proofs[0] }),
    accreditation: async () => ({ ok: true, reason: '' }),
    status: async () => (asked.push('status'), { ok: true, bits: [] }),
  };
}
const byIssuer: ProofResult = { verificationMethod: `${ISSUER}#k`, controller: ISSUER, created: null, verified: true };
const summary = (checks: Array<{ check: string; status: string; reason: string }>) => checks.map((c) => `${c.check}:${c.status}:${c.reason}`);

describe('verification pipeline', () => {
  it('runs every named check in order for a credential of an unknown issuer', async () => {
    const { checks } = await runPipeline(credential(), ports([byIssuer]), { now: new Date('2026-01-01T00:00:00Z') });
    expect(summary(checks)).toEqual([
      'FORMAT:PASS:JSON_LD',
      'SCHEMA:PASS:DATA_MODEL_VALID',
      'PROOF:PASS:SIGNATURE_VALID',
      'ISSUER:FAIL:ISSUER_NOT_IN_TRUST_REGISTRY',
      'ACCREDITATION:SKIP:ISSUER_UNKNOWN',
      'STATUS:SKIP:NO_STATUS',
      'VALIDITY:PASS:WITHIN_VALIDITY',
    ]);
  });

  it('stops at a malformed credential before any port is asked', async () => {
    const asked: string[] = [];
    const { checks } = await runPipeline(credential({ type: 'Nope' }), ports([byIssuer], asked));
    expect(summary(checks)).toEqual(['FORMAT:PASS:JSON_LD', 'SCHEMA:FAIL:SCHEMA_MISMATCH']);
    expect(asked).toEqual([]);
  });

  it('refuses a valid signature by a key the issuer does not control', async () => {
    const stranger: ProofResult = { verificationMethod: 'did:key:z6Mkother#k', controller: 'did:key:z6Mkother', created: null, verified: true };
    const { checks } = await runPipeline(credential(), ports([stranger]));
    expect(summary(checks).filter((c) => c.startsWith('PROOF'))).toEqual(['PROOF:PASS:SIGNATURE_VALID', 'PROOF:FAIL:NO_ISSUER_PROOF']);
  });

  it('runs only the checks that options.checks names; the others are SKIP NOT_REQUESTED and their ports untouched', async () => {
    const asked: string[] = [];
    const expired = credential({ validUntil: '2025-06-01T00:00:00Z', credentialStatus: { type: 'BitstringStatusListEntry', statusListCredential: 'https://x.example/s' } });
    const { checks } = await runPipeline(expired, ports([byIssuer], asked), { only: ['proof'], now: new Date('2026-01-01T00:00:00Z') });
    expect(summary(checks)).toEqual([
      'FORMAT:PASS:JSON_LD',
      'SCHEMA:PASS:DATA_MODEL_VALID',
      'PROOF:PASS:SIGNATURE_VALID',
      'ISSUER:SKIP:NOT_REQUESTED',
      'CO_ISSUERS:SKIP:NOT_REQUESTED',
      'ACCREDITATION:SKIP:NOT_REQUESTED',
      'HOST_COMPANY:SKIP:NOT_REQUESTED',
      'STATUS:SKIP:NOT_REQUESTED',
      'VALIDITY:SKIP:NOT_REQUESTED',
    ]);
    expect(asked).toEqual(['proofs']);
    const full = await runPipeline(expired, ports([byIssuer]), { now: new Date('2026-01-01T00:00:00Z') });
    expect(summary(full.checks)).toContain('VALIDITY:FAIL:EXPIRED');
    expect(full.ctx.flags.expired).toBe(true);
  });

  it('refuses a status entry type it cannot check instead of skipping it', async () => {
    const { checks } = await runPipeline(credential({ credentialStatus: { type: 'StatusList2021Entry' } }), ports([byIssuer]));
    expect(summary(checks)).toContain('STATUS:FAIL:STATUS_TYPE_UNSUPPORTED');
  });

  it('refuses multi-bit status entries, which one-bit reading would misread; statusSize 1 is read', async () => {
    const entry = (statusSize: unknown) => ({ type: 'BitstringStatusListEntry', statusPurpose: 'revocation', statusListIndex: '7', statusListCredential: 'https://x.example/status/1', statusSize });
    const wide = await runPipeline(credential({ credentialStatus: entry(2) }), ports([byIssuer]));
    expect(summary(wide.checks)).toContain('STATUS:FAIL:STATUS_TYPE_UNSUPPORTED');
    const one = await runPipeline(credential({ credentialStatus: entry(1) }), ports([byIssuer]));
    expect(summary(one.checks).filter((s) => s.startsWith('STATUS:'))).not.toContain('STATUS:FAIL:STATUS_TYPE_UNSUPPORTED');
  });

  describe('issuer vouched for by an imported trust list', () => {
    const now = new Date('2026-01-01T00:00:00Z');
    const entry = { listId: 'l-1', anchor: 'https://nl.example', listExpiresAt: new Date('2026-02-01T00:00:00Z'), did: ISSUER, name: 'Rijn IJssel', jurisdiction: 'NL', validFrom: new Date('2025-12-01T00:00:00Z'), validUntil: new Date('2026-02-01T00:00:00Z') };
    const withList = (decision: Awaited<ReturnType<NonNullable<VerificationPorts['trustList']>>>, proofs: ProofResult[] = [byIssuer]): VerificationPorts => ({ ...ports(proofs), trustList: async () => decision });

    it('passes the issuer check with the list named, and leaves accreditation to the list', async () => {
      const { checks, ctx } = await runPipeline(credential(), withList({ trusted: true, entry }), { now });
      expect(summary(checks)).toContain('ISSUER:PASS:ISSUER_TRUSTED_BY_LIST');
      expect(summary(checks)).toContain('ACCREDITATION:SKIP:VOUCHED_BY_TRUST_LIST');
      expect(ctx.trustedBy).toEqual({ listId: 'l-1', anchor: 'https://nl.example', name: 'Rijn IJssel', jurisdiction: 'NL', listExpiresAt: '2026-02-01T00:00:00.000Z' });
    });

    it('does not vouch without a valid proof by the issuer, nor through an expired list', async () => {
      const failed = await runPipeline(credential(), withList({ trusted: true, entry }, [{ ...byIssuer, verified: false, error: 'bad' }]), { now });
      expect(summary(failed.checks)).toContain('ISSUER:FAIL:NO_VALID_ISSUER_PROOF');
      expect(failed.ctx.trustedBy).toBeNull();
      const expired = await runPipeline(credential(), withList({ trusted: false, reason: 'LIST_EXPIRED', message: 'expired' }), { now });
      expect(summary(expired.checks)).toContain('ISSUER:FAIL:TRUST_LIST_EXPIRED');
      expect(expired.ctx.trustedBy).toBeNull();
    });
  });
});
