import {
  ConfigValidationError,
  type Environment,
  loadAppConfig,
  logLevelsFrom,
} from './app-config';

const defaults = { cwd: '/srv/run', packageRoot: '/opt/kubetriage' };
const load = (env: Environment) => loadAppConfig(env, defaults);

describe(loadAppConfig.name, () => {
  it('documents its defaults: SQLite under ./data, 16 MB bodies, patterns of the package', () => {
    expect(load({})).toMatchObject({
      port: 3000,
      host: '0.0.0.0',
      database: { type: 'sqlite', path: '/srv/run/data/kubetriage.sqlite' },
      bodyLimitBytes: 16 * 1024 * 1024,
      patternsDir: '/opt/kubetriage/patterns',
      logLevel: 'log',
    });
  });

  it('reads every setting', () => {
    const sut = load({
      PORT: '8080',
      HOST: '127.0.0.1',
      DATABASE_URL: 'postgres://kt@db:5432/kubetriage',
      DATABASE_SCHEMA: 'triage',
      BODY_LIMIT: '512kb',
      PATTERNS_DIR: '/etc/kubetriage/patterns',
      LOG_LEVEL: 'DEBUG',
    });

    expect(sut).toMatchObject({
      port: 8080,
      host: '127.0.0.1',
      database: { type: 'postgres', url: 'postgres://kt@db:5432/kubetriage', schema: 'triage' },
      bodyLimitBytes: 512 * 1024,
      patternsDir: '/etc/kubetriage/patterns',
      logLevel: 'debug',
    });
  });

  it('accepts postgresql:// and sqlite: URLs, relative SQLite paths from the working directory', () => {
    expect(load({ DATABASE_URL: 'postgresql://db/kt' }).database).toEqual({
      type: 'postgres',
      url: 'postgresql://db/kt',
    });
    expect(load({ DATABASE_URL: 'sqlite:var/kt.sqlite' }).database).toEqual({
      type: 'sqlite',
      path: '/srv/run/var/kt.sqlite',
    });
    expect(load({ DATABASE_URL: 'sqlite:/data/kt.sqlite' }).database).toEqual({
      type: 'sqlite',
      path: '/data/kt.sqlite',
    });
  });

  it('resolves a relative PATTERNS_DIR from the package root, not the working directory', () => {
    expect(load({ PATTERNS_DIR: 'extra/patterns' }).patternsDir).toBe(
      '/opt/kubetriage/extra/patterns',
    );
  });

  it.each([
    ['10485760', 10 * 1024 * 1024],
    ['16mb', 16 * 1024 * 1024],
    ['1.5MB', 1.5 * 1024 * 1024],
    ['64 kb', 64 * 1024],
    ['1gb', 1024 ** 3],
  ])('reads BODY_LIMIT=%s', (raw, bytes) => {
    expect(load({ BODY_LIMIT: raw }).bodyLimitBytes).toBe(bytes);
  });

  it('treats empty values as unset', () => {
    expect(load({ PORT: '', DATABASE_URL: ' ' })).toEqual(load({}));
  });

  it('fails with every problem listed', () => {
    const attempt = () =>
      load({
        PORT: '70000',
        DATABASE_URL: 'mysql://db/kt',
        BODY_LIMIT: 'huge',
        LOG_LEVEL: 'chatty',
      });

    expect(attempt).toThrow(ConfigValidationError);
    expect(attempt).toThrow(/PORT must be an integer between 0 and 65535, got "70000"/);
    expect(attempt).toThrow(/DATABASE_URL must start with postgres:\/\//);
    expect(attempt).toThrow(/BODY_LIMIT must be a size such as 16mb/);
    expect(attempt).toThrow(/LOG_LEVEL must be one of verbose, debug, log, warn, error, fatal/);
  });

  it('refuses a DATABASE_SCHEMA that is not a plain identifier', () => {
    expect(() =>
      load({ DATABASE_URL: 'postgres://db/kt', DATABASE_SCHEMA: 'x"; DROP TABLE y' }),
    ).toThrow(/DATABASE_SCHEMA must be a plain PostgreSQL identifier/);
  });
});

describe(logLevelsFrom.name, () => {
  it('keeps the level and every more severe one', () => {
    expect(logLevelsFrom('warn')).toEqual(['warn', 'error', 'fatal']);
    expect(logLevelsFrom('verbose')).toHaveLength(6);
  });
});
