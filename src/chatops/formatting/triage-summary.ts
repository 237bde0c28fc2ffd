import { type Confidence, type Evidence, type Fact, type RankedCause } from '../../engine/types';

/**
 * What every chat surface needs from the API's triage response (`POST /api/v1/triage`). The
 * formatters read the response as returned, best cause first; they never re-rank or re-match.
 */
export interface ChatTriageResult {
  id: string;
  facts: Fact[];
  causes: RankedCause[];
  /** False when the database was unavailable: the answer stands, but there is no page to link. */
  stored?: boolean;
}

/** Said instead of a link when the analysis could not be stored. */
export const NOT_STORED_NOTE = 'not stored: the database is unavailable, so there is no link';

/** Chat replies show at most this many causes; the web page shows them all. */
export const MAX_CHAT_CAUSES = 3;

/** The causes a chat reply shows: the first ones of the ranked list, in the API's order. */
export function topCauses(
  result: ChatTriageResult,
  limit: number = MAX_CHAT_CAUSES,
): RankedCause[] {
  return result.causes.slice(0, limit);
}

/** The first evidence line of a cause (the API orders evidence as the engine found it). */
export function firstEvidence(cause: RankedCause): Evidence | undefined {
  return cause.evidence[0];
}

export interface FirstStep {
  title: string;
  /** The step's first command, when it has one. */
  command?: string;
}

/** The first remediation step of a cause with its first command. */
export function firstRemediationStep(cause: RankedCause): FirstStep | undefined {
  const step = cause.remediation[0];
  if (!step) return undefined;
  const command = step.commands.find((candidate) => candidate.trim() !== '');
  return command === undefined ? { title: step.title } : { title: step.title, command };
}

const CONFIDENCE_LABELS: Record<Confidence, string> = {
  high: 'High confidence',
  medium: 'Medium confidence',
  low: 'Low confidence',
};

/** Unicode so that Slack, Mattermost and Teams all render it (shortcodes differ between them). */
const CONFIDENCE_EMOJI: Record<Confidence, string> = {
  high: '🟢',
  medium: '🟡',
  low: '⚪',
};

export function confidenceLabel(confidence: Confidence): string {
  return CONFIDENCE_LABELS[confidence];
}

export function confidenceEmoji(confidence: Confidence): string {
  return CONFIDENCE_EMOJI[confidence];
}

/** `🟢 High confidence · score 0.93` */
export function confidenceLine(cause: RankedCause): string {
  return `${confidenceEmoji(cause.confidence)} ${confidenceLabel(cause.confidence)} · score ${formatScore(cause.score)}`;
}

export function formatScore(score: number): string {
  return score.toFixed(2);
}

/**
 * The web result page of an analysis, `${PUBLIC_URL}/analyses/{id}`; undefined when the
 * analysis was not stored (a link would lead to a 404).
 */
export function analysisUrl(
  publicUrl: string,
  result: Pick<ChatTriageResult, 'id' | 'stored'>,
): string | undefined {
  if (result.stored === false) return undefined;
  return `${publicUrl.replace(/\/+$/, '')}/analyses/${encodeURIComponent(result.id)}`;
}

/** `kernel 5.4.0-189-generic · calico 3.27.3`: what the service read or was told, for context. */
export function describeFacts(facts: readonly Fact[], limit = 6): string {
  const shown = facts.slice(0, limit).map((fact) => `${fact.name} ${fact.value}`);
  const more = facts.length - shown.length;
  return more > 0 ? `${shown.join(' · ')} · +${more} more` : shown.join(' · ');
}

/** `1 likely cause`, `3 likely causes`. */
export function causeCountPhrase(count: number): string {
  return `${count} likely cause${count === 1 ? '' : 's'}`;
}

/** Cuts text to at most `max` characters (code points are not split), marking the cut with `…`. */
export function truncate(text: string, max: number): string {
  const chars = Array.from(text);
  if (chars.length <= max) return text;
  return `${chars.slice(0, Math.max(0, max - 1)).join('')}…`;
}

/** Evidence and commands are one line in chat: tabs and line breaks become spaces. */
export function singleLine(text: string): string {
  return text.replace(/[\r\n\t]+/g, ' ').trim();
}

/** What to paste when nothing matched; shared by every platform's "no match" reply. */
export const MORE_INPUT_HINTS: readonly string[] = [
  'the error lines of the failing component, e.g. `kubectl -n kube-system logs ds/calico-node --tail=300`',
  'the events of an affected pod: `kubectl describe pod <pod>`',
  'versions: `uname -r`, `kubectl version`, the CNI and kube-proxy versions and modes',
  'a sentence saying what fails (e.g. "pods on different nodes cannot reach each other")',
];

/** Text sizes that read well in every chat client (each platform also has hard limits). */
export const CHAT_LIMITS = {
  title: 150,
  evidence: 400,
  command: 300,
  why: 300,
} as const;
