import { LineIndex } from './line-index';
import {
  compilePattern,
  PatternCompileError,
  PatternScanner,
  type ScanPattern,
} from './pattern-scanner';

type Pattern = Omit<ScanPattern, 'maxHits'>;

function scan(patterns: Pattern[], text: string, maxHits = 10) {
  const input = Buffer.from(text);
  const sut = new PatternScanner(patterns.map((pattern) => ({ ...pattern, maxHits })));
  return sut.scan(input, new LineIndex(input)).hits;
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

describe('PatternScanner at scale', () => {
  it('finds patterns with and without literals across chunk boundaries in a large text', () => {
    const filler =
      'I1122 08:00:00.000000       1 proxier.go:798] "Syncing iptables rules"\n'.repeat(20_000);
    const text = `${filler}BIRD is not ready: BGP not established with 10.0.0.2\n${filler}mtu = 1450\n${filler}`;
    const hits = scan(
      [
        { id: 'bgp', source: String.raw`BIRD is not ready: BGP not established with (\S+)` },
        { id: 'mtu', source: String.raw`^\s*mtu\s*=\s*(\d+)` },
      ],
      text,
    );
    expect(hits.get('bgp')).toEqual([{ line: 20_001, groups: ['10.0.0.2'] }]);
    expect(hits.get('mtu')).toEqual([{ line: 40_002, groups: ['1450'] }]);
  });

  it('compiles thousands of patterns by splitting what RE2.Set cannot hold', () => {
    const patterns = Array.from({ length: 3000 }, (_, i) => ({
      id: `p${i}`,
      source: String.raw`component${i} \S+ (?:failed|error)[^\n]{0,40}code \d+`,
      maxHits: 5,
    }));
    // No literal to key on: `^[a-z]{n}\d{m}$` for 600 (n, m) pairs.
    const unfiltered = Array.from({ length: 600 }, (_, i) => ({
      id: `u${i}`,
      source: String.raw`^[a-z]{${1 + (i % 30)}}\d{${1 + Math.floor(i / 30)}}$`,
      maxHits: 5,
    }));
    const sut = new PatternScanner([...patterns, ...unfiltered]);
    expect(sut.layout).toMatchObject({ prefiltered: 3000, inSets: 600 });
    const input = Buffer.from('x component2999 pod failed with code 7\nabc12\n');
    expect([...sut.scan(input, new LineIndex(input)).hits.keys()].sort()).toEqual(['p2999', 'u32']);
  });
});
