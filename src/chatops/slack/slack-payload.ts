import { ChatopsException, ChatopsExceptionCode } from '../chatops.exception';

/** The fields of a slash command request (https://api.slack.com/interactivity/slash-commands). */
export interface SlackSlashCommand {
  /** The text after the command, already turned back into plain text (see `slackTextToPlain`). */
  text: string;
  responseUrl?: string;
  userId: string;
  channelId: string;
  teamId: string;
  /** `/triage`, or whatever the workspace named the command. */
  command: string;
}

/** One clicked button of a `block_actions` payload. */
export interface SlackAction {
  actionId: string;
  value?: string;
}

export interface SlackBlockActions {
  type: 'block_actions';
  userId: string;
  responseUrl?: string;
  actions: SlackAction[];
}

/** Another interaction type (shortcuts, view submissions…): acknowledged and ignored. */
export interface SlackOtherInteraction {
  type: 'other';
  payloadType: string;
}

export type SlackInteraction = SlackBlockActions | SlackOtherInteraction;

/**
 * Parses the form body of a slash command from the raw bytes that were verified (not from a body
 * parser's object, which could read the bytes differently).
 */
export function parseSlackSlashCommand(rawBody: Buffer): SlackSlashCommand {
  const form = new URLSearchParams(rawBody.toString('utf8'));
  const responseUrl = form.get('response_url') ?? '';
  return {
    text: slackTextToPlain(form.get('text') ?? ''),
    ...(responseUrl === '' ? {} : { responseUrl }),
    userId: form.get('user_id') ?? '',
    channelId: form.get('channel_id') ?? '',
    teamId: form.get('team_id') ?? '',
    command: form.get('command') ?? '',
  };
}

/** Parses `payload=<json>` of an interactivity request, from the verified raw bytes. */
export function parseSlackInteraction(rawBody: Buffer): SlackInteraction {
  const payload = new URLSearchParams(rawBody.toString('utf8')).get('payload');
  if (payload === null) {
    throw invalidPayload('The request has no "payload" form field.');
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(payload);
  } catch {
    throw invalidPayload('The "payload" form field is not valid JSON.');
  }
  if (!isRecord(parsed) || typeof parsed.type !== 'string') {
    throw invalidPayload('The payload has no "type".');
  }
  if (parsed.type !== 'block_actions') {
    return { type: 'other', payloadType: parsed.type };
  }
  const user = isRecord(parsed.user) ? parsed.user : {};
  const actions = Array.isArray(parsed.actions) ? parsed.actions : [];
  const responseUrl = typeof parsed.response_url === 'string' ? parsed.response_url : '';
  return {
    type: 'block_actions',
    userId: typeof user.id === 'string' ? user.id : '',
    ...(responseUrl === '' ? {} : { responseUrl }),
    actions: actions.filter(isRecord).flatMap((action): SlackAction[] =>
      typeof action.action_id === 'string'
        ? [
            {
              actionId: action.action_id,
              ...(typeof action.value === 'string' ? { value: action.value } : {}),
            },
          ]
        : [],
    ),
  };
}

/**
 * Slack escapes `&`, `<` and `>` in message text and wraps what it recognises in angle brackets:
 * `<http://10.0.0.1:8080>`, `<http://example.com|example.com>`, `<@U123>`, `<#C123|general>`,
 * `<!here>` (https://api.slack.com/reference/surfaces/formatting#retrieving-messages). Unescaped
 * `<` and `>` only ever delimit those tokens, so they are undone first, then the entities.
 */
export function slackTextToPlain(text: string): string {
  return text
    .replace(/<([^<>]*)>/g, (_token, inner: string) => {
      const [target, label] = splitOnce(inner, '|');
      const shown = label === undefined || label === '' ? undefined : label;
      if (target.startsWith('@')) return shown === undefined ? target : `@${shown}`;
      if (target.startsWith('#')) return shown === undefined ? target : `#${shown}`;
      if (target.startsWith('!')) return shown ?? `@${target.slice(1)}`;
      // A link: what the person typed is the label when Slack added one.
      return shown ?? target;
    })
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

function splitOnce(text: string, separator: string): [string, string | undefined] {
  const index = text.indexOf(separator);
  return index === -1 ? [text, undefined] : [text.slice(0, index), text.slice(index + 1)];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function invalidPayload(message: string): ChatopsException {
  return new ChatopsException(message, ChatopsExceptionCode.CHATOPS_PAYLOAD_INVALID);
}
