import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { type KnownIssue, TriageEngine } from '../src/engine';
import { FACT_EXTRACTORS } from '../src/engine/facts/fact-extractors';
import { requiredLiterals } from '../src/engine/text/required-literals';
import { timeGrep, writeGrepPatterns } from './grep-baseline';
import { BURIED_FAILURES, generateNodeLog } from './node-log';
import { syntheticIssues } from './synthetic-issues';

const MB = 1024 * 1024;

export const workDir = mkdtempSync(join(tmpdir(), 'kubetriage-bench-'));

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** Median wall time of `runs` calls, after one warm-up call. */
export function timeIt(runs: number, work: () => void): number {
  work();
  const times: number[] = [];
  for (let run = 0; run < runs; run++) {
    const started = performance.now();
    work();
    times.push(performance.now() - started);
  }
  return median(times);
}

/** Every regex the engine runs: fact extractors and every signal (sequence steps included). */
export function allRegexSources(issues: readonly KnownIssue[]): string[] {
  return [
    ...FACT_EXTRACTORS.map((extractor) => extractor.pattern),
    ...issues.flatMap((issue) =>
      issue.signals.flatMap(
        (signal) => signal.sequence ?? (signal.pattern ? [signal.pattern] : []),
      ),
    ),
  ];
}

export interface LogFile {
  sizeMb: number;
  path: string;
  text: string;
}

export function makeLogs(sizesMb: readonly number[]): LogFile[] {
  return sizesMb.map((sizeMb) => {
    const text = generateNodeLog(sizeMb * MB);
    const path = join(workDir, `node-${sizeMb}mb.log`);
    writeFileSync(path, text);
    return { sizeMb, path, text };
  });
}

export interface ThroughputRow {
  sizeMb: number;
  engineMs: number;
  engineMbPerS: number;
  msPerMb: number;
  grepMs: number | null;
  /** Why grep has no figure (time budget, failure). */
  grepNote?: string;
  grepMbPerS: number | null;
  /** Our throughput over grep's: 2 means twice as fast. */
  vsGrep: number | null;
  foundBuriedFailures: boolean;
}

/** Triage of realistic node logs beside `grep -E -c -f` with the same regex set, same run. */
export function throughput(
  engine: TriageEngine,
  issues: readonly KnownIssue[],
  logs: readonly LogFile[],
  grepBudgetMs: number,
): { rows: ThroughputRow[]; grepPatterns: { written: number; skipped: number } } {
  const patternsPath = join(workDir, 'patterns.ere');
  const grepPatterns = writeGrepPatterns(allRegexSources(issues), patternsPath);
  let grepLeft = grepBudgetMs;
  const rows = logs.map((log) => {
    const runs = log.sizeMb >= 50 ? 1 : log.sizeMb >= 10 ? 3 : 5;
    let causes: string[] = [];
    const engineMs = timeIt(runs, () => {
      causes = engine.triage(log.text).causes.map((cause) => cause.issueId);
    });
    const grep =
      grepLeft > 0 ? timeGrep(patternsPath, log.path, grepLeft) : { failed: 'time budget spent' };
    const grepMs = 'ms' in grep ? grep.ms : null;
    if (grepMs !== null) grepLeft -= grepMs;
    const engineMbPerS = log.sizeMb / (engineMs / 1000);
    const grepMbPerS = grepMs === null ? null : log.sizeMb / (grepMs / 1000);
    return {
      sizeMb: log.sizeMb,
      engineMs,
      engineMbPerS,
      msPerMb: engineMs / log.sizeMb,
      grepMs,
      ...('failed' in grep ? { grepNote: grep.failed } : {}),
      grepMbPerS,
      vsGrep: grepMbPerS === null ? null : engineMbPerS / grepMbPerS,
      foundBuriedFailures: [
        'calico-xdp-kernel-5.4',
        'conntrack-table-full',
        'calico-bgp-port-179-blocked',
      ].every((id) => causes.includes(id)),
    };
  });
  return { rows, grepPatterns };
}

export interface GrowthRow {
  entries: number;
  patterns: number;
  buildMs: number;
  triageMs: number;
  /** Cost over the 50-entry run. */
  vsSmallest: number;
  prefiltered: number;
  inSets: number;
  stillFindsBuriedFailures: boolean;
}

/** The same 10 MB log against 50, 500 and 5,000 entries (the real ones plus synthetic ones). */
export function growth(
  real: readonly KnownIssue[],
  log: LogFile,
  counts: readonly number[],
): GrowthRow[] {
  const rows: GrowthRow[] = [];
  for (const count of counts) {
    const issues = [...real.slice(0, count), ...syntheticIssues(Math.max(0, count - real.length))];
    const started = performance.now();
    const engine = new TriageEngine(issues);
    const buildMs = performance.now() - started;
    let causes: string[] = [];
    const triageMs = timeIt(3, () => {
      causes = engine.triage(log.text).causes.map((cause) => cause.issueId);
    });
    rows.push({
      entries: issues.length,
      patterns: allRegexSources(issues).length,
      buildMs,
      triageMs,
      vsSmallest: rows.length === 0 ? 1 : triageMs / rows[0].triageMs,
      ...engine.scannerLayout,
      stillFindsBuriedFailures: causes.includes('calico-xdp-kernel-5.4'),
    });
  }
  return rows;
}

export interface AdversarialRow {
  input: string;
  bytes: number;
  ms: number;
  msPerMb: number;
}

/**
 * Pathological inputs for every regex of the knowledge base: each required literal repeated
 * into near-misses, and the classic backtracking baits (one huge line of one character, nested
 * quotes, separators). Reports time per MB; RE2 keeps it linear whatever the input.
 */
export function adversarial(
  engine: TriageEngine,
  issues: readonly KnownIssue[],
  bytesEach: number,
): AdversarialRow[] {
  const literals = new Set<string>();
  for (const source of allRegexSources(issues)) {
    for (const literal of requiredLiterals(source) ?? []) literals.add(literal);
  }
  const fill = (unit: string): string =>
    unit.repeat(Math.ceil(bytesEach / Buffer.byteLength(unit))).slice(0, bytesEach);
  const inputs: { input: string; text: string }[] = [
    { input: 'one line of "a"', text: fill('a') },
    { input: 'one line of spaces', text: fill(' ') },
    { input: 'one line of digits and dots', text: fill('1.') },
    { input: 'nested escaped quotes', text: fill('\\"') },
    { input: 'key=value pairs on one line', text: fill('k=v ') },
    { input: 'open parentheses', text: fill('(') },
    { input: 'newlines only', text: fill('\n') },
    { input: 'CJK text', text: fill('跨节点无法通信') },
    {
      input: 'binary junk',
      text: Buffer.from(
        Array.from({ length: bytesEach }, (_, i) => (i * 7919 + 13) % 256),
      ).toString('latin1'),
    },
    // Every literal, cut one character short so the regex that needs it nearly matches, over and over.
    ...[...literals].map((literal) => ({
      input: `near-misses of "${literal.slice(0, 40)}"`,
      text: fill(`${literal.slice(0, -1)} ${literal} x `),
    })),
  ];
  return inputs.map(({ input, text }) => {
    const ms = timeIt(1, () => engine.triage(text));
    const bytes = Buffer.byteLength(text);
    return { input, bytes, ms, msPerMb: ms / (bytes / MB) };
  });
}

export { BURIED_FAILURES };
