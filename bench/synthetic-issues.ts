import { type KnownIssue } from '../src/engine';

/**
 * Realistic extra knowledge-base entries for the growth benchmark: each reads like a real
 * entry (a component, an error message with variable parts, versions, symptoms in English and
 * Chinese) but names components and failures that do not exist, so it grows the knowledge
 * base without matching the benchmark's logs by accident. Deterministic.
 */
const COMPONENTS = [
  'kube-router',
  'antrea-agent',
  'ovn-controller',
  'weave-npc',
  'canal-flannel',
  'multus-daemon',
  'whereabouts',
  'kube-ovn-cni',
  'cilium-operator',
  'coredns-autoscaler',
  'metallb-speaker',
  'nodelocaldns',
  'aws-node',
  'azure-cns',
  'calico-typha',
  'istio-cni',
  'linkerd-proxy-init',
  'kube-vip-cloud-provider',
  'submariner-gateway',
  'flannel-wireguard',
];
const VERBS = [
  'sync',
  'program',
  'allocate',
  'release',
  'attach',
  'detach',
  'reconcile',
  'restore',
  'flush',
  'resolve',
  'announce',
  'withdraw',
  'encapsulate',
  'route',
  'mark',
  'load',
  'pin',
  'renew',
];
const OBJECTS = [
  'ipset',
  'routing table',
  'BPF map',
  'conntrack zone',
  'VXLAN FDB entry',
  'BGP peer',
  'lease',
  'tunnel endpoint',
  'policy chain',
  'NAT rule',
  'veth pair',
  'neighbour entry',
  'IPAM block',
  'service VIP',
  'MTU probe',
  'wireguard peer',
  'geneve tunnel',
  'egress gateway',
];
const REASONS = [
  'operation not permitted',
  'resource temporarily unavailable',
  'no buffer space available',
  'invalid argument',
  'device or resource busy',
  'protocol not supported',
  'file exists',
  'numerical result out of range',
  'address family not supported',
  'message too long',
];

function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state ^ (state >>> 15), 0x2c1b3c6d) + 0x9e3779b9) >>> 0;
    return state / 4294967296;
  };
}

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export function syntheticIssues(count: number, seed = 7): KnownIssue[] {
  const random = prng(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
  return Array.from({ length: count }, (_, index) => {
    const component = pick(COMPONENTS);
    const verb = pick(VERBS);
    const object = pick(OBJECTS);
    const reason = pick(REASONS);
    const code = 1000 + index;
    const message = `failed to ${verb} ${object} (E${code})`;
    const major = 1 + Math.floor(random() * 3);
    const minor = Math.floor(random() * 30);
    return {
      id: `synthetic-${component}-${index}`,
      title: {
        en: `${component} cannot ${verb} the ${object}`,
        zh: `${component} 无法${verb} ${object}`,
      },
      components: [component],
      summary: `${component} ${message}: ${reason}.`,
      affected: [{ fact: 'calico', range: `>=${major}.${minor}.0 <${major}.${minor + 1}.0` }],
      symptoms: {
        en: [
          `${component} keeps failing to ${verb} the ${object}`,
          `pods lose connectivity while ${component} reports ${reason}`,
          `${object} is not ${verb}ed after a node restart`,
        ],
        zh: [
          `${component} 报错 ${reason},${object} 无法${verb}`,
          `节点重启后 ${object} 异常`,
          `${component} 日志中出现 E${code}`,
        ],
      },
      signals: [
        {
          id: 'error-line',
          pattern: String.raw`${escape(component)}\S*: ${escape(message)}: ${escape(reason)}`,
          weight: 0.9,
        },
        { id: 'code', pattern: String.raw`\bE${code}\b[^\n]{0,40}${escape(object)}`, weight: 0.6 },
        {
          id: 'retry-sequence',
          sequence: [
            String.raw`${escape(component)}\S*: retrying ${escape(verb)}`,
            String.raw`giving up on ${escape(object)} after \d+ attempts`,
          ],
          within: 20,
          weight: 0.5,
        },
        {
          id: 'component-restart',
          pattern: String.raw`Back-off restarting failed container ${escape(component)}`,
          weight: 0.2,
          supporting: true,
        },
      ],
      rootCause: `${component} ${message} because the kernel answers "${reason}".`,
      remediation: [
        {
          title: `Restart ${component}`,
          commands: [`kubectl -n kube-system rollout restart ds/${component}`],
        },
      ],
      confirm: [],
      references: [`https://example.invalid/${component}/issues/${code}`],
      examples: { match: [], noMatch: [] },
    };
  });
}
