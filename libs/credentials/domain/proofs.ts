import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import { Ed25519Signature2020 } from '@digitalbazaar/ed25519-signature-2020';
import { cryptosuite as ecdsaRdfc2019 } from '@digitalbazaar/ecdsa-rdfc-2019-cryptosuite';
import { createVerifyCryptosuite as eddsaJcs2022 } from '@digitalbazaar/eddsa-jcs-2022-cryptosuite';
import * as vc from '@digitalbazaar/vc';
import jsigs from 'jsonld-signatures';
import { CompactSign, compactVerify, decodeProtectedHeader, importJWK } from 'jose';
import type { DocumentLoader } from './document-loader';
import { cachingCryptosuite, eddsaRdfc2022, joseKeyFor, signerFor } from './key-cache';
import { IssuerKeyPair, publicJwkOf } from './keys';

export type VerifiableCredential = Record<string, any>;

/** The issuer's proof: the library's issuance purpose checks that the key's controller is the issuer. */
export async function signAsIssuer(credential: VerifiableCredential, key: IssuerKeyPair, documentLoader: DocumentLoader): Promise<VerifiableCredential> {
  const suite = new DataIntegrityProof({ signer: await signerFor(key), cryptosuite: eddsaRdfc2022 });
  return vc.issue({ credential: structuredClone(credential), suite, documentLoader });
}

/**
 * A co-issuer's proof, added to the proof set. Its controller is not the `issuer`, so it uses a plain
 * assertion purpose; verification checks it against the credential's awarding bodies instead.
 */
export async function addCoIssuerProof(credential: VerifiableCredential, key: IssuerKeyPair, documentLoader: DocumentLoader): Promise<VerifiableCredential> {
  const suite = new DataIntegrityProof({ signer: await signerFor(key), cryptosuite: eddsaRdfc2022 });
  return jsigs.sign(structuredClone(credential), { suite, purpose: new jsigs.purposes.AssertionProofPurpose(), documentLoader });
}

export interface ProofResult {
  verificationMethod: string | null;
  controller: string | null;
  created: string | null;
  verified: boolean;
  error?: string;
}

/**
 * An Ed25519 or P-256 signature is 64 bytes, a P-384 one 96: as base58btc multibase ("z…") at most 89 and 133
 * characters. Anything longer is refused before decoding, because base58 decoding is quadratic and a long value
 * would hold the event loop.
 */
export const MAX_PROOF_VALUE_CHARS = 140;
const MAX_VERIFICATION_METHOD_CHARS = 512;

/** Why a proof cannot be a valid eddsa-rdfc-2022 proof, judged on its shape alone; null when it may be. */
export function proofShapeProblem(proof: unknown): string | null {
  if (!proof || typeof proof !== 'object' || Array.isArray(proof)) return 'a proof must be an object';
  const p = proof as Record<string, unknown>;
  if (typeof p.proofValue !== 'string') return 'proofValue must be a string';
  if (p.proofValue.length > MAX_PROOF_VALUE_CHARS) return `proofValue is ${p.proofValue.length} characters; a signature of the supported suites takes at most ${MAX_PROOF_VALUE_CHARS}`;
  if (typeof p.verificationMethod !== 'string') return 'verificationMethod must be a string';
  if (p.verificationMethod.length > MAX_VERIFICATION_METHOD_CHARS) return `verificationMethod is longer than ${MAX_VERIFICATION_METHOD_CHARS} characters`;
  return null;
}

/** Verifies every proof of a proof set independently. */
export async function verifyProofSet(credential: VerifiableCredential, documentLoader: DocumentLoader): Promise<ProofResult[]> {
  const proofs = Array.isArray(credential.proof) ? credential.proof : credential.proof ? [credential.proof] : [];
  if (!proofs.length) return [];
  const shapes = proofs.map(proofShapeProblem);
  if (shapes.some(Boolean)) {
    // One malformed proof fails the set; nothing of it is decoded or canonicalised.
    return proofs.map((p: Record<string, unknown> | null, i: number) => {
      const vm = p && typeof p === 'object' && typeof p.verificationMethod === 'string' && p.verificationMethod.length <= MAX_VERIFICATION_METHOD_CHARS ? p.verificationMethod : null;
      return { verificationMethod: vm, controller: vm?.split('#')[0] ?? null, created: null, verified: false, error: shapes[i] ?? 'not checked: another proof of the set is malformed' };
    });
  }
  // DataIntegrityProof eddsa-rdfc-2022 (what this service signs), eddsa-jcs-2022 (JSON canonicalisation, no
  // JSON-LD), ecdsa-rdfc-2019 (P-256, P-384) and the legacy Ed25519Signature2020 of VC 1.1 wallets.
  const suite = [
    new DataIntegrityProof({ cryptosuite: cachingCryptosuite }),
    new DataIntegrityProof({ cryptosuite: eddsaJcs2022() }),
    new DataIntegrityProof({ cryptosuite: ecdsaRdfc2019 }),
    new Ed25519Signature2020(),
  ];
  const result = await jsigs.verify(structuredClone(credential), { suite, purpose: new jsigs.purposes.AssertionProofPurpose(), documentLoader });
  const byIndex: ProofResult[] = proofs.map((p: Record<string, unknown>) => ({
    verificationMethod: typeof p.verificationMethod === 'string' ? p.verificationMethod : null,
    controller: typeof p.verificationMethod === 'string' ? p.verificationMethod.split('#')[0] : null,
    created: typeof p.created === 'string' ? p.created : null,
    verified: false,
    error: 'proof was not checked',
  }));
  const results: Array<{ proof: Record<string, unknown>; verified: boolean; error?: { message?: string; errors?: Array<{ message: string }> } }> = result.results ?? [];
  // Results come back in their own order; two identical proofs (same key, same second) each take one result.
  const taken = new Set<number>();
  for (const r of results) {
    const i = proofs.findIndex((p: Record<string, unknown>, k: number) => !taken.has(k) && p.proofValue === r.proof?.proofValue && p.verificationMethod === r.proof?.verificationMethod);
    if (i < 0) continue;
    taken.add(i);
    byIndex[i] = { ...byIndex[i], verified: r.verified, error: r.verified ? undefined : errorText(r.error) };
  }
  if (!results.length && result.error) byIndex.forEach((b) => (b.error = errorText(result.error)));
  return byIndex;
}

