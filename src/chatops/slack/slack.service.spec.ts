import { Logger } from '@nestjs/common';

import { type AnalysesService } from '../../analyses/analyses.service';
import { AnalysisException, AnalysisExceptionCode } from '../../analyses/analysis.exception';
import { type AnalysisResponse } from '../../analyses/analysis.mapper';
import { ALL_ANALYSES } from '../../analyses/analysis-reader';
import { loadAppConfig } from '../../config/app-config';
import { type TriageService } from '../../triage/triage.service';
import { triageResult } from '../formatting/triage-result.fixture';
import { type ResponseUrlClient } from '../response-url.client';
import { SlackService } from './slack.service';
import { encodeFeedbackValue, SLACK_ACTION_IDS } from './slack-message';
import { type SlackSlashCommand } from './slack-payload';

const RESPONSE_URL = 'https://hooks.slack.com/commands/T1/1/abc';

function setup(env: Record<string, string> = {}) {
  const config = loadAppConfig(
    {
      SLACK_SIGNING_SECRET: 'secret',
      SLACK_DEFER_BYTES: '1kb',
      SLACK_DEFER_AFTER_MS: '50',
      ...env,
    },
    { cwd: '/tmp', packageRoot: '/tmp' },
  );
  const response = { ...triageResult(), createdAt: '2024-01-01T00:00:00.000Z' } as AnalysisResponse;
  const triage = { triage: jest.fn().mockResolvedValue(response) };
  const analyses = { addFeedback: jest.fn().mockResolvedValue({}) };
  const responseUrls = { post: jest.fn().mockResolvedValue(undefined) };
  const sut = new SlackService(
    triage as unknown as TriageService,
    analyses as unknown as AnalysesService,
    responseUrls as unknown as ResponseUrlClient,
    config,
  );
  return { sut, triage, analyses, responseUrls, response };
}

const command = (
  text: string,
  responseUrl: string | undefined = RESPONSE_URL,
): SlackSlashCommand => ({
  text,
  ...(responseUrl === undefined ? {} : { responseUrl }),
  userId: 'U1',
  channelId: 'C1',
  teamId: 'T1',
  command: '/triage',
});

