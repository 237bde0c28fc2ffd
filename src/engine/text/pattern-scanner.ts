import RE2 from 're2';

import { type LineIndex } from './line-index';
import { GRAM, LiteralPrefilter } from './literal-prefilter';
import { requiredLiterals } from './required-literals';

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
  /** Occurrences collected at most; bounds the work a pattern on every line of a huge log costs. */
  maxHits: number;
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
export function compilePattern(pattern: Pick<ScanPattern, 'id' | 'source' | 'caseSensitive'>): RE2 {
  try {
    return new RE2(pattern.source, pattern.caseSensitive ? 'gm' : 'gim');
  } catch (error) {
    throw new PatternCompileError(pattern.id, pattern.source, (error as Error).message);
  }
}

/** Bytes per scanning chunk; chunks end on line boundaries. */
const CHUNK_BYTES = 64 * 1024;
const NEWLINE = 0x0a;
/** Patterns per RE2.Set: RE2 refuses to compile a set past a fixed program budget. */
const MAX_SET_PATTERNS = 256;

/** Line-aligned chunk starts of a buffer: 0, then the first line start after every CHUNK_BYTES. */
export function chunkStarts(input: Buffer): number[] {
  const starts = [0];
  let next = CHUNK_BYTES;
  while (next < input.length) {
    const newline = input.indexOf(NEWLINE, next);
    if (newline === -1 || newline + 1 >= input.length) break;
    starts.push(newline + 1);
    next = newline + 1 + CHUNK_BYTES;
  }
  return starts;
}

export interface ScanResult {
  hits: Map<string, PatternHit[]>;
  /** Bytes from the start of the text that were scanned: all of it unless a deadline passed. */
  scannedBytes: number;
}

interface SetShard {
  set: RE2Set;
  /** Scanner pattern index of each set member. */
  members: number[];
}

function setSource({ source, caseSensitive }: ScanPattern): string {
  return caseSensitive ? source : `(?i:${source})`;
}

/** RE2.Sets over the given patterns, halving a shard RE2 refuses to compile. */
function buildShards(patterns: readonly ScanPattern[], members: number[]): SetShard[] {
  if (members.length === 0) return [];
  if (members.length > MAX_SET_PATTERNS) {
    const middle = Math.ceil(members.length / 2);
    return [
      ...buildShards(patterns, members.slice(0, middle)),
      ...buildShards(patterns, members.slice(middle)),
    ];
  }
  try {
    return [
      {
        set: new RE2.Set(
          members.map((index) => setSource(patterns[index])),
          'm',
        ),
        members,
      },
    ];
  } catch (error) {
    if (members.length === 1) throw error;
    const middle = Math.ceil(members.length / 2);
    return [
      ...buildShards(patterns, members.slice(0, middle)),
      ...buildShards(patterns, members.slice(middle)),
    ];
  }
}

/**
 * Finds many RE2 patterns in one text. RE2 runs in time linear in the input whatever the
 * pattern, so a hostile paste cannot make matching backtrack. The cost must also stay nearly
 * flat as the knowledge base grows, so the text is read once by a literal prefilter: a
 * pattern with a required literal (`failed to wipe the XDP state`) runs only in the
 * line-aligned chunks where that literal occurs. The few patterns without one (`\bmtu\s*=`)
 * are found per chunk by RE2.Sets.
 *
 * A match never crosses a chunk boundary, which always falls between lines: patterns are
 * meant to match within a line (multi-line evidence is a `sequence` of single-line patterns).
 * The prefilter folds ASCII case only, so a case-insensitive pattern relying on Unicode case
 * folding of its literal (`ſ` for `s`) can be missed; log text is ASCII where it matters.
 */
export class PatternScanner {
  private readonly regexes: RE2[];
  private readonly prefilter: LiteralPrefilter;
  /** Scanner pattern indexes to run when a prefilter literal is found. */
  private readonly patternsOfLiteral: number[][] = [];
  private readonly shards: SetShard[];

  constructor(private readonly patterns: readonly ScanPattern[]) {
    this.regexes = patterns.map(compilePattern);
    const literalIds = new Map<string, number>();
    const unfiltered: number[] = [];
    patterns.forEach((pattern, index) => {
      const literals = requiredLiterals(pattern.source, GRAM);
      if (!literals) {
        unfiltered.push(index);
        return;
      }
      for (const literal of literals) {
        let id = literalIds.get(literal);
        if (id === undefined) {
          id = literalIds.size;
          literalIds.set(literal, id);
          this.patternsOfLiteral.push([]);
        }
        this.patternsOfLiteral[id].push(index);
      }
    });
    this.prefilter = new LiteralPrefilter([...literalIds.keys()]);
    this.shards = buildShards(patterns, unfiltered);
  }

  get size(): number {
    return this.patterns.length;
  }

  /** How the patterns are searched: by required literal, or through RE2.Sets. */
  get layout(): { prefiltered: number; inSets: number; sets: number } {
    const inSets = this.shards.reduce((sum, shard) => sum + shard.members.length, 0);
    return { prefiltered: this.patterns.length - inSets, inSets, sets: this.shards.length };
  }

  /**
   * Hits per pattern id, in text order, at most `maxHits` of each. With a `deadline` (a
   * `performance.now()` time) the scan stops at the first chunk boundary past it: the hits
   * found so far are kept and `scannedBytes` says how far it got.
   */
  scan(input: Buffer, lines: LineIndex, deadline = Infinity): ScanResult {
    const hits = new Map<string, PatternHit[]>();
    if (this.patterns.length === 0 || input.length === 0)
      return { hits, scannedBytes: input.length };
    const found: PatternHit[][] = this.patterns.map(() => []);
    const starts = chunkStarts(input);
    const literalsByChunk = this.prefilter.scan(input, starts, deadline);
    let scannedBytes = input.length;
    for (let chunkIndex = 0; chunkIndex < starts.length; chunkIndex++) {
      const start = starts[chunkIndex];
      if (literalsByChunk[chunkIndex] === undefined || performance.now() > deadline) {
        scannedBytes = start;
        break;
      }
      const chunk = input.subarray(start, starts[chunkIndex + 1] ?? input.length);
      const candidates = new Set<number>();
      for (const literal of literalsByChunk[chunkIndex] ?? []) {
        for (const index of this.patternsOfLiteral[literal]) candidates.add(index);
      }
      for (const shard of this.shards) {
        for (const member of shard.set.match(chunk)) candidates.add(shard.members[member]);
      }
      for (const index of candidates) {
        const { maxHits } = this.patterns[index];
        if (found[index].length < maxHits) {
          this.collect(index, chunk, start, lines, found[index], maxHits);
        }
      }
    }
    found.forEach((patternHits, index) => {
      if (patternHits.length > 0) hits.set(this.patterns[index].id, patternHits);
    });
    return { hits, scannedBytes };
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
