import { type SignalMatch } from '../signals/signal-matcher';
import { LineIndex } from '../text/line-index';
import { type Fact, type KnownIssue, type SignalDefinition } from '../types';
import { confidenceOf, noisyOr, rankCauses } from './rank-causes';

const lines = new LineIndex(Buffer.from('line one\nline two\nline three'));

function issue(id: string, extra: Partial<KnownIssue> = {}): KnownIssue {
  return {
    id,
    title: { en: id, zh: id },
    components: ['calico'],
    affected: [],
    symptoms: { en: [], zh: [] },
    signals: [],
    rootCause: `root cause of ${id}`,
    remediation: [{ title: 'fix it', commands: ['kubectl fix'] }],
    confirm: [],
    references: ['https://example.org'],
    examples: { match: [], noMatch: [] },
    ...extra,
  };
}

function hit(weight: number, line = 2, supporting = false): SignalMatch {
  const signal: SignalDefinition = { id: `w${weight}`, pattern: 'x', weight, supporting };
  return { signal, lines: [line], count: 1 };
}

const kernel = (value: string): Fact => ({ name: 'kernel', value, source: 'text', line: 1 });
const calico = (value: string): Fact => ({ name: 'calico', value, source: 'text', line: 1 });

function rank(issues: KnownIssue[], signals: Record<string, SignalMatch[]>, facts: Fact[] = []) {
  return rankCauses({
    issues,
    facts,
    signals: new Map(Object.entries(signals)),
    similarity: new Map(),
    lines,
  });
}

describe('noisyOr', () => {
  it('combines independent evidence towards 1', () => {
    expect(noisyOr([])).toBe(0);
    expect(noisyOr([0.5, 0.5])).toBeCloseTo(0.75);
    expect(noisyOr([1, 0.2])).toBe(1);
  });
});

describe('rankCauses', () => {
  it('orders causes by score and carries evidence lines, remediation and references', () => {
    const causes = rank([issue('weak'), issue('strong')], {
      weak: [hit(0.4)],
      strong: [hit(0.9, 3)],
    });
    expect(causes.map((c) => c.issueId)).toEqual(['strong', 'weak']);
    expect(causes[0]).toMatchObject({
      score: 0.9,
      confidence: 'high',
      evidence: [{ line: 3, text: 'line three', signal: 'w0.9' }],
      rootCause: 'root cause of strong',
      references: ['https://example.org'],
    });
  });

  it('returns no cause when nothing matched', () => {
    expect(rank([issue('a')], {})).toEqual([]);
  });

  it('ignores supporting signals when they are the only evidence', () => {
    expect(rank([issue('a')], { a: [hit(0.9, 1, true)] })).toEqual([]);
    expect(rank([issue('a')], { a: [hit(0.5), hit(0.5, 1, true)] })[0].score).toBe(0.75);
  });

  it('lowers a candidate whose facts are outside the affected range and says why', () => {
    const affected = [{ fact: 'kernel' as const, range: '>=5.4 <5.5' }];
    const [inRange] = rank([issue('a', { affected })], { a: [hit(0.8)] }, [
      kernel('5.4.0-189-generic'),
    ]);
    const [outside] = rank([issue('a', { affected })], { a: [hit(0.8)] }, [
      kernel('5.15.0-105-generic'),
    ]);
    expect(inRange.score).toBe(0.8);
    expect(outside.score).toBe(0.4);
    expect(outside.why).toContain(
      'kernel 5.15.0-105-generic (line 1) is outside the affected range >=5.4 <5.5: less likely',
    );
  });

  it('removes a candidate when an exclusive range excludes it', () => {
    const affected = [{ fact: 'kernel' as const, range: '<5.9', exclusive: true }];
    expect(rank([issue('a', { affected })], { a: [hit(0.95)] }, [kernel('5.15.0')])).toEqual([]);
  });

  it('treats a missing fact as neither confirming nor excluding', () => {
    const affected = [{ fact: 'calico' as const, range: '<3.26.0' }];
    expect(rank([issue('a', { affected })], { a: [hit(0.8)] })[0].score).toBe(0.8);
  });

  it('lets two narrow in-range facts stand as evidence alone, but not one', () => {
    const affected = [
      { fact: 'calico' as const, range: '>=3.27.3 <3.27.4', weight: 0.35 },
      { fact: 'kernel' as const, range: '>=5.4 <5.5', weight: 0.3 },
    ];
    const both = rank([issue('a', { affected })], {}, [
      calico('3.27.3'),
      kernel('5.4.0-189-generic'),
    ]);
    expect(both[0]?.score).toBeCloseTo(0.545);
    expect(rank([issue('a', { affected })], {}, [kernel('5.4.0-189-generic')])).toEqual([]);
  });

  it('drops candidates far below the best one', () => {
    const causes = rank([issue('best'), issue('noise')], { best: [hit(0.95)], noise: [hit(0.31)] });
    expect(causes.map((c) => c.issueId)).toEqual(['best']);
  });
});

describe('confidenceOf', () => {
  it('bands scores', () => {
    expect([confidenceOf(0.9), confidenceOf(0.6), confidenceOf(0.35)]).toEqual([
      'high',
      'medium',
      'low',
    ]);
  });
});
