import { createDocumentLoader, DocumentRefused, type DocumentLoader, type RefusalReason } from '../domain/document-loader';
import { keyPairFrom, type IssuerKeyPair } from '../domain/keys';
import { addCoIssuerProof, signAsIssuer, verifyProofSet, type ProofResult, type VerifiableCredential } from '../domain/proofs';

/**
 * The proof work that runs in the pool, as plain functions of plain data: the worker threads call them, and so
 * does the main thread when the pool is off. New formats (SD-JWT VC, presentations) add a task here.
 */

/** What a worker needs to know of the service: whose DIDs are its own (the loader refuses any other did:web). */
export interface LoaderSettings {
  ownDidPrefix: string;
  ownStatusListPrefix: string;
}

/** An issuer key as the worker receives it. The secret stays inside the credentials module and its threads. */
export interface KeyMaterial {
  id: string;
  controller: string;
  publicKeyMultibase: string;
  secretKeyMultibase: string;
}

export interface SignTask {
  credential: VerifiableCredential;
  key: KeyMaterial;
  /** ISSUER: the issuer's proof (vc.issue); CO_ISSUER: a further proof in the set. */
  role: 'ISSUER' | 'CO_ISSUER';
}

export interface VerifyTask {
  credential: VerifiableCredential;
  /** The DID documents the proofs name (own, or admin-approved of other hosts), resolved by the main thread (null: unknown DID). */
  didDocuments: Record<string, Record<string, unknown> | null>;
  /** Why a DID of another host could not be resolved, kept for the proof's error. */
  refusals?: Record<string, { reason: RefusalReason; detail: string }>;
}

/** The DID documents a proof set needs resolved by the main thread: the controller of each did:web verification method. */
export function controllersOf(credential: VerifiableCredential, ownDidPrefix: string): string[] {
  const proofs = Array.isArray(credential.proof) ? credential.proof : credential.proof ? [credential.proof] : [];
  const dids = new Set<string>();
  for (const p of proofs) {
    const vm = p && typeof p === 'object' ? (p as Record<string, unknown>).verificationMethod : null;
    if (typeof vm !== 'string' || vm.length > 512) continue;
    const did = vm.split('#', 1)[0];
    if (did === ownDidPrefix || did.startsWith(`${ownDidPrefix}:`) || did.startsWith('did:web:')) dids.add(did);
  }
  return [...dids];
}

/** The same allowlist loader as the main thread's, answering own DIDs from the documents handed in. */
export function taskLoader(settings: LoaderSettings, didDocuments: VerifyTask['didDocuments'] = {}, refusals: VerifyTask['refusals'] = {}): DocumentLoader {
  const given = async (did: string) => {
    const refused = refusals[did];
    if (refused) throw new DocumentRefused(refused.reason, did, refused.detail);
    return didDocuments[did] ?? null;
  };
  return createDocumentLoader(
    { ownDidDocument: given, ownStatusList: async () => null, foreignDidDocument: given },
    { ownDidPrefix: settings.ownDidPrefix, ownStatusListPrefix: settings.ownStatusListPrefix },
  );
}

const MAX_KEYS = 256;
const keys = new Map<string, Promise<IssuerKeyPair>>();

/** Key pairs built once per thread (a rotation is a new id and material, so a new entry). */
function keyPairOf(k: KeyMaterial): Promise<IssuerKeyPair> {
  const cacheKey = `${k.id}\n${k.publicKeyMultibase}`;
  let kp = keys.get(cacheKey);
  if (!kp) {
    kp = keyPairFrom(k);
    keys.set(cacheKey, kp);
    kp.catch(() => keys.delete(cacheKey));
    if (keys.size > MAX_KEYS) keys.delete(keys.keys().next().value!);
  }
  return kp;
}

export async function runSign(task: SignTask, settings: LoaderSettings): Promise<VerifiableCredential> {
  const key = await keyPairOf(task.key);
  const loader = taskLoader(settings);
  return task.role === 'ISSUER' ? signAsIssuer(task.credential, key, loader) : addCoIssuerProof(task.credential, key, loader);
}

export function runVerify(task: VerifyTask, settings: LoaderSettings): Promise<ProofResult[]> {
  return verifyProofSet(task.credential, taskLoader(settings, task.didDocuments, task.refusals));
}
