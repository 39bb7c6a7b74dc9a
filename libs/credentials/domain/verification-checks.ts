import { z } from 'zod';
import type { AccreditationTarget } from '../accreditation.service';
import type { InstitutionRow, IssuerKeyRow } from '../persistence/rows';
import { RECOGNITION_CONTEXT_V1, VC_V2_CONTEXT } from './constants';
import { CREDENTIAL_TYPES, CredentialType, SUBJECT_SCHEMAS } from './credential-subject.schema';
import { dataModelProblems, vcVersionOf } from './data-model';
import type { ProofResult, VerifiableCredential } from './proofs';
import type { TrustDecision } from './federation/trust-list';
import type { SdJwtPresentation } from './sd-jwt-presentation-checks';
import type { Check, CheckName, TrustedBy } from './verification';

/**
 * Verification as a pipeline of named checks (after DCC's verifier-core): each check reads the context, returns
 * its own results and may stop the pipeline. A new format adds a check, not a branch. The ports are the only
 * way out (registry, proofs, status lists), so the checks run without Nest or a database.
 */
export interface VerificationPorts {
  institutionByDid(did: string): Promise<InstitutionRow | null>;
  keysOf(institutionId: string): Promise<IssuerKeyRow[]>;
  /** Verifies the embedded proofs (Data Integrity) of a credential. */
  verifyProofSet(credential: VerifiableCredential): Promise<ProofResult[]>;
  /** Verifies a VC-JOSE JWT: its payload and its one proof. */
  verifyJwt(jwt: string): Promise<{ credential: VerifiableCredential | null; proof: ProofResult }>;
  accreditation(institutionId: string, target: AccreditationTarget, at: Date): Promise<{ ok: boolean; reason: string }>;
  /** The host company a learning unit's activity names, seen from the issuer's jurisdiction (none named: no check). */
  hostCompany?(credential: VerifiableCredential, issuerJurisdiction: string | null): Promise<Check[]>;
  /** An IETF Token Status List entry (SD-JWT VC): its status value, or why it cannot be read. Only the service's own lists. */
  tokenStatus?(uri: string, idx: number): Promise<{ ok: true; status: number } | { ok: false; error: string }>;
  /** The bits of each status entry, or why they cannot be read. */
  status(credential: VerifiableCredential): Promise<{ ok: true; bits: Array<{ purpose: string; set: boolean }> } | { ok: false; error: string }>;
  /** Is an issuer outside this registry vouched for by an imported trust list in force? Absent: never. */
  trustList?(did: string): Promise<TrustDecision>;
}

export interface VerificationContext {
  input: unknown;
  now: Date;
  credential: VerifiableCredential | null;
  /** Proof results, from the JWT (FORMAT) or the embedded proofs (PROOF). */
  proofs: ProofResult[];
  /** The service's own type, when the credential is one. */
  ownType: CredentialType | null;
  flags: { revoked: boolean; suspended: boolean; expired: boolean };
  /** The imported trust list that vouched for the issuer (an issuer outside this registry). */
  trustedBy: TrustedBy | null;
  /** An SD-JWT VC presentation, once read (domain/sd-jwt-presentation-checks.ts). */
  sdJwt?: SdJwtPresentation | null;
  /** What a presentation must be bound to: the verifier's nonce and audience (client_id). */
  expect?: { nonce: string; audience: string } | null;
}

export type CheckResult = { checks: Check[]; stop?: boolean };
export type CheckFn = (ctx: VerificationContext, ports: VerificationPorts) => Promise<CheckResult>;

export interface NamedCheck {
  name: CheckName;
  /** Names by which a VC-API `options.checks` asks for it. */
  aliases: readonly string[];
  /** Runs even when options.checks does not name it (a credential must be read before anything else). */
  always?: boolean;
  run: CheckFn;
}

export const MAX_CREDENTIAL_BYTES = 256 * 1024;

const c = (check: CheckName, status: Check['status'], reason: string, message: string, subject?: string | null): Check => ({ check, status, reason, message, ...(subject ? { subject } : {}) });

export function issuerIdOf(cred: VerifiableCredential | null): string | null {
  if (!cred) return null;
  if (typeof cred.issuer === 'string') return cred.issuer;
  return typeof cred.issuer?.id === 'string' ? cred.issuer.id : null;
}

