import { type PatternHit, type ScanPattern } from '../text/pattern-scanner';
import { type KnownIssue, type SignalDefinition } from '../types';

/** Occurrences of one pattern tracked; evidence shows the first few, the count is capped. */
const MAX_HITS_PER_PATTERN = 2000;
const DEFAULT_SEQUENCE_WINDOW = 20;

export interface SignalMatch {
  signal: SignalDefinition;
  /** Lines where the signal matched (a sequence reports the lines of all its steps). */
  lines: number[];
  /** How many times it matched (capped at MAX_HITS_PER_PATTERN). */
  count: number;
}

function patternId(issueId: string, signalId: string, step?: number): string {
  const base = `signal#${issueId}#${signalId}`;
  return step === undefined ? base : `${base}#${step}`;
}

/** One signal of one issue, with the scanner ids of its pattern or of its sequence's steps. */
interface SignalEntry {
  order: number;
  issueId: string;
  signal: SignalDefinition;
  stepIds: string[];
}

/** The signals of the knowledge base: their scanner patterns, and what the scan's hits mean. */
export class SignalMatcher {
  readonly patterns: readonly ScanPattern[];
  /** Scanner pattern id → its signal, so a paste costs only the signals that matched. */
  private readonly signalOfPattern = new Map<string, SignalEntry>();

  constructor(issues: readonly KnownIssue[]) {
    const patterns: ScanPattern[] = [];
    for (const issue of issues) {
      for (const signal of issue.signals) {
        const steps = signal.sequence ?? (signal.pattern === undefined ? [] : [signal.pattern]);
        const entry: SignalEntry = {
          order: this.signalOfPattern.size,
          issueId: issue.id,
          signal,
          stepIds: steps.map((_, step) =>
            patternId(issue.id, signal.id, signal.sequence ? step : undefined),
          ),
        };
        steps.forEach((source, step) => {
          patterns.push({
            id: entry.stepIds[step],
            source,
            caseSensitive: signal.caseSensitive,
            maxHits: MAX_HITS_PER_PATTERN,
          });
          this.signalOfPattern.set(entry.stepIds[step], entry);
        });
      }
    }
    this.patterns = patterns;
  }

  /** Matched signals per issue id, from the scan's hits; issues with no match are absent. */
  interpret(hits: ReadonlyMap<string, PatternHit[]>): Map<string, SignalMatch[]> {
    const touched = new Set<SignalEntry>();
    for (const id of hits.keys()) {
      const entry = this.signalOfPattern.get(id);
      if (entry) touched.add(entry);
    }
    const linesOf = (id: string): number[] | undefined => hits.get(id)?.map((hit) => hit.line);
    const result = new Map<string, SignalMatch[]>();
    // In knowledge-base order, as every issue and signal were declared.
    for (const { issueId, signal, stepIds } of [...touched].sort((a, b) => a.order - b.order)) {
      const match = signal.sequence
        ? matchSequence(signal, stepIds.length, (step) => linesOf(stepIds[step]))
        : single(signal, linesOf(stepIds[0]));
      if (!match) continue;
      const matches = result.get(issueId) ?? [];
      matches.push(match);
      result.set(issueId, matches);
    }
    return result;
  }
}

function single(signal: SignalDefinition, lines: number[] | undefined): SignalMatch | undefined {
  if (!lines || lines.length === 0) return undefined;
  return { signal, lines: [...new Set(lines)], count: lines.length };
}

/**
 * Ordered steps: each on a later line than the previous step, at most `within` lines after it.
 * Every occurrence of the first step starts a greedy walk using the earliest admissible line
 * of each following step; the walks that complete are the matches.
 */
export function matchSequence(
  signal: SignalDefinition,
  stepCount: number,
  linesOfStep: (step: number) => number[] | undefined,
): SignalMatch | undefined {
  const steps: number[][] = [];
  for (let step = 0; step < stepCount; step++) {
    const lines = linesOfStep(step);
    if (!lines || lines.length === 0) return undefined;
    steps.push([...new Set(lines)].sort((a, b) => a - b));
  }
  const within = signal.within ?? DEFAULT_SEQUENCE_WINDOW;
  const cursors = steps.map(() => 0);
  const matchedLines = new Set<number>();
  let count = 0;
  for (const start of steps[0]) {
    const walk = [start];
    let previous = start;
    for (let step = 1; step < steps.length; step++) {
      const candidates = steps[step];
      // Cursors only move forward: starts are increasing, so earlier candidates stay too early.
      while (cursors[step] < candidates.length && candidates[cursors[step]] <= previous) {
        cursors[step]++;
      }
      const next = candidates[cursors[step]];
      if (next === undefined || next - previous > within) break;
      walk.push(next);
      previous = next;
    }
    if (walk.length === steps.length) {
      count++;
      walk.forEach((line) => matchedLines.add(line));
    }
  }
  if (count === 0) return undefined;
  return { signal, lines: [...matchedLines].sort((a, b) => a - b), count };
}
