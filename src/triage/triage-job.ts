import { type KnownIssue, type TriageContext, TriageEngine, type TriageResult } from '../engine';
import { redactSecrets } from '../redaction/redact-secrets';

export interface TriageJob {
  text: string;
  context?: TriageContext;
  timeoutMs?: number;
}

export interface TriageJobResult {
  /** The paste with secrets removed: what is matched, stored and echoed. */
  redactedText: string;
  redactionCount: number;
  result: TriageResult;
}

/** Redact, then match: secrets never reach the engine, the evidence or the database. */
export function runTriageJob(engine: TriageEngine, job: TriageJob): TriageJobResult {
  const redaction = redactSecrets(job.text);
  const result = engine.triage(redaction.text, job.context, { timeoutMs: job.timeoutMs });
  return { redactedText: redaction.text, redactionCount: redaction.count, result };
}

/** What a worker thread receives to build its own engine. */
export interface TriageWorkerData {
  issues: KnownIssue[];
}