/** When the credential says it was issued: validFrom (2.0), issuanceDate (1.1), else the first proof's date. */
export function issuedAtOf(cred: VerifiableCredential, now: Date): Date {
  const candidates = [cred.validFrom, cred.issuanceDate, ...(Array.isArray(cred.proof) ? cred.proof : [cred.proof]).map((p) => p?.created)];
  for (const v of candidates) if (typeof v === 'string' && !Number.isNaN(Date.parse(v))) return new Date(v);
  return now;
}

/** The envelope of the service's own credential types, as issued here (and required of them at verification). */
export const OwnEnvelopeSchema = z
  .object({
    '@context': z.array(z.string()).min(1).refine((x) => x[0] === VC_V2_CONTEXT, `the first context must be ${VC_V2_CONTEXT}`),
    id: z.string().regex(/^urn:uuid:[0-9a-f-]{36}$/, 'must be a urn:uuid'),
    type: z.array(z.string()),
    issuer: z.union([z.string(), z.object({ id: z.string(), name: z.string().optional() }).strict()]),
    validFrom: z.iso.datetime({ offset: true }),
    validUntil: z.iso.datetime({ offset: true }).optional(),
    credentialSchema: z.object({ id: z.string(), type: z.literal('JsonSchema') }).strict().optional(),
    credentialStatus: z.array(z.object({ id: z.string(), type: z.literal('BitstringStatusListEntry'), statusPurpose: z.enum(['revocation', 'suspension']), statusListIndex: z.string().regex(/^\d+$/), statusListCredential: z.string() }).strict()).optional(),
    credentialSubject: z.record(z.string(), z.unknown()),
    proof: z.unknown().optional(),
  })
  .strict();

/** FORMAT: a JSON-LD object or a VC-JOSE JWT, within the size limit. */
export const formatCheck: CheckFn = async (ctx, ports) => {
  const { input } = ctx;
  const size = typeof input === 'string' ? input.length : JSON.stringify(input ?? null).length;
  if (size > MAX_CREDENTIAL_BYTES) return { checks: [c('FORMAT', 'FAIL', 'TOO_LARGE', `credential is ${size} bytes; the limit is ${MAX_CREDENTIAL_BYTES}`)], stop: true };
  if (typeof input === 'string') {
    const r = await ports.verifyJwt(input.trim());
    if (!r.credential || typeof r.credential !== 'object' || Array.isArray(r.credential)) return { checks: [c('FORMAT', 'FAIL', 'MALFORMED_JWT', r.proof.error ?? 'not a VC-JOSE JWT')], stop: true };
    ctx.credential = r.credential;
    ctx.proofs = [r.proof];
    if (r.credential.proof) return { checks: [c('FORMAT', 'FAIL', 'EMBEDDED_PROOF_IN_JWT', 'a JWT-secured credential must not also carry an embedded proof')], stop: true };
    return { checks: [c('FORMAT', 'PASS', 'JWT', 'VC-JOSE compact JWS')] };
  }
  if (input && typeof input === 'object' && !Array.isArray(input)) {
    ctx.credential = input as VerifiableCredential;
    return { checks: [c('FORMAT', 'PASS', 'JSON_LD', 'JSON-LD credential')] };
  }
  return { checks: [c('FORMAT', 'FAIL', 'MALFORMED', 'expected a JSON-LD credential object or a JWT string')], stop: true };
};

