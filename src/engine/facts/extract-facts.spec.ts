import { LineIndex } from '../text/line-index';
import { PatternScanner } from '../text/pattern-scanner';
import { type Fact } from '../types';
import { contextFacts, FACT_SCAN_PATTERNS, factsFromHits, mergeFacts } from './extract-facts';

const scanner = new PatternScanner(FACT_SCAN_PATTERNS);

function factsOf(text: string): Fact[] {
  const input = Buffer.from(text);
  return factsFromHits(scanner.scan(input, new LineIndex(input)).hits);
}

function valuesOf(text: string, name: Fact['name']): string[] {
  return factsOf(text)
    .filter((fact) => fact.name === name)
    .map((fact) => fact.value);
}

describe('extractTextFacts', () => {
  it.each([
    [
      'Linux node03 6.8.0-57-generic #59-Ubuntu SMP PREEMPT_DYNAMIC x86_64 GNU/Linux',
      '6.8.0-57-generic',
    ],
    [
      'nux node1 5.4.0-189-generic #209-Ubuntu SMP Fri Jun 7 14:05:13 UTC 2024 x86_64',
      '5.4.0-189-generic',
    ],
    [
      '[    0.000000] Linux version 5.15.0-105-generic (buildd@lcy02) (gcc 11.4.0)',
      '5.15.0-105-generic',
    ],
    ['uname -r\n3.10.0-1160.el7.x86_64', '3.10.0-1160.el7.x86_64'],
    ['CentOS 7.9 with kernel 5.4.273-1.el7.elrepo.x86_64', '5.4.273-1.el7.elrepo.x86_64'],
    ['kernel version: 5.4.0-182-generic', '5.4.0-182-generic'],
    ['内核版本5.4.0-189', '5.4.0-189'],
    ['Linux 6.8.0-36-lowlatency x86_64', '6.8.0-36-lowlatency'],
  ])('reads the kernel from %j', (text, kernel) => {
    expect(valuesOf(text, 'kernel')).toContain(kernel);
  });

  it.each([
    ['Server Version: v1.28.6', '1.28.6'],
    ['I0315 17:21:28.676938       1 server.go:483] Version: v1.13.4', '1.13.4'],
    ['node1   Ready    control-plane   3d   v1.30.11+rke2r1', '1.30.11'],
    ['Orchestrator version (e.g. kubernetes, mesos, rkt): kubernetes v1.20.11', '1.20.11'],
    ['I have a Service in v1.27.5 k8s version', '1.27.5'],
    ['MicroK8s v1.32.3 revision 7964', '1.32.3'],
  ])('reads the Kubernetes version from %j', (text, version) => {
    expect(valuesOf(text, 'kubernetes')).toContain(version);
  });

  it.each([
    ['image: docker.io/calico/node:v3.27.3', 'calico', '3.27.3'],
    ['使用的 calico的版本是3.27.3也是有这个bug', 'calico', '3.27.3'],
    ['* Calico version v3.20.2', 'calico', '3.20.2'],
    ['quay.io/cilium/cilium:v1.15.3', 'cilium', '1.15.3'],
    ['ghcr.io/spidernet-io/spiderpool/spiderpool-agent:v0.9.3', 'spiderpool', '0.9.3'],
    ['2018/09/06 13:02:45 [INFO] CoreDNS-1.2.2', 'coredns', '1.2.2'],
    ['ip6tables-restore v1.8.4 (legacy): unknown option "--set-mark"', 'iptables', '1.8.4'],
  ])('reads a component version from %j', (text, name, version) => {
    expect(valuesOf(text, name as Fact['name'])).toContain(version);
  });

  it('does not read an IP address or a Kubernetes version as a CNI version', () => {
    expect(valuesOf('calico-node -> 10.0.0.12 unreachable', 'calico')).toEqual([]);
    expect(valuesOf('calico on k8s 1.28.6', 'calico')).toEqual([]);
  });

  it('reads the KubeKey version from kk version output, not as Kubernetes', () => {
    const text =
      'kk version: &version.Info{Major:"3", Minor:"1", GitVersion:"v3.1.5", GitCommit:"8347"}';
    expect(valuesOf(text, 'kubekey')).toEqual(['3.1.5']);
    expect(valuesOf(text, 'kubernetes')).toEqual([]);
  });

  it('reads the dataplane: proxy mode, iptables backend, encapsulation, MTU, dual-stack', () => {
    const text = [
      'I0315 17:21:28.615958       1 server_others.go:189] Using ipvs Proxier.',
      'iptables v1.8.10 (nf_tables)',
      '  ipipMode: Always',
      '  veth_mtu: "1440"',
      'Calico with IPv4/IPv6 dual-stack',
    ].join('\n');
    const facts = factsOf(text);
    expect(facts).toEqual(
      expect.arrayContaining([
        { name: 'kubeProxyMode', value: 'ipvs', source: 'text', line: 1 },
        { name: 'iptables', value: '1.8.10', source: 'text', line: 2 },
        { name: 'iptablesBackend', value: 'nf_tables', source: 'text', line: 2 },
        { name: 'encapsulation', value: 'ipip', source: 'text', line: 3 },
        { name: 'mtu', value: '1440', source: 'text', line: 4 },
        { name: 'ipFamily', value: 'dual-stack', source: 'text', line: 5 },
      ]),
    );
  });

  it('keeps each distinct value once, with the first line it appears on', () => {
    const text = [
      'now: Linux node03 6.8.0-57-generic #59-Ubuntu SMP',
      'before: Linux node 6.8.0-55-generic #57-Ubuntu SMP',
      'again: Linux node03 6.8.0-57-generic #59-Ubuntu SMP',
    ].join('\n');
    expect(factsOf(text).filter((fact) => fact.name === 'kernel')).toEqual([
      { name: 'kernel', value: '6.8.0-57-generic', source: 'text', line: 1 },
      { name: 'kernel', value: '6.8.0-55-generic', source: 'text', line: 2 },
    ]);
  });

  it('reads nothing from a paste without versions', () => {
    expect(factsOf('Back-off pulling image "local/dummy"')).toEqual([]);
  });
});

