import { type KnownIssue } from '../engine';

/** Test data: a small but complete knowledge-base entry. */
export function knownIssue(overrides: Partial<KnownIssue> = {}): KnownIssue {
  return {
    id: 'calico-xdp-kernel-5.4',
    title: { en: 'Calico XDP fails on kernel 5.4', zh: 'Calico XDP 在 5.4 内核上失败' },
    components: ['calico', 'kernel'],
    summary: 'Felix cannot load its XDP prefilter on 5.4 kernels.',
    affected: [{ fact: 'kernel', range: '>=5.4 <5.5', weight: 0.3 }],
    symptoms: { en: ['calico-node fails to load XDP'], zh: ['calico-node 加载 XDP 失败'] },
    signals: [
      { id: 'xdp-state-wipe-failed', pattern: 'failed to wipe the XDP state', weight: 0.6 },
    ],
    rootCause: 'The 5.4 verifier rejects the new XDP objects.',
    remediation: [{ title: 'Disable XDP', commands: ['kubectl patch felixconfiguration default'] }],
    confirm: [{ title: 'Check the kernel', commands: ['uname -r'] }],
    references: ['https://github.com/projectcalico/calico/issues/8833'],
    examples: { match: [{ text: 'failed to wipe the XDP state' }], noMatch: [{ text: 'ok' }] },
    ...overrides,
  };
}
