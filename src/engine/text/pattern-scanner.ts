import RE2 from 're2';

import { type LineIndex } from './line-index';

type RE2Set = InstanceType<typeof RE2.Set>;

/** What `exec` returns on a Buffer: byte offsets, groups as Buffers (re2's typings omit it). */
interface BufferMatch {
  index: number;
  length: number;
  [group: number]: Buffer | undefined;
}

export interface ScanPattern {
  id: string;
  source: string;
  caseSensitive?: boolean;
}

export interface PatternHit {
  line: number;
  /** Capture groups 1..n as text ('' when a group did not take part). */
  groups: string[];
}

export class PatternCompileError extends Error {
  constructor(
    readonly patternId: string,
    readonly source: string,
    reason: string,
  ) {
    super(`pattern ${patternId} (${source}) is not valid RE2: ${reason}`);
  }
}

/** Compiles one pattern alone, to report a bad regex with its id before building a set. */
export function compilePattern(pattern: ScanPattern): RE2 {
  try {
    return new RE2(pattern.source, pattern.caseSensitive ? 'gm' : 'gim');
  } catch (error) {
    throw new PatternCompileError(pattern.id, pattern.source, (error as Error).message);
  }
}

/**
 * Finds many RE2 patterns in one text. RE2 runs in time linear in the input whatever the
 * pattern, so a hostile paste cannot make matching backtrack. One `RE2.Set` pass tells which
 * patterns occur at all; only those are run again to collect their positions, so the cost of a
 * large knowledge base is dominated by a single scan of the text.
 */
export class PatternScanner {
  private readonly regexes: RE2[];
  private readonly set: RE2Set | undefined;

  constructor(private readonly patterns: readonly ScanPattern[]) {
    this.regexes = patterns.map(compilePattern);
    this.set =
      patterns.length === 0
        ? undefined
        : new RE2.Set(
            patterns.map(({ source, caseSensitive }) =>
              caseSensitive ? source : `(?i:${source})`,
            ),
            'm',
          );
  }

  get size(): number {
    return this.patterns.length;
  }

  /**
   * Hits per pattern id, in text order. `maxHitsPerPattern` bounds the work and memory a
   * pattern repeated on every line of a huge log can cost.
   */
  scan(input: Buffer, lines: LineIndex, maxHitsPerPattern: number): Map<string, PatternHit[]> {
    const hits = new Map<string, PatternHit[]>();
    if (!this.set || input.length === 0) return hits;
    for (const index of this.set.match(input)) {
      const regex = this.regexes[index];
      const found: PatternHit[] = [];
      regex.lastIndex = 0;
      let match: BufferMatch | null;
      while (
        found.length < maxHitsPerPattern &&
        (match = regex.exec(input) as BufferMatch | null) !== null
      ) {
        const groups: string[] = [];
        for (let group = 1; group < match.length; group++) {
          groups.push(match[group]?.toString('utf8') ?? '');
        }
        found.push({ line: lines.lineAt(match.index), groups });
        // An empty match would find itself forever.
        if ((match[0]?.length ?? 0) === 0) regex.lastIndex = match.index + 1;
      }
      if (found.length > 0) hits.set(this.patterns[index].id, found);
    }
    return hits;
  }
}
