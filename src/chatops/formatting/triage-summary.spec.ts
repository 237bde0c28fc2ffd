import { calicoCause, triageResult } from './triage-result.fixture';
import {
  analysisUrl,
  causeCountPhrase,
  confidenceLine,
  describeFacts,
  firstEvidence,
  firstRemediationStep,
  topCauses,
  truncate,
} from './triage-summary';

describe('triage summary helpers', () => {
  it('keeps the API order and shows at most three causes', () => {
    const sut = topCauses(triageResult());

    expect(sut.map((cause) => cause.issueId)).toEqual([
      'calico-xdp-kernel-5.4',
      'calico-crossnode-mtu',
      'ip-forward-disabled',
    ]);
  });

  it('picks the first evidence line and the first step with its first command', () => {
    const cause = calicoCause();

    expect(firstEvidence(cause)?.line).toBe(4);
    expect(firstRemediationStep(cause)).toEqual({
      title: 'Disable XDP acceleration in Felix (immediate workaround)',
      command: `kubectl patch felixconfiguration default --type merge -p '{"spec":{"xdpEnabled":false}}'`,
    });
  });

  it('handles a cause without evidence or remediation', () => {
    const cause = calicoCause({ evidence: [], remediation: [] });

    expect(firstEvidence(cause)).toBeUndefined();
    expect(firstRemediationStep(cause)).toBeUndefined();
    expect(
      firstRemediationStep(calicoCause({ remediation: [{ title: 'Reboot', commands: [] }] })),
    ).toEqual({ title: 'Reboot' });
  });

  it('labels confidence and score', () => {
    expect(confidenceLine(calicoCause())).toBe('🟢 High confidence · score 0.93');
    expect(confidenceLine(calicoCause({ confidence: 'low', score: 0.2 }))).toBe(
      '⚪ Low confidence · score 0.20',
    );
  });

  it('links to the web result page under PUBLIC_URL', () => {
    expect(analysisUrl('https://triage.example.org/', { id: 'abc' })).toBe(
      'https://triage.example.org/analyses/abc',
    );
    expect(analysisUrl('http://localhost:3000', { id: 'a/b', stored: true })).toBe(
      'http://localhost:3000/analyses/a%2Fb',
    );
  });

  it('has no link for an analysis the database could not store', () => {
    expect(analysisUrl('http://localhost:3000', { id: 'abc', stored: false })).toBeUndefined();
  });

  it('describes facts, counts causes and truncates without splitting characters', () => {
    expect(describeFacts(triageResult().facts)).toBe('kernel 5.4.0-182-generic');
    expect(causeCountPhrase(1)).toBe('1 likely cause');
    expect(causeCountPhrase(4)).toBe('4 likely causes');
    expect(truncate('abcdef', 4)).toBe('abc…');
    expect(truncate('🟢🟢🟢', 2)).toBe('🟢…');
    expect(truncate('abc', 3)).toBe('abc');
  });
});
