import { LineIndex, MAX_EVIDENCE_LINE_CHARS } from './line-index';

describe(LineIndex.name, () => {
  it('maps byte offsets to 1-based lines, multi-byte characters included', () => {
    const input = Buffer.from('一行\r\nsecond\nthird');
    const sut = new LineIndex(input);
    expect(sut.lineCount).toBe(3);
    expect(sut.lineAt(0)).toBe(1);
    expect(sut.lineAt(input.indexOf('second'))).toBe(2);
    expect(sut.lineAt(input.length - 1)).toBe(3);
    expect(sut.lineText(1)).toBe('一行');
    expect(sut.lineText(3)).toBe('third');
  });

  it('does not count a trailing newline as a line, nor keep it in the last line', () => {
    const sut = new LineIndex(Buffer.from('a\nb\r\n'));
    expect(sut.lineCount).toBe(2);
    expect(sut.lineText(2)).toBe('b');
    expect(new LineIndex(Buffer.from('')).lineCount).toBe(0);
  });

  it('cuts a huge line for evidence', () => {
    const sut = new LineIndex(Buffer.from('x'.repeat(1_000_000)));
    expect(sut.lineText(1)).toHaveLength(MAX_EVIDENCE_LINE_CHARS + 1);
    expect(sut.lineText(1).endsWith('…')).toBe(true);
  });
});
