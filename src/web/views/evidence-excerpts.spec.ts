import {
  cutLine,
  DEFAULT_EXCERPT_OPTIONS,
  evidenceExcerpts,
  splitLines,
} from './evidence-excerpts';

const numbered = (count: number) =>
  Array.from({ length: count }, (_, index) => `line ${index + 1}`);

describe(splitLines.name, () => {
  it('numbers lines as the engine does: \\n ends a line, \\r\\n too, a final newline adds none', () => {
    expect(splitLines('a\r\nb\nc\n')).toEqual(['a', 'b', 'c']);
    expect(splitLines('a\n\nb')).toEqual(['a', '', 'b']);
    expect(splitLines('')).toEqual(['']);
  });

  it('keeps a lone \\r inside its line', () => {
    expect(splitLines('a\rb\nc')).toEqual(['a\rb', 'c']);
  });
});

describe(cutLine.name, () => {
  it('keeps short lines whole', () => {
    expect(cutLine('short', 10)).toEqual({ text: 'short', omitted: 0 });
  });

  it('cuts long lines and counts what is left out', () => {
    expect(cutLine('x'.repeat(25), 10)).toEqual({ text: 'x'.repeat(10), omitted: 15 });
  });

  it('never splits a surrogate pair', () => {
    const cut = cutLine(`${'a'.repeat(9)}😀tail`, 10);
    expect(cut.text).toBe('a'.repeat(9));
    expect(cut.omitted).toBe(6);
  });
});

describe(evidenceExcerpts.name, () => {
  it('shows each evidence line with the lines around it, marked', () => {
    const { blocks, hiddenEvidence } = evidenceExcerpts(numbered(20), [10]);
    expect(hiddenEvidence).toBe(0);
    expect(blocks).toHaveLength(1);
    expect(blocks[0].map((line) => line.number)).toEqual([8, 9, 10, 11, 12]);
    expect(blocks[0].filter((line) => line.evidence).map((line) => line.number)).toEqual([10]);
    expect(blocks[0][2].text).toBe('line 10');
  });

  it('merges overlapping and adjacent windows into one block, and keeps distant ones apart', () => {
    const { blocks } = evidenceExcerpts(numbered(40), [12, 10, 16, 30, 10]);
    expect(blocks.map((block) => block.map((line) => line.number))).toEqual([
      [8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18],
      [28, 29, 30, 31, 32],
    ]);
  });

  it('clips windows at the start and end of the paste', () => {
    const { blocks } = evidenceExcerpts(numbered(3), [1, 3]);
    expect(blocks.map((block) => block.map((line) => line.number))).toEqual([[1, 2, 3]]);
  });

  it('ignores line numbers outside the paste', () => {
    expect(evidenceExcerpts(numbered(3), [0, 4, 2.5]).blocks).toEqual([]);
  });

  it('shows at most maxEvidenceLines evidence lines and counts the others', () => {
    const lines = numbered(200);
    const evidence = Array.from({ length: 12 }, (_, index) => 10 * (index + 1));
    const { blocks, hiddenEvidence } = evidenceExcerpts(lines, evidence);
    expect(hiddenEvidence).toBe(12 - DEFAULT_EXCERPT_OPTIONS.maxEvidenceLines);
    expect(blocks.flat().filter((line) => line.evidence)).toHaveLength(
      DEFAULT_EXCERPT_OPTIONS.maxEvidenceLines,
    );
  });

  it('cuts a huge line instead of rendering it whole', () => {
    const lines = ['before', 'E'.repeat(1_000_000), 'after'];
    const { blocks } = evidenceExcerpts(lines, [2]);
    const evidence = blocks[0][1];
    expect(evidence.text).toHaveLength(DEFAULT_EXCERPT_OPTIONS.maxLineChars);
    expect(evidence.omitted).toBe(1_000_000 - DEFAULT_EXCERPT_OPTIONS.maxLineChars);
  });
});
