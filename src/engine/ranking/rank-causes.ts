import { type SignalMatch } from '../signals/signal-matcher';
import { type SimilarityMatch } from '../similarity/symptom-index';
import { type LineIndex } from '../text/line-index';
import {
  type Confidence,
  type Evidence,
  type Fact,
  type KnownIssue,
  type RankedCause,
} from '../types';
import { explainVerdict, judgeCondition } from './affected-versions';

/** Tuning of the score; one place, so the bench can show the effect of a change. */
export const RANKING = {
  /** Below this a candidate is not plausible enough to show. */
  reportThreshold: 0.3,
  /** Candidates far below the best one are noise next to it. */
  relativeThreshold: 0.4,
  /** Similarity under the floor counts for nothing; at `full` it counts `weight`. */
  similarityFloor: 0.12,
  similarityFull: 0.6,
  similarityWeight: 0.6,
  /**
   * Each fact outside an affected range multiplies the score by this. Not lower: a paste often
   * names old versions too ("upgraded from v3.27.2"), and strong log evidence must survive that.
   */
  outOfRangePenalty: 0.5,
  /**
   * Weighted in-range facts needed to count without a matching signal; a single one counts
   * only beside a signal or a clear resemblance (`factsWithSimilarity`).
   */
  factsAloneMinimum: 2,
  factsWithSimilarity: 0.15,
  maxCauses: 8,
  maxEvidence: 12,
  maxEvidencePerSignal: 3,
  confidence: { high: 0.75, medium: 0.5 },
} as const;

/** 1 - Π(1 - w): independent pieces of evidence, each raising the score towards 1. */
export function noisyOr(weights: Iterable<number>): number {
  let miss = 1;
  for (const weight of weights) miss *= 1 - Math.min(Math.max(weight, 0), 1);
  return 1 - miss;
}

export function confidenceOf(score: number): Confidence {
  if (score >= RANKING.confidence.high) return 'high';
  if (score >= RANKING.confidence.medium) return 'medium';
  return 'low';
}

function similarityEvidence(similarity: SimilarityMatch | undefined): number {
  if (!similarity) return 0;
  const { similarityFloor: floor, similarityFull: full, similarityWeight: weight } = RANKING;
  const scaled = (similarity.score - floor) / (full - floor);
  return weight * Math.min(Math.max(scaled, 0), 1);
}

function linesList(lines: number[]): string {
  const shown = lines.slice(0, 5).join(', ');
  return lines.length > 5 ? `${shown} …` : shown;
}

export interface RankingInput {
  issues: readonly KnownIssue[];
  facts: readonly Fact[];
  signals: ReadonlyMap<string, SignalMatch[]>;
  similarity: ReadonlyMap<string, SimilarityMatch>;
  lines: LineIndex;
}

interface Candidate {
  cause: RankedCause;
  signalEvidence: number;
}

function scoreIssue(issue: KnownIssue, input: RankingInput): Candidate | undefined {
  const matches = input.signals.get(issue.id) ?? [];
  const why: string[] = [];

  const specific = matches.filter((match) => !match.signal.supporting);
  const signalEvidence = noisyOr(specific.map((match) => match.signal.weight));

  const verdicts = issue.affected.map((condition) => judgeCondition(condition, input.facts));
  if (verdicts.some((v) => v.verdict === 'out' && v.condition.exclusive)) return undefined;
  const weightedIn = verdicts.filter((v) => v.verdict === 'in' && v.condition.weight);
  let factEvidence = noisyOr(weightedIn.map((v) => v.condition.weight ?? 0));

  const similarity = input.similarity.get(issue.id);
  const similarityScore = similarityEvidence(similarity);

  const factsCount =
    signalEvidence > 0 ||
    weightedIn.length >= RANKING.factsAloneMinimum ||
    similarityScore >= RANKING.factsWithSimilarity;
  if (!factsCount) factEvidence = 0;
  const hasEvidence = signalEvidence > 0 || similarityScore > 0 || factEvidence > 0;
  if (!hasEvidence) return undefined;

  const supporting = matches.filter((match) => match.signal.supporting);
  const supportingEvidence = noisyOr(supporting.map((match) => match.signal.weight));

  let score = noisyOr([signalEvidence, factEvidence, similarityScore, supportingEvidence]);
  const outside = verdicts.filter((v) => v.verdict === 'out');
  score *= RANKING.outOfRangePenalty ** outside.length;

  const counted = [...specific, ...supporting].sort((a, b) => b.signal.weight - a.signal.weight);
  for (const match of counted) {
    const times = match.count > match.lines.length ? ` (${match.count} times)` : '';
    why.push(
      `${match.signal.description ?? match.signal.id} — line ${linesList(match.lines)}${times}`,
    );
  }
  for (const verdict of verdicts) {
    const text = explainVerdict(verdict);
    if (text) why.push(text);
  }
  if (similarityScore > 0 && similarity) {
    why.push(
      `the description resembles "${similarity.closest}" (similarity ${similarity.score.toFixed(2)})`,
    );
  }

  const evidence: Evidence[] = [];
  for (const match of counted) {
    for (const line of match.lines.slice(0, RANKING.maxEvidencePerSignal)) {
      if (evidence.length >= RANKING.maxEvidence) break;
      // One entry per line: the strongest signal that matched it names it.
      if (evidence.some((e) => e.line === line)) continue;
      evidence.push({ line, text: input.lines.lineText(line), signal: match.signal.id });
    }
  }
  evidence.sort((a, b) => a.line - b.line);

  const rounded = Math.round(score * 1000) / 1000;
  return {
    signalEvidence,
    cause: {
      issueId: issue.id,
      title: issue.title.en,
      score: rounded,
      confidence: confidenceOf(rounded),
      evidence,
      why,
      rootCause: issue.rootCause,
      remediation: issue.remediation,
      references: issue.references,
    },
  };
}

/** Plausible causes, best first. An unrelated paste gets an empty list, not a guess. */
export function rankCauses(input: RankingInput): RankedCause[] {
  const candidates = input.issues
    .map((issue) => scoreIssue(issue, input))
    .filter((candidate): candidate is Candidate => candidate !== undefined)
    .filter((candidate) => candidate.cause.score >= RANKING.reportThreshold)
    .sort(
      (a, b) =>
        b.cause.score - a.cause.score ||
        b.signalEvidence - a.signalEvidence ||
        a.cause.issueId.localeCompare(b.cause.issueId),
    );
  const best = candidates[0]?.cause.score ?? 0;
  return candidates
    .filter((candidate) => candidate.cause.score >= best * RANKING.relativeThreshold)
    .slice(0, RANKING.maxCauses)
    .map((candidate) => candidate.cause);
}
