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
