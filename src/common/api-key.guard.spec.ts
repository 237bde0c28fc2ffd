import { type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';

import { type ApiKeysService } from '../api-keys/api-keys.service';
import { type AppConfig } from '../config/app-config';
import { type ApiAuthMode, type WebAuthMode } from '../config/security-config';
import { ACCESS_RULE, type AccessRule } from './access.decorator';
import { AccessException, AccessExceptionCode } from './access.exception';
import { ApiKeyGuard } from './api-key.guard';
import { ANONYMOUS, type Principal, principalOf } from './principal';

const ADMIN_KEY = `kt_${'a'.repeat(43)}`;
const TRIAGE_KEY = `kt_${'t'.repeat(43)}`;
const PRINCIPALS: Record<string, Principal> = {
  [ADMIN_KEY]: { kind: 'api-key', keyId: 'admin-id', name: 'ops', scope: 'admin' },
  [TRIAGE_KEY]: { kind: 'api-key', keyId: 'triage-id', name: 'portal', scope: 'triage' },
};

function context(
  rule: AccessRule | undefined,
  path: string,
  headers: Record<string, string> = {},
): { context: ExecutionContext; request: object } {
  const handler = (): void => undefined;
  if (rule) Reflect.defineMetadata(ACCESS_RULE, rule, handler);
  const request = { path, headers };
  const context = {
    getType: () => 'http',
    getHandler: () => handler,
    getClass: () => class Controller {},
    switchToHttp: () => ({ getRequest: () => request }),
  } as unknown as ExecutionContext;
  return { context, request };
}

describe(ApiKeyGuard.name, () => {
  let authenticate: jest.Mock;

  const guard = (apiAuth: ApiAuthMode, webAuth: WebAuthMode = 'open'): ApiKeyGuard => {
    authenticate = jest.fn(async (key: string) => PRINCIPALS[key] ?? null);
    return new ApiKeyGuard(
      new Reflector(),
      { authenticate } as unknown as ApiKeysService,
      { security: { apiAuth, webAuth } } as AppConfig,
    );
  };
  const bearer = (key: string) => ({ authorization: `Bearer ${key}` });

  async function outcome(
    sut: ApiKeyGuard,
    rule: AccessRule | undefined,
    path: string,
    headers = {},
  ) {
    const { context: executionContext, request } = context(rule, path, headers);
    try {
      await sut.canActivate(executionContext);
      return { principal: principalOf(request) };
    } catch (error) {
      expect(error).toBeInstanceOf(AccessException);
      return {
        code: (error as AccessException).code,
        challenge: (error as AccessException).challenge,
      };
    }
  }

  const triage: AccessRule = { kind: 'scope', scope: 'triage' };
  const admin: AccessRule = { kind: 'scope', scope: 'admin' };
  const page: AccessRule = { kind: 'web-page' };

  it.each([
    ['off', triage, {}, { principal: ANONYMOUS }],
    ['off', triage, bearer(TRIAGE_KEY), { principal: PRINCIPALS[TRIAGE_KEY] }],
    ['off', triage, bearer(`kt_${'x'.repeat(43)}`), { code: AccessExceptionCode.API_KEY_INVALID }],
    ['off', admin, {}, { code: AccessExceptionCode.API_KEY_MISSING }],
    ['off', admin, bearer(TRIAGE_KEY), { code: AccessExceptionCode.API_KEY_SCOPE_INSUFFICIENT }],
    ['off', admin, bearer(ADMIN_KEY), { principal: PRINCIPALS[ADMIN_KEY] }],
    ['required', triage, {}, { code: AccessExceptionCode.API_KEY_MISSING, challenge: 'Bearer' }],
    ['required', triage, bearer(TRIAGE_KEY), { principal: PRINCIPALS[TRIAGE_KEY] }],
    ['required', triage, bearer(ADMIN_KEY), { principal: PRINCIPALS[ADMIN_KEY] }],
    [
      'required',
      triage,
      { authorization: 'Token x' },
      { code: AccessExceptionCode.API_KEY_INVALID },
    ],
  ] as const)('API_AUTH=%s, rule %o, headers %o → %o', async (apiAuth, rule, headers, expected) => {
    await expect(outcome(guard(apiAuth), rule, '/api/v1/x', headers)).resolves.toMatchObject(
      expected,
    );
  });

  it('fails closed on an /api/ route that declares no rule, in any letter case', async () => {
    const sut = guard('off');

    await expect(outcome(sut, undefined, '/api/v1/new-thing')).resolves.toEqual({
      code: AccessExceptionCode.API_KEY_MISSING,
      challenge: 'Bearer',
    });
    await expect(
      outcome(sut, undefined, '/API/v1/new-thing', bearer(TRIAGE_KEY)),
    ).resolves.toMatchObject({
      code: AccessExceptionCode.API_KEY_SCOPE_INSUFFICIENT,
    });
    await expect(outcome(sut, undefined, '/api/v1/new-thing', bearer(ADMIN_KEY))).resolves.toEqual({
      principal: PRINCIPALS[ADMIN_KEY],
    });
  });

  it('leaves other undeclared paths (assets, health, metrics) alone, without a lookup', async () => {
    await expect(
      outcome(guard('required', 'required'), undefined, '/healthz', bearer('junk')),
    ).resolves.toEqual({ principal: undefined });
    expect(authenticate).not.toHaveBeenCalled();
  });

  it('never looks at API keys on the chat routes', async () => {
    await expect(
      outcome(guard('required'), { kind: 'platform-signed' }, '/api/v1/chatops/x', {
        authorization: 'HMAC abc',
      }),
    ).resolves.toEqual({ principal: undefined });
    expect(authenticate).not.toHaveBeenCalled();
  });

  it('opens the pages with WEB_AUTH=open, ignoring stray credentials', async () => {
    await expect(
      outcome(guard('required', 'open'), page, '/', { authorization: 'Basic Zm9vOmJhcg==' }),
    ).resolves.toEqual({ principal: ANONYMOUS });
    expect(authenticate).not.toHaveBeenCalled();
  });

  it('asks for a key with a Basic challenge on the pages with WEB_AUTH=required', async () => {
    const sut = guard('off', 'required');

    await expect(outcome(sut, page, '/')).resolves.toEqual({
      code: AccessExceptionCode.API_KEY_MISSING,
      challenge: 'Basic',
    });
    await expect(
      outcome(sut, page, '/', {
        authorization: `Basic ${Buffer.from(`me:${TRIAGE_KEY}`).toString('base64')}`,
      }),
    ).resolves.toEqual({ principal: PRINCIPALS[TRIAGE_KEY] });
  });
});
