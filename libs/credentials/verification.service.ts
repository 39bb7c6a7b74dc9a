import { Injectable } from '@nestjs/common';
import { checkStatus } from '@digitalbazaar/vc-bitstring-status-list';
import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import { cryptosuite } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import { DataSource } from 'typeorm';
import { contentHash } from '../catalogue/domain/qualification-text';
import { z } from 'zod';
import { AccreditationService, AccreditationTarget } from './accreditation.service';
import { RECOGNITION_CONTEXT_V1, VC_V2_CONTEXT } from './domain/constants';
import { DocumentLoader, DocumentRefused, isBundledContext } from './domain/document-loader';
import { CREDENTIAL_TYPES, CredentialType, SUBJECT_SCHEMAS } from './domain/credential-subject.schema';
import { ProofResult, verifyJwt, VerifiableCredential } from './domain/proofs';
import { ProofPool } from './proof-pool/proof-pool.service';
import { Check, summarise, VerificationReport } from './domain/verification';
import { didDocumentOf, IssuerService } from './issuer.service';
import type { IssuerKeyRow } from './persistence/rows';
import { CredentialLoader } from './loader.provider';
import { HostCompanyCheck } from './host-company.check';

const EnvelopeSchema = z
  .object({
    '@context': z.array(z.string()).min(1).refine((c) => c[0] === VC_V2_CONTEXT, `the first context must be ${VC_V2_CONTEXT}`),
    id: z.string().regex(/^urn:uuid:[0-9a-f-]{36}$/, 'must be a urn:uuid'),
    type: z.array(z.string()).refine((t) => t.includes('VerifiableCredential'), 'must include VerifiableCredential'),
    issuer: z.union([z.string(), z.object({ id: z.string(), name: z.string().optional() }).strict()]),
    validFrom: z.iso.datetime({ offset: true }),
    validUntil: z.iso.datetime({ offset: true }).optional(),
    credentialSchema: z.object({ id: z.string(), type: z.literal('JsonSchema') }).strict().optional(),
    credentialStatus: z.array(z.object({ id: z.string(), type: z.literal('BitstringStatusListEntry'), statusPurpose: z.enum(['revocation', 'suspension']), statusListIndex: z.string().regex(/^\d+$/), statusListCredential: z.string() }).strict()).optional(),
    credentialSubject: z.record(z.string(), z.unknown()),
    proof: z.unknown().optional(),
  })
  .strict();

export const MAX_CREDENTIAL_BYTES = 256 * 1024;

/** Verifies a credential in the order of docs/architecture.md (verify flow); never throws for a bad credential, it reports. */
@Injectable()
export class VerificationService {
  constructor(
    private readonly loader: CredentialLoader,
    private readonly issuers: IssuerService,
    private readonly accreditation: AccreditationService,
    private readonly dataSource: DataSource,
    private readonly proofs: ProofPool,
    private readonly hostCompanies: HostCompanyCheck,
  ) {}

  /** The catalogue qualification a diploma credential refers to, if it is in the catalogue. */
  async linkedQualificationId(credential: VerifiableCredential | null): Promise<string | null> {
    const key = credential?.credentialSubject?.hasClaim?.specifiedBy?.catalogueKey;
    if (typeof key !== 'string') return null;
    return (await this.dataSource.query('SELECT id FROM qualification WHERE key = $1', [key]))[0]?.id ?? null;
  }

