import { type FactName } from '../types';

/**
 * How each fact is read from a paste. Every pattern is RE2 (linear time) and captures the value
 * in group 1; `value` may normalise it. Patterns are case-insensitive. A component version is
 * taken from the nearest version after the component's name on the same line, with no other
 * digits between them ("calico/node:v3.27.3", "calico的版本是3.27.3", "Calico version v3.20.2").
 */
export interface FactExtractor {
  fact: FactName;
  pattern: string;
  value?: (groups: string[]) => string | undefined;
}

// The version must not run on into more dotted numbers: `10.0.0.12` is an address, not 10.0.0.
const VERSION = String.raw`v?(\d+\.\d+(?:\.\d+)?(?:-(?:rc|alpha|beta)\.?\d*)?)(?:$|[^.\d]|\.(?:$|[^\d]))`;
const NEAR = String.raw`[^\n\d]{0,40}?`;

/** "higher than v3.27.2", "高于 3.26": a bound the user compares against, not the version running. */
const COMPARISON = /(?:higher|newer|greater|later|above|more) than|\babove\b|>|高于|以上|之后/i;

/**
 * A component name followed by its version on the same line. `major` keeps only plausible
 * versions, so "calico on k8s 1.28" does not make Calico 1.28.
 */
function near(fact: FactName, names: string, major: RegExp): FactExtractor {
  return {
    fact,
    pattern: String.raw`\b(?:${names})(${NEAR})${VERSION}`,
    value: ([gap, version]) =>
      version && major.test(version) && !COMPARISON.test(gap ?? '') ? version : undefined,
  };
}

/** "Ubuntu20.04", "ubuntu 20.04" → "Ubuntu 20.04". */
function operatingSystem(raw: string | undefined): string | undefined {
  if (!raw) return undefined;
  const spaced = raw
    .replace(/\s+release\s+/i, ' ')
    .replace(/^([a-z][a-z ]*?[a-z])\s*(\d)/i, '$1 $2')
    .trim();
  const known = [
    'Ubuntu',
    'CentOS',
    'Debian',
    'Rocky Linux',
    'AlmaLinux',
    'openEuler',
    'Kylin',
    'Fedora',
    'Flatcar',
  ];
  const name = known.find((candidate) => spaced.toLowerCase().startsWith(candidate.toLowerCase()));
  return name ? `${name}${spaced.slice(name.length)}` : spaced;
}

const lower = (groups: string[]): string | undefined => groups[0]?.toLowerCase();

const KERNEL_SUFFIX = String.raw`(?:[-.~+][\w.~+-]*)?`;

