import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { Actor, Role } from './actor';

export const ROLES_KEY = 'roles';

/** Marks a resolver or route as requiring one of these roles; without it an operation is public. */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES_KEY, roles);

export const OWN_AUTHORIZATION_KEY = 'ownAuthorization';

/** A public route whose Authorization header carries its own credential (an OAuth access token), not a service token. */
export const OwnAuthorization = () => SetMetadata(OWN_AUTHORIZATION_KEY, true);

export function requestOf(ctx: ExecutionContext): { headers: Record<string, string | string[] | undefined>; actor?: Actor } {
  return ctx.getType<string>() === 'graphql' ? GqlExecutionContext.create(ctx).getContext().req : ctx.switchToHttp().getRequest();
}

/** On a public operation: the caller when a valid bearer token was sent, else null (anonymous). */
export const OptionalActor = createParamDecorator((_: unknown, ctx: ExecutionContext): Actor | null => requestOf(ctx).actor ?? null);

export const CurrentActor = createParamDecorator((_: unknown, ctx: ExecutionContext): Actor => {
  const actor = requestOf(ctx).actor;
  if (!actor) throw new Error('CurrentActor used on an operation without @Roles');
  return actor;
});