function errorText(e: unknown): string {
  const err = e as { message?: string; errors?: Array<{ message?: string }>; name?: string } | undefined;
  if (!err) return 'invalid proof';
  // jsonld wraps a loader refusal ("loading remote context failed"); keep the refusal's reason visible.
  const refused = refusalIn(e);
  if (refused) return refused.message;
  if (err.errors?.length) return err.errors.map((x) => x.message).join('; ');
  return err.message ?? String(e);
}

/** The DocumentRefused somewhere in an error's cause chain (jsonld: details.cause; jsigs: errors[]). */
function refusalIn(e: unknown, depth = 0): Error | null {
  if (!e || typeof e !== 'object' || depth > 6) return null;
  const err = e as { name?: string; cause?: unknown; details?: { cause?: unknown }; errors?: unknown[] };
  if (err.name === 'DocumentRefused') return e as Error;
  for (const next of [err.cause, err.details?.cause, ...(Array.isArray(err.errors) ? err.errors : [])]) {
    const found = refusalIn(next, depth + 1);
    if (found) return found;
  }
  return null;
}

/** VC-JOSE: the JWT payload is the credential itself (typ vc+jwt), signed with the issuer's Ed25519 key. */
export async function signJwt(credential: VerifiableCredential, key: IssuerKeyPair): Promise<string> {
  const payload = new TextEncoder().encode(JSON.stringify(credential));
  return new CompactSign(payload).setProtectedHeader({ alg: 'EdDSA', typ: 'vc+jwt', cty: 'vc', kid: key.id }).sign(await joseKeyFor(key));
}

export interface JwtResult {
  credential: VerifiableCredential | null;
  proof: ProofResult;
}

export async function verifyJwt(jwt: string, documentLoader: DocumentLoader): Promise<JwtResult> {
  let header: { kid?: unknown; alg?: unknown };
  try {
    header = decodeProtectedHeader(jwt);
  } catch {
    return { credential: null, proof: { verificationMethod: null, controller: null, created: null, verified: false, error: 'not a compact JWS' } };
  }
  // A kid that is not a string (a number, an object) names no key; never let it throw.
  const kid = typeof header.kid === 'string' ? header.kid : null;
  // Base64url has spare bits in a segment's last character: a signature re-encoded through them decodes to the
  // same bytes and would verify. Accept only the canonical encoding, so a JWT has exactly one accepted form.
  if (jwt.split('.').some((seg) => Buffer.from(seg, 'base64url').toString('base64url') !== seg)) {
    return { credential: tryPayload(jwt), proof: { verificationMethod: kid, controller: kid?.split('#')[0] ?? null, created: null, verified: false, error: 'signature invalid: non-canonical base64url encoding' } };
  }
  const base: ProofResult = { verificationMethod: kid, controller: kid?.split('#')[0] ?? null, created: null, verified: false };
  if (header.alg !== 'EdDSA' || !kid) return { credential: null, proof: { ...base, error: 'JWT must use alg EdDSA and name its key in "kid"' } };
  let vm: Record<string, string>;
  try {
    vm = (await documentLoader(kid)).document as Record<string, string>;
  } catch (e) {
    // The key cannot be resolved (e.g. FOREIGN_DID): still report the credential, with the refusal as the proof error.
    return { credential: tryPayload(jwt), proof: { ...base, error: (e as Error).message } };
  }
  try {
    const jwk = await publicJwkOf({ id: vm.id, controller: vm.controller, publicKeyMultibase: vm.publicKeyMultibase });
    const { payload } = await compactVerify(jwt, await importJWK(jwk, 'EdDSA'));
    const credential = JSON.parse(new TextDecoder().decode(payload)) as VerifiableCredential;
    return { credential, proof: { ...base, controller: vm.controller, created: typeof credential.validFrom === 'string' ? credential.validFrom : null, verified: true } };
  } catch (e) {
    const credential = tryPayload(jwt);
    return { credential, proof: { ...base, error: `signature invalid: ${(e as Error).message}` } };
  }
}

function tryPayload(jwt: string): VerifiableCredential | null {
  try {
    return JSON.parse(Buffer.from(jwt.split('.')[1], 'base64url').toString('utf8'));
  } catch {
    return null;
  }
}
