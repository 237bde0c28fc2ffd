import { type AnalysisRecord } from '../database/repositories/analysis.repository';
import { type FeedbackRecord, type Verdict } from '../database/repositories/feedback.repository';
import { type Fact, type RankedCause, type TriageContext, type TriageTimings } from '../engine';

/** The contract of API.md: id, createdAt, facts, causes, timings; plus input size and redactions. */
export interface AnalysisResponse {
  id: string;
  createdAt: string;
  source: string | null;
  input: { bytes: number; lines: number };
  /** How many secrets were replaced by `[REDACTED]` before the paste was analysed and stored. */
  redactions: number;
  context: TriageContext | null;
  facts: Fact[];
  causes: RankedCause[];
  timings: TriageTimings;
  /**
   * Present when TRIAGE_TIMEOUT_MS ran out on a huge paste: the causes rest on its first
   * `scannedLines` lines only.
   */
  partial?: { reason: 'timeout'; scannedBytes: number; scannedLines: number };
  /**
   * false when the database was unavailable: the causes are given but nothing was stored, so the
   * answer is 200 without a Location and GET /api/v1/analyses/{id} will not find it.
   */
  stored: boolean;
}

export interface FeedbackResponse {
  id: string;
  analysisId: string;
  issueId: string;
  verdict: Verdict;
  comment: string | null;
  createdAt: string;
}

export function mapAnalysis(record: AnalysisRecord, stored = true): AnalysisResponse {
  return {
    id: record.id,
    createdAt: record.createdAt.toISOString(),
    source: record.source,
    input: { bytes: record.inputBytes, lines: record.inputLines },
    redactions: record.redactionCount,
    context: record.context,
    facts: record.facts,
    causes: record.causes,
    timings: record.timings,
    ...(record.partial ? { partial: record.partial } : {}),
    stored,
  };
}

export function mapFeedback(record: FeedbackRecord): FeedbackResponse {
  return {
    id: record.id,
    analysisId: record.analysisId,
    issueId: record.issueId,
    verdict: record.verdict,
    comment: record.comment,
    createdAt: record.createdAt.toISOString(),
  };
}
