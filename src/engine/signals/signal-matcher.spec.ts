import { LineIndex } from '../text/line-index';
import { PatternScanner } from '../text/pattern-scanner';
import { type KnownIssue, type SignalDefinition } from '../types';
import { matchSequence, SignalMatcher } from './signal-matcher';

const sequence: SignalDefinition = { id: 'seq', sequence: ['a', 'b'], within: 3, weight: 0.5 };

describe('matchSequence', () => {
  const linesOf = (steps: number[][]) => (step: number) => steps[step];

  it('matches ordered steps within the window', () => {
    expect(matchSequence(sequence, 2, linesOf([[1], [3]]))).toEqual({
      signal: sequence,
      lines: [1, 3],
      count: 1,
    });
  });

  it('does not match steps out of order, on the same line, or too far apart', () => {
    expect(matchSequence(sequence, 2, linesOf([[5], [3]]))).toBeUndefined();
    expect(matchSequence(sequence, 2, linesOf([[5], [5]]))).toBeUndefined();
    expect(matchSequence(sequence, 2, linesOf([[1], [9]]))).toBeUndefined();
  });

  it('counts every completed walk', () => {
    expect(
      matchSequence(
        sequence,
        2,
        linesOf([
          [1, 10],
          [2, 12],
        ]),
      )?.count,
    ).toBe(2);
  });
});

describe(SignalMatcher.name, () => {
  const issue = {
    id: 'demo',
    signals: [
      { id: 'single', pattern: 'felix.*fatal', weight: 0.9 },
      {
        id: 'ordered',
        sequence: ['Failed to execute ip\\(6\\)tables-restore', 'unknown option'],
        within: 2,
        weight: 0.6,
      },
    ],
  } as unknown as KnownIssue;

  it('reports matched signals per issue with their lines', () => {
    const input = Buffer.from(
      'x\nFailed to execute ip(6)tables-restore\nunknown option "--set-mark"\nfelix FATAL boom',
    );
    const sut = new SignalMatcher([issue]);
    const { hits } = new PatternScanner(sut.patterns).scan(input, new LineIndex(input));
    const matches = sut.interpret(hits).get('demo') ?? [];
    expect(matches.map((m) => [m.signal.id, m.lines])).toEqual([
      ['single', [4]],
      ['ordered', [2, 3]],
    ]);
  });
});
