import { TriageEngine } from './triage-engine';
import { type KnownIssue } from './types';

const xdp: KnownIssue = {
  id: 'calico-xdp-kernel-5.4',
  title: { en: 'Calico XDP on kernel 5.4', zh: 'Calico XDP 5.4 内核' },
  components: ['calico'],
  affected: [{ fact: 'kernel', range: '>=5.4 <5.5', weight: 0.3 }],
  symptoms: {
    en: ['calico-node fails to load XDP programs'],
    zh: ['calico-node XDP 程序加载失败'],
  },
  signals: [{ id: 'xdp-wipe', pattern: 'failed to wipe the XDP state', weight: 0.7 }],
  rootCause: 'XDP objects rejected by the 5.4 verifier.',
  remediation: [{ title: 'Disable XDP', commands: ['kubectl patch felixconfiguration default …'] }],
  confirm: [],
  references: ['https://github.com/projectcalico/calico/issues/8833'],
  examples: { match: [], noMatch: [] },
};

describe(TriageEngine.name, () => {
  const sut = new TriageEngine([xdp]);

  it('ranks the matching issue with its evidence line, facts and why', () => {
    const result = sut.triage(
      [
        'Linux worker-3 5.4.0-182-generic #202-Ubuntu SMP x86_64 GNU/Linux',
        'healthy line',
        '[WARNING][65] felix/int_dataplane.go 1747: failed to wipe the XDP state error=…',
      ].join('\n'),
    );
    expect(result.facts).toEqual([
      { name: 'kernel', value: '5.4.0-182-generic', source: 'text', line: 1 },
    ]);
    expect(result.causes).toHaveLength(1);
    expect(result.causes[0]).toMatchObject({
      issueId: 'calico-xdp-kernel-5.4',
      evidence: [{ line: 3, signal: 'xdp-wipe' }],
    });
    expect(result.causes[0].why).toContain(
      'kernel 5.4.0-182-generic (line 1) is within the affected range >=5.4 <5.5',
    );
    expect(result.input).toEqual({ bytes: expect.any(Number), lines: 3 });
  });

  it('answers an unrelated paste with no cause', () => {
    const result = sut.triage(
      'Warning  Failed     49s (x4 over 2m27s)  kubelet  Failed to pull image "local/dummy": pull access denied',
    );
    expect(result.causes).toEqual([]);
  });

  it('uses the stated context over the text', () => {
    const text = 'Linux n 5.15.0-105-generic #115-Ubuntu\nfailed to wipe the XDP state';
    const fromText = sut.triage(text).causes[0];
    const stated = sut.triage(text, { kernel: '5.4.0-189-generic' }).causes[0];
    expect(stated.score).toBeGreaterThan(fromText.score);
    expect(stated.why).toContain(
      'kernel 5.4.0-189-generic (stated in the request context) is within the affected range >=5.4 <5.5',
    );
  });

  it('survives hostile input: binary junk, invalid UTF-8, a 5 MB single line', () => {
    const junk = Buffer.from(Array.from({ length: 200_000 }, (_, i) => (i * 7919) % 256)).toString(
      'latin1',
    );
    expect(sut.triage(junk).causes).toEqual([]);
    expect(sut.triage('\uD800\uDFFF\u0000\uFFFD').causes).toEqual([]);
    const huge = `${'a'.repeat(5_000_000)} failed to wipe the XDP state`;
    const result = sut.triage(huge);
    expect(result.causes[0]?.evidence[0]).toMatchObject({ line: 1 });
    expect(result.causes[0].evidence[0].text.length).toBeLessThanOrEqual(501);
  });

  it('answers an empty text with nothing', () => {
    expect(sut.triage('')).toMatchObject({ facts: [], causes: [], input: { bytes: 0, lines: 0 } });
  });

  it('returns what it found so far when the time runs out, and says how far it read', () => {
    const filler =
      'I1122 08:00:00.000000       1 proxier.go:798] "Syncing iptables rules"\n'.repeat(30_000);
    const text = `failed to wipe the XDP state\n${filler}${filler}`;
    const result = sut.triage(text, undefined, { timeoutMs: 0 });
    expect(result.partial).toEqual({
      reason: 'timeout',
      scannedBytes: expect.any(Number),
      scannedLines: expect.any(Number),
    });
    expect(result.partial?.scannedBytes).toBeLessThan(result.input.bytes);
    expect(sut.triage(text).partial).toBeUndefined();
  });

  it('gives the same answer for the same paste as text or as UTF-8 bytes', () => {
    const text =
      'Linux w 5.4.0-182-generic #202-Ubuntu SMP\n跨节点\nfailed to wipe the XDP state\n';
    const fromBytes = sut.triage(Buffer.from(text));
    const fromText = sut.triage(text);
    expect(fromBytes.causes).toEqual(fromText.causes);
    expect(fromBytes.facts).toEqual(fromText.facts);
  });
});
