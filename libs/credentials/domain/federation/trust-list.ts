import { calculateJwkThumbprint, decodeJwt, decodeProtectedHeader, errors as joseErrors, importJWK, type JWK, jwtVerify, SignJWT, type CryptoKey } from 'jose';
import { z } from 'zod';
import { didDocumentProblems } from './did-web';

/**
 * Trust lists after OpenID Federation 1.0: the publishing instance is a trust anchor; each institution it vouches
 * for is a subordinate statement (`entity-statement+jwt`, iss = the anchor, sub = the institution's DID); the
 * trust list bundles them in one JWT signed by the same key (`trust-list+jwt`, this project's one addition, so a
 * list can be pasted or fetched in one piece). See docs/trust-federation.md.
 */
export const ENTITY_STATEMENT_TYP = 'entity-statement+jwt';
export const TRUST_LIST_TYP = 'trust-list+jwt';
export const FEDERATION_ALGS = ['EdDSA'];
/** The metadata type under which a subordinate statement carries what a verifier of credentials needs. */
export const ISSUER_METADATA = 'recognition_credential_issuer';
export const MAX_LIST_ENTRIES = 5000;

export interface Accreditation {
  scope: string;
  qualificationKey?: string | null;
  qualificationCode?: string | null;
  qualificationJurisdiction?: string | null;
  programme?: string | null;
  validFrom: string;
  validUntil?: string | null;
}

export interface TrustListInstitution {
  did: string;
  name: string;
  jurisdiction: string;
  accreditations: Accreditation[];
  didDocument: Record<string, unknown> | null;
  /** The keys of the DID document as JWKs (OpenID Federation requires jwks in a subordinate statement). */
  jwks: JWK[];
}

export interface SigningKey {
  kid: string;
  key: CryptoKey;
  publicJwk: JWK;
}

const seconds = (d: Date) => Math.floor(d.getTime() / 1000);

export function subordinateStatement(anchor: string, inst: TrustListInstitution, k: SigningKey, iat: Date, exp: Date): Promise<string> {
  return new SignJWT({
    jwks: { keys: inst.jwks },
    metadata: {
      federation_entity: { organization_name: inst.name },
      [ISSUER_METADATA]: { jurisdiction: inst.jurisdiction, accreditations: inst.accreditations, ...(inst.didDocument ? { did_document: inst.didDocument } : {}) },
    },
  })
    .setProtectedHeader({ alg: 'EdDSA', typ: ENTITY_STATEMENT_TYP, kid: k.kid })
    .setIssuer(anchor)
    .setSubject(inst.did)
    .setIssuedAt(seconds(iat))
    .setExpirationTime(seconds(exp))
    .sign(k.key);
}

/** The anchor's entity configuration (iss = sub = the anchor), served at /.well-known/openid-federation. */
export function entityConfiguration(anchor: string, name: string, k: SigningKey, iat: Date, exp: Date): Promise<string> {
  return new SignJWT({
    jwks: { keys: [k.publicJwk] },
    metadata: {
      federation_entity: {
        organization_name: name,
        federation_list_endpoint: `${anchor}/federation/list`,
        federation_fetch_endpoint: `${anchor}/federation/fetch`,
        trust_list_endpoint: `${anchor}/federation/trust-list`,
      },
    },
  })
    .setProtectedHeader({ alg: 'EdDSA', typ: ENTITY_STATEMENT_TYP, kid: k.kid })
    .setIssuer(anchor)
    .setSubject(anchor)
    .setIssuedAt(seconds(iat))
    .setExpirationTime(seconds(exp))
    .sign(k.key);
}

export async function buildTrustList(anchor: string, institutions: TrustListInstitution[], k: SigningKey, iat: Date, exp: Date): Promise<string> {
  const statements = [];
  for (const inst of institutions) statements.push(await subordinateStatement(anchor, inst, k, iat, exp));
  return new SignJWT({ jwks: { keys: [k.publicJwk] }, subordinate_statements: statements })
    .setProtectedHeader({ alg: 'EdDSA', typ: TRUST_LIST_TYP, kid: k.kid })
    .setIssuer(anchor)
    .setSubject(anchor)
    .setIssuedAt(seconds(iat))
    .setExpirationTime(seconds(exp))
    .sign(k.key);
}

/** Why a list is refused: a code, the input field it concerns and a sentence. */
export class TrustListRejected extends Error {
  constructor(
    readonly code: 'MALFORMED' | 'SIGNATURE_INVALID' | 'EXPIRED' | 'ANCHOR_KEY_MISMATCH' | 'ISSUER_MISMATCH' | 'ENTRY_INVALID',
    readonly field: string,
    message: string,
  ) {
    super(`${code}: ${message}`);
    this.name = 'TrustListRejected';
  }
}

export interface ParsedTrustList {
  anchor: string;
  anchorJwk: JWK;
  anchorThumbprint: string;
  issuedAt: Date;
  expiresAt: Date;
  entries: Array<{ did: string; name: string; jurisdiction: string; accreditations: Accreditation[]; didDocument: Record<string, unknown> | null; validFrom: Date; validUntil: Date }>;
}

