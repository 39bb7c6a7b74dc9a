import { fromQrCode, toQrCode } from '@digitalbazaar/vpqr';
import { createDocumentLoader, DocumentLoader } from '../credentials/domain/document-loader';

/**
 * A credential carried in a QR code itself, compressed with CBOR-LD (vpqr's "VP1-" payload), so that it can be
 * checked without the share link. Encoding and decoding need only the bundled JSON-LD contexts: no network.
 */

/** Registry entry 1: CBOR-LD's default (empty) type table, so any CBOR-LD decoder with the contexts reads it. */
const REGISTRY_ENTRY_ID = 1;
export const OFFLINE_QR_PREFIX = 'VP1-';
/** Alphanumeric capacity of a version 40 QR code at error correction L is 4296 characters; keep a margin. */
export const MAX_OFFLINE_QR_CHARS = 4000;

let contextsOnly: DocumentLoader | undefined;
/** Contexts only: a DID or status list is never needed to (de)compress. */
export function contextLoader(): DocumentLoader {
  contextsOnly ??= createDocumentLoader({ ownDidDocument: async () => null, ownStatusList: async () => null }, { ownDidPrefix: 'did:none', ownStatusListPrefix: 'urn:none:' });
  return contextsOnly;
}

export interface OfflineQr {
  /** The text the QR code holds ("VP1-R…", base45). */
  payload: string;
  /** QR version (1–40) the payload needs. */
  version: number;
}

/** The offline QR of a JSON-LD credential, or null when it is too large for one QR code. */
export async function offlineQr(credential: object): Promise<OfflineQr | null> {
  try {
    const r = await toQrCode({ vp: credential, documentLoader: contextLoader(), registryEntryId: REGISTRY_ENTRY_ID, qrErrorCorrectionLevel: 'L' });
    return r.payload.length <= MAX_OFFLINE_QR_CHARS ? { payload: r.payload, version: r.version } : null;
  } catch {
    // Too large for any QR version: the printed credential then carries only the share link.
    return null;
  }
}

/** The credential in an offline QR payload; throws when the text is not one. */
export async function credentialFromOfflineQr(text: string): Promise<Record<string, unknown>> {
  const { vp } = await fromQrCode({ text: text.trim(), documentLoader: contextLoader() });
  return vp as Record<string, unknown>;
}
