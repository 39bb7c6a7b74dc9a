import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import jsigs from 'jsonld-signatures';
import { VC_V1_CONTEXT, VC_V2_CONTEXT } from './constants';
import { DocumentLoader, DocumentRefused, isBundledContext } from './document-loader';
import { decodeProtectedHeader } from 'jose';
import { envelopedJwt, unwrapCredential } from './envelope';
import { proofShapeProblem, verifyJwt } from './proofs';
import { eddsaRdfc2022 } from './key-cache';

export const MAX_PRESENTED_CREDENTIALS = 20;
const URL_LIKE = /^[a-z][a-z0-9+.-]*:\S+$/i;
const isObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);

/** The data model of a verifiable presentation (VC 1.1 / 2.0): problems as "field: message". */
export function presentationProblems(vp: unknown): string[] {
  const out: string[] = [];
  if (!isObject(vp)) return ['verifiablePresentation: must be a JSON object'];
  const ctx = vp['@context'];
  if (!Array.isArray(ctx) || !ctx.length) out.push('@context: must be a non-empty array');
  else {
    if (ctx[0] !== VC_V2_CONTEXT && ctx[0] !== VC_V1_CONTEXT) out.push(`@context[0]: must be ${VC_V2_CONTEXT} or ${VC_V1_CONTEXT}`);
    ctx.forEach((e, i) => {
      if (typeof e === 'string' && !isBundledContext(e)) out.push(`@context[${i}]: ${new DocumentRefused('UNKNOWN_CONTEXT', e).message}`);
      else if (typeof e !== 'string' && !isObject(e)) out.push(`@context[${i}]: must be a URL or an object`);
    });
  }
  const type = vp.type;
  if (typeof type === 'string' ? type !== 'VerifiablePresentation' : !Array.isArray(type) || !type.every((t) => typeof t === 'string') || !type.includes('VerifiablePresentation')) {
    out.push('type: must include "VerifiablePresentation"');
  }
  if (vp.id !== undefined && !(typeof vp.id === 'string' && URL_LIKE.test(vp.id))) out.push('id: must be a URL');
  const holderId = typeof vp.holder === 'string' ? vp.holder : isObject(vp.holder) ? vp.holder.id : undefined;
  if (vp.holder !== undefined && !(typeof holderId === 'string' && URL_LIKE.test(holderId))) out.push('holder: must be a URL or an object with a URL "id"');
  const creds = vp.verifiableCredential;
  if (creds !== undefined && !(isObject(creds) || typeof creds === 'string' || Array.isArray(creds))) out.push('verifiableCredential: must be a credential or an array of credentials');
  if (Array.isArray(creds) && creds.length > MAX_PRESENTED_CREDENTIALS) out.push(`verifiableCredential: at most ${MAX_PRESENTED_CREDENTIALS} credentials`);
  return out;
}

/** The presented credentials; enveloped ones (VC-JOSE in a data: URL) as their JWT. */
export function presentedCredentials(vp: Record<string, unknown>): unknown[] {
  const c = vp.verifiableCredential;
  return (c === undefined ? [] : Array.isArray(c) ? c : [c]).map(unwrapCredential);
}

/** The DIDs a credential is about (`credentialSubject.id` of each subject that names one). */
export function credentialSubjectIds(credential: unknown): string[] {
  if (!isObject(credential)) return [];
  const subjects = Array.isArray(credential.credentialSubject) ? credential.credentialSubject : [credential.credentialSubject];
  return subjects.flatMap((s) => (isObject(s) && typeof s.id === 'string' && s.id.startsWith('did:') ? [s.id] : []));
}

export interface PresentationProofResult {
  verified: boolean;
  error?: string;
  controller?: string;
}

/**
 * The holder's proof: Data Integrity eddsa-rdfc-2022 with purpose `authentication`, bound to the verifier's
 * `challenge` and `domain` when given. The key resolves through the same closed loader (did:key, own DIDs).
 */
export async function verifyPresentationProof(vp: Record<string, unknown>, o: { challenge?: string; domain?: string }, documentLoader: DocumentLoader): Promise<PresentationProofResult> {
  const proofs = Array.isArray(vp.proof) ? vp.proof : [vp.proof];
  for (const p of proofs) {
    const shape = proofShapeProblem(p);
    if (shape) return { verified: false, error: shape };
  }
  // Without a verifier's challenge the proof's own is taken: the signature is checked, nothing binds it to this request.
  const challenge = o.challenge ?? (proofs[0] as Record<string, unknown>).challenge;
  if (typeof challenge !== 'string') return { verified: false, error: 'an authentication proof needs a challenge (options.challenge)' };
  try {
    const purpose = new jsigs.purposes.AuthenticationProofPurpose({ challenge, domain: o.domain });
    const r = await jsigs.verify(structuredClone(vp), { suite: new DataIntegrityProof({ cryptosuite: eddsaRdfc2022 }), purpose, documentLoader });
    if (r.verified) return { verified: true, controller: String((proofs[0] as Record<string, unknown>).verificationMethod).split('#')[0] };
    const err = r.error?.errors?.[0] ?? r.error;
    return { verified: false, error: err?.message ?? 'invalid presentation proof' };
  } catch (e) {
    return { verified: false, error: (e as Error).message };
  }
}

export interface PresentationJwtResult extends PresentationProofResult {
  /** The presentation the JWT carries (its payload), when it could be read. */
  presentation: Record<string, unknown> | null;
}

const VP_JWT_TYPES = ['vp+jwt', 'vp+ld+json+jwt'];

/** The JWT of an enveloped presentation, or of a presentation given as a compact JWS string; null otherwise. */
export function presentationJwtOf(vp: unknown): string | null {
  if (typeof vp === 'string') return vp;
  return envelopedJwt(vp, 'presentation');
}

/**
 * An enveloped presentation (VC-JOSE-COSE): the payload is the presentation, signed by the holder (`kid` resolved
 * through the closed loader). The verifier's `challenge` must be the JWT's `nonce` and its `domain` the `aud`.
 */
export async function verifyPresentationJwt(jwt: string, o: { challenge?: string; domain?: string }, documentLoader: DocumentLoader): Promise<PresentationJwtResult> {
  let typ: unknown;
  try {
    typ = decodeProtectedHeader(jwt).typ;
  } catch {
    return { verified: false, presentation: null, error: 'not a compact JWS' };
  }
  // A credential's JWT is not a presentation: the holder signed nothing.
  if (typeof typ !== 'string' || !VP_JWT_TYPES.includes(typ)) return { verified: false, presentation: null, error: `JWT typ must be ${VP_JWT_TYPES.join(' or ')}` };
  const r = await verifyJwt(jwt, documentLoader);
  const presentation = r.credential && typeof r.credential === 'object' && !Array.isArray(r.credential) ? (r.credential as Record<string, unknown>) : null;
  if (!r.proof.verified) return { verified: false, presentation, error: r.proof.error ?? 'invalid signature' };
  if (!presentation) return { verified: false, presentation: null, error: 'the payload is not a presentation' };
  if (o.challenge !== undefined && presentation.nonce !== o.challenge) return { verified: false, presentation, error: 'the JWT nonce is not the challenge (options.challenge)' };
  if (o.domain !== undefined) {
    const aud = presentation.aud;
    if (!(aud === o.domain || (Array.isArray(aud) && aud.includes(o.domain)))) return { verified: false, presentation, error: 'the JWT aud is not the domain (options.domain)' };
  }
  return { verified: true, presentation, controller: r.proof.controller ?? undefined };
}