const AccreditationSchema = z.object({
  scope: z.string().max(64),
  qualificationKey: z.string().max(256).nullish(),
  qualificationCode: z.string().max(64).nullish(),
  qualificationJurisdiction: z.string().max(16).nullish(),
  programme: z.string().max(256).nullish(),
  validFrom: z.string().max(40),
  validUntil: z.string().max(40).nullish(),
});

const StatementSchema = z.object({
  iss: z.string(),
  sub: z.string().max(512).regex(/^did:(web|key):[A-Za-z0-9.%:_-]+$/, 'must be a did:web or did:key DID'),
  iat: z.number(),
  exp: z.number(),
  metadata: z.object({
    federation_entity: z.object({ organization_name: z.string().min(1).max(300) }).loose(),
    [ISSUER_METADATA]: z.object({ jurisdiction: z.string().min(2).max(16), accreditations: z.array(AccreditationSchema).max(500), did_document: z.record(z.string(), z.unknown()).optional() }).loose(),
  }).loose(),
}).loose();

const ListSchema = z.object({
  iss: z.url({ protocol: /^https?$/ }).max(300),
  sub: z.string(),
  iat: z.number(),
  exp: z.number(),
  jwks: z.object({ keys: z.array(z.record(z.string(), z.unknown())).max(16) }).optional(),
  subordinate_statements: z.array(z.string().max(64 * 1024)).max(MAX_LIST_ENTRIES),
}).loose();

function joseRejection(e: unknown, field: string): TrustListRejected {
  if (e instanceof joseErrors.JWTExpired) return new TrustListRejected('EXPIRED', field, `expired at ${new Date(Number((e.payload as { exp?: number }).exp) * 1000).toISOString()}`);
  if (e instanceof joseErrors.JWSSignatureVerificationFailed) return new TrustListRejected('SIGNATURE_INVALID', field, 'the signature does not verify with the pinned key of the publishing instance');
  if (e instanceof joseErrors.JOSEAlgNotAllowed) return new TrustListRejected('MALFORMED', field, `alg must be one of ${FEDERATION_ALGS.join(', ')}`);
  if (e instanceof joseErrors.JWTClaimValidationFailed) return new TrustListRejected('MALFORMED', field, `claim "${e.claim}": ${e.message}`);
  return new TrustListRejected('MALFORMED', field, (e as Error).message);
}

/**
 * Verifies a trust list against the pinned key of the publishing instance (the JWK itself, or its RFC 7638
 * thumbprint matched against the list's own jwks) and returns its entries. `expectedAnchor`: the anchor
 * the admin meant (refresh: the one imported before).
 */
