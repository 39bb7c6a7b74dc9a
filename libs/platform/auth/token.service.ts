import { importJWK, JWK, jwtVerify, SignJWT, CryptoKey } from 'jose';
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
}

/** Verifies bearer tokens; knows only the public key. */
export class TokenVerifier {
  constructor(
    private readonly publicKey: CryptoKey,
    private readonly settings: TokenSettings,
  ) {}

  async verify(token: string): Promise<Actor> {
    let payload: unknown;
    try {
      ({ payload } = await jwtVerify(token, this.publicKey, {
        algorithms: [TOKEN_ALG],
        issuer: this.settings.issuer,
        audience: this.settings.audience,
      }));
    } catch (e) {
      throw AppError.unauthenticated(`bearer token rejected: ${(e as Error).message}`);
    }
    const claims = ClaimsSchema.safeParse(payload);
    if (!claims.success) {
      throw AppError.unauthenticated(`bearer token claims invalid: ${claims.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
    }
    const { sub, role, institution, jurisdictions } = claims.data;
    return { subject: sub, role, institution, jurisdictions };
  }
}

export interface MintRequest {
  subject: string;
  role: Actor['role'];
  institution?: string;
  jurisdictions?: string[];
  expiresIn?: string;
}

/** Mints tokens from a private JWK (the development key, or a test key). */
export async function mintToken(privateJwk: JWK, settings: TokenSettings, req: MintRequest): Promise<string> {
  const key = await importJWK(privateJwk, TOKEN_ALG);
  const claims = ClaimsSchema.parse({ sub: req.subject, role: req.role, institution: req.institution, jurisdictions: req.jurisdictions ?? [] });
  return new SignJWT({ role: claims.role, institution: claims.institution, jurisdictions: claims.jurisdictions })
    .setProtectedHeader({ alg: TOKEN_ALG })
    .setSubject(claims.sub)
    .setIssuer(settings.issuer)
    .setAudience(settings.audience)
    .setIssuedAt()
    .setExpirationTime(req.expiresIn ?? '12h')
    .sign(key);
}
