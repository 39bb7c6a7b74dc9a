import { createCredential, createList, decodeList } from '@digitalbazaar/vc-bitstring-status-list';
import { VC_V2_CONTEXT } from './constants';
import type { VerifiableCredential } from './proofs';

export async function newEncodedList(length: number): Promise<string> {
  return (await createList({ length })).encode();
}

export async function setBit(encodedList: string, index: number, value: boolean): Promise<string> {
  const list = await decodeList({ encodedList });
  list.setStatus(index, value);
  return list.encode();
}

export async function getBit(encodedList: string, index: number): Promise<boolean> {
  return (await decodeList({ encodedList })).getStatus(index);
}

/** The unsigned BitstringStatusListCredential for a list; the issuer signs it. */
export async function statusListCredential(o: { url: string; encodedList: string; purpose: string; issuerDid: string; validFrom: Date }): Promise<VerifiableCredential> {
  const list = await decodeList({ encodedList: o.encodedList });
  const vc = await createCredential({ id: o.url, list, statusPurpose: o.purpose, context: [VC_V2_CONTEXT] });
  return { ...vc, issuer: o.issuerDid, validFrom: o.validFrom.toISOString().replace(/\.\d{3}Z$/, 'Z') };
}

type DecodedList = Awaited<ReturnType<typeof decodeList>>;
/** Decoding a 131,072-entry list takes about half a millisecond: each list document (one per signed version, kept by the cache) is decoded once. */
const decoded = new WeakMap<object, Promise<DecodedList>>();
export function decodedListOf(listCredential: VerifiableCredential): Promise<DecodedList> {
  const hit = decoded.get(listCredential);
  if (hit) return hit;
  const d: Promise<DecodedList> = decodeList({ encodedList: listCredential.credentialSubject?.encodedList });
  decoded.set(listCredential, d);
  return d;
}

export type StatusBits = { ok: true; bits: Array<{ purpose: string; set: boolean }> } | { ok: false; error: string };

/**
 * The bits of a credential's BitstringStatusListEntry entries, with the checks of @digitalbazaar/vc-bitstring-status-list's
 * checkStatus (entry shape, purposes match, issuers match, list types), reading each list through `loadList` and
 * decoding each list document once. The list credentials' own proofs are checked by the caller.
 */
export async function readStatusBits(credential: VerifiableCredential, loadList: (url: string) => Promise<VerifiableCredential>): Promise<StatusBits> {
  const all = Array.isArray(credential.credentialStatus) ? credential.credentialStatus : credential.credentialStatus ? [credential.credentialStatus] : [];
  const entries = all.filter((e: Record<string, unknown>) => e?.type === 'BitstringStatusListEntry') as Array<Record<string, unknown>>;
  if (!entries.length) return { ok: false, error: '"credentialStatus.type" must be "BitstringStatusListEntry".' };
  for (const e of entries) {
    if (typeof e.statusPurpose !== 'string') return { ok: false, error: '"credentialStatus.statusPurpose" must be a string.' };
    if (e.id !== undefined && typeof e.id !== 'string') return { ok: false, error: '"credentialStatus.id" must be a string.' };
    if (typeof e.statusListCredential !== 'string') return { ok: false, error: '"credentialStatus.statusListCredential" must be a string.' };
    if (Number.isNaN(parseInt(String(e.statusListIndex), 10))) return { ok: false, error: '"statusListIndex" must be an integer.' };
    if (e.id === e.statusListCredential) return { ok: false, error: '"credentialStatus.id" must not be "credentialStatus.statusListCredential".' };
  }
  const issuerOf = (c: VerifiableCredential) => (typeof c.issuer === 'object' && c.issuer ? c.issuer.id : c.issuer);
  const bits: Array<{ purpose: string; set: boolean }> = [];
  for (const e of entries) {
    let list: VerifiableCredential;
    try {
      list = await loadList(e.statusListCredential as string);
    } catch (err) {
      return { ok: false, error: `Could not load "BitstringStatusListCredential"; reason: ${(err as Error).message}` };
    }
    const subject = list?.credentialSubject;
    if (subject?.statusPurpose !== e.statusPurpose) {
      return { ok: false, error: `The status purpose "${subject?.statusPurpose}" of the status list credential does not match the status purpose "${e.statusPurpose}" in the credential.` };
    }
    const issuer = issuerOf(credential);
    if (!issuer || issuer !== issuerOf(list)) return { ok: false, error: 'Issuers of the status list credential and verifiable credential do not match.' };
    if (!Array.isArray(list.type) || !list.type.includes('BitstringStatusListCredential')) return { ok: false, error: 'Status list credential type must include "BitstringStatusListCredential".' };
    if (subject.type !== 'BitstringStatusList') return { ok: false, error: 'Status list type must be "BitstringStatusList".' };
    try {
      bits.push({ purpose: e.statusPurpose as string, set: (await decodedListOf(list)).getStatus(parseInt(String(e.statusListIndex), 10)) });
    } catch (err) {
      return { ok: false, error: (err as Error).message };
    }
  }
  return { ok: true, bits };
}
