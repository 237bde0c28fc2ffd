import { type Clock } from '../common/clock';
import { type IdGenerator } from '../common/id-generator';
import {
  type AnalysisRecord,
  type AnalysisRepository,
} from '../database/repositories/analysis.repository';
import {
  type FeedbackRecord,
  type FeedbackRepository,
} from '../database/repositories/feedback.repository';
import { type KnowledgeBaseService } from '../knowledge-base/knowledge-base.service';
import { knownIssue } from '../knowledge-base/known-issue.fixture';
import { MetricsService } from '../observability/metrics/metrics.service';
import { AnalysesService } from './analyses.service';
import { AnalysisException, AnalysisExceptionCode } from './analysis.exception';
import { ALL_ANALYSES, type AnalysisReader } from './analysis-reader';

const NOW = new Date('2025-01-02T03:04:05.000Z');
const ANALYSIS_ID = '0f8fad5b-d9cb-469f-a165-70867728950e';
const FEEDBACK_ID = '7c9e6679-7425-40de-944b-e07fc1f90ae7';
const OWNER_KEY_ID = '1b4e28ba-2fa1-41d2-883f-0016d3cca427';
const ownerReader = (keyId: string): AnalysisReader => ({ kind: 'owner', keyId });

function analysisRecord(): AnalysisRecord {
  return {
    id: ANALYSIS_ID,
    createdAt: NOW,
    source: null,
    inputBytes: 10,
    inputLines: 1,
    redactionCount: 0,
    redacted: 'some log',
    context: null,
    facts: [],
    causes: [],
    timings: { totalMs: 1, scanMs: 0, similarityMs: 0, rankingMs: 0 },
    partial: null,
    ownerKeyId: OWNER_KEY_ID,
  };
}