/** SCHEMA: the W3C data model for any credential; the service's own types also their envelope and subject schema. */
export const schemaCheck: CheckFn = async (ctx) => {
  const cred = ctx.credential!;
  const problems = dataModelProblems(cred, { root: 'credential' });
  if (problems.length) {
    const unknownContext = problems.some((p) => p.code === 'UNKNOWN_CONTEXT');
    return { checks: [c('SCHEMA', 'FAIL', unknownContext ? 'UNKNOWN_CONTEXT' : 'SCHEMA_MISMATCH', problems.map((p) => `${p.field.replace(/^credential\.?/, '') || '(root)'}: ${p.message}`).join('; '))], stop: true };
  }
  const types: string[] = Array.isArray(cred.type) ? cred.type : [cred.type];
  const own = types.find((t): t is CredentialType => (CREDENTIAL_TYPES as readonly string[]).includes(t)) ?? null;
  const contexts = cred['@context'] as unknown[];
  if (!own && !contexts.includes(RECOGNITION_CONTEXT_V1)) {
    return { checks: [c('SCHEMA', 'PASS', 'DATA_MODEL_VALID', `a VC ${vcVersionOf(cred)} credential (${types.join(', ')}) that meets the W3C data model`)] };
  }
  // The service's own vocabulary: its envelope as issued here, one of its types, the subject schema of that type.
  const envelope = OwnEnvelopeSchema.safeParse(cred);
  if (!envelope.success) return { checks: [c('SCHEMA', 'FAIL', 'SCHEMA_MISMATCH', envelope.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; '))], stop: true };
  if (!own || !contexts.includes(RECOGNITION_CONTEXT_V1)) {
    return { checks: [c('SCHEMA', 'FAIL', 'UNKNOWN_TYPE', `credential type must be one of ${CREDENTIAL_TYPES.join(', ')} with context ${RECOGNITION_CONTEXT_V1}`)], stop: true };
  }
  const subject = SUBJECT_SCHEMAS[own].safeParse(cred.credentialSubject);
  if (!subject.success) return { checks: [c('SCHEMA', 'FAIL', 'SCHEMA_MISMATCH', subject.error.issues.map((i) => `credentialSubject.${i.path.join('.')}: ${i.message}`).join('; '))], stop: true };
  ctx.ownType = own;
  return { checks: [c('SCHEMA', 'PASS', 'SCHEMA_VALID', `${own} matches its schema`)] };
};

/** PROOF: every proof of the set, and one of them by the issuer. */
export const proofCheck: CheckFn = async (ctx, ports) => {
  const cred = ctx.credential!;
  if (typeof ctx.input !== 'string') {
    if (!cred.proof) return { checks: [c('PROOF', 'FAIL', 'NO_PROOF', 'the credential carries no proof')], stop: true };
    try {
      ctx.proofs = await ports.verifyProofSet(cred);
    } catch (e) {
      return { checks: [c('PROOF', 'FAIL', 'PROOF_ERROR', (e as Error).message)], stop: true };
    }
  }
  const checks = ctx.proofs.map((p) =>
    p.verified ? c('PROOF', 'PASS', 'SIGNATURE_VALID', `proof by ${p.verificationMethod} verifies`, p.verificationMethod) : c('PROOF', 'FAIL', proofFailureReason(p.error), p.error ?? 'invalid proof', p.verificationMethod),
  );
  if (!checks.length) checks.push(c('PROOF', 'FAIL', 'NO_PROOF', 'the credential carries no proof'));
  const issuer = issuerIdOf(cred);
  if (ctx.proofs.some((p) => p.verified) && !ctx.proofs.some((p) => p.verified && p.controller === issuer)) {
    checks.push(c('PROOF', 'FAIL', 'NO_ISSUER_PROOF', `no valid proof by the issuer ${issuer}: the key of every proof belongs to someone else`));
  }
  return { checks };
};

/** ISSUER: the issuer is in this registry with a key valid at issuance (trust, not validity). */
export const issuerCheck: CheckFn = async (ctx, ports) => {
  const cred = ctx.credential!;
  const issuer = issuerIdOf(cred)!;
  const inst = await ports.institutionByDid(issuer);
  const issuerProof = ctx.proofs.find((p) => p.controller === issuer && p.verified);
  if (!inst) {
    const listed = ports.trustList ? await ports.trustList(issuer) : null;
    if (listed?.trusted) {
      // The key that verified came from the DID document the admin approved (pinned, from the list, or allowlisted host).
      if (!issuerProof) return { checks: [c('ISSUER', 'FAIL', 'NO_VALID_ISSUER_PROOF', `no valid proof by the issuer ${issuer}`)] };
      const e = listed.entry;
      ctx.trustedBy = { listId: e.listId, anchor: e.anchor, name: e.name, jurisdiction: e.jurisdiction, listExpiresAt: e.listExpiresAt.toISOString() };
      return { checks: [c('ISSUER', 'PASS', 'ISSUER_TRUSTED_BY_LIST', `${e.name} (${e.jurisdiction}) is vouched for by the trust list of ${e.anchor}, imported by an admin of this service`, issuer)] };
    }
    if (listed && listed.reason === 'LIST_EXPIRED') return { checks: [c('ISSUER', 'FAIL', 'TRUST_LIST_EXPIRED', listed.message)] };
    return { checks: [c('ISSUER', 'FAIL', 'ISSUER_NOT_IN_TRUST_REGISTRY', `issuer ${issuer} is not in the trust registry; the signature was checked, the issuer cannot be vouched for (no imported trust list names it either)`)] };
  }
  if (!issuerProof) return { checks: [c('ISSUER', 'FAIL', 'NO_VALID_ISSUER_PROOF', `no valid proof by the issuer ${issuer}`)] };
  const keyCheck = keyValidAt(await ports.keysOf(inst.id), issuerProof.verificationMethod!, issuedAtOf(cred, ctx.now));
  if (keyCheck) return { checks: [c('ISSUER', 'FAIL', 'KEY_NOT_VALID_AT_ISSUANCE', keyCheck)] };
  return { checks: [c('ISSUER', 'PASS', 'ISSUER_TRUSTED', `${inst.name} (${inst.jurisdiction_code}) is in the trust registry`, issuer)] };
};

function awardingBodiesOf(cred: VerifiableCredential): string[] {
  const issuer = issuerIdOf(cred)!;
  const bodies = cred.credentialSubject?.hasClaim?.awardedBy?.awardingBody;
  return Array.isArray(bodies) && bodies.every((b) => typeof b === 'string') ? bodies : [issuer];
}

/** CO_ISSUERS: each named awarding body of a binational credential signed; nobody else did. */
export const coIssuersCheck: CheckFn = async (ctx, ports) => {
  const cred = ctx.credential!;
  const issuer = issuerIdOf(cred)!;
  const bodies = ctx.ownType ? awardingBodiesOf(cred) : [issuer];
  const checks: Check[] = [];
  for (const co of bodies.filter((d) => d !== issuer)) {
    const p = ctx.proofs.find((x) => x.controller === co);
    if (!p) checks.push(c('CO_ISSUERS', 'FAIL', 'CO_ISSUER_PROOF_MISSING', `co-issuer ${co} has not signed this credential`, co));
    else if (!p.verified) checks.push(c('CO_ISSUERS', 'FAIL', 'CO_ISSUER_PROOF_INVALID', `co-issuer ${co}'s proof does not verify`, co));
    else {
      const coInst = await ports.institutionByDid(co);
      const keyCheck = coInst ? keyValidAt(await ports.keysOf(coInst.id), p.verificationMethod!, issuedAtOf(cred, ctx.now)) : 'not in the trust registry';
      if (keyCheck) checks.push(c('CO_ISSUERS', 'FAIL', 'CO_ISSUER_NOT_TRUSTED', `co-issuer ${co}: ${keyCheck}`, co));
      else checks.push(c('CO_ISSUERS', 'PASS', 'CO_ISSUER_SIGNED', `co-issuer ${coInst!.name} signed`, co));
    }
  }
  for (const s of ctx.proofs.filter((p) => p.controller && !bodies.includes(p.controller))) {
    checks.push(c('CO_ISSUERS', 'FAIL', 'UNEXPECTED_SIGNER', `proof by ${s.controller}, who is not an awarding body of this credential`, s.controller));
  }
  return { checks };
};

/** ACCREDITATION: each awarding body was accredited at issuance for what the credential awards. */
export const accreditationCheck: CheckFn = async (ctx, ports) => {
  const cred = ctx.credential!;
  const target = ctx.ownType ? accreditationTarget(ctx.ownType, cred) : null;
  const checks: Check[] = [];
  for (const body of ctx.ownType ? awardingBodiesOf(cred) : [issuerIdOf(cred)!]) {
    const inst = await ports.institutionByDid(body);
    if (!inst && ctx.trustedBy && body === issuerIdOf(cred)) checks.push(c('ACCREDITATION', 'SKIP', 'VOUCHED_BY_TRUST_LIST', `accreditation of ${body} is vouched for by the trust list of ${ctx.trustedBy.anchor}, not checked against this registry`));
    else if (!inst) checks.push(c('ACCREDITATION', 'SKIP', 'ISSUER_UNKNOWN', `accreditation of ${body} cannot be checked: not in the registry`));
    else if (!target) checks.push(c('ACCREDITATION', 'SKIP', 'NOT_APPLICABLE', `${ctx.ownType ?? 'this credential type'} needs no accreditation`));
    else {
      const a = await ports.accreditation(inst.id, target, issuedAtOf(cred, ctx.now));
      checks.push(a.ok ? c('ACCREDITATION', 'PASS', 'ACCREDITED', `${inst.name} was accredited at issuance`, body) : c('ACCREDITATION', 'FAIL', 'NOT_ACCREDITED', a.reason, body));
    }
  }
  return { checks };
};

/** HOST_COMPANY: was the learning company that hosted the activity recognised then? Reported (WARN), never failing. */
export const hostCompanyCheck: CheckFn = async (ctx, ports) => {
  if (!ports.hostCompany || !ctx.credential) return { checks: [] };
  const issuer = issuerIdOf(ctx.credential);
  const inst = issuer ? await ports.institutionByDid(issuer) : null;
  return { checks: await ports.hostCompany(ctx.credential, inst?.jurisdiction_code ?? null) };
};

/** STATUS: Bitstring Status List entries (revocation, suspension), from lists this service can read. */
export const statusCheck: CheckFn = async (ctx, ports) => {
  const cred = ctx.credential!;
  const entries = cred.credentialStatus === undefined ? [] : Array.isArray(cred.credentialStatus) ? cred.credentialStatus : [cred.credentialStatus];
  if (!entries.length) return { checks: [c('STATUS', 'SKIP', 'NO_STATUS', 'the credential has no status entry')] };
  const unsupported = entries.find((e: Record<string, unknown>) => e?.type !== 'BitstringStatusListEntry');
  if (unsupported) return { checks: [c('STATUS', 'FAIL', 'STATUS_TYPE_UNSUPPORTED', `status entries of type ${JSON.stringify(unsupported?.type).slice(0, 100)} cannot be checked; only BitstringStatusListEntry`)] };
  // Multi-bit entries (statusSize > 1, status messages) would be read as one bit: refused rather than misread.
  const wide = entries.find((e: Record<string, unknown>) => e?.statusSize !== undefined && e.statusSize !== 1);
  if (wide) return { checks: [c('STATUS', 'FAIL', 'STATUS_TYPE_UNSUPPORTED', `status entries with statusSize ${JSON.stringify(wide.statusSize).slice(0, 20)} cannot be checked; only one-bit entries (statusSize 1)`)] };
  const r = await ports.status(cred);
  if (!r.ok) return { checks: [c('STATUS', 'FAIL', 'STATUS_UNAVAILABLE', `status could not be checked: ${r.error}`)] };
  for (const b of r.bits) {
    if (b.purpose === 'revocation') ctx.flags.revoked ||= b.set;
    if (b.purpose === 'suspension') ctx.flags.suspended ||= b.set;
  }
  if (ctx.flags.revoked) return { checks: [c('STATUS', 'FAIL', 'REVOKED', 'the issuer has revoked this credential')] };
  if (ctx.flags.suspended) return { checks: [c('STATUS', 'FAIL', 'SUSPENDED', 'the issuer has suspended this credential')] };
  return { checks: [c('STATUS', 'PASS', 'ACTIVE', 'neither revoked nor suspended')] };
};

/** VALIDITY: the validity window (validFrom/validUntil; VC 1.1: issuanceDate/expirationDate). */
export const validityCheck: CheckFn = async (ctx) => {
  const cred = ctx.credential!;
  const v1 = vcVersionOf(cred) === '1.1';
  const from: string | undefined = v1 ? cred.issuanceDate : cred.validFrom;
  const until: string | undefined = v1 ? cred.expirationDate : cred.validUntil;
  const now = ctx.now.getTime();
  // The same clock skew as the proof libraries.
  if (from && new Date(from).getTime() > now + 300_000) return { checks: [c('VALIDITY', 'FAIL', 'NOT_YET_VALID', `valid from ${from}`)] };
  if (until && new Date(until).getTime() < now) {
    ctx.flags.expired = true;
    return { checks: [c('VALIDITY', 'FAIL', 'EXPIRED', `expired at ${until}`)] };
  }
  return { checks: [c('VALIDITY', 'PASS', 'WITHIN_VALIDITY', until ? `valid until ${until}` : 'no expiry')] };
};

/** The pipeline, in the order of docs/architecture.md (verify flow). */
export const PIPELINE: readonly NamedCheck[] = [
  { name: 'FORMAT', aliases: ['format'], always: true, run: formatCheck },
  { name: 'SCHEMA', aliases: ['schema'], always: true, run: schemaCheck },
  { name: 'PROOF', aliases: ['proof'], run: proofCheck },
  { name: 'ISSUER', aliases: ['issuer', 'trust'], run: issuerCheck },
  { name: 'CO_ISSUERS', aliases: ['issuer', 'trust', 'co-issuers'], run: coIssuersCheck },
  { name: 'ACCREDITATION', aliases: ['accreditation'], run: accreditationCheck },
  { name: 'HOST_COMPANY', aliases: ['host-company'], run: hostCompanyCheck },
  { name: 'STATUS', aliases: ['credentialStatus', 'status'], run: statusCheck },
  { name: 'VALIDITY', aliases: ['expiration', 'validity', 'validFrom', 'validUntil'], run: validityCheck },
];

/** Runs the pipeline; `only` (VC-API options.checks) limits it to the checks named, the others are SKIP. */
export async function runPipeline(
  input: unknown,
  ports: VerificationPorts,
  o: { now?: Date; only?: readonly string[]; pipeline?: readonly NamedCheck[]; expect?: VerificationContext['expect'] } = {},
): Promise<{ ctx: VerificationContext; checks: Check[] }> {
  const ctx: VerificationContext = { input, now: o.now ?? new Date(), credential: null, proofs: [], ownType: null, flags: { revoked: false, suspended: false, expired: false }, expect: o.expect ?? null, trustedBy: null };
  const checks: Check[] = [];
  for (const step of o.pipeline ?? PIPELINE) {
    if (o.only && !step.always && !step.aliases.some((a) => o.only!.includes(a))) {
      checks.push(c(step.name, 'SKIP', 'NOT_REQUESTED', `not among the requested checks (${o.only.join(', ')})`));
      continue;
    }
    const r = await step.run(ctx, ports);
    checks.push(...r.checks);
    if (r.stop) break;
  }
  return { ctx, checks };
}

/** A loader refusal keeps its own reason (the message starts with it); a DID refusal means the key cannot be resolved. */
export function proofFailureReason(error: string | undefined): string {
  if (/^UNKNOWN_CONTEXT:/.test(error ?? '')) return 'UNKNOWN_CONTEXT';
  if (/^(FOREIGN_DID|DID_FETCH_FAILED|UNKNOWN_DID|UNKNOWN_DOCUMENT|URL_TOO_LONG):|refused/.test(error ?? '')) return 'KEY_NOT_RESOLVABLE';
  if (/^(proofValue|verificationMethod|a proof must|not checked: another proof)/.test(error ?? '')) return 'PROOF_MALFORMED';
  return 'SIGNATURE_INVALID';
}

function accreditationTarget(type: CredentialType, cred: VerifiableCredential): AccreditationTarget | null {
  const spec = cred.credentialSubject?.hasClaim?.specifiedBy;
  if (type === 'LearningUnitCredential') return { programme: spec.programme };
  if (type === 'DiplomaCredential') return { qualification: { key: spec.catalogueKey, code: spec.qualificationCode, jurisdiction: spec.jurisdiction } };
  return null;
}

/** Why a key of the institution was not valid at issuance, or null when it was. */
export function keyValidAt(keys: IssuerKeyRow[], verificationMethod: string, at: Date): string | null {
  const key = keys.find((k) => k.id === verificationMethod);
  if (!key) return `key ${verificationMethod} is not a key of this institution`;
  // Proofs carry second precision; allow the same skew as the library.
  const from = key.valid_from.getTime() - 300_000;
  if (at.getTime() < from) return `key ${verificationMethod} was not yet valid at ${at.toISOString()}`;
  if (key.retired_at && at.getTime() > key.retired_at.getTime()) return `key ${verificationMethod} was retired before ${at.toISOString()}`;
  return null;
}
