import { SetMetadata } from '@nestjs/common';

import { type ApiKeyScope } from '../database/repositories/api-key.repository';

/**
 * How the API key guard treats a route. An `/api/` route without a rule is refused unless an
 * admin key is presented (a forgotten decorator fails closed); other paths without one (assets,
 * health, metrics) are not the guard's business.
 */
export type AccessRule =
  /** JSON API: `triage` needs a key when API_AUTH=required; `admin` always needs an admin key. */
  | { kind: 'scope'; scope: ApiKeyScope }
  /** HTML pages: a key (any scope) when WEB_AUTH=required. */
  | { kind: 'web-page' }
  /** Chat platforms: authenticated by their own signatures, never by API keys. */
  | { kind: 'platform-signed' };

export const ACCESS_RULE = 'kubetriage:access-rule';

export const RequireScope = (scope: ApiKeyScope): ClassDecorator & MethodDecorator =>
  SetMetadata(ACCESS_RULE, { kind: 'scope', scope } satisfies AccessRule);

export const WebPage = (): ClassDecorator & MethodDecorator =>
  SetMetadata(ACCESS_RULE, { kind: 'web-page' } satisfies AccessRule);

export const SignedByPlatform = (): ClassDecorator & MethodDecorator =>
  SetMetadata(ACCESS_RULE, { kind: 'platform-signed' } satisfies AccessRule);