describe(AnalysesService.name, () => {
  let analyses: jest.Mocked<
    Pick<AnalysisRepository, 'findById' | 'findCauseIssueIds' | 'findOwner'>
  >;
  let stored: FeedbackRecord[];
  let metrics: MetricsService;
  let sut: AnalysesService;

  beforeEach(() => {
    metrics = new MetricsService();
    stored = [];
    analyses = { findById: jest.fn(), findCauseIssueIds: jest.fn(), findOwner: jest.fn() };
    const feedback = {
      create: jest.fn(async (record: FeedbackRecord) => {
        stored.push(record);
      }),
    } as unknown as FeedbackRepository;
    const knowledgeBase = {
      findIssue: (id: string) => (id === 'known-issue' ? knownIssue({ id }) : undefined),
    } as unknown as KnowledgeBaseService;
    sut = new AnalysesService(
      analyses as unknown as AnalysisRepository,
      feedback,
      knowledgeBase,
      { now: () => NOW } as Clock,
      { uuid: () => FEEDBACK_ID } as IdGenerator,
      metrics,
    );
  });

  describe('get', () => {
    it('maps the stored analysis', async () => {
      analyses.findById.mockResolvedValue(analysisRecord());

      await expect(sut.get(ANALYSIS_ID, ALL_ANALYSES)).resolves.toMatchObject({
        id: ANALYSIS_ID,
        createdAt: '2025-01-02T03:04:05.000Z',
        input: { bytes: 10, lines: 1 },
      });
    });

    it('throws ANALYSIS_NOT_FOUND for an unknown id', async () => {
      analyses.findById.mockResolvedValue(null);

      await expect(sut.get(ANALYSIS_ID, ALL_ANALYSES)).rejects.toMatchObject({
        code: AnalysisExceptionCode.ANALYSIS_NOT_FOUND,
      });
    });

    it('shows a key its own analysis', async () => {
      analyses.findById.mockResolvedValue(analysisRecord());

      await expect(sut.get(ANALYSIS_ID, ownerReader(OWNER_KEY_ID))).resolves.toMatchObject({
        id: ANALYSIS_ID,
      });
    });

    it.each([
      ['another key', OWNER_KEY_ID.replace('1b4e', '2b4e')],
      ['no key (the web form, chat)', null],
    ])('answers ANALYSIS_NOT_FOUND to a key reading an analysis of %s', async (_name, owner) => {
      analyses.findById.mockResolvedValue({ ...analysisRecord(), ownerKeyId: owner });

      await expect(sut.get(ANALYSIS_ID, ownerReader(OWNER_KEY_ID))).rejects.toMatchObject({
        code: AnalysisExceptionCode.ANALYSIS_NOT_FOUND,
      });
    });
  });

  describe('addFeedback', () => {
    it('stores a verdict on one of the causes', async () => {
      analyses.findCauseIssueIds.mockResolvedValue(['retired-but-returned']);

      const response = await sut.addFeedback(
        ANALYSIS_ID,
        { issueId: 'retired-but-returned', verdict: 'rejected' },
        ALL_ANALYSES,
      );

      expect(response).toEqual({
        id: FEEDBACK_ID,
        analysisId: ANALYSIS_ID,
        issueId: 'retired-but-returned',
        verdict: 'rejected',
        comment: null,
        createdAt: NOW.toISOString(),
      });
      expect(stored).toHaveLength(1);
      expect(await metrics.exposition()).toContain(
        'kubetriage_known_issue_feedback_total{issue_id="retired-but-returned",verdict="rejected"} 1',
      );
    });

    it('accepts a known issue that was not among the causes', async () => {
      analyses.findCauseIssueIds.mockResolvedValue([]);

      await expect(
        sut.addFeedback(
          ANALYSIS_ID,
          { issueId: 'known-issue', verdict: 'confirmed', comment: 'yes' },
          ALL_ANALYSES,
        ),
      ).resolves.toMatchObject({ issueId: 'known-issue', comment: 'yes' });
    });

    it('refuses an issue that is neither a cause nor known', async () => {
      analyses.findCauseIssueIds.mockResolvedValue(['other']);

      const attempt = sut.addFeedback(
        ANALYSIS_ID,
        { issueId: 'invented', verdict: 'confirmed' },
        ALL_ANALYSES,
      );

      await expect(attempt).rejects.toBeInstanceOf(AnalysisException);
      await expect(attempt).rejects.toMatchObject({
        code: AnalysisExceptionCode.FEEDBACK_ISSUE_UNKNOWN,
      });
      expect(stored).toEqual([]);
    });

    it('throws ANALYSIS_NOT_FOUND for an unknown analysis', async () => {
      analyses.findCauseIssueIds.mockResolvedValue(null);

      await expect(
        sut.addFeedback(
          ANALYSIS_ID,
          { issueId: 'known-issue', verdict: 'confirmed' },
          ALL_ANALYSES,
        ),
      ).rejects.toMatchObject({ code: AnalysisExceptionCode.ANALYSIS_NOT_FOUND });
    });

    it('redacts secrets in the comment before storing it', async () => {
      analyses.findCauseIssueIds.mockResolvedValue(['known-issue']);

      const response = await sut.addFeedback(
        ANALYSIS_ID,
        { issueId: 'known-issue', verdict: 'confirmed', comment: 'fixed with password=hunter22' },
        ALL_ANALYSES,
      );

      expect(response.comment).toBe('fixed with password=[REDACTED]');
      expect(stored[0].comment).toBe('fixed with password=[REDACTED]');
    });

    it('lets a key rate only its own analyses', async () => {
      analyses.findCauseIssueIds.mockResolvedValue(['known-issue']);
      analyses.findOwner.mockResolvedValue({ ownerKeyId: 'someone-else' });

      await expect(
        sut.addFeedback(
          ANALYSIS_ID,
          { issueId: 'known-issue', verdict: 'confirmed' },
          ownerReader(OWNER_KEY_ID),
        ),
      ).rejects.toMatchObject({ code: AnalysisExceptionCode.ANALYSIS_NOT_FOUND });
      expect(stored).toEqual([]);

      analyses.findOwner.mockResolvedValue({ ownerKeyId: OWNER_KEY_ID });
      await expect(
        sut.addFeedback(
          ANALYSIS_ID,
          { issueId: 'known-issue', verdict: 'confirmed' },
          ownerReader(OWNER_KEY_ID),
        ),
      ).resolves.toMatchObject({ analysisId: ANALYSIS_ID });
    });
  });
});