describe('mergeFacts', () => {
  it('lets facts stated in the context win over facts read from the text', () => {
    const fromText = factsOf('Linux n1 5.15.0-105-generic #115-Ubuntu SMP\ncalico/node:v3.26.1');
    const stated = contextFacts({
      kernel: '5.4.0-189-generic',
      components: { 'kube-proxy-mode': 'ipvs' },
    });
    expect(mergeFacts(fromText, stated)).toEqual([
      { name: 'kernel', value: '5.4.0-189-generic', source: 'context' },
      { name: 'kubeProxyMode', value: 'ipvs', source: 'context' },
      { name: 'calico', value: '3.26.1', source: 'text', line: 2 },
    ]);
  });

  it('ignores context keys that are not facts', () => {
    expect(contextFacts({ components: { banana: '1.0' } })).toEqual([]);
  });
});

describe('extractTextFacts on how people write versions', () => {
  it('does not take a version the user compares against for the one running', () => {
    expect(valuesOf('after upgrading to a tigera-operator higher than v3.27.2', 'calico')).toEqual(
      [],
    );
    expect(valuesOf('calico 3.26 之后的版本', 'calico')).toEqual(['3.26']);
  });

  it('normalises operating system names', () => {
    expect(valuesOf('Calico-Node Error on Ubuntu20.04; nodes with ubuntu 20.04', 'os')).toEqual([
      'Ubuntu 20.04',
    ]);
    expect(valuesOf('CentOS Linux release 7.9.2009 (Core)', 'os')).toEqual([
      'CentOS Linux 7.9.2009',
    ]);
  });
});
