import {
  type KnownIssueRepository,
  type KnownIssueStatistics,
} from '../database/repositories/known-issue.repository';
import { type KnowledgeBaseService } from './knowledge-base.service';
import { KnownIssueExceptionCode } from './known-issue.exception';
import { knownIssue } from './known-issue.fixture';
import { KnownIssuesService } from './known-issues.service';

describe(KnownIssuesService.name, () => {
  const issues = [knownIssue({ id: 'alpha' }), knownIssue({ id: 'beta', summary: undefined })];
  let statistics: Map<string, KnownIssueStatistics>;
  let sut: KnownIssuesService;

  beforeEach(() => {
    statistics = new Map([['alpha', { matched: 5, confirmed: 2, rejected: 1 }]]);
    const knowledgeBase = {
      listIssues: () => issues,
      findIssue: (id: string) => issues.find((issue) => issue.id === id),
    } as unknown as KnowledgeBaseService;
    const repository = {
      statistics: jest.fn(async () => statistics),
    } as unknown as KnownIssueRepository;
    sut = new KnownIssuesService(knowledgeBase, repository);
  });

  it('lists the issues with their statistics, zero when never matched', async () => {
    const list = await sut.list();

    expect(list.map((issue) => [issue.id, issue.statistics])).toEqual([
      ['alpha', { matched: 5, confirmed: 2, rejected: 1 }],
      ['beta', { matched: 0, confirmed: 0, rejected: 0 }],
    ]);
    expect(list[0]).toMatchObject({
      title: 'Calico XDP fails on kernel 5.4',
      titleZh: 'Calico XDP 在 5.4 内核上失败',
      affected: [{ fact: 'kernel', range: '>=5.4 <5.5' }],
      summary: 'Felix cannot load its XDP prefilter on 5.4 kernels.',
    });
    expect(list[1].summary).toBeNull();
  });

  it('returns the full entry of one issue', async () => {
    await expect(sut.get('alpha')).resolves.toMatchObject({
      id: 'alpha',
      rootCause: 'The 5.4 verifier rejects the new XDP objects.',
      signals: [
        {
          id: 'xdp-state-wipe-failed',
          pattern: 'failed to wipe the XDP state',
          sequence: null,
          weight: 0.6,
          supporting: false,
        },
      ],
      confirm: [{ title: 'Check the kernel', commands: ['uname -r'] }],
    });
  });

  it('throws KNOWN_ISSUE_NOT_FOUND for an id not loaded', async () => {
    await expect(sut.get('retired')).rejects.toMatchObject({
      code: KnownIssueExceptionCode.KNOWN_ISSUE_NOT_FOUND,
    });
  });
});
