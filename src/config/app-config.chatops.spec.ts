import { ConfigValidationError, type Environment, loadAppConfig } from './app-config';

const load = (env: Environment) => loadAppConfig(env, { cwd: '/srv', packageRoot: '/opt/kt' });

describe('chatops settings of loadAppConfig', () => {
  it('documents its defaults: every platform off, ephemeral replies, 64 KB / 2 s deferral', () => {
    const sut = load({});

    expect(sut.publicUrl).toBe('http://localhost:3000');
    expect(sut.chatops).toEqual({
      responseType: 'ephemeral',
      slackDeferBytes: 64 * 1024,
      slackDeferAfterMs: 2000,
      slackResponseUrlOrigins: ['https://hooks.slack.com', 'https://hooks.slack-gov.com'],
    });
  });

  it('reads every chatops setting', () => {
    const sut = load({
      PUBLIC_URL: 'https://triage.example.org/',
      SLACK_SIGNING_SECRET: '8f742231b10e8888abcd99yyyzzz85a5',
      CHATOPS_RESPONSE_TYPE: 'in_channel',
      SLACK_DEFER_BYTES: '16kb',
      SLACK_DEFER_AFTER_MS: '0',
      SLACK_RESPONSE_URL_ORIGINS: 'http://127.0.0.1:9999/, https://hooks.slack.com',
      MATTERMOST_TOKEN: 'xr3j5x3p4pfk7kk6ck7b4e6ghh',
      TEAMS_SECURITY_TOKEN: 'vqF0En+Z0ucuRTM/01o2GuhMH3hKKk/N2bOmlM31zaA=',
    });

    expect(sut.publicUrl).toBe('https://triage.example.org');
    expect(sut.chatops).toEqual({
      slackSigningSecret: '8f742231b10e8888abcd99yyyzzz85a5',
      responseType: 'in_channel',
      slackDeferBytes: 16 * 1024,
      slackDeferAfterMs: 0,
      slackResponseUrlOrigins: ['http://127.0.0.1:9999', 'https://hooks.slack.com'],
      mattermostToken: 'xr3j5x3p4pfk7kk6ck7b4e6ghh',
      teamsSecurityToken: 'vqF0En+Z0ucuRTM/01o2GuhMH3hKKk/N2bOmlM31zaA=',
    });
  });

  it('refuses invalid chatops settings, naming each', () => {
    const error = (() => {
      try {
        load({
          PUBLIC_URL: 'triage.example.org',
          CHATOPS_RESPONSE_TYPE: 'public',
          SLACK_DEFER_BYTES: 'lots',
          SLACK_DEFER_AFTER_MS: '5000',
          SLACK_RESPONSE_URL_ORIGINS: 'hooks.slack.com',
          TEAMS_SECURITY_TOKEN: 'not base64!',
        });
      } catch (thrown) {
        return thrown;
      }
      return undefined;
    })();

    expect(error).toBeInstanceOf(ConfigValidationError);
    expect((error as ConfigValidationError).problems).toEqual([
      'PUBLIC_URL must be an http:// or https:// URL, got "triage.example.org"',
      'CHATOPS_RESPONSE_TYPE must be ephemeral or in_channel, got "public"',
      'SLACK_DEFER_AFTER_MS must be an integer from 0 to 2900, got "5000"',
      'SLACK_RESPONSE_URL_ORIGINS must list http(s) origins, got "hooks.slack.com"',
      'TEAMS_SECURITY_TOKEN must be the base64 security token Teams shows',
      'SLACK_DEFER_BYTES must be a size such as 16mb, 512kb or 1048576, got "lots"',
    ]);
  });
});
