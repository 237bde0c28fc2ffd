import { type RankedCause } from '../../engine/types';
import { escapeMarkdown, markdownCode } from '../formatting/markdown';
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

/** The reply of an outgoing webhook: a message activity whose text is Markdown. */
export interface TeamsMessageActivity {
  type: 'message';
  textFormat: 'markdown';
  text: string;
}

/** Teams refuses messages over about 28 KB; this keeps well under it. */
export const TEAMS_MAX_TEXT = 20000;

/** Teams Markdown needs a blank line (or `<br>`) for a new line, so paragraphs are joined so. */
const BREAK = '\n\n';

export function buildTeamsTriageReply(
  result: ChatTriageResult,
  publicUrl: string,
): TeamsMessageActivity {
  const url = analysisUrl(publicUrl, result);
  const causes = topCauses(result);
  if (causes.length === 0) {
    return message(
      [
        `No known Kubernetes networking issue matched this message (${url ? `[analysis](${url})` : NOT_STORED_NOTE}).`,
        `Mention me again with more of:\n${MORE_INPUT_HINTS.map((hint) => `- ${hint}`).join('\n')}`,
      ].join(BREAK),
    );
  }
  const facts = describeFacts(result.facts);
  const link = !url
    ? `_${NOT_STORED_NOTE}_`
    : result.causes.length > causes.length
      ? `[Open all ${result.causes.length} causes](${url})`
      : `[Open the full analysis](${url})`;
  return message(
    [
      `**kubetriage: ${causeCountPhrase(result.causes.length)}**`,
      ...causes.map((cause, index) => causeMarkdown(cause, index, index === 0)),
      `${link}${facts ? ` · read from your message: ${escapeMarkdown(facts)}` : ''}`,
    ].join(BREAK),
  );
}

function causeMarkdown(cause: RankedCause, index: number, detailed: boolean): string {
  const title = escapeMarkdown(truncate(singleLine(cause.title), CHAT_LIMITS.title));
  const parts = [
    `**${index + 1}. ${title}** ${markdownCode(cause.issueId)}${BREAK}${confidenceLine(cause)}`,
  ];
  if (detailed) {
    const evidence = firstEvidence(cause);
    if (evidence) {
      parts.push(
        `Evidence, line ${evidence.line}: ${markdownCode(truncate(singleLine(evidence.text), CHAT_LIMITS.evidence))}`,
      );
    }
    const step = firstRemediationStep(cause);
    if (step) {
      const title = escapeMarkdown(truncate(singleLine(step.title), CHAT_LIMITS.title));
      parts.push(`First step: **${title}**`);
      if (step.command)
        parts.push(markdownCode(truncate(singleLine(step.command), CHAT_LIMITS.command)));
    }
  }
  return parts.join(BREAK);
}

export function buildTeamsHelpReply(): TeamsMessageActivity {
  return message(
    [
      '**Mention me with logs or a symptom description** and I reply with the likely known ' +
        'Kubernetes networking causes, the matching log lines and the first fix.',
      '- Paste logs: `@kubetriage 2024-05-30 felix … failed to wipe the XDP state`\n' +
        '- Or describe the symptom: `@kubetriage pods on different nodes cannot ping each other`\n' +
        '- Add versions (`uname -r`, `kubectl version`, CNI version) for a sharper answer.',
      'Secrets are redacted before anything is stored.',
    ].join(BREAK),
  );
}

function message(text: string): TeamsMessageActivity {
  return { type: 'message', textFormat: 'markdown', text: truncate(text, TEAMS_MAX_TEXT) };
}
