import { contextFacts, FACT_SCAN_PATTERNS, factsFromHits, mergeFacts } from './facts/extract-facts';
import { rankCauses } from './ranking/rank-causes';
import { SignalMatcher } from './signals/signal-matcher';
import { SymptomIndex } from './similarity/symptom-index';
import { LineIndex } from './text/line-index';
import { PatternScanner } from './text/pattern-scanner';
import { PROSE_SCAN_CHARS, proseExcerpt } from './text/prose-excerpt';
import {
  type KnownIssue,
  type TriageContext,
  type TriageOptions,
  type TriageResult,
} from './types';

const round = (ms: number): number => Math.round(ms * 100) / 100;
/**
 * Of a paste given as bytes, the head decoded for prose: enough bytes for every character the
 * prose scan reads of a string (a UTF-16 code unit is at most 3 UTF-8 bytes), so text and bytes
 * give the same answer.
 */
const PROSE_HEAD_BYTES = PROSE_SCAN_CHARS * 3;

/**
 * Text in, ranked causes out. Built once per knowledge base (compiling every regex and the
 * similarity index), then `triage` is a pure function of the paste and the stated context.
 */
export class TriageEngine {
  private readonly signals: SignalMatcher;
  private readonly symptoms: SymptomIndex;
  /** Fact extractors and every signal, read in one pass over the text. */
  private readonly scanner: PatternScanner;

  constructor(readonly issues: readonly KnownIssue[]) {
    this.signals = new SignalMatcher(issues);
    this.symptoms = new SymptomIndex(issues);
    this.scanner = new PatternScanner([...FACT_SCAN_PATTERNS, ...this.signals.patterns]);
  }

  /** How the scanner searches the patterns (for benchmarks and the start-up log). */
  get scannerLayout(): PatternScanner['layout'] {
    return this.scanner.layout;
  }

  /**
   * Ranks the known causes of a paste. A large paste may come as UTF-8 bytes: the engine works
   * on bytes, so a Buffer is used as it is instead of being copied.
   */
  triage(
    text: string | Buffer,
    context?: TriageContext,
    options: TriageOptions = {},
  ): TriageResult {
    const started = performance.now();
    const deadline = options.timeoutMs === undefined ? Infinity : started + options.timeoutMs;
    const input = typeof text === 'string' ? Buffer.from(text, 'utf8') : text;
    const lines = new LineIndex(input);

    const scanStarted = performance.now();
    const { hits, scannedBytes } = this.scanner.scan(input, lines, deadline);
    const facts = mergeFacts(factsFromHits(hits), contextFacts(context));
    const signals = this.signals.interpret(hits);
    const similarityStarted = performance.now();
    const similarity = this.symptoms.match(
      proseExcerpt(typeof text === 'string' ? text : input.toString('utf8', 0, PROSE_HEAD_BYTES)),
    );
    const rankingStarted = performance.now();
    const causes = rankCauses({ issues: this.issues, facts, signals, similarity, lines });
    const finished = performance.now();

    return {
      facts,
      causes,
      input: { bytes: input.length, lines: lines.lineCount },
      ...(scannedBytes < input.length
        ? {
            partial: {
              reason: 'timeout' as const,
              scannedBytes,
              scannedLines: scannedBytes === 0 ? 0 : lines.lineAt(scannedBytes - 1),
            },
          }
        : {}),
      timings: {
        totalMs: round(finished - started),
        scanMs: round(similarityStarted - scanStarted),
        similarityMs: round(rankingStarted - similarityStarted),
        rankingMs: round(finished - rankingStarted),
      },
    };
  }
}
