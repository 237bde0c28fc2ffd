import { type RankedCause } from '../../engine/types';
import { type ChatTriageResult } from './triage-summary';

/** Test data: an API triage response shaped like a real calico-xdp-kernel-5.4 match. */
export function calicoCause(overrides: Partial<RankedCause> = {}): RankedCause {
  return {
    issueId: 'calico-xdp-kernel-5.4',
    title: 'Calico 3.27.3 XDP/BPF programs fail to load on Linux kernel 5.4',
    score: 0.934,
    confidence: 'high',
    evidence: [
      {
        line: 4,
        text: '2024-05-30 08:11:02.201 [WARNING][65] felix/int_dataplane.go 1747: failed to wipe the XDP state',
        signal: 'xdp-state-wipe-failed',
      },
      { line: 5, text: 'second line', signal: 'xdp-state-wipe-failed' },
    ],
    why: ['kernel 5.4.0-182-generic is within the affected range >=5.4 <5.5'],
    rootCause: 'Calico 3.27.3 changed how Felix builds its XDP prefilter.',
    remediation: [
      {
        title: 'Disable XDP acceleration in Felix (immediate workaround)',
        commands: [
          `kubectl patch felixconfiguration default --type merge -p '{"spec":{"xdpEnabled":false}}'`,
          'kubectl -n kube-system set env daemonset/calico-node FELIX_XDPENABLED=false',
        ],
      },
    ],
    references: ['https://github.com/projectcalico/calico/issues/8833'],
    ...overrides,
  };
}

export function triageResult(overrides: Partial<ChatTriageResult> = {}): ChatTriageResult {
  return {
    id: '2f0c7c6e-3f43-4d8e-9d51-0f1e7c1a9b10',
    facts: [{ name: 'kernel', value: '5.4.0-182-generic', source: 'text', line: 1 }],
    causes: [
      calicoCause(),
      calicoCause({
        issueId: 'calico-crossnode-mtu',
        title: 'Cross-node pod traffic dropped: MTU too large for the overlay',
        score: 0.41,
        confidence: 'medium',
      }),
      calicoCause({
        issueId: 'ip-forward-disabled',
        title: 'net.ipv4.ip_forward disabled on the node',
        score: 0.2,
        confidence: 'low',
      }),
      calicoCause({ issueId: 'fourth', title: 'A fourth cause', score: 0.1, confidence: 'low' }),
    ],
    ...overrides,
  };
}
