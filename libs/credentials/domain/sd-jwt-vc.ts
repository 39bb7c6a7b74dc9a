import { createHash, randomBytes } from 'node:crypto';
import { SDJwtVcInstance } from '@sd-jwt/sd-jwt-vc';
import type { VerifiableCredential } from './proofs';

/** SD-JWT VC type identifiers (vct) of the credential types delivered as dc+sd-jwt, under the service's base URL. */
export const SD_JWT_VCT_PATH: Record<string, string> = {
  DiplomaCredential: '/vct/diploma',
  LearningUnitCredential: '/vct/learning-unit',
};

/** Which claims are selectively disclosable: `_sd` lists them, per object (the @sd-jwt disclosure frame). */
export interface DisclosureFrame {
  _sd?: string[];
  [claim: string]: DisclosureFrame | string[] | undefined;
}

export interface SdJwtClaims {
  payload: Record<string, unknown>;
  frame: DisclosureFrame;
}

/**
 * The SD-JWT VC claims of a W3C credential. Personal fields (date of birth, the assessment with its grade) are
 * selectively disclosable, and so is every name: a wallet can show the qualification without the person.
 * `cnf.jwk` binds the holder's key; `status` points at the IETF Token Status List entry when one is given.
 */
export function sdJwtClaims(vc: VerifiableCredential, o: { vct: string; holderJwk: Record<string, unknown>; issuedAt: Date; status?: { uri: string; idx: number } }): SdJwtClaims {
  const subject = { ...(vc.credentialSubject as Record<string, unknown>) };
  delete subject.id;
  delete subject.type;
  const claim = { ...(subject.hasClaim as Record<string, unknown>) };
  const disclosable: string[] = ['givenName', 'familyName'];
  if (subject.dateOfBirth) disclosable.push('dateOfBirth');
  const payload: Record<string, unknown> = {
    iss: typeof vc.issuer === 'string' ? vc.issuer : vc.issuer.id,
    vct: o.vct,
    iat: Math.floor(o.issuedAt.getTime() / 1000),
    ...(vc.validUntil ? { exp: Math.floor(Date.parse(vc.validUntil) / 1000) } : {}),
    // The W3C credential this SD-JWT was made from: the same status, the same revocation.
    credential_id: vc.id,
    cnf: { jwk: o.holderJwk },
    ...(o.status ? { status: { status_list: { uri: o.status.uri, idx: o.status.idx } } } : {}),
    givenName: subject.givenName,
    familyName: subject.familyName,
    ...(subject.dateOfBirth ? { dateOfBirth: subject.dateOfBirth } : {}),
    achievement: claim,
  };
  const claimFrame: string[] = [];
  if (claim.provenBy) claimFrame.push('provenBy');
  return { payload, frame: { _sd: disclosable, ...(claimFrame.length ? { achievement: { _sd: claimFrame } } : {}) } };
}

/** Issues the SD-JWT VC with a signature callback: the key itself never reaches this function. */
export async function issueSdJwtVc(claims: SdJwtClaims, kid: string, sign: (data: Uint8Array) => Promise<Uint8Array>): Promise<string> {
  const sdjwt = new SDJwtVcInstance({
    signer: async (data: string) => Buffer.from(await sign(new TextEncoder().encode(data))).toString('base64url'),
    signAlg: 'EdDSA',
    hasher: (data: string | ArrayBuffer) => createHash('sha256').update(typeof data === 'string' ? data : Buffer.from(data)).digest(),
    hashAlg: 'sha-256',
    saltGenerator: (length: number) => randomBytes(length).toString('base64url'),
  });
  return sdjwt.issue(claims.payload as never, claims.frame as never, { header: { kid, typ: 'dc+sd-jwt' } });
}
