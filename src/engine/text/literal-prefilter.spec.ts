import { LiteralPrefilter } from './literal-prefilter';

describe(LiteralPrefilter.name, () => {
  it('finds each literal in the chunk where it starts, ignoring ASCII case', () => {
    const sut = new LiteralPrefilter([
      'bird is not ready',
      'table full',
      '连接跟踪表已满',
      'xdp state',
    ]);
    const text = Buffer.from(
      'ok\nBIRD IS NOT READY\n' + 'x'.repeat(40) + '\nnf_conntrack: table full\n连接跟踪表已满',
    );
    const secondChunk = text.indexOf('nf_conntrack');
    const found = sut.scan(text, [0, secondChunk]);
    expect(found.map((set) => [...(set ?? [])].sort())).toEqual([[0], [1, 2]]);
  });

  it('attributes a literal straddling a chunk start to the chunk it starts in', () => {
    const sut = new LiteralPrefilter(['abcdefgh']);
    const text = Buffer.from('..abcdefgh..');
    expect(sut.scan(text, [0, 5]).map((set) => [...(set ?? [])])).toEqual([[0], []]);
  });

  it('tells apart literals sharing grams', () => {
    const sut = new LiteralPrefilter(['failed to wipe', 'failed to load', 'failed to']);
    const found = sut.scan(Buffer.from('Failed to load BPF program'), [0]);
    expect([...(found[0] ?? [])].sort()).toEqual([1, 2]);
  });

  it('refuses a literal too short to key', () => {
    expect(() => new LiteralPrefilter(['ab'])).toThrow(RangeError);
  });
});
