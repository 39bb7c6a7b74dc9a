import { decodeJwt, importJWK, JWK, jwtVerify, SignJWT, CryptoKey } from 'jose';
import { z } from 'zod';
import { AppError } from '../errors/app-error';
import { Actor, ROLES } from './actor';
import { TOKEN_ALG } from './token-keys';

const ClaimsSchema = z
  .object({
    sub: z.string().min(1),
    role: z.enum(ROLES),
    institution: z.string().min(1).optional(),
    jurisdictions: z.array(z.string().regex(/^[A-Z]{2}(-[A-Z]{2,3})?$/)).default([]),
  })
  .superRefine((c, ctx) => {
    if (c.role === 'school' && !c.institution) ctx.addIssue({ code: 'custom', path: ['institution'], message: 'a school token must name its institution' });
    if (c.role === 'expert' && c.jurisdictions.length === 0) ctx.addIssue({ code: 'custom', path: ['jurisdictions'], message: 'an expert token must name at least one jurisdiction' });
  });

export interface TokenSettings {
  issuer: string;
  audience: string;
  /** Longest allowed exp − iat (and exp − now); a token without exp is refused. Default 1 hour. */
  maxLifetimeSeconds?: number;
  /** Clock skew tolerated for exp, nbf and an iat slightly in the future. Default 60 s. */
  clockSkewSeconds?: number;
}

export const DEFAULT_TOKEN_MAX_LIFETIME_SECONDS = 3600;
const DEFAULT_CLOCK_SKEW_SECONDS = 60;

/** Verified tokens kept at most; a full cache starts over (a client resends the same token for its lifetime). */
const MAX_REMEMBERED_TOKENS = 2_000;

/**
 * Verifies bearer tokens; knows only the public key. A token that verified is remembered with its actor until its
 * exp (plus the skew), so a client's next request costs a lookup instead of a signature check: the signature,
 * issuer, audience, iat and lifetime of the same string cannot change, and only exp moves with the clock.
 */
export class TokenVerifier {
  private readonly verified = new Map<string, { actor: Actor; expiresAt: number }>();

  constructor(
    private readonly publicKey: CryptoKey,
    private readonly settings: TokenSettings,
  ) {}

  async verify(token: string): Promise<Actor> {
    const known = this.verified.get(token);
    if (known) {
      if (Date.now() / 1000 < known.expiresAt) return known.actor;
      this.verified.delete(token);
    }
    const { actor, exp } = await this.verifyOnce(token);
    if (this.verified.size >= MAX_REMEMBERED_TOKENS) this.verified.clear();
    this.verified.set(token, { actor, expiresAt: exp + this.skew });
    return actor;
  }

  private get skew(): number {
    return this.settings.clockSkewSeconds ?? DEFAULT_CLOCK_SKEW_SECONDS;
  }

  private async verifyOnce(token: string): Promise<{ actor: Actor; exp: number }> {
    const maxLifetime = this.settings.maxLifetimeSeconds ?? DEFAULT_TOKEN_MAX_LIFETIME_SECONDS;
    const skew = this.skew;
    let payload: Record<string, unknown> & { exp?: number; iat?: number };
    try {
      ({ payload } = await jwtVerify(token, this.publicKey, {
        algorithms: [TOKEN_ALG],
        issuer: this.settings.issuer,
        audience: this.settings.audience,
        // A token without exp would be valid for ever; without iat its lifetime cannot be bounded.
        requiredClaims: ['exp', 'iat', 'sub'],
        clockTolerance: skew,
      }));
    } catch (e) {
      throw AppError.unauthenticated(`bearer token rejected: ${(e as Error).message}`);
    }
    const now = Math.floor(Date.now() / 1000);
    const { exp, iat } = payload as { exp: number; iat: number };
    if (iat > now + skew) throw AppError.unauthenticated(`bearer token rejected: "iat" lies ${iat - now} s in the future`);
    if (exp - iat > maxLifetime || exp - now > maxLifetime + skew) {
      throw AppError.unauthenticated(`bearer token rejected: its lifetime exceeds the maximum of ${maxLifetime} s`);
    }
    const claims = ClaimsSchema.safeParse(payload);
    if (!claims.success) {
      throw AppError.unauthenticated(`bearer token claims invalid: ${claims.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
    }
    const { sub, role, institution, jurisdictions } = claims.data;
    return { actor: Object.freeze({ subject: sub, role, institution, jurisdictions: Object.freeze(jurisdictions) as string[] }), exp };
  }
}

export interface MintRequest {
  subject: string;
  role: Actor['role'];
  institution?: string;
  jurisdictions?: string[];
  expiresIn?: string;
}

/**
 * Mints tokens from a private JWK (the development key, or a test key). `expiresIn` (e.g. "30m") defaults
 * to, and may not exceed, the settings' maximum lifetime: the verifier would refuse a longer one.
 */
export async function mintToken(privateJwk: JWK, settings: TokenSettings, req: MintRequest): Promise<string> {
  const key = await importJWK(privateJwk, TOKEN_ALG);
  const claims = ClaimsSchema.parse({ sub: req.subject, role: req.role, institution: req.institution, jurisdictions: req.jurisdictions ?? [] });
  const maxLifetime = settings.maxLifetimeSeconds ?? DEFAULT_TOKEN_MAX_LIFETIME_SECONDS;
  const token = await new SignJWT({ role: claims.role, institution: claims.institution, jurisdictions: claims.jurisdictions })
    .setProtectedHeader({ alg: TOKEN_ALG })
    .setSubject(claims.sub)
    .setIssuer(settings.issuer)
    .setAudience(settings.audience)
    .setIssuedAt()
    .setExpirationTime(req.expiresIn ?? `${maxLifetime}s`)
    .sign(key);
  const { exp, iat } = decodeJwt(token) as { exp: number; iat: number };
  if (exp - iat > maxLifetime) throw new Error(`expiresIn "${req.expiresIn}" exceeds the maximum token lifetime of ${maxLifetime} s (AUTH_TOKEN_MAX_LIFETIME_SECONDS)`);
  if (exp <= iat) throw new Error(`expiresIn "${req.expiresIn}" must be a positive duration`);
  return token;
}
