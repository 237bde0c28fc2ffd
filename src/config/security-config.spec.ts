import { ConfigValidationError, type Environment, loadAppConfig } from './app-config';

const load = (env: Environment) => loadAppConfig(env, { cwd: '/srv', packageRoot: '/opt/kt' });

describe('security settings of loadAppConfig', () => {
  it('documents its defaults: API open for a local start, pages open, generous in-memory limits', () => {
    expect(load({}).security).toEqual({
      apiAuth: 'off',
      webAuth: 'open',
      corsOrigins: [],
      rateLimit: {
        windowMs: 60_000,
        perIp: 1200,
        perKey: 600,
        redisKeyPrefix: 'kubetriage:rate-limit:',
      },
    });
  });

  it('reads every security setting', () => {
    const sut = load({
      API_AUTH: 'REQUIRED',
      WEB_AUTH: 'required',
      CORS_ORIGINS: 'https://portal.example.org/, http://localhost:5173',
      TRUST_PROXY: 'loopback, 10.0.0.0/8',
      RATE_LIMIT_TTL_MS: '1000',
      RATE_LIMIT_MAX: '0',
      RATE_LIMIT_KEY_MAX: '50',
      REDIS_URL: 'redis://redis:6379/0',
      RATE_LIMIT_REDIS_PREFIX: 'kt:',
    });

    expect(sut.security).toEqual({
      apiAuth: 'required',
      webAuth: 'required',
      corsOrigins: ['https://portal.example.org', 'http://localhost:5173'],
      trustProxy: 'loopback,10.0.0.0/8',
      rateLimit: {
        windowMs: 1000,
        perIp: 0,
        perKey: 50,
        redisUrl: 'redis://redis:6379/0',
        redisKeyPrefix: 'kt:',
      },
    });
  });

  it.each([
    ['true', true],
    ['2', 2],
    ['false', undefined],
  ])('reads TRUST_PROXY=%s', (raw, expected) => {
    expect(load({ TRUST_PROXY: raw }).security.trustProxy).toBe(expected);
  });

  it('accepts CORS_ORIGINS=* alone', () => {
    expect(load({ CORS_ORIGINS: '*' }).security.corsOrigins).toEqual(['*']);
  });

  it('fails with every problem listed', () => {
    const attempt = () =>
      load({
        API_AUTH: 'maybe',
        WEB_AUTH: 'closed',
        CORS_ORIGINS: 'portal.example.org',
        TRUST_PROXY: 'everyone',
        RATE_LIMIT_TTL_MS: '0',
        RATE_LIMIT_MAX: '-1',
        RATE_LIMIT_KEY_MAX: 'lots',
        REDIS_URL: 'http://redis',
      });

    expect(attempt).toThrow(ConfigValidationError);
    expect(attempt).toThrow(/API_AUTH must be one of required, off, got "maybe"/);
    expect(attempt).toThrow(/WEB_AUTH must be one of open, required, got "closed"/);
    expect(attempt).toThrow(/CORS_ORIGINS must list http\(s\) origins or be "\*"/);
    expect(attempt).toThrow(/TRUST_PROXY must be true, a hop count, or addresses/);
    expect(attempt).toThrow(/RATE_LIMIT_TTL_MS must be an integer of at least 1, got "0"/);
    expect(attempt).toThrow(/RATE_LIMIT_MAX must be an integer of at least 0, got "-1"/);
    expect(attempt).toThrow(/RATE_LIMIT_KEY_MAX must be an integer of at least 0, got "lots"/);
    expect(attempt).toThrow(/REDIS_URL must be a redis:\/\/ or rediss:\/\/ URL/);
  });
});
