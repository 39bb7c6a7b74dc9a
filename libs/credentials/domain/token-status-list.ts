import { decodeList } from '@digitalbazaar/vc-bitstring-status-list';
import { createHeaderAndPayload, StatusList } from '@sd-jwt/jwt-status-list';

/** How long a relying party may cache the token status list (seconds); the W3C list is served with max-age 60. */
export const TOKEN_STATUS_LIST_TTL = 60;

/**
 * The IETF Token Status List (statuslist+jwt) of one revocation list, two bits per entry: the revocation bits of
 * the W3C Bitstring list (0 = VALID, 1 = INVALID), and 2 = SUSPENDED for the given suspended indexes (their W3C
 * suspension sits on another list). Revoking or suspending a credential once reaches every format delivered
 * from it. Bit order differs between the two formats; the libraries of each side do the packing.
 */
export async function tokenStatusListJwt(
  o: { encodedList: string; length: number; suspended?: number[]; uri: string; issuerDid: string; kid: string; now: Date },
  sign: (data: Uint8Array) => Promise<Uint8Array>,
): Promise<string> {
  const bits = await decodeList({ encodedList: o.encodedList });
  const statuses = new Array<number>(o.length);
  for (let i = 0; i < o.length; i++) statuses[i] = bits.getStatus(i) ? 1 : 0;
  for (const i of o.suspended ?? []) if (statuses[i] === 0) statuses[i] = 2;
  const iat = Math.floor(o.now.getTime() / 1000);
  const { header, payload } = createHeaderAndPayload(
    new StatusList(statuses, 2),
    { iss: o.issuerDid, sub: o.uri, iat, exp: iat + 24 * 3600, ttl: TOKEN_STATUS_LIST_TTL },
    { alg: 'EdDSA', typ: 'statuslist+jwt', kid: o.kid },
  );
  const input = `${Buffer.from(JSON.stringify(header)).toString('base64url')}.${Buffer.from(JSON.stringify(payload)).toString('base64url')}`;
  return `${input}.${Buffer.from(await sign(new TextEncoder().encode(input))).toString('base64url')}`;
}
