import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AppError } from '../errors/app-error';
import type { Role } from './actor';
import { OWN_AUTHORIZATION_KEY, requestOf, ROLES_KEY } from './auth.decorators';
import { TokenVerifier } from './token.service';

export const TOKEN_VERIFIER = Symbol('TOKEN_VERIFIER');

/** Authenticates the bearer token and checks the role; scope (institution, jurisdiction) is the service's job. */
@Injectable()
export class RolesGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    @Inject(TOKEN_VERIFIER) private readonly verifier: TokenVerifier,
  ) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    if (this.reflector.getAllAndOverride<boolean | undefined>(OWN_AUTHORIZATION_KEY, [ctx.getHandler(), ctx.getClass()])) return true;
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, [ctx.getHandler(), ctx.getClass()]);
    const req = requestOf(ctx);
    const header = req.headers['authorization'];
    const value = Array.isArray(header) ? header[0] : header;
    if (!roles) {
      // Public: anonymous is fine, but a token that is sent must be valid; its actor may see more (drafts).
      if (value && !req.actor) req.actor = await this.actorOf(value);
      return true;
    }
    if (!value) throw AppError.unauthenticated('this operation needs a bearer token (Authorization: Bearer …)');
    const actor = req.actor ?? (await this.actorOf(value));
    if (!roles.includes(actor.role)) {
      throw AppError.forbidden(`role "${actor.role}" may not perform this operation; it needs one of: ${roles.join(', ')}`);
    }
    req.actor = actor;
    return true;
  }

  private actorOf(header: string) {
    const m = /^Bearer\s+(\S+)$/i.exec(header);
    if (!m) throw AppError.unauthenticated('the Authorization header must be "Bearer <token>"');
    return this.verifier.verify(m[1]);
  }
}