export async function parseTrustList(jwt: string, pinned: { jwk?: JWK | null; thumbprint?: string | null }, o: { now: Date; expectedAnchor?: string | null; field?: string }): Promise<ParsedTrustList> {
  const field = o.field ?? 'jwt';
  if (typeof jwt !== 'string' || jwt.length > 16 * 1024 * 1024 || !/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/.test(jwt.trim())) throw new TrustListRejected('MALFORMED', field, 'is not a compact JWS');
  jwt = jwt.trim();
  let header: ReturnType<typeof decodeProtectedHeader>;
  let unverified: Record<string, unknown>;
  try {
    header = decodeProtectedHeader(jwt);
    unverified = decodeJwt(jwt);
  } catch {
    throw new TrustListRejected('MALFORMED', field, 'is not a JWT');
  }
  if (header.typ !== TRUST_LIST_TYP) throw new TrustListRejected('MALFORMED', field, `typ must be "${TRUST_LIST_TYP}", not ${JSON.stringify(header.typ ?? null)}`);
  let anchorJwk: JWK;
  if (pinned.jwk) {
    anchorJwk = pinned.jwk;
    if (pinned.thumbprint && (await thumbprintOf(anchorJwk).catch(() => null)) !== pinned.thumbprint) throw new TrustListRejected('ANCHOR_KEY_MISMATCH', 'anchorKeyThumbprint', 'does not match anchorJwk');
  } else if (pinned.thumbprint) {
    const keys = (unverified.jwks as { keys?: unknown } | undefined)?.keys;
    const candidates = Array.isArray(keys) ? keys.filter((k): k is JWK => !!k && typeof k === 'object') : [];
    let found: JWK | undefined;
    for (const k of candidates) if ((await thumbprintOf(k).catch(() => null)) === pinned.thumbprint) found = k;
    if (!found) throw new TrustListRejected('ANCHOR_KEY_MISMATCH', 'anchorKeyThumbprint', 'no key of the list has this thumbprint: the list was not signed by the pinned instance');
    anchorJwk = found;
  } else {
    throw new TrustListRejected('MALFORMED', 'anchorJwk', 'the public key of the publishing instance (anchorJwk or anchorKeyThumbprint) is required');
  }
  let key: Awaited<ReturnType<typeof importJWK>>;
  try {
    if (anchorJwk.d) throw new Error('a private key was given; pin the public key only');
    key = await importJWK(anchorJwk, 'EdDSA');
  } catch (e) {
    throw new TrustListRejected('MALFORMED', 'anchorJwk', `is not an Ed25519 public JWK (${(e as Error).message})`);
  }
  let payload: unknown;
  try {
    payload = (await jwtVerify(jwt, key, { typ: TRUST_LIST_TYP, algorithms: FEDERATION_ALGS, requiredClaims: ['iss', 'sub', 'iat', 'exp'], currentDate: o.now })).payload;
  } catch (e) {
    throw joseRejection(e, field);
  }
  const list = ListSchema.safeParse(payload);
  if (!list.success) throw new TrustListRejected('MALFORMED', field, list.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
  const { iss } = list.data;
  if (list.data.sub !== iss) throw new TrustListRejected('ISSUER_MISMATCH', field, 'sub must equal iss (the anchor)');
  if (o.expectedAnchor && iss !== o.expectedAnchor) throw new TrustListRejected('ISSUER_MISMATCH', field, `was issued by ${iss}, not by ${o.expectedAnchor}`);
  const entries: ParsedTrustList['entries'] = [];
  const seen = new Set<string>();
  for (const [i, s] of list.data.subordinate_statements.entries()) {
    const f = `${field}.subordinate_statements[${i}]`;
    let claims: unknown;
    try {
      claims = (await jwtVerify(s, key, { typ: ENTITY_STATEMENT_TYP, algorithms: FEDERATION_ALGS, issuer: iss, requiredClaims: ['sub', 'iat', 'exp'], currentDate: o.now })).payload;
    } catch (e) {
      throw joseRejection(e, f);
    }
    const st = StatementSchema.safeParse(claims);
    if (!st.success) throw new TrustListRejected('ENTRY_INVALID', f, st.error.issues.map((x) => `${x.path.join('.')}: ${x.message}`).join('; '));
    if (seen.has(st.data.sub)) throw new TrustListRejected('ENTRY_INVALID', f, `${st.data.sub} appears twice`);
    seen.add(st.data.sub);
    const meta = st.data.metadata[ISSUER_METADATA];
    const didDocument = meta.did_document ?? null;
    if (didDocument) {
      const problems = didDocumentProblems(st.data.sub, didDocument, `${f}.metadata.${ISSUER_METADATA}.did_document`);
      if (problems.length) throw new TrustListRejected('ENTRY_INVALID', problems[0].field, problems.map((p) => `${p.field}: ${p.message}`).join('; '));
    }
    entries.push({
      did: st.data.sub,
      name: st.data.metadata.federation_entity.organization_name,
      jurisdiction: meta.jurisdiction,
      accreditations: meta.accreditations,
      didDocument,
      validFrom: new Date(st.data.iat * 1000),
      validUntil: new Date(st.data.exp * 1000),
    });
  }
  return { anchor: iss, anchorJwk: publicPart(anchorJwk), anchorThumbprint: await thumbprintOf(anchorJwk), issuedAt: new Date(list.data.iat * 1000), expiresAt: new Date(list.data.exp * 1000), entries };
}

export function thumbprintOf(jwk: JWK): Promise<string> {
  return calculateJwkThumbprint(jwk, 'sha256');
}

function publicPart(jwk: JWK): JWK {
  const { kty, crv, x, kid } = jwk;
  return { kty, crv, x, ...(kid ? { kid } : {}) };
}

export interface TrustEntry {
  listId: string;
  anchor: string;
  listExpiresAt: Date;
  did: string;
  name: string;
  jurisdiction: string;
  validFrom: Date;
  validUntil: Date;
}

export type TrustDecision = { trusted: true; entry: TrustEntry } | { trusted: false; reason: 'NOT_LISTED' | 'LIST_EXPIRED' | 'ENTRY_EXPIRED'; message: string };

/** Is `did` vouched for by an imported list now? The first list in force wins; otherwise the closest reason. */
export function trustDecision(entries: readonly TrustEntry[], did: string, now: Date): TrustDecision {
  const mine = entries.filter((e) => e.did === did);
  if (!mine.length) return { trusted: false, reason: 'NOT_LISTED', message: `${did} is in no imported trust list` };
  const t = now.getTime();
  const inForce = mine.find((e) => e.listExpiresAt.getTime() > t && e.validFrom.getTime() <= t + 300_000 && e.validUntil.getTime() > t);
  if (inForce) return { trusted: true, entry: inForce };
  const listExpired = mine.find((e) => e.listExpiresAt.getTime() <= t);
  if (listExpired) return { trusted: false, reason: 'LIST_EXPIRED', message: `the trust list of ${listExpired.anchor} that names ${did} expired at ${listExpired.listExpiresAt.toISOString()}; an admin must refresh it` };
  return { trusted: false, reason: 'ENTRY_EXPIRED', message: `the entry for ${did} is not in force now` };
}
