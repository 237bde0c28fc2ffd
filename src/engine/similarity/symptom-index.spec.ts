import { type KnownIssue } from '../types';
import { SymptomIndex } from './symptom-index';
import { tokenize } from './tokenize';

function issue(id: string, en: string[], zh: string[]): KnownIssue {
  return { id, title: { en: id, zh: id }, symptoms: { en, zh } } as unknown as KnownIssue;
}

describe('tokenize', () => {
  it('segments Chinese into words and bigrams instead of one token', () => {
    const tokens = tokenize('跨节点 Pod 无法 ping 通');
    expect(tokens).toEqual(expect.arrayContaining(['节点', '无法', 'pod', 'ping', '跨节']));
    expect(tokens).not.toContain('跨节点 pod 无法 ping 通');
  });

  it('stems English and drops stop words and hashes', () => {
    expect(tokenize('The pods are pinging 8347277057bf9f84')).toEqual(['pod', 'ping']);
  });
});

describe(SymptomIndex.name, () => {
  const sut = new SymptomIndex([
    issue(
      'crossnode',
      ['pods on different nodes cannot ping each other'],
      ['跨节点 Pod 无法 ping 通'],
    ),
    issue(
      'latency',
      ['every call to a Service has a 1 second delay'],
      ['通过 Service 访问服务有 1 秒延迟'],
    ),
    issue('dns', ['DNS lookups take 5 seconds'], ['DNS 解析偶尔需要 5 秒']),
  ]);
  const best = (text: string) =>
    [...sut.match(text)].sort((a, b) => b[1].score - a[1].score)[0]?.[0];

  it.each([
    ["pods on different nodes can't talk", 'crossnode'],
    ['跨节点的 Pod 之间 ping 不通', 'crossnode'],
    ['Service 访问有 1 秒延迟', 'latency'],
    ['calls to my service are delayed by one second', 'latency'],
    ['DNS 解析很慢,要 5 秒', 'dns'],
  ])('matches %j to %s', (text, expected) => {
    expect(best(text)).toBe(expected);
  });

  it('finds nothing in text that shares no word with the knowledge base', () => {
    expect(sut.match('quarterly revenue grew').size).toBe(0);
  });
});
