import { type CanActivate, type ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { type Request } from 'express';

import { ApiKeysService } from '../api-keys/api-keys.service';
import { type AppConfig, appConfig } from '../config/app-config';
import { type ApiKeyScope } from '../database/repositories/api-key.repository';
import { ACCESS_RULE, type AccessRule } from './access.decorator';
import { AccessException, AccessExceptionCode, type AuthChallenge } from './access.exception';
import { presentedCredential } from './api-key-credential';
import { ANONYMOUS, hasScope, type Principal, setPrincipal } from './principal';

/** An `/api/` route that declares no rule: only an admin key passes (fails closed). */
const UNDECLARED_API_ROUTE: AccessRule = { kind: 'scope', scope: 'admin' };

/**
 * Establishes who calls each route that declares an access rule (see access.decorator.ts):
 *
 * | rule                  | no key                                   | valid key        |
 * |-----------------------|------------------------------------------|------------------|
 * | scope `triage`        | 401 if API_AUTH=required, else anonymous | any scope        |
 * | scope `admin`         | 401 always                               | admin only (403) |
 * | web page              | 401 if WEB_AUTH=required, else anonymous | any scope        |
 * | platform-signed chat  | not looked at                            | not looked at    |
 *
 * A key sent to the API is always checked: unknown, revoked or malformed is a 401, never
 * anonymous. Open pages (WEB_AUTH=open) ignore credentials.
 */
@Injectable()
export class ApiKeyGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly keys: ApiKeysService,
    @Inject(appConfig.KEY) private readonly config: AppConfig,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const request = context.switchToHttp().getRequest<Request>();
    const rule = this.ruleOf(context, request);
    if (rule === undefined || rule.kind === 'platform-signed') return true;

    const challenge: AuthChallenge = rule.kind === 'web-page' ? 'Basic' : 'Bearer';
    const needed = this.neededScope(rule);
    // Open pages use no identity: a browser's stray credentials (another app's Basic login on
    // the same host) must not lock anyone out of them.
    if (rule.kind === 'web-page' && needed === undefined) {
      setPrincipal(request, ANONYMOUS);
      return true;
    }
    const principal = await this.authenticate(request, challenge);
    if (needed !== undefined && principal.kind === 'anonymous') {
      throw new AccessException(
        'This endpoint needs an API key: send "Authorization: Bearer <key>" or "X-API-Key: <key>".',
        AccessExceptionCode.API_KEY_MISSING,
        challenge,
      );
    }
    if (needed !== undefined && !hasScope(principal, needed)) {
      throw new AccessException(
        `This endpoint needs a key with the ${needed} scope.`,
        AccessExceptionCode.API_KEY_SCOPE_INSUFFICIENT,
        challenge,
      );
    }
    setPrincipal(request, principal);
    return true;
  }

  private ruleOf(context: ExecutionContext, request: Request): AccessRule | undefined {
    const declared = this.reflector.getAllAndOverride<AccessRule | undefined>(ACCESS_RULE, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (declared) return declared;
    // Express matches routes case-insensitively: /API/v1/… reaches the same handlers.
    return /^\/+api\//i.test(request.path) ? UNDECLARED_API_ROUTE : undefined;
  }

  /** The scope a request must have a key for, or undefined when anonymous callers may pass. */
  private neededScope(
    rule: Exclude<AccessRule, { kind: 'platform-signed' }>,
  ): ApiKeyScope | undefined {
    const { apiAuth, webAuth } = this.config.security;
    if (rule.kind === 'web-page') return webAuth === 'required' ? 'triage' : undefined;
    if (rule.scope === 'admin') return 'admin';
    return apiAuth === 'required' ? 'triage' : undefined;
  }

  private async authenticate(request: Request, challenge: AuthChallenge): Promise<Principal> {
    const credential = presentedCredential(request.headers);
    if (credential.kind === 'none') return ANONYMOUS;
    if (credential.kind === 'malformed') {
      throw new AccessException(credential.reason, AccessExceptionCode.API_KEY_INVALID, challenge);
    }
    const principal = await this.keys.authenticate(credential.key);
    if (!principal) {
      throw new AccessException(
        'The API key is not valid (unknown or revoked).',
        AccessExceptionCode.API_KEY_INVALID,
        challenge,
      );
    }
    return principal;
  }
}
