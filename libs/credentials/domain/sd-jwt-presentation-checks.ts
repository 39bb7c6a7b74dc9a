import { createHash } from 'node:crypto';
import { SDJwt, SDJwtInstance, type SdJwtPayload } from '@sd-jwt/core';
import { compactVerify, importJWK, type JWK } from 'jose';
import { RECOGNITION_CONTEXT_V1, VC_V2_CONTEXT } from './constants';
import type { CredentialType } from './credential-subject.schema';
import { publicJwkOf } from './keys';
import type { VerifiableCredential } from './proofs';
import { SD_JWT_VCT_PATH } from './sd-jwt-vc';
import type { Check, CheckName } from './verification';
import { accreditationCheck, type CheckFn, issuerCheck, MAX_CREDENTIAL_BYTES, type NamedCheck, validityCheck } from './verification-checks';

/**
 * The checks of an SD-JWT VC presentation (dc+sd-jwt with a key-binding JWT, as a wallet sends it to a verifier
 * by OpenID4VP). They are steps of the same pipeline as the W3C formats: the SD-JWT is read into a W3C-shaped
 * view of its disclosed claims, so the trust, accreditation and validity checks are the shared ones.
 */
export interface SdJwtPresentation {
  encoded: string;
  header: Record<string, unknown>;
  /** The claims the holder disclosed (and the always-visible ones), digests resolved. */
  claims: Record<string, unknown>;
  kb: { header: Record<string, unknown>; payload: Record<string, unknown> } | null;
  /** The issuer's public key, once PROOF found it. */
  issuerJwk?: JWK;
}

/** Holder and issuer algorithms accepted (the wallet metadata of the issuer says the same). */
export const SD_JWT_ALGS = ['EdDSA', 'ES256'];
/** How far a key-binding JWT's iat may be from now (seconds). */
export const KB_MAX_AGE_SECONDS = 300;

export const sdJwtHasher = (data: string | ArrayBuffer, alg = 'sha-256') => createHash(alg.replace('-', '').toLowerCase()).update(typeof data === 'string' ? data : Buffer.from(data)).digest();

const c = (check: CheckName, status: Check['status'], reason: string, message: string, subject?: string | null): Check => ({ check, status, reason, message, ...(subject ? { subject } : {}) });

const jwsVerifier = (jwk: JWK, alg: string) => async (data: string, sig: string) => {
  try {
    await compactVerify(`${data}.${sig}`, await importJWK(jwk, alg));
    return true;
  } catch {
    return false;
  }
};

const VCT_TYPES = Object.fromEntries(Object.entries(SD_JWT_VCT_PATH).map(([type, path]) => [path, type as CredentialType]));

/** The W3C-shaped view the shared checks read: issuer, dates, id, and the achievement as the subject's claim. */
export function credentialViewOf(claims: Record<string, unknown>, type: string | null): VerifiableCredential {
  const { iss, iat, exp, credential_id, achievement, givenName, familyName, dateOfBirth } = claims as Record<string, any>;
  return {
    '@context': [VC_V2_CONTEXT, RECOGNITION_CONTEXT_V1],
    ...(typeof credential_id === 'string' ? { id: credential_id } : {}),
    type: ['VerifiableCredential', ...(type ? [type] : [])],
    issuer: iss,
    ...(typeof iat === 'number' ? { validFrom: new Date(iat * 1000).toISOString() } : {}),
    ...(typeof exp === 'number' ? { validUntil: new Date(exp * 1000).toISOString() } : {}),
    credentialSubject: { ...(givenName !== undefined ? { givenName } : {}), ...(familyName !== undefined ? { familyName } : {}), ...(dateOfBirth !== undefined ? { dateOfBirth } : {}), hasClaim: achievement },
  } as VerifiableCredential;
}

/** FORMAT: a compact SD-JWT (issuer JWT, disclosures, key-binding JWT) of type dc+sd-jwt. */
export const sdJwtFormatCheck: CheckFn = async (ctx) => {
  const input = ctx.input;
  if (typeof input !== 'string' || !input.includes('~')) return { checks: [c('FORMAT', 'FAIL', 'MALFORMED', 'expected an SD-JWT VC presentation: issuer JWT~disclosures~key-binding JWT')], stop: true };
  if (input.length > MAX_CREDENTIAL_BYTES) return { checks: [c('FORMAT', 'FAIL', 'TOO_LARGE', `presentation is ${input.length} bytes; the limit is ${MAX_CREDENTIAL_BYTES}`)], stop: true };
  let sd: SDJwt;
  let claims: Record<string, unknown>;
  try {
    sd = await SDJwt.fromEncode(input.trim(), sdJwtHasher);
    claims = await sd.getClaims<Record<string, unknown>>(sdJwtHasher);
  } catch (e) {
    return { checks: [c('FORMAT', 'FAIL', 'MALFORMED_SD_JWT', `not an SD-JWT: ${(e as Error).message}`)], stop: true };
  }
  const header = (sd.jwt?.header ?? {}) as Record<string, unknown>;
  if (header.typ !== 'dc+sd-jwt' && header.typ !== 'vc+sd-jwt') return { checks: [c('FORMAT', 'FAIL', 'MALFORMED_SD_JWT', `typ must be dc+sd-jwt (got ${JSON.stringify(header.typ)})`)], stop: true };
  ctx.sdJwt = { encoded: input.trim(), header, claims, kb: sd.kbJwt ? { header: sd.kbJwt.header as Record<string, unknown>, payload: sd.kbJwt.payload as Record<string, unknown> } : null };
  ctx.credential = credentialViewOf(claims, null);
  return { checks: [c('FORMAT', 'PASS', 'SD_JWT_VC', 'SD-JWT VC presentation (dc+sd-jwt)')] };
};

