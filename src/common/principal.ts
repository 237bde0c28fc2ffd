import { createParamDecorator, type ExecutionContext } from '@nestjs/common';

import { type ApiKeyScope } from '../database/repositories/api-key.repository';

/**
 * Who is calling: a client with an API key, or (only where authentication is off) anonymous, the
 * local user of a single-user start.
 */
export type Principal =
  { kind: 'api-key'; keyId: string; name: string; scope: ApiKeyScope } | { kind: 'anonymous' };

export const ANONYMOUS: Principal = { kind: 'anonymous' };

/** `admin` can do everything `triage` can. */
export function hasScope(principal: Principal, scope: ApiKeyScope): boolean {
  if (principal.kind !== 'api-key') return false;
  return principal.scope === 'admin' || principal.scope === scope;
}

/** The key recorded as the owner of what the principal creates; null when anonymous. */
export function ownerKeyIdOf(principal: Principal): string | null {
  return principal.kind === 'api-key' ? principal.keyId : null;
}

// Kept beside the request rather than on it: no augmentation of Express's types.
const principals = new WeakMap<object, Principal>();

export function setPrincipal(request: object, principal: Principal): void {
  principals.set(request, principal);
}

export function principalOf(request: object): Principal | undefined {
  return principals.get(request);
}

/**
 * The caller the API key guard established. Only on routes the guard covers (a declared scope):
 * anywhere else it is a programming error, never a silent anonymous.
 */
export const CurrentPrincipal = createParamDecorator(
  (_data: unknown, context: ExecutionContext): Principal => {
    const principal = principalOf(context.switchToHttp().getRequest<object>());
    if (!principal) {
      throw new Error('No principal: the route declares no access rule for the API key guard.');
    }
    return principal;
  },
);
