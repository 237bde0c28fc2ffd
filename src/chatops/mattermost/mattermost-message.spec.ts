import { calicoCause, triageResult } from '../formatting/triage-result.fixture';
import {
  buildMattermostHelpResponse,
  buildMattermostTriageResponse,
  MATTERMOST_MAX_TEXT,
} from './mattermost-message';

const options = { publicUrl: 'https://triage.example.org', responseType: 'in_channel' as const };

describe(buildMattermostTriageResponse.name, () => {
  it('answers in Markdown with the top causes, first evidence, first step and link', () => {
    const sut = buildMattermostTriageResponse(triageResult(), options);

    expect(sut.response_type).toBe('in_channel');
    expect(sut.text.split('\n\n')).toEqual([
      '#### kubetriage: 4 likely causes',
      [
        '**1. Calico 3.27.3 XDP/BPF programs fail to load on Linux kernel 5.4** `calico-xdp-kernel-5.4`',
        '🟢 High confidence · score 0.93',
        'Evidence, line 4 of your paste:',
        '```',
        '2024-05-30 08:11:02.201 [WARNING][65] felix/int_dataplane.go 1747: failed to wipe the XDP state',
        '```',
        'First step: **Disable XDP acceleration in Felix (immediate workaround)**',
        '```',
        `kubectl patch felixconfiguration default --type merge -p '{"spec":{"xdpEnabled":false}}'`,
        '```',
      ].join('\n'),
      '**2. Cross-node pod traffic dropped: MTU too large for the overlay** `calico-crossnode-mtu`\n🟡 Medium confidence · score 0.41',
      '**3. net.ipv4.ip\\_forward disabled on the node** `ip-forward-disabled`\n⚪ Low confidence · score 0.20',
      '[Open all 4 causes](https://triage.example.org/analyses/2f0c7c6e-3f43-4d8e-9d51-0f1e7c1a9b10) · ' +
        'analysis `2f0c7c6e-3f43-4d8e-9d51-0f1e7c1a9b10` · read from your paste: kernel 5.4.0-182-generic',
    ]);
  });

  it('says nothing matched and what to paste', () => {
    const sut = buildMattermostTriageResponse(triageResult({ causes: [] }), options);

    expect(sut.text).toMatch(
      /^No known Kubernetes networking issue matched this paste \(\[analysis\]\(https:\/\/triage\.example\.org\/analyses\//,
    );
    expect(sut.text).toContain('- versions: `uname -r`');
  });

  it('stays under the Mattermost post limit and keeps code fences closed', () => {
    const huge = '```'.repeat(20000);
    const sut = buildMattermostTriageResponse(
      triageResult({
        causes: [calicoCause({ evidence: [{ line: 1, text: huge, signal: 's' }], title: huge })],
      }),
      options,
    );

    expect(sut.text.length).toBeLessThanOrEqual(MATTERMOST_MAX_TEXT);
    expect(sut.text.match(/```/g)).toHaveLength(4);
  });
});

describe(buildMattermostHelpResponse.name, () => {
  it('explains the usage ephemerally', () => {
    const sut = buildMattermostHelpResponse('/triage');

    expect(sut.response_type).toBe('ephemeral');
    expect(sut.text).toMatch(/^\*\*\/triage\*\* followed by logs or a symptom description/);
  });
});