/** SCHEMA: one of the service's SD-JWT VC types (vct), with an issuer, a holder key (cnf) and the achievement. */
export const sdJwtSchemaCheck: CheckFn = async (ctx) => {
  const claims = ctx.sdJwt!.claims as Record<string, any>;
  let path: string | null = null;
  try {
    path = typeof claims.vct === 'string' ? new URL(claims.vct).pathname : null;
  } catch {
    path = null;
  }
  const type = path ? VCT_TYPES[path] : undefined;
  if (!type) return { checks: [c('SCHEMA', 'FAIL', 'UNKNOWN_TYPE', `vct ${JSON.stringify(claims.vct)} is none of this service's credential types (${Object.values(SD_JWT_VCT_PATH).join(', ')})`)], stop: true };
  const problems: string[] = [];
  if (typeof claims.iss !== 'string') problems.push('iss: required');
  if (typeof claims.cnf?.jwk !== 'object' || claims.cnf?.jwk === null) problems.push('cnf.jwk: required (the holder key)');
  if (typeof claims.achievement?.specifiedBy !== 'object') problems.push('achievement.specifiedBy: required');
  if (typeof claims.iat !== 'number') problems.push('iat: required');
  if (problems.length) return { checks: [c('SCHEMA', 'FAIL', 'SCHEMA_MISMATCH', problems.join('; '))], stop: true };
  ctx.ownType = type;
  ctx.credential = credentialViewOf(claims, type);
  return { checks: [c('SCHEMA', 'PASS', 'SCHEMA_VALID', `${type} as SD-JWT VC`)] };
};

/** PROOF: the issuer's signature over the JWT and every disclosure's digest, with the key the header names. */
export const sdJwtProofCheck: CheckFn = async (ctx, ports) => {
  const sd = ctx.sdJwt!;
  const iss = sd.claims.iss as string;
  const kid = typeof sd.header.kid === 'string' ? sd.header.kid : '';
  const alg = String(sd.header.alg);
  if (!kid.startsWith(`${iss}#`)) return { checks: [c('PROOF', 'FAIL', 'KEY_NOT_RESOLVABLE', `kid ${JSON.stringify(kid)} is not a key of the issuer ${iss}`)], stop: true };
  if (!SD_JWT_ALGS.includes(alg)) return { checks: [c('PROOF', 'FAIL', 'PROOF_MALFORMED', `alg ${alg} is not accepted (${SD_JWT_ALGS.join(', ')})`)], stop: true };
  // Keys are resolved from the registry only: a foreign DID would need a fetch, which the service does not do.
  const inst = await ports.institutionByDid(iss);
  const key = inst ? (await ports.keysOf(inst.id)).find((k) => k.id === kid) : undefined;
  if (!key) return { checks: [c('PROOF', 'FAIL', 'KEY_NOT_RESOLVABLE', `key ${kid} cannot be resolved: keys of issuers outside this registry are not fetched`)], stop: true };
  const jwk = await publicJwkOf({ id: key.id, controller: iss, publicKeyMultibase: key.public_key_multibase });
  try {
    await new SDJwtInstance<SdJwtPayload>({ hasher: sdJwtHasher, verifier: jwsVerifier(jwk, alg) }).verify(sd.encoded, { currentDate: Math.floor(ctx.now.getTime() / 1000), skewSeconds: 300 });
  } catch (e) {
    ctx.proofs = [{ verificationMethod: kid, controller: iss, created: null, verified: false, error: (e as Error).message }];
    return { checks: [c('PROOF', 'FAIL', 'SIGNATURE_INVALID', `issuer signature or disclosures do not verify: ${(e as Error).message}`, kid)], stop: true };
  }
  sd.issuerJwk = jwk;
  ctx.proofs = [{ verificationMethod: kid, controller: iss, created: null, verified: true }];
  return { checks: [c('PROOF', 'PASS', 'SIGNATURE_VALID', `issuer signature by ${kid} and every disclosure verify`, kid)] };
};

