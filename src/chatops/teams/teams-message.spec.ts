import { triageResult } from '../formatting/triage-result.fixture';
import { buildTeamsHelpReply, buildTeamsTriageReply } from './teams-message';

describe(buildTeamsTriageReply.name, () => {
  it('replies with a Markdown message activity', () => {
    const sut = buildTeamsTriageReply(triageResult(), 'https://triage.example.org');

    expect(sut).toMatchObject({ type: 'message', textFormat: 'markdown' });
    expect(sut.text.split('\n\n')).toEqual([
      '**kubetriage: 4 likely causes**',
      '**1. Calico 3.27.3 XDP/BPF programs fail to load on Linux kernel 5.4** `calico-xdp-kernel-5.4`',
      '🟢 High confidence · score 0.93',
      'Evidence, line 4: `2024-05-30 08:11:02.201 [WARNING][65] felix/int_dataplane.go 1747: failed to wipe the XDP state`',
      'First step: **Disable XDP acceleration in Felix (immediate workaround)**',
      `\`kubectl patch felixconfiguration default --type merge -p '{"spec":{"xdpEnabled":false}}'\``,
      '**2. Cross-node pod traffic dropped: MTU too large for the overlay** `calico-crossnode-mtu`',
      '🟡 Medium confidence · score 0.41',
      '**3. net.ipv4.ip\\_forward disabled on the node** `ip-forward-disabled`',
      '⚪ Low confidence · score 0.20',
      '[Open all 4 causes](https://triage.example.org/analyses/2f0c7c6e-3f43-4d8e-9d51-0f1e7c1a9b10) · read from your message: kernel 5.4.0-182-generic',
    ]);
  });

  it('says nothing matched and what to add', () => {
    const sut = buildTeamsTriageReply(triageResult({ causes: [] }), 'http://localhost:3000');

    expect(sut.text).toMatch(/^No known Kubernetes networking issue matched this message/);
    expect(sut.text).toContain('Mention me again with more of:');
  });

  it('has a help reply', () => {
    expect(buildTeamsHelpReply()).toMatchObject({ type: 'message', textFormat: 'markdown' });
  });
});