  async verify(input: unknown, now: Date = new Date()): Promise<VerificationReport & { credential: VerifiableCredential | null }> {
    const checks: Check[] = [];
    const pass = (check: Check['check'], reason: string, message: string, subject?: string) => checks.push({ check, status: 'PASS', reason, message, subject });
    const fail = (check: Check['check'], reason: string, message: string, subject?: string) => checks.push({ check, status: 'FAIL', reason, message, subject });
    const skip = (check: Check['check'], reason: string, message: string) => checks.push({ check, status: 'SKIP', reason, message });
    const flags = { revoked: false, suspended: false, expired: false };
    // One verification reads each institution and each status list once, however many checks ask.
    const institutions = new Map<string, ReturnType<IssuerService['institutionByDid']>>();
    const institutionByDid = (did: string) => institutions.get(did) ?? institutions.set(did, this.issuers.institutionByDid(did)).get(did)!;
    const keyLists = new Map<string, ReturnType<IssuerService['keysOf']>>();
    const keysOf = (institutionId: string) => keyLists.get(institutionId) ?? keyLists.set(institutionId, this.issuers.keysOf(institutionId)).get(institutionId)!;
    const didDocument = async (did: string) => {
      const inst = await institutionByDid(did);
      return inst ? didDocumentOf(inst, await keysOf(inst.id)) : null;
    };
    const documents = new Map<string, ReturnType<DocumentLoader>>();
    const load: DocumentLoader = (url) => {
      const hit = documents.get(url);
      if (hit) return hit;
      const doc = this.loader.load(url);
      documents.set(url, doc);
      return doc;
    };
    const done = (credential: VerifiableCredential | null) => ({
      ...summarise(checks, {
        credentialId: typeof credential?.id === 'string' ? credential.id : null,
        types: Array.isArray(credential?.type) ? credential!.type : [],
        issuer: issuerId(credential),
        ...flags,
      }),
      credential,
    });

    // 1. Parse and check the schema.
    let credential: VerifiableCredential | null = null;
    let proofs: ProofResult[] = [];
    const size = typeof input === 'string' ? input.length : JSON.stringify(input ?? null).length;
    if (size > MAX_CREDENTIAL_BYTES) {
      fail('FORMAT', 'TOO_LARGE', `credential is ${size} bytes; the limit is ${MAX_CREDENTIAL_BYTES}`);
      return done(null);
    }
    if (typeof input === 'string') {
      const r = await verifyJwt(input.trim(), this.loader.load);
      if (!r.credential) {
        fail('FORMAT', 'MALFORMED_JWT', r.proof.error ?? 'not a VC-JOSE JWT');
        return done(null);
      }
      credential = r.credential;
      proofs = [r.proof];
      if (credential.proof) {
        fail('FORMAT', 'EMBEDDED_PROOF_IN_JWT', 'a JWT-secured credential must not also carry an embedded proof');
        return done(credential);
      }
      pass('FORMAT', 'JWT', 'VC-JOSE compact JWS');
    } else if (input && typeof input === 'object' && !Array.isArray(input)) {
      credential = input as VerifiableCredential;
      pass('FORMAT', 'JSON_LD', 'JSON-LD credential');
    } else {
      fail('FORMAT', 'MALFORMED', 'expected a JSON-LD credential object or a JWT string');
      return done(null);
    }

    const envelope = EnvelopeSchema.safeParse(credential);
    // `type` may be anything in a hostile credential (a string, an object): only an array is looked into.
    const type = Array.isArray(credential.type) ? credential.type.find((t): t is CredentialType => (CREDENTIAL_TYPES as readonly string[]).includes(t)) : undefined;
    if (!envelope.success) {
      fail('SCHEMA', 'SCHEMA_MISMATCH', envelope.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; '));
      return done(credential);
    }
    // Contexts are never fetched: one outside the bundled allowlist is refused here, for both formats
    // (a JWT's payload is not JSON-LD-processed, so the proof check alone would not notice it).
    const unknownContexts = (credential['@context'] as string[]).filter((c) => !isBundledContext(c));
    if (unknownContexts.length) {
      fail('SCHEMA', 'UNKNOWN_CONTEXT', unknownContexts.map((c) => new DocumentRefused('UNKNOWN_CONTEXT', c).message).join('; '));
      return done(credential);
    }
    if (!credential['@context'].includes(RECOGNITION_CONTEXT_V1) || !type) {
      fail('SCHEMA', 'UNKNOWN_TYPE', `credential type must be one of ${CREDENTIAL_TYPES.join(', ')} with context ${RECOGNITION_CONTEXT_V1}`);
      return done(credential);
    }
    const subjectSchema = SUBJECT_SCHEMAS[type];
    const subject = subjectSchema?.safeParse(credential.credentialSubject);
    if (subject && !subject.success) {
      fail('SCHEMA', 'SCHEMA_MISMATCH', subject.error.issues.map((i) => `credentialSubject.${i.path.join('.')}: ${i.message}`).join('; '));
      return done(credential);
    }
    pass('SCHEMA', 'SCHEMA_VALID', `${type} matches its schema`);

    // 2. Each proof.
    if (typeof input !== 'string') {
      if (!credential.proof) {
        fail('PROOF', 'NO_PROOF', 'the credential carries no proof');
        return done(credential);
      }
      try {
        proofs = await this.proofs.verifyProofSet(credential, didDocument);
      } catch (e) {
        fail('PROOF', 'PROOF_ERROR', (e as Error).message);
        return done(credential);
      }
    }
    for (const p of proofs) {
      if (p.verified) pass('PROOF', 'SIGNATURE_VALID', `proof by ${p.verificationMethod} verifies`, p.verificationMethod ?? undefined);
      else fail('PROOF', proofFailureReason(p.error), p.error ?? 'invalid proof', p.verificationMethod ?? undefined);
    }

    // 3. Issuer in the registry, with a key valid at issuance.
    const issuer = issuerId(credential)!;
    const issuedAt = new Date(credential.validFrom);
    const inst = await institutionByDid(issuer);
    const issuerProof = proofs.find((p) => p.controller === issuer);
    if (!inst) {
      fail('ISSUER', 'ISSUER_NOT_IN_TRUST_REGISTRY', `issuer ${issuer} is not in the trust registry; the signature was checked, the issuer cannot be vouched for`);
    } else if (!issuerProof?.verified) {
      fail('ISSUER', 'NO_VALID_ISSUER_PROOF', `no valid proof by the issuer ${issuer}`);
    } else {
      const keyCheck = keyValidAt(await keysOf(inst.id), issuerProof.verificationMethod!, issuedAt);
      if (keyCheck) fail('ISSUER', 'KEY_NOT_VALID_AT_ISSUANCE', keyCheck);
      else pass('ISSUER', 'ISSUER_TRUSTED', `${inst.name} (${inst.jurisdiction_code}) is in the trust registry`, issuer);
    }

    // Co-issuers of a binational credential: each named awarding body must have its own valid proof.
    const awardingBodies: string[] = (credential.credentialSubject?.hasClaim?.awardedBy?.awardingBody as string[] | undefined) ?? [issuer];
    const coIssuers = awardingBodies.filter((d) => d !== issuer);
    for (const co of coIssuers) {
      const p = proofs.find((x) => x.controller === co);
      if (!p) fail('CO_ISSUERS', 'CO_ISSUER_PROOF_MISSING', `co-issuer ${co} has not signed this credential`, co);
      else if (!p.verified) fail('CO_ISSUERS', 'CO_ISSUER_PROOF_INVALID', `co-issuer ${co}'s proof does not verify`, co);
      else {
        const coInst = await institutionByDid(co);
        const keyCheck = coInst ? keyValidAt(await keysOf(coInst.id), p.verificationMethod!, issuedAt) : 'not in the trust registry';
        if (keyCheck) fail('CO_ISSUERS', 'CO_ISSUER_NOT_TRUSTED', `co-issuer ${co}: ${keyCheck}`, co);
        else pass('CO_ISSUERS', 'CO_ISSUER_SIGNED', `co-issuer ${coInst!.name} signed`, co);
      }
    }
    const strangers = proofs.filter((p) => p.controller && !awardingBodies.includes(p.controller));
    for (const s of strangers) fail('CO_ISSUERS', 'UNEXPECTED_SIGNER', `proof by ${s.controller}, who is not an awarding body of this credential`, s.controller ?? undefined);

    // 4. Accreditation of every awarding body at issuance.
    const target = accreditationTarget(type, credential);
    for (const body of awardingBodies) {
      const bodyInst = await institutionByDid(body);
      if (!bodyInst) {
        skip('ACCREDITATION', 'ISSUER_UNKNOWN', `accreditation of ${body} cannot be checked: not in the registry`);
      } else if (!target) {
        skip('ACCREDITATION', 'NOT_APPLICABLE', `${type} needs no accreditation`);
      } else {
        const a = await this.accreditation.check(bodyInst.id, target, issuedAt);
        if (a.ok) pass('ACCREDITATION', 'ACCREDITED', `${bodyInst.name} was accredited at issuance`, body);
        else fail('ACCREDITATION', 'NOT_ACCREDITED', a.reason, body);
      }
    }

    // 4b. The host company a learning unit's activity names (a separate check; it never fails the credential).
    checks.push(...(await this.hostCompanies.check(credential, inst?.jurisdiction_code ?? null)));

    // 5. Status (revocation and suspension lists, signed by the issuer).
    if (!credential.credentialStatus?.length) {
      skip('STATUS', 'NO_STATUS', 'the credential has no status entry');
    } else {
      const listProblem = await this.statusListsProblem(credential, load);
      const r = listProblem
        ? { verified: false, error: new Error(listProblem), results: [] }
        : await checkStatus({ credential, documentLoader: load, suite: new DataIntegrityProof({ cryptosuite }), verifyBitstringStatusListCredential: false, verifyMatchingIssuers: true });
      if (!r.verified) {
        fail('STATUS', 'STATUS_UNAVAILABLE', `status could not be checked: ${r.error?.message ?? 'unknown error'}`);
      } else {
        for (const s of r.results as Array<{ status: boolean; credentialStatus: { statusPurpose: string } }>) {
          // checkStatus answers verified:true even for a set bit; the bit itself is in `status`.
          if (s.credentialStatus.statusPurpose === 'revocation') flags.revoked ||= s.status;
          if (s.credentialStatus.statusPurpose === 'suspension') flags.suspended ||= s.status;
        }
        if (flags.revoked) fail('STATUS', 'REVOKED', 'the issuer has revoked this credential');
        else if (flags.suspended) fail('STATUS', 'SUSPENDED', 'the issuer has suspended this credential');
        else pass('STATUS', 'ACTIVE', 'neither revoked nor suspended');
      }
    }

    // 6. Validity window.
    if (issuedAt.getTime() > now.getTime() + 300_000) fail('VALIDITY', 'NOT_YET_VALID', `valid from ${credential.validFrom}`);
    else if (credential.validUntil && new Date(credential.validUntil).getTime() < now.getTime()) {
      flags.expired = true;
      fail('VALIDITY', 'EXPIRED', `expired at ${credential.validUntil}`);
    } else pass('VALIDITY', 'WITHIN_VALIDITY', credential.validUntil ? `valid until ${credential.validUntil}` : 'no expiry');

    return done(credential);
  }

  /** Content hashes of status-list credentials (proof included) already verified; any change misses the cache. */
  private readonly verifiedLists = new Set<string>();

  /**
   * Verifies each referenced status-list credential's own proof once per signed version. The library would
   * re-verify it on every call, doubling the canonicalisation work of a verification.
   */
  private async statusListsProblem(credential: VerifiableCredential, load: DocumentLoader): Promise<string | null> {
    const urls = [...new Set((credential.credentialStatus as Array<{ statusListCredential: string }>).map((e) => e.statusListCredential))];
    for (const url of urls) {
      let list: VerifiableCredential;
      try {
        list = (await load(url)).document as VerifiableCredential;
      } catch (e) {
        return `status list ${url}: ${(e as Error).message}`;
      }
      const hash = contentHash(list);
      if (this.verifiedLists.has(hash)) continue;
      const proofs = await this.proofs.verifyProofSet(list).catch(() => []);
      const issuer = issuerId(list);
      if (!proofs.length || !proofs.every((p) => p.verified && p.controller === issuer)) return `status list ${url} does not verify`;
      if (this.verifiedLists.size > 10_000) this.verifiedLists.clear();
      this.verifiedLists.add(hash);
    }
    return null;
  }

}

/** A loader refusal keeps its own reason (the message starts with it); a DID refusal means the key cannot be resolved. */
function proofFailureReason(error: string | undefined): string {
  if (/^UNKNOWN_CONTEXT:/.test(error ?? '')) return 'UNKNOWN_CONTEXT';
  if (/^(FOREIGN_DID|UNKNOWN_DID|UNKNOWN_DOCUMENT|URL_TOO_LONG):|refused/.test(error ?? '')) return 'KEY_NOT_RESOLVABLE';
  if (/^(proofValue|verificationMethod|a proof must|not checked: another proof)/.test(error ?? '')) return 'PROOF_MALFORMED';
  return 'SIGNATURE_INVALID';
}

function issuerId(c: VerifiableCredential | null): string | null {
  if (!c) return null;
  if (typeof c.issuer === 'string') return c.issuer;
  return typeof c.issuer?.id === 'string' ? c.issuer.id : null;
}

function accreditationTarget(type: CredentialType, c: VerifiableCredential): AccreditationTarget | null {
  const spec = c.credentialSubject?.hasClaim?.specifiedBy;
  if (type === 'LearningUnitCredential') return { programme: spec.programme };
  if (type === 'DiplomaCredential') return { qualification: { key: spec.catalogueKey, code: spec.qualificationCode, jurisdiction: spec.jurisdiction } };
  return null;
}

/** Why a key of the institution was not valid at issuance, or null when it was. */
function keyValidAt(keys: IssuerKeyRow[], verificationMethod: string, at: Date): string | null {
  const key = keys.find((k) => k.id === verificationMethod);
  if (!key) return `key ${verificationMethod} is not a key of this institution`;
  // Proofs carry second precision; allow the same skew as the library.
  const from = key.valid_from.getTime() - 300_000;
  if (at.getTime() < from) return `key ${verificationMethod} was not yet valid at ${at.toISOString()}`;
  if (key.retired_at && at.getTime() > key.retired_at.getTime()) return `key ${verificationMethod} was retired before ${at.toISOString()}`;
  return null;
}