/** KEY_BINDING: the key-binding JWT is signed by the key the credential is bound to (cnf), for this nonce and audience, now. */
export const keyBindingCheck: CheckFn = async (ctx) => {
  const sd = ctx.sdJwt!;
  const fail = (reason: string, message: string) => ({ checks: [c('KEY_BINDING', 'FAIL', reason, message)] });
  if (!sd.kb) return fail('KEY_BINDING_MISSING', 'the presentation has no key-binding JWT');
  const cnf = (sd.claims.cnf as { jwk?: JWK }).jwk!;
  const alg = String(sd.kb.header.alg);
  if (!SD_JWT_ALGS.includes(alg)) return fail('KEY_BINDING_INVALID', `key-binding alg ${alg} is not accepted (${SD_JWT_ALGS.join(', ')})`);
  const kbNonce = sd.kb.payload.nonce;
  if (typeof kbNonce !== 'string') return fail('KEY_BINDING_MALFORMED', 'the key-binding JWT has no nonce');
  try {
    // The library checks the structure, the signature with the holder key and sd_hash; nonce and audience are compared below.
    await new SDJwtInstance<SdJwtPayload>({ hasher: sdJwtHasher, verifier: jwsVerifier(sd.issuerJwk!, String(sd.header.alg)), kbVerifier: jwsVerifier(cnf, alg) }).verify(sd.encoded, {
      keyBindingNonce: kbNonce,
      currentDate: Math.floor(ctx.now.getTime() / 1000),
      skewSeconds: 300,
    });
  } catch (e) {
    const m = (e as Error).message;
    if (/sd_hash/.test(m)) return fail('SD_HASH_MISMATCH', 'the key-binding JWT was made for other disclosures (sd_hash)');
    if (/Signature/i.test(m)) return fail('KEY_BINDING_INVALID', 'the key-binding JWT is not signed by the key the credential is bound to (cnf)');
    return fail('KEY_BINDING_MALFORMED', m);
  }
  if (!ctx.expect) return fail('NO_CHALLENGE', 'no nonce and audience to check the key binding against');
  if (kbNonce !== ctx.expect.nonce) return fail('NONCE_MISMATCH', 'the key-binding JWT carries another nonce than this request');
  if (sd.kb.payload.aud !== ctx.expect.audience) return fail('AUDIENCE_MISMATCH', `the key-binding JWT is for ${JSON.stringify(sd.kb.payload.aud)}, not for ${ctx.expect.audience}`);
  const iat = Number(sd.kb.payload.iat);
  if (!Number.isFinite(iat) || Math.abs(ctx.now.getTime() / 1000 - iat) > KB_MAX_AGE_SECONDS) return fail('KEY_BINDING_STALE', `the key-binding JWT was not made within ${KB_MAX_AGE_SECONDS} s of now`);
  return { checks: [c('KEY_BINDING', 'PASS', 'KEY_BOUND', 'signed by the holder key (cnf) for this nonce and audience')] };
};

/** STATUS: the IETF Token Status List entry (0 valid, 1 revoked, 2 suspended), from the issuer's list on this service. */
export const tokenStatusCheck: CheckFn = async (ctx, ports) => {
  const entry = (ctx.sdJwt!.claims.status as { status_list?: { uri?: unknown; idx?: unknown } } | undefined)?.status_list;
  if (!entry) return { checks: [c('STATUS', 'SKIP', 'NO_STATUS', 'the credential has no status entry')] };
  if (typeof entry.uri !== 'string' || !Number.isInteger(entry.idx)) return { checks: [c('STATUS', 'FAIL', 'STATUS_UNAVAILABLE', 'status.status_list needs a uri and an integer idx')] };
  const r = ports.tokenStatus ? await ports.tokenStatus(entry.uri, entry.idx as number) : { ok: false as const, error: 'no token status lists here' };
  if (!r.ok) return { checks: [c('STATUS', 'FAIL', 'STATUS_UNAVAILABLE', `status could not be checked: ${r.error}`)] };
  if (r.status === 1) {
    ctx.flags.revoked = true;
    return { checks: [c('STATUS', 'FAIL', 'REVOKED', 'the issuer has revoked this credential')] };
  }
  if (r.status === 2) {
    ctx.flags.suspended = true;
    return { checks: [c('STATUS', 'FAIL', 'SUSPENDED', 'the issuer has suspended this credential')] };
  }
  if (r.status !== 0) return { checks: [c('STATUS', 'FAIL', 'STATUS_UNKNOWN', `status value ${r.status} is not one this verifier knows`)] };
  return { checks: [c('STATUS', 'PASS', 'ACTIVE', 'neither revoked nor suspended (token status list)')] };
};

/** The pipeline of an SD-JWT VC presentation: its own reading, proof and key binding, the shared trust and validity checks. */
export const SD_JWT_PRESENTATION_PIPELINE: readonly NamedCheck[] = [
  { name: 'FORMAT', aliases: ['format'], always: true, run: sdJwtFormatCheck },
  { name: 'SCHEMA', aliases: ['schema'], always: true, run: sdJwtSchemaCheck },
  { name: 'PROOF', aliases: ['proof'], run: sdJwtProofCheck },
  { name: 'KEY_BINDING', aliases: ['key-binding'], run: keyBindingCheck },
  { name: 'ISSUER', aliases: ['issuer', 'trust'], run: issuerCheck },
  { name: 'ACCREDITATION', aliases: ['accreditation'], run: accreditationCheck },
  { name: 'STATUS', aliases: ['status'], run: tokenStatusCheck },
  { name: 'VALIDITY', aliases: ['validity'], run: validityCheck },
];
