/** One line of a paste excerpt, cut to a readable length. */
export interface ExcerptLine {
  /** 1-based line number in the paste. */
  number: number;
  text: string;
  /** Characters left out at the end of a very long line (0 when shown whole). */
  omitted: number;
  /** True for a line that is evidence. */
  evidence: boolean;
}

export interface ExcerptOptions {
  /** Lines shown before and after each evidence line. */
  around: number;
  /** Longest line shown whole; longer lines are cut (a paste may hold one-megabyte lines). */
  maxLineChars: number;
  /** Evidence lines shown at most; the rest are counted, not rendered. */
  maxEvidenceLines: number;
}

export const DEFAULT_EXCERPT_OPTIONS: ExcerptOptions = {
  around: 2,
  maxLineChars: 1000,
  maxEvidenceLines: 8,
};

export interface Excerpts {
  /** Blocks of consecutive lines; overlapping windows are merged into one block. */
  blocks: ExcerptLine[][];
  /** Evidence lines not shown because of `maxEvidenceLines`. */
  hiddenEvidence: number;
}

/**
 * The lines of a paste numbered as the engine numbers them: `\n` ends a line, a `\r` before it is
 * not part of the line, and a final newline does not start an empty line.
 */
export function splitLines(text: string): string[] {
  const lines = text.split('\n');
  if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
  return lines.map((line) => (line.endsWith('\r') ? line.slice(0, -1) : line));
}

/** Cuts a line to `max` characters without splitting a surrogate pair. */
export function cutLine(text: string, max: number): { text: string; omitted: number } {
  if (text.length <= max) return { text, omitted: 0 };
  let end = max;
  const code = text.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end -= 1;
  return { text: text.slice(0, end), omitted: text.length - end };
}

/** The evidence lines of a cause with a few lines of context around each, from the paste. */
export function evidenceExcerpts(
  lines: readonly string[],
  evidenceLines: readonly number[],
  options: ExcerptOptions = DEFAULT_EXCERPT_OPTIONS,
): Excerpts {
  const wanted = [...new Set(evidenceLines)]
    .filter((line) => Number.isInteger(line) && line >= 1 && line <= lines.length)
    .sort((a, b) => a - b);
  const shown = wanted.slice(0, options.maxEvidenceLines);
  const evidence = new Set(shown);

  const blocks: ExcerptLine[][] = [];
  let lastEnd = 0;
  for (const line of shown) {
    const start = Math.max(1, line - options.around);
    const end = Math.min(lines.length, line + options.around);
    const current = blocks.at(-1);
    const from = Math.max(start, lastEnd + 1);
    const block = current && start <= lastEnd + 1 ? current : [];
    if (block !== current) blocks.push(block);
    for (let number = from; number <= end; number += 1) {
      const cut = cutLine(lines[number - 1], options.maxLineChars);
      block.push({ number, ...cut, evidence: evidence.has(number) });
    }
    lastEnd = Math.max(lastEnd, end);
  }
  return { blocks, hiddenEvidence: wanted.length - shown.length };
}
