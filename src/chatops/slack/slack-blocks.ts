/** The subset of Slack's Block Kit the replies use (https://api.slack.com/reference/block-kit). */

export interface PlainText {
  type: 'plain_text';
  text: string;
  emoji?: boolean;
}

export interface MrkdwnText {
  type: 'mrkdwn';
  text: string;
}

export type TextObject = PlainText | MrkdwnText;

export interface ButtonElement {
  type: 'button';
  text: PlainText;
  action_id: string;
  value?: string;
  url?: string;
  style?: 'primary' | 'danger';
}

export interface HeaderBlock {
  type: 'header';
  text: PlainText;
}

export interface SectionBlock {
  type: 'section';
  text: TextObject;
}

export interface ContextBlock {
  type: 'context';
  elements: TextObject[];
}

export interface ActionsBlock {
  type: 'actions';
  elements: ButtonElement[];
}

export interface DividerBlock {
  type: 'divider';
}

export type SlackBlock = HeaderBlock | SectionBlock | ContextBlock | ActionsBlock | DividerBlock;

/**
 * `ephemeral`: only the person who ran the command sees the reply. `in_channel`: everyone in the
 * channel sees it, and Slack also shows them the command with its text.
 */
export type SlackResponseType = 'ephemeral' | 'in_channel';

/** A slash command reply, or a message posted to a `response_url`. */
export interface SlackMessage {
  response_type?: SlackResponseType;
  /** Notification and fallback text; with `blocks`, Slack shows the blocks instead. */
  text: string;
  blocks?: SlackBlock[];
  /** For `response_url` posts after an interaction: keep (false) or replace the clicked message. */
  replace_original?: boolean;
}

/** Slack's documented limits, checked by the tests of every message we build. */
export const SLACK_LIMITS = {
  blocks: 50,
  headerText: 150,
  sectionText: 3000,
  contextElements: 10,
  actionsElements: 25,
  buttonText: 75,
  buttonValue: 2000,
  buttonUrl: 3000,
  actionId: 255,
  messageText: 40000,
} as const;

/**
 * Escapes the three characters Slack's `mrkdwn` treats as control characters; everything taken from
 * a paste goes through it (https://api.slack.com/reference/surfaces/formatting#escaping).
 */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** A one-line code span: backticks inside would end the span, so they become a look-alike. */
export function mrkdwnCode(text: string): string {
  return `\`${escapeMrkdwn(text.replace(/`/g, 'ˋ'))}\``;
}

/** A preformatted block; a run of three backticks inside would close it. */
export function mrkdwnCodeBlock(text: string): string {
  return `\`\`\`${escapeMrkdwn(text.replace(/```/g, 'ˋˋˋ'))}\`\`\``;
}

/** `<url|label>`: the label is escaped, and `|` or `>` in the URL are percent-encoded. */
export function mrkdwnLink(url: string, label: string): string {
  const safeUrl = url.replace(/\|/g, '%7C').replace(/>/g, '%3E').replace(/</g, '%3C');
  return `<${safeUrl}|${escapeMrkdwn(label)}>`;
}

export function plainText(text: string): PlainText {
  return { type: 'plain_text', text, emoji: true };
}

export function mrkdwn(text: string): MrkdwnText {
  return { type: 'mrkdwn', text };
}