export const FACT_EXTRACTORS: readonly FactExtractor[] = [
  // --- kernel -------------------------------------------------------------------------------
  // `uname -a` (the leading "Linux" may be cut off when pasted): `5.4.0-189-generic #209-Ubuntu`
  { fact: 'kernel', pattern: String.raw`\b(\d\.\d{1,2}\.\d{1,3}${KERNEL_SUFFIX}) #\d+` },
  // dmesg / boot: `Linux version 5.4.0-189-generic (buildd@…)`
  {
    fact: 'kernel',
    pattern: String.raw`\bLinux version (\d\.\d{1,2}(?:\.\d{1,3})?${KERNEL_SUFFIX})`,
  },
  // `Linux 6.8.0-36-lowlatency x86_64`, `Linux node03 6.8.0-57-generic`
  {
    fact: 'kernel',
    pattern: String.raw`\bLinux(?: [\w.-]+)? (\d\.\d{1,2}\.\d{1,3}-\d+${KERNEL_SUFFIX})`,
  },
  // Distribution kernel names on their own: `3.10.0-1160.el7.x86_64`, `5.15.0-105-generic`
  {
    fact: 'kernel',
    pattern: String.raw`\b(\d\.\d{1,2}\.\d{1,3}-\d+(?:\.\d+)*(?:-(?:generic|lowlatency|aws|azure|gcp|gke|kvm|oem|virtual|cloud-amd64|amd64|arm64)|\.el\d+\S*|\.elrepo\S*|\.fc\d+\S*|\.oe\d+\S*))\b`,
  },
  // Prose: `kernel 5.4.273`, `kernel version: 5.4.0-182-generic`, `内核版本5.4.0-189`, `内核 < 4.1`
  {
    fact: 'kernel',
    pattern: String.raw`(?:\bkernel|内核)(?:[ -]?version)?(?:版本)?[\s:=:为是(\x60'"]{0,4}v?(\d\.\d{1,2}(?:\.\d{1,3})?${KERNEL_SUFFIX})`,
  },

  // --- operating system ---------------------------------------------------------------------
  {
    fact: 'os',
    pattern: String.raw`\b((?:Ubuntu|CentOS(?: Linux| Stream)?|Rocky Linux|AlmaLinux|Red Hat Enterprise Linux(?: Server)?|RHEL|Debian(?: GNU/Linux)?|openEuler|Kylin|Flatcar Container Linux(?: by Kinvolk)?|Amazon Linux|Oracle Linux|SUSE Linux Enterprise Server|SLES|openSUSE Leap|Fedora|Photon OS|Talos)(?: release)?[ -]?v?\d+(?:\.\d+)*(?: LTS)?)`,
    value: (groups) => operatingSystem(groups[0]),
  },
  {
    fact: 'os',
    pattern: String.raw`\bDebian (?:GNU/Linux )?\(?(buster|bullseye|bookworm|stretch)\)?`,
    value: (groups) =>
      (
        ({
          stretch: 'Debian 9',
          buster: 'Debian 10',
          bullseye: 'Debian 11',
          bookworm: 'Debian 12',
        }) as Record<string, string>
      )[groups[0]?.toLowerCase() ?? ''],
  },

  // --- Kubernetes -------------------------------------------------------------------------------
  // Distribution builds carry the Kubernetes version: `v1.30.11+rke2r1`, `v1.29.3+k3s1`
  { fact: 'kubernetes', pattern: String.raw`\bv?(1\.\d{1,2}\.\d{1,3})\+(?:rke2r|k3s)\d+` },
  {
    fact: 'kubernetes',
    pattern: String.raw`\b(?:kubernetes|k8s|kubelet|kubeadm|kubectl|kube-proxy|kube-apiserver|microk8s|server version|orchestrator version[^\n]{0,40}?kubernetes)(?:[^\n\d]{0,30}?GitVersion:")?[^\n\d]{0,30}?v?(1\.\d{1,2}\.\d{1,3}(?:-(?:rc|alpha|beta)\.\d+)?)\b`,
  },
  // kube-proxy / kubelet start-up line: `server.go:483] Version: v1.13.4`
  { fact: 'kubernetes', pattern: String.raw`\.go:\d+\] "?Version:?"?\s*"?v(1\.\d{1,2}\.\d{1,3})` },
  // Version before the name: `v1.27.5 k8s version`, `1.28.6 的 kubernetes`
  {
    fact: 'kubernetes',
    pattern: String.raw`\bv?(1\.\d{1,2}\.\d{1,3})[^\n\d]{0,6}(?:k8s|kubernetes)\b`,
  },

  // --- CNI and add-ons --------------------------------------------------------------------------
  near(
    'calico',
    String.raw`calico(?:/node|/cni|/kube-controllers|-node|ctl)?|tigera-operator|tigera/operator|canal`,
    /^[23]\./,
  ),
  near('cilium', String.raw`cilium(?:/cilium|-agent)?`, /^1\./),
  near('flannel', String.raw`flannel(?:/flannel)?`, /^0\./),
  near('spiderpool', String.raw`spiderpool(?:-agent|-controller)?`, /^[01]\./),
  near('multus', String.raw`multus(?:-cni)?`, /^[34]\./),
  near('coredns', String.raw`coredns`, /^1\./),
  near('kubeVip', String.raw`kube-vip`, /^0\./),
  near('metallb', String.raw`metallb`, /^0\./),

  // --- installers and distributions -------------------------------------------------------------
  near('microk8s', String.raw`microk8s`, /^1\./),
  near('kubespray', String.raw`kubespray`, /^2\./),
  near('rke2', String.raw`rke2`, /^1\./),
  near('k3s', String.raw`k3s`, /^1\./),
  // `kk version: &version.Info{Major:"3", Minor:"1", GitVersion:"v3.1.5"…`, `KubeKey v3.1.1`
  {
    fact: 'kubekey',
    pattern: String.raw`\b(?:kk|kubekey)\b[^\n]{0,80}?GitVersion:"v?(\d+\.\d+\.\d+)`,
  },
  { fact: 'kubekey', pattern: String.raw`\bkubekey[^\n\d]{0,20}?v?(\d+\.\d+\.\d+)` },

  // --- runtime and dataplane --------------------------------------------------------------------
  { fact: 'containerRuntime', pattern: String.raw`\b(containerd|cri-o|docker)://\d`, value: lower },
  {
    fact: 'containerRuntime',
    pattern: String.raw`(?:container runtime|容器运行时)[\s:=:"']{0,4}(containerd|cri-o|docker)\b`,
    value: lower,
  },
  {
    fact: 'kubeProxyMode',
    pattern: String.raw`\bUsing (ipvs|iptables|nftables) Proxier`,
    value: lower,
  },
  {
    fact: 'kubeProxyMode',
    pattern: String.raw`(?:proxy[-_ ]?mode|kube_proxy_mode|代理模式)["'\s:=:]{0,4}(ipvs|iptables|nftables)\b`,
    value: lower,
  },
  { fact: 'kubeProxyMode', pattern: String.raw`\bmode:\s*["']?(ipvs|nftables)\b`, value: lower },
  {
    fact: 'kubeProxyMode',
    pattern: String.raw`\b(ipvs|nftables)(?: proxy)? (?:mode|模式)`,
    value: lower,
  },
  {
    fact: 'iptables',
    pattern: String.raw`\bip6?tables(?:-restore|-save|-legacy|-nft)? v(\d+\.\d+\.\d+)`,
  },
  {
    fact: 'iptablesBackend',
    pattern: String.raw`\bip6?tables(?:-restore|-save)? v\d+\.\d+\.\d+ \((nf_tables|legacy)\)`,
    value: lower,
  },
  {
    fact: 'iptablesBackend',
    pattern: String.raw`(?:FELIX_IPTABLESBACKEND|iptablesBackend)["'\s:=]{1,4}(nft|legacy)`,
    value: (groups) => (groups[0]?.toLowerCase() === 'nft' ? 'nf_tables' : 'legacy'),
  },
  {
    fact: 'encapsulation',
    pattern: String.raw`\b(?:ipipMode|CALICO_IPV4POOL_IPIP)["'\s:=]{1,4}(Always|CrossSubnet)`,
    value: () => 'ipip',
  },
  {
    fact: 'encapsulation',
    pattern: String.raw`\b(?:vxlanMode|CALICO_IPV4POOL_VXLAN)["'\s:=]{1,4}(Always|CrossSubnet)`,
    value: () => 'vxlan',
  },
  {
    fact: 'encapsulation',
    pattern: String.raw`\b(vxlan\.calico|flannel\.1|vxlan_sys_\d+)\b`,
    value: () => 'vxlan',
  },
  {
    fact: 'encapsulation',
    pattern: String.raw`\b(tunl0)\b|\b(IPIP) (?:mode|模式|tunnel)`,
    value: () => 'ipip',
  },
  { fact: 'mtu', pattern: String.raw`\b(?:veth_mtu|mtu)["'\s:=]{1,4}(\d{3,5})\b` },
  {
    fact: 'ipFamily',
    pattern: String.raw`(dual[- ]?stack|双栈|IPv4/IPv6)`,
    value: () => 'dual-stack',
  },
  { fact: 'cloud', pattern: String.raw`\b(aws|ec2|amazon linux|eks)\b`, value: () => 'aws' },
  { fact: 'cloud', pattern: String.raw`\b(azure|aks)\b`, value: () => 'azure' },
  { fact: 'cloud', pattern: String.raw`\b(gke|gcp|google cloud|gce)\b`, value: () => 'gcp' },
  {
    fact: 'cloud',
    pattern: String.raw`\b(vmware|vsphere|esxi|vmxnet3|nsx-t)\b`,
    value: () => 'vmware',
  },
];
