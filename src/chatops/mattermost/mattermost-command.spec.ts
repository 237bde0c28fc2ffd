import {
  isMattermostTokenValid,
  mattermostTokenOf,
  parseMattermostCommand,
} from './mattermost-command';

describe(parseMattermostCommand.name, () => {
  it('reads the fields of a slash command', () => {
    const body = new URLSearchParams({
      token: 'xr3j5x3p4pfk7kk6ck7b4e6ghh',
      text: 'calico-node: failed to wipe the XDP state\nline 2',
      command: '/triage',
      user_id: 'u1',
      user_name: 'alice',
      channel_id: 'c1',
      team_id: 't1',
      response_url: 'https://mattermost.example.org/hooks/commands/abc',
    }).toString();

    expect(parseMattermostCommand(Buffer.from(body))).toEqual({
      token: 'xr3j5x3p4pfk7kk6ck7b4e6ghh',
      text: 'calico-node: failed to wipe the XDP state\nline 2',
      command: '/triage',
      userId: 'u1',
      userName: 'alice',
      channelId: 'c1',
      teamId: 't1',
      responseUrl: 'https://mattermost.example.org/hooks/commands/abc',
    });
  });
});

describe(mattermostTokenOf.name, () => {
  it('takes the form token, or the Authorization: Token header', () => {
    expect(mattermostTokenOf('abc', 'Token other')).toBe('abc');
    expect(mattermostTokenOf('', 'Token xyz')).toBe('xyz');
    expect(mattermostTokenOf('', 'Bearer xyz')).toBeUndefined();
    expect(mattermostTokenOf('', undefined)).toBeUndefined();
  });
});

describe(isMattermostTokenValid.name, () => {
  it('accepts only the configured token', () => {
    expect(isMattermostTokenValid('secret-token', 'secret-token')).toBe(true);
    expect(isMattermostTokenValid('secret-token', 'secret-tokeN')).toBe(false);
    expect(isMattermostTokenValid('secret-token', 'secret')).toBe(false);
    expect(isMattermostTokenValid('secret-token', '')).toBe(false);
    expect(isMattermostTokenValid('secret-token', undefined)).toBe(false);
  });
});
