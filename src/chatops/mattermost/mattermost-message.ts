import { type RankedCause } from '../../engine/types';
import { escapeMarkdown, markdownCode, markdownCodeBlock } from '../formatting/markdown';
import {
  analysisUrl,
  causeCountPhrase,
  CHAT_LIMITS,
  type ChatTriageResult,
  confidenceLine,
  describeFacts,
  firstEvidence,
  firstRemediationStep,
  MORE_INPUT_HINTS,
  NOT_STORED_NOTE,
  singleLine,
  topCauses,
  truncate,
} from '../formatting/triage-summary';

export type MattermostResponseType = 'ephemeral' | 'in_channel';

/** A slash command response (https://developers.mattermost.com/integrate/slash-commands/custom/#response-parameters). */
export interface MattermostResponse {
  response_type: MattermostResponseType;
  /** Markdown. */
  text: string;
  username?: string;
}

/** Mattermost refuses posts longer than 16383 characters (server v5.0+). */
export const MATTERMOST_MAX_TEXT = 16383;

export interface MattermostFormatOptions {
  publicUrl: string;
  responseType: MattermostResponseType;
}

/** The reply to a triage, in Markdown: top causes, first evidence, first step, link. */
export function buildMattermostTriageResponse(
  result: ChatTriageResult,
  options: MattermostFormatOptions,
): MattermostResponse {
  const url = analysisUrl(options.publicUrl, result);
  const causes = topCauses(result);
  if (causes.length === 0) {
    return { response_type: options.responseType, text: noMatchText(url) };
  }
  const sections = causes.map((cause, index) => causeMarkdown(cause, index, index === 0));
  const facts = describeFacts(result.facts);
  const more = !url
    ? `_${NOT_STORED_NOTE}_`
    : result.causes.length > causes.length
      ? `[Open all ${result.causes.length} causes](${url})`
      : `[Open the full analysis](${url})`;
  const text = [
    `#### kubetriage: ${causeCountPhrase(result.causes.length)}`,
    ...sections,
    `${more} · analysis ${markdownCode(result.id)}${facts ? ` · read from your paste: ${escapeMarkdown(facts)}` : ''}`,
  ].join('\n\n');
  return { response_type: options.responseType, text: truncate(text, MATTERMOST_MAX_TEXT) };
}

function causeMarkdown(cause: RankedCause, index: number, detailed: boolean): string {
  const title = escapeMarkdown(truncate(singleLine(cause.title), CHAT_LIMITS.title));
  const lines = [
    `**${index + 1}. ${title}** ${markdownCode(cause.issueId)}`,
    confidenceLine(cause),
  ];
  if (!detailed) return lines.join('\n');

  const evidence = firstEvidence(cause);
  if (evidence) {
    lines.push(
      `Evidence, line ${evidence.line} of your paste:`,
      markdownCodeBlock(truncate(singleLine(evidence.text), CHAT_LIMITS.evidence)),
    );
  }
  const step = firstRemediationStep(cause);
  if (step) {
    lines.push(
      `First step: **${escapeMarkdown(truncate(singleLine(step.title), CHAT_LIMITS.title))}**`,
    );
    if (step.command)
      lines.push(markdownCodeBlock(truncate(singleLine(step.command), CHAT_LIMITS.command)));
  }
  return lines.join('\n');
}

function noMatchText(url: string | undefined): string {
  return [
    `No known Kubernetes networking issue matched this paste (${url ? `[analysis](${url})` : NOT_STORED_NOTE}).`,
    'Run the command again with more of:',
    ...MORE_INPUT_HINTS.map((hint) => `- ${hint}`),
  ].join('\n');
}

/** The command with no text, or `help`. */
export function buildMattermostHelpResponse(command: string): MattermostResponse {
  const name = command || '/triage';
  return {
    response_type: 'ephemeral',
    text: [
      `**${escapeMarkdown(name)}** followed by logs or a symptom description finds known Kubernetes networking failures ` +
        '(CNI, kube-proxy, DNS, MTU, kernel) in a paste and replies with the likely causes, the ' +
        'matching log lines and the first fix.',
      `- Paste logs after the command: \`${name} 2024-05-30 felix … failed to wipe the XDP state\``,
      `- Or describe the symptom: \`${name} pods on different nodes cannot ping each other\``,
      '- Add versions (`uname -r`, `kubectl version`, CNI version) for a sharper answer.',
      'Secrets are redacted before anything is stored.',
    ].join('\n'),
  };
}
