/**
 * Realistic node logs for the speed benchmarks: kubelet, containerd, calico-node, kube-proxy and
 * CoreDNS lines in their real formats, with a few genuine failure lines buried in them.
 * Deterministic (seeded), so every run measures the same text.
 */
function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PODS = [
  'web-7d9c6b5f4-x2k8p',
  'api-5f6d8c7b9-qw7zt',
  'redis-0',
  'coredns-5dd5756b68-7xk2p',
  'calico-node-4k8dz',
];
const NAMESPACES = ['default', 'kube-system', 'payments', 'monitoring'];

type LineMaker = (random: () => number, time: string) => string;

const pick = <T>(random: () => number, items: readonly T[]): T =>
  items[Math.floor(random() * items.length)];
const ip = (random: () => number): string =>
  `10.${Math.floor(random() * 255)}.${Math.floor(random() * 255)}.${Math.floor(random() * 255)}`;

const HEALTHY: LineMaker[] = [
  (r, t) =>
    `${t} worker-3 kubelet[1201]: I1122 ${t.slice(7)} 1201 kubelet.go:2430] "SyncLoop (PLEG): event for pod" pod="${pick(r, NAMESPACES)}/${pick(r, PODS)}" event={"ID":"${Math.floor(r() * 1e9).toString(16)}","Type":"ContainerStarted"}`,
  (r, t) =>
    `${t} worker-3 kubelet[1201]: I1122 ${t.slice(7)} 1201 prober.go:107] "Probe succeeded" probeType="Readiness" pod="${pick(r, NAMESPACES)}/${pick(r, PODS)}" containerName="app"`,
  (r, t) =>
    `${t} worker-3 containerd[987]: time="2024-11-22T${t.slice(7)}Z" level=info msg="StartContainer for \\"${Math.floor(r() * 1e12).toString(16)}\\" returns successfully"`,
  (_r, t) =>
    `${t} worker-3 containerd[987]: time="2024-11-22T${t.slice(7)}Z" level=info msg="ImageCreate event name:\\"registry.k8s.io/pause:3.9\\""`,
  (r, t) =>
    `2024-11-22 ${t.slice(7)}.${Math.floor(r() * 999)} [INFO][65] felix/int_dataplane.go 1954: Received *proto.WorkloadEndpointUpdate update from calculation graph msg=id:<orchestrator_id:"k8s" workload_id:"${pick(r, NAMESPACES)}/${pick(r, PODS)}" endpoint_id:"eth0" > endpoint:<state:"active" name:"cali${Math.floor(r() * 1e10).toString(16)}" ipv4_nets:"${ip(r)}/32" >`,
  (r, t) =>
    `2024-11-22 ${t.slice(7)}.${Math.floor(r() * 999)} [INFO][65] felix/summary.go 100: Summarising 12 dataplane reconciliation loops over 1m2.1s: avg=4ms longest=12ms (resync-routes-v4,resync-rules-v4)`,
  (r, t) =>
    `I1122 ${t.slice(7)}.${Math.floor(r() * 999999)}       1 proxier.go:798] "Syncing iptables rules"`,
  (r, t) =>
    `I1122 ${t.slice(7)}.${Math.floor(r() * 999999)}       1 proxier.go:1529] "Reloading service iptables data" numServices=${Math.floor(r() * 300)} numEndpoints=${Math.floor(r() * 600)} numFilterChains=5 numFilterRules=3 numNATChains=7 numNATRules=${Math.floor(r() * 600)}`,
  (r) =>
    `[INFO] ${ip(r)}:${Math.floor(r() * 60000)} - ${Math.floor(r() * 65535)} "A IN ${pick(r, ['api', 'web', 'redis'])}.${pick(r, NAMESPACES)}.svc.cluster.local. udp 52 false 512" NOERROR qr,aa,rd 106 0.000${Math.floor(r() * 999)}s`,
];

/** Real failure lines, one of each buried at a random place. */
export const BURIED_FAILURES = [
  '2024-11-22 08:11:02.201 [WARNING][65] felix/int_dataplane.go 1747: failed to wipe the XDP state error=failed to load BPF program (/usr/lib/calico/bpf/filter.o): stat /sys/fs/bpf/calico/xdp/prefilter_v1_calico_tmp_A: no such file or directory try=3',
  'Linux worker-3 5.4.0-189-generic #209-Ubuntu SMP Fri Jun 7 14:05:13 UTC 2024 x86_64 x86_64 x86_64 GNU/Linux',
  'Nov 22 08:12:44 worker-3 kernel: nf_conntrack: nf_conntrack: table full, dropping packet',
  'Readiness probe failed: calico/node is not ready: BIRD is not ready: BGP not established with 10.0.0.12',
];

/** A node log of about `bytes` bytes. */
export function generateNodeLog(bytes: number, seed = 42): string {
  const random = prng(seed);
  const lines: string[] = [];
  let size = 0;
  let second = 0;
  while (size < bytes) {
    second++;
    const time = `Nov 22 ${String(8 + (Math.floor(second / 3600) % 16)).padStart(2, '0')}:${String(Math.floor(second / 60) % 60).padStart(2, '0')}:${String(second % 60).padStart(2, '0')}`;
    const line = pick(random, HEALTHY)(random, time);
    lines.push(line);
    size += line.length + 1;
  }
  for (const failure of BURIED_FAILURES) {
    lines.splice(Math.floor(random() * lines.length), 0, failure);
  }
  return `${lines.join('\n')}\n`;
}
