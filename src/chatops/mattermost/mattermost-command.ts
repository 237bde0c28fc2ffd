import { constantTimeEqual } from '../security/constant-time-equal';

/** A Mattermost custom slash command request (https://developers.mattermost.com/integrate/slash-commands/custom/). */
export interface MattermostSlashCommand {
  token: string;
  text: string;
  command: string;
  userId: string;
  userName: string;
  channelId: string;
  teamId: string;
  responseUrl?: string;
}

/** Parses the form body from the raw bytes (the same bytes whose token is checked). */
export function parseMattermostCommand(rawBody: Buffer): MattermostSlashCommand {
  const form = new URLSearchParams(rawBody.toString('utf8'));
  const responseUrl = form.get('response_url') ?? '';
  return {
    token: form.get('token') ?? '',
    text: form.get('text') ?? '',
    command: form.get('command') ?? '',
    userId: form.get('user_id') ?? '',
    userName: form.get('user_name') ?? '',
    channelId: form.get('channel_id') ?? '',
    teamId: form.get('team_id') ?? '',
    ...(responseUrl === '' ? {} : { responseUrl }),
  };
}

/**
 * The command's token: the `token` form field, or `Authorization: Token <token>` (Mattermost sends
 * both). A request with neither has no token.
 */
export function mattermostTokenOf(
  formToken: string,
  authorization: string | undefined,
): string | undefined {
  if (formToken !== '') return formToken;
  const match = /^Token\s+(\S+)\s*$/i.exec(authorization ?? '');
  return match ? match[1] : undefined;
}

/** Constant-time comparison of the received token with the configured one. */
export function isMattermostTokenValid(expected: string, received: string | undefined): boolean {
  return received !== undefined && received !== '' && constantTimeEqual(expected, received);
}
