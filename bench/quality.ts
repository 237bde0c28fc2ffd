import { existsSync, readFileSync } from 'node:fs';

import { type KnownIssue, type TriageContext, type TriageEngine } from '../src/engine';
import { type Bm25Baseline } from './bm25-baseline';

export interface LabelledPaste {
  id: string;
  text: string;
  context?: TriageContext;
  /** Ids that count as a right first answer; empty: unrelated, the right answer is no cause. */
  expected: string[];
}

export interface QualityScores {
  cases: number;
  related: number;
  unrelated: number;
  top1: number;
  top3: number;
  /** Share of unrelated pastes answered with no cause at all. */
  unrelatedSilent: number;
  misses: { id: string; expected: string[]; got: string[] }[];
}

/** Reads a JSON-lines evaluation set (shared/eval/dev.jsonl format); [] when absent. */
export function readEvalSet(path: string): LabelledPaste[] {
  if (!existsSync(path)) return [];
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as LabelledPaste);
}

/** Every pattern file's examples: matches expect their entry first, non-matches expect no cause of it. */
export function examplesAsCases(issues: readonly KnownIssue[]): LabelledPaste[] {
  return issues.flatMap((issue) =>
    issue.examples.match.map((example, index) => ({
      id: `${issue.id}/match[${index}]`,
      text: example.text,
      context: example.context,
      expected: [issue.id],
    })),
  );
}

function score(cases: LabelledPaste[], rank: (paste: LabelledPaste) => string[]): QualityScores {
  const related = cases.filter((c) => c.expected.length > 0);
  const unrelated = cases.filter((c) => c.expected.length === 0);
  const misses: QualityScores['misses'] = [];
  let top1 = 0;
  let top3 = 0;
  for (const paste of related) {
    const got = rank(paste);
    if (paste.expected.includes(got[0])) top1++;
    else misses.push({ id: paste.id, expected: paste.expected, got: got.slice(0, 3) });
    if (got.slice(0, 3).some((id) => paste.expected.includes(id))) top3++;
  }
  let silent = 0;
  for (const paste of unrelated) {
    const got = rank(paste);
    if (got.length === 0) silent++;
    else misses.push({ id: paste.id, expected: [], got: got.slice(0, 3) });
  }
  const share = (n: number, of: number): number => (of === 0 ? 1 : n / of);
  return {
    cases: cases.length,
    related: related.length,
    unrelated: unrelated.length,
    top1: share(top1, related.length),
    top3: share(top3, related.length),
    unrelatedSilent: share(silent, unrelated.length),
    misses,
  };
}

export function engineQuality(engine: TriageEngine, cases: LabelledPaste[]): QualityScores {
  return score(cases, (paste) =>
    engine.triage(paste.text, paste.context).causes.map((cause) => cause.issueId),
  );
}

export function baselineQuality(baseline: Bm25Baseline, cases: LabelledPaste[]): QualityScores {
  return score(cases, (paste) => baseline.rank(paste.text));
}
