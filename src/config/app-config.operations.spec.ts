import { type Environment, loadAppConfig } from './app-config';

const load = (env: Environment) => loadAppConfig(env, { cwd: '/srv', packageRoot: '/opt/kt' });

describe('operations settings of loadAppConfig', () => {
  it('documents its defaults: 5 s database timeout, 10 s to shut down', () => {
    expect(load({})).toMatchObject({ databaseTimeoutMs: 5000, shutdownTimeoutMs: 10_000 });
  });

  it('reads DATABASE_TIMEOUT_MS and SHUTDOWN_TIMEOUT_MS', () => {
    expect(load({ DATABASE_TIMEOUT_MS: '250', SHUTDOWN_TIMEOUT_MS: '30000' })).toMatchObject({
      databaseTimeoutMs: 250,
      shutdownTimeoutMs: 30_000,
    });
  });

  it('refuses values that are not whole milliseconds', () => {
    expect(() => load({ DATABASE_TIMEOUT_MS: '0', SHUTDOWN_TIMEOUT_MS: '5s' })).toThrow(
      /DATABASE_TIMEOUT_MS must be a whole number from 1 to 600000, got "0"[\s\S]*SHUTDOWN_TIMEOUT_MS must be a whole number/,
    );
  });
});
