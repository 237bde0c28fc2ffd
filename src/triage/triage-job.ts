import { type KnownIssue, type TriageContext, TriageEngine, type TriageResult } from '../engine';
import { redactSecretsInBuffer } from '../redaction/redact-secrets';

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

/**
 * Redact, then match: secrets never reach the engine, the evidence or the database. The paste is
 * encoded once; a paste with nothing to redact (most logs) is matched from those bytes and its
 * text is kept as it came, with no further copy.
 */
export function runTriageJob(engine: TriageEngine, job: TriageJob): TriageJobResult {
  const bytes = Buffer.from(job.text, 'utf8');
  const redaction = redactSecretsInBuffer(bytes);
  const result = engine.triage(redaction.buffer, job.context, { timeoutMs: job.timeoutMs });
  const redactedText = redaction.buffer === bytes ? job.text : redaction.buffer.toString('utf8');
  return { redactedText, redactionCount: redaction.count, result };
}

/** What a worker thread receives to build its own engine. */
export interface TriageWorkerData {
  issues: KnownIssue[];
}
