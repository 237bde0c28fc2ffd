import { type RankedCause } from '../../engine/types';
import { FEEDBACK_LABELS, type FeedbackVerdict } from '../formatting/feedback-verdict';
import {
  analysisUrl,
  causeCountPhrase,
  CHAT_LIMITS,
  type ChatTriageResult,
  confidenceLabel,
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
import {
  type ActionsBlock,
  type ButtonElement,
  escapeMrkdwn,
  mrkdwn,
  mrkdwnCode,
  mrkdwnCodeBlock,
  mrkdwnLink,
  plainText,
  SLACK_LIMITS,
  type SlackBlock,
  type SlackMessage,
  type SlackResponseType,
} from './slack-blocks';

/** `action_id`s of the buttons; the interactivity endpoint dispatches on them. */
export const SLACK_ACTION_IDS = {
  confirmed: 'kubetriage_feedback_confirmed',
  rejected: 'kubetriage_feedback_rejected',
  openAnalysis: 'kubetriage_open_analysis',
} as const;

/** What a feedback button carries in its `value`: enough to call the feedback service. */
export interface FeedbackButtonValue {
  analysisId: string;
  issueId: string;
}

export interface SlackFormatOptions {
  /** Base of the web result page links (`PUBLIC_URL`). */
  publicUrl: string;
  responseType: SlackResponseType;
}

/** The reply to a triage: the top causes with evidence, first step, links and feedback buttons. */
export function buildSlackTriageMessage(
  result: ChatTriageResult,
  options: SlackFormatOptions,
): SlackMessage {
  const causes = topCauses(result);
  const url = analysisUrl(options.publicUrl, result);
  if (causes.length === 0) {
    return buildSlackNoMatchMessage(url, options.responseType);
  }

  const blocks: SlackBlock[] = [
    { type: 'header', text: plainText(`kubetriage: ${causeCountPhrase(result.causes.length)}`) },
  ];
  causes.forEach((cause, index) => {
    blocks.push(...causeBlocks(cause, index, index === 0));
    // Feedback is stored against the analysis: without a stored one there is nothing to rate.
    if (url) blocks.push(feedbackActions(result.id, cause));
    blocks.push({ type: 'divider' });
  });
  if (url)
    blocks.push({
      type: 'actions',
      elements: [
        {
          type: 'button',
          text: plainText(
            result.causes.length > causes.length
              ? `Open all ${result.causes.length} causes`
              : 'Open full analysis',
          ),
          action_id: SLACK_ACTION_IDS.openAnalysis,
          url,
        },
      ],
    });
  blocks.push({ type: 'context', elements: [mrkdwn(footer(result, url))] });

  const best = causes[0];
  return {
    response_type: options.responseType,
    text: truncate(
      `kubetriage: ${causeCountPhrase(result.causes.length)}; best match ${best.title} ` +
        `(${best.issueId}, ${confidenceLabel(best.confidence).toLowerCase()})`,
      SLACK_LIMITS.sectionText,
    ),
    blocks,
  };
}

function causeBlocks(cause: RankedCause, index: number, detailed: boolean): SlackBlock[] {
  const title = escapeMrkdwn(truncate(singleLine(cause.title), CHAT_LIMITS.title));
  const blocks: SlackBlock[] = [
    {
      type: 'section',
      text: mrkdwn(
        `*${index + 1}. ${title}*\n${confidenceLine(cause)} · ${mrkdwnCode(truncate(cause.issueId, 200))}`,
      ),
    },
  ];
  if (!detailed) return blocks;

  const why = cause.why[0];
  if (why) {
    blocks.push({
      type: 'context',
      elements: [mrkdwn(escapeMrkdwn(truncate(singleLine(why), CHAT_LIMITS.why)))],
    });
  }
  const evidence = firstEvidence(cause);
  if (evidence) {
    blocks.push({
      type: 'section',
      text: mrkdwn(
        `*Evidence*, line ${evidence.line} of your paste:\n` +
          mrkdwnCodeBlock(truncate(singleLine(evidence.text), CHAT_LIMITS.evidence)),
      ),
    });
  }
  const step = firstRemediationStep(cause);
  if (step) {
    const title = escapeMrkdwn(truncate(singleLine(step.title), CHAT_LIMITS.title));
    const command = step.command
      ? `\n${mrkdwnCodeBlock(truncate(singleLine(step.command), CHAT_LIMITS.command))}`
      : '';
    blocks.push({ type: 'section', text: mrkdwn(`*First step:* ${title}${command}`) });
  }
  return blocks;
}

function feedbackActions(analysisId: string, cause: RankedCause): ActionsBlock {
  const value = encodeFeedbackValue({ analysisId, issueId: cause.issueId });
  const button = (verdict: FeedbackVerdict): ButtonElement => ({
    type: 'button',
    text: plainText(FEEDBACK_LABELS[verdict]),
    action_id: SLACK_ACTION_IDS[verdict],
    value,
    ...(verdict === 'confirmed' ? { style: 'primary' as const } : {}),
  });
  return { type: 'actions', elements: [button('confirmed'), button('rejected')] };
}

function footer(result: ChatTriageResult, url: string | undefined): string {
  const facts = describeFacts(result.facts);
  const read = facts ? `Read from your paste: ${escapeMrkdwn(truncate(facts, 500))}\n` : '';
  const analysis = url
    ? `Analysis ${mrkdwnLink(url, result.id)}`
    : `Analysis ${result.id}, ${NOT_STORED_NOTE}`;
  return `${read}${analysis} · secrets are redacted before storage`;
}

/** Nothing plausible matched: say so, and say what to paste to get an answer. */
export function buildSlackNoMatchMessage(
  url: string | undefined,
  responseType: SlackResponseType,
): SlackMessage {
  return {
    response_type: responseType,
    text:
      `No known Kubernetes networking issue matched this paste (${url ? mrkdwnLink(url, 'analysis') : NOT_STORED_NOTE}).\n` +
      'Run `/triage` again with more of:\n' +
      MORE_INPUT_HINTS.map((hint) => `• ${escapeMrkdwn(hint)}`).join('\n'),
  };
}

/** `/triage help`, or `/triage` with nothing after it. */
export function buildSlackHelpMessage(command: string): SlackMessage {
  const name = escapeMrkdwn(command || '/triage');
  return {
    response_type: 'ephemeral',
    text:
      `*${name} &lt;logs or a symptom description&gt;*: finds known Kubernetes networking failures ` +
      '(CNI, kube-proxy, DNS, MTU, kernel) in a paste and replies with the likely causes, the ' +
      'matching log lines and the first fix.\n' +
      `• Paste logs straight after the command: \`${name} 2024-05-30 felix … failed to wipe the XDP state\`\n` +
      `• Or describe the symptom: \`${name} pods on different nodes cannot ping each other after upgrading Calico\`\n` +
      '• Add versions (`uname -r`, `kubectl version`, CNI version) for a sharper answer.\n' +
      'Secrets (tokens, keys, passwords) are redacted before anything is stored. The reply is only ' +
      'visible to you unless the service is configured to answer in the channel.',
  };
}

/** The immediate answer when the triage result will follow on the `response_url`. */
export function buildSlackAnalysingMessage(bytes: number): SlackMessage {
  const size = bytes >= 1024 ? `${Math.round(bytes / 1024)} KB` : `${bytes} bytes`;
  return {
    response_type: 'ephemeral',
    text: `:hourglass_flowing_sand: Analysing your paste (${size})… the result will appear here shortly.`,
  };
}

/** A triage that failed after the command was acknowledged (posted to the `response_url`). */
export function buildSlackFailureMessage(): SlackMessage {
  return {
    response_type: 'ephemeral',
    text: ':warning: kubetriage could not analyse this paste. Please try again, or paste it in the web form.',
  };
}

/** The ephemeral confirmation of a feedback button. */
export function buildSlackFeedbackAck(verdict: FeedbackVerdict, issueId: string): SlackMessage {
  const text =
    verdict === 'confirmed'
      ? `:white_check_mark: Thanks! Recorded that ${mrkdwnCode(issueId)} was the cause.`
      : `:x: Thanks! Recorded that ${mrkdwnCode(issueId)} was not the cause.`;
  return { response_type: 'ephemeral', replace_original: false, text };
}

/** Feedback that could not be recorded (the analysis or issue is unknown). */
export function buildSlackFeedbackRefused(reason: string): SlackMessage {
  return {
    response_type: 'ephemeral',
    replace_original: false,
    text: `:warning: Feedback not recorded: ${escapeMrkdwn(reason)}`,
  };
}

export function encodeFeedbackValue(value: FeedbackButtonValue): string {
  return JSON.stringify({ analysisId: value.analysisId, issueId: value.issueId });
}

/** The value of a feedback button; undefined when it is not one of ours. */
export function decodeFeedbackValue(value: unknown): FeedbackButtonValue | undefined {
  if (typeof value !== 'string' || value.length > SLACK_LIMITS.buttonValue) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch {
    return undefined;
  }
  if (typeof parsed !== 'object' || parsed === null) return undefined;
  const { analysisId, issueId } = parsed as Record<string, unknown>;
  if (typeof analysisId !== 'string' || typeof issueId !== 'string') return undefined;
  if (analysisId === '' || issueId === '') return undefined;
  return { analysisId, issueId };
}
