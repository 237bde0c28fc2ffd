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

/** Bytes per scanning chunk; chunks end on line boundaries. */
const CHUNK_BYTES = 64 * 1024;
const NEWLINE = 0x0a;

/**
 * Finds many RE2 patterns in one text. RE2 runs in time linear in the input whatever the
 * pattern, so a hostile paste cannot make matching backtrack. The text is read in line-aligned
 * chunks: one `RE2.Set` pass per chunk tells which patterns occur in it, and only those run
 * inside that chunk to collect positions. A large log in which few patterns occur costs one
 * pass of the set; a pattern is never rerun over text where it does not occur.
 *
 * A match never crosses a chunk boundary, which always falls between lines: patterns are
 * meant to match within a line (multi-line evidence is a `sequence` of single-line patterns).
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
    const found: PatternHit[][] = this.patterns.map(() => []);
    if (!this.set || input.length === 0) return new Map();
    let start = 0;
    while (start < input.length) {
      let end = Math.min(start + CHUNK_BYTES, input.length);
      if (end < input.length) {
        const newline = input.indexOf(NEWLINE, end);
        end = newline === -1 ? input.length : newline + 1;
      }
      const chunk = input.subarray(start, end);
      for (const index of this.set.match(chunk)) {
        if (found[index].length < maxHitsPerPattern) {
          this.collect(index, chunk, start, lines, found[index], maxHitsPerPattern);
        }
      }
      start = end;
    }
    const hits = new Map<string, PatternHit[]>();
    found.forEach((patternHits, index) => {
      if (patternHits.length > 0) hits.set(this.patterns[index].id, patternHits);
    });
    return hits;
  }

  private collect(
    index: number,
    chunk: Buffer,
    chunkStart: number,
    lines: LineIndex,
    found: PatternHit[],
    maxHits: number,
  ): void {
    const regex = this.regexes[index];
    regex.lastIndex = 0;
    let match: BufferMatch | null;
    while (found.length < maxHits && (match = regex.exec(chunk) as BufferMatch | null) !== null) {
      const groups: string[] = [];
      for (let group = 1; group < match.length; group++) {
        groups.push(match[group]?.toString('utf8') ?? '');
      }
      found.push({ line: lines.lineAt(chunkStart + match.index), groups });
      // An empty match would find itself forever.
      if ((match[0]?.length ?? 0) === 0) regex.lastIndex = match.index + 1;
    }
  }
}