describe(SlackService.name, () => {
  beforeEach(() => {
    jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
  });

  afterEach(() => {
    jest.restoreAllMocks();
  });

  describe('command', () => {
    it('answers help for an empty command without triaging', async () => {
      const { sut, triage } = setup();

      const reply = await sut.command(command('  '));

      expect(reply.text).toContain('/triage &lt;logs or a symptom description&gt;');
      expect(triage.triage).not.toHaveBeenCalled();
    });

    it('triages a small paste through the TriageService and answers inline', async () => {
      const { sut, triage, responseUrls } = setup();

      const reply = await sut.command(command(' failed to wipe the XDP state '));

      expect(triage.triage).toHaveBeenCalledWith({
        text: 'failed to wipe the XDP state',
        source: 'slack',
      });
      expect(reply.blocks?.[0]).toMatchObject({ type: 'header' });
      expect(reply.response_type).toBe('ephemeral');
      await sut.beforeApplicationShutdown();
      expect(responseUrls.post).not.toHaveBeenCalled();
    });

    it('acknowledges a large paste at once and posts the result to the response_url', async () => {
      const { sut, triage, responseUrls } = setup();
      const paste = 'x'.repeat(2000);

      const reply = await sut.command(command(paste));

      expect(reply).toEqual({
        response_type: 'ephemeral',
        text: expect.stringContaining('Analysing your paste (2 KB)') as string,
      });
      expect(triage.triage).not.toHaveBeenCalled();
      await sut.beforeApplicationShutdown();
      expect(triage.triage).toHaveBeenCalledWith({ text: paste, source: 'slack' });
      expect(responseUrls.post).toHaveBeenCalledWith(
        RESPONSE_URL,
        expect.objectContaining({ blocks: expect.any(Array) as unknown }),
      );
    });

    it('acknowledges a slow triage and posts its result when it finishes', async () => {
      const { sut, triage, responseUrls, response } = setup();
      triage.triage.mockImplementation(
        () => new Promise((resolve) => setTimeout(() => resolve(response), 150)),
      );

      const reply = await sut.command(command('failed to wipe the XDP state'));

      expect(reply.text).toContain('Analysing your paste');
      expect(responseUrls.post).not.toHaveBeenCalled();
      await sut.beforeApplicationShutdown();
      expect(triage.triage).toHaveBeenCalledTimes(1);
      expect(responseUrls.post).toHaveBeenCalledWith(
        RESPONSE_URL,
        expect.objectContaining({
          text: expect.stringContaining('calico-xdp-kernel-5.4') as string,
        }),
      );
    });

    it('posts a friendly failure when a deferred triage fails', async () => {
      const { sut, triage, responseUrls } = setup();
      triage.triage.mockRejectedValue(new Error('database is down'));

      await sut.command(command('x'.repeat(2000)));
      await sut.beforeApplicationShutdown();

      expect(responseUrls.post).toHaveBeenCalledWith(RESPONSE_URL, {
        response_type: 'ephemeral',
        text: expect.stringContaining('could not analyse this paste') as string,
      });
    });

    it('answers inline when the response_url is not an allowed origin', async () => {
      const { sut, triage, responseUrls } = setup();

      const reply = await sut.command(command('x'.repeat(2000), 'http://169.254.169.254/latest'));

      expect(triage.triage).toHaveBeenCalled();
      expect(reply.blocks).toBeDefined();
      await sut.beforeApplicationShutdown();
      expect(responseUrls.post).not.toHaveBeenCalled();
    });

    it('lets an inline triage error reach the exception filter', async () => {
      const { sut, triage } = setup();
      triage.triage.mockRejectedValue(new Error('boom'));

      await expect(sut.command(command('failed to wipe the XDP state'))).rejects.toThrow('boom');
    });
  });

  describe('interaction', () => {
    const click = (actionId: string, value?: string) => ({
      type: 'block_actions' as const,
      userId: 'U1',
      responseUrl: 'https://hooks.slack.com/actions/T1/2/def',
      actions: [{ actionId, ...(value === undefined ? {} : { value }) }],
    });
    const value = encodeFeedbackValue({ analysisId: 'a1', issueId: 'calico-xdp-kernel-5.4' });

    it('records the verdict through the AnalysesService and confirms it ephemerally', async () => {
      const { sut, analyses, responseUrls } = setup();

      await sut.interaction(click(SLACK_ACTION_IDS.confirmed, value));
      await sut.beforeApplicationShutdown();

      expect(analyses.addFeedback).toHaveBeenCalledWith(
        'a1',
        { issueId: 'calico-xdp-kernel-5.4', verdict: 'confirmed' },
        ALL_ANALYSES,
      );
      expect(responseUrls.post).toHaveBeenCalledWith('https://hooks.slack.com/actions/T1/2/def', {
        response_type: 'ephemeral',
        replace_original: false,
        text: ':white_check_mark: Thanks! Recorded that `calico-xdp-kernel-5.4` was the cause.',
      });
    });

    it('tells the person when the analysis is unknown', async () => {
      const { sut, analyses, responseUrls } = setup();
      analyses.addFeedback.mockRejectedValue(
        new AnalysisException(
          'No analysis has the id a1.',
          AnalysisExceptionCode.ANALYSIS_NOT_FOUND,
        ),
      );

      await sut.interaction(click(SLACK_ACTION_IDS.rejected, value));
      await sut.beforeApplicationShutdown();

      expect(responseUrls.post).toHaveBeenCalledWith(
        expect.any(String),
        expect.objectContaining({
          text: ':warning: Feedback not recorded: No analysis has the id a1.',
        }),
      );
    });

    it('only acknowledges the link button and other interaction types', async () => {
      const { sut, analyses, responseUrls } = setup();

      await sut.interaction(click(SLACK_ACTION_IDS.openAnalysis));
      await sut.interaction({ type: 'other', payloadType: 'shortcut' });
      await sut.beforeApplicationShutdown();

      expect(analyses.addFeedback).not.toHaveBeenCalled();
      expect(responseUrls.post).not.toHaveBeenCalled();
    });
  });
});
