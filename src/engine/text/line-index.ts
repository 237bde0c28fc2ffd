const NEWLINE = 0x0a;
const CARRIAGE_RETURN = 0x0d;

/** Longest line text an evidence entry carries; the rest of a huge line is cut with an ellipsis. */
export const MAX_EVIDENCE_LINE_CHARS = 500;

/**
 * Byte offsets of line starts in a UTF-8 buffer, built once per paste, so every match offset
 * maps to its 1-based line number by binary search instead of rescanning the text.
 */
export class LineIndex {
  private readonly starts: number[] = [0];

  constructor(private readonly buffer: Buffer) {
    let position = buffer.indexOf(NEWLINE);
    while (position !== -1) {
      this.starts.push(position + 1);
      position = buffer.indexOf(NEWLINE, position + 1);
    }
    // A trailing newline does not start a line of its own.
    if (this.starts.length > 1 && this.starts[this.starts.length - 1] === buffer.length) {
      this.starts.pop();
    }
  }

  get lineCount(): number {
    return this.buffer.length === 0 ? 0 : this.starts.length;
  }

  /** 1-based line containing the byte at `offset`. */
  lineAt(offset: number): number {
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (this.starts[middle] <= offset) low = middle;
      else high = middle - 1;
    }
    return low + 1;
  }

  /** Text of a 1-based line without its line ending, cut to MAX_EVIDENCE_LINE_CHARS. */
  lineText(line: number): string {
    const start = this.starts[line - 1];
    if (start === undefined) return '';
    let end = line < this.starts.length ? this.starts[line] - 1 : this.buffer.length;
    // The last line of a paste ending in a newline: its end is the buffer's, newline included.
    if (end > start && this.buffer[end - 1] === NEWLINE) end--;
    if (end > start && this.buffer[end - 1] === CARRIAGE_RETURN) end--;
    // Decode at most 4 bytes per character of the cut, then cut by characters.
    const slice = this.buffer.subarray(start, Math.min(end, start + MAX_EVIDENCE_LINE_CHARS * 4));
    const text = slice.toString('utf8');
    return text.length > MAX_EVIDENCE_LINE_CHARS || end - start > slice.length
      ? `${text.slice(0, MAX_EVIDENCE_LINE_CHARS)}…`
      : text;
  }
}
