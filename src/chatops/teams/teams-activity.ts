import { ChatopsException, ChatopsExceptionCode } from '../chatops.exception';

/** The parts of an outgoing webhook's activity that the triage uses. */
export interface TeamsIncomingMessage {
  /** The message text with the bot's @mention removed and HTML turned into plain text. */
  text: string;
}

/** Parses the JSON activity from the verified raw bytes. */
export function parseTeamsActivity(rawBody: Buffer): TeamsIncomingMessage {
  let parsed: unknown;
  try {
    parsed = JSON.parse(rawBody.toString('utf8'));
  } catch {
    parsed = undefined;
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new ChatopsException(
      'The request body is not a JSON activity.',
      ChatopsExceptionCode.CHATOPS_PAYLOAD_INVALID,
    );
  }
  const { text } = parsed as Record<string, unknown>;
  return { text: teamsTextToPlain(typeof text === 'string' ? text : '') };
}

/** HTML tags Teams puts in message text; other `<…>` (a log's `<none>`) are kept. */
const HTML_TAG =
  /<\/?(?:div|p|span|b|strong|i|em|u|s|strike|pre|code|a|ul|ol|li|img|h[1-6]|blockquote|table|thead|tbody|tr|td|th|font|sup|sub)\b[^>]*>/gi;
const LINE_BREAK = /<br\s*\/?>|<\/(?:p|div|li|pre|h[1-6]|tr|blockquote)>/gi;

/**
 * Removes the `<at>bot name</at>` mention(s) an outgoing webhook message starts with, turns the
 * HTML Teams may send into text and decodes its entities.
 */
export function teamsTextToPlain(text: string): string {
  return decodeEntities(
    text
      .replace(/<at\b[^>]*>[\s\S]*?<\/at>/gi, '')
      .replace(LINE_BREAK, '\n')
      .replace(HTML_TAG, ''),
  )
    .replace(/\u00a0/g, ' ')
    .replace(/\r\n?/g, '\n')
    .trim();
}

const NAMED_ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
};

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]{1,6}|#\d{1,7}|[a-z]{2,8});/gi, (entity, name: string) => {
    if (name.startsWith('#')) {
      const code =
        name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : Number(name.slice(1));
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : entity;
    }
    return NAMED_ENTITIES[name.toLowerCase()] ?? entity;
  });
}
