import { isAllowedResponseUrl } from './response-url.client';

describe(isAllowedResponseUrl.name, () => {
  const origins = ['https://hooks.slack.com'];

  it('accepts URLs on an allowed origin', () => {
    expect(isAllowedResponseUrl('https://hooks.slack.com/commands/T1/2/abc', origins)).toBe(true);
  });

  it.each([
    undefined,
    'not a url',
    'http://hooks.slack.com/commands/T1/2/abc',
    'https://hooks.slack.com.evil.example/commands',
    'https://user:pass@hooks.slack.com/commands',
    'http://169.254.169.254/latest/meta-data',
    'file:///etc/passwd',
  ])('refuses %s', (url) => {
    expect(isAllowedResponseUrl(url, origins)).toBe(false);
  });
});
