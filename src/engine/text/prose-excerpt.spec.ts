import { proseExcerpt } from './prose-excerpt';

describe('proseExcerpt', () => {
  it('keeps what a person wrote and drops logs, command output and code blocks', () => {
    const text = [
      'Pods on different nodes cannot reach each other after the upgrade',
      '```',
      'this line is inside a code block and reads like prose',
      '```',
      '2024-05-30 08:11:02.201 [WARNING][65] felix/int_dataplane.go 1747: failed to wipe',
      'I1204 15:32:28.549370       1 proxier.go:1529] "Reloading service iptables data"',
      '[root@worker-2 ~]# sysctl net.ipv4.ip_forward',
      'net.ipv4.ip_forward = 1',
      'level=info msg="started" component=felix',
      '00-multus.conf  10-calico.conflist  calico-kubeconfig  multus.d',
      '升级内核后跨节点 Pod 无法 ping 通',
    ].join('\n');
    expect(proseExcerpt(text).split('\n')).toEqual([
      'Pods on different nodes cannot reach each other after the upgrade',
      '升级内核后跨节点 Pod 无法 ping 通',
    ]);
  });

  it('judges a huge single line by its head', () => {
    expect(proseExcerpt(`pods cannot talk ${'x'.repeat(5_000_000)}`).length).toBeLessThanOrEqual(
      400,
    );
  });

  it('does not take binary junk for prose', () => {
    const junk = Buffer.from(
      Array.from({ length: 64 * 1024 }, (_, i) => (i * 7919 + 13) % 256),
    ).toString('latin1');
    expect(proseExcerpt(junk)).toBe('');
  });
});
