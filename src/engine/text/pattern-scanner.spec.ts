import { LineIndex } from './line-index';
import { compilePattern, PatternCompileError, PatternScanner } from './pattern-scanner';

function scan(patterns: ConstructorParameters<typeof PatternScanner>[0], text: string, max = 10) {
  const input = Buffer.from(text);
  return new PatternScanner(patterns).scan(input, new LineIndex(input), max);
}

describe(PatternScanner.name, () => {
  it('reports the lines and groups of every pattern that occurs, and nothing for the others', () => {
    const hits = scan(
      [
        { id: 'mark', source: String.raw`unknown option \\?"(--set-mark)` },
        { id: 'absent', source: 'BIRD is not ready' },
      ],
      'ok\nip6tables-restore: unknown option "--set-mark"\nerrorOutput="unknown option \\"--set-mark\\""',
    );
    expect([...hits.keys()]).toEqual(['mark']);
    expect(hits.get('mark')).toEqual([
      { line: 2, groups: ['--set-mark'] },
      { line: 3, groups: ['--set-mark'] },
    ]);
  });

  it('is case-insensitive unless told otherwise', () => {
    expect(scan([{ id: 'a', source: 'bgp not established' }], 'BGP NOT ESTABLISHED').size).toBe(1);
    expect(
      scan([{ id: 'a', source: 'bgp not established', caseSensitive: true }], 'BGP NOT ESTABLISHED')
        .size,
    ).toBe(0);
  });

  it('stops collecting a pattern after the cap', () => {
    const hits = scan([{ id: 'e', source: 'error' }], 'error\n'.repeat(100), 5);
    expect(hits.get('e')).toHaveLength(5);
  });

  it('refuses a regex RE2 cannot run in linear time, naming it', () => {
    expect(() => compilePattern({ id: 'backref', source: String.raw`(a+)\1` })).toThrow(
      PatternCompileError,
    );
    expect(() => compilePattern({ id: 'lookahead', source: 'foo(?=bar)' })).toThrow(/lookahead/);
  });
});
