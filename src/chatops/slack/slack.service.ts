import { type BeforeApplicationShutdown, Inject, Injectable, Logger } from '@nestjs/common';

import { AnalysesService } from '../../analyses/analyses.service';
import { AnalysisException } from '../../analyses/analysis.exception';
import { ALL_ANALYSES } from '../../analyses/analysis-reader';
import { type AppConfig, appConfig } from '../../config/app-config';
import { TriageService } from '../../triage/triage.service';
import { isHelpRequest } from '../formatting/chat-command';
import { type FeedbackVerdict } from '../formatting/feedback-verdict';
import { settle, settleWithin, unwrap } from '../formatting/settle-within';
import { isAllowedResponseUrl, ResponseUrlClient } from '../response-url.client';
import { type SlackMessage } from './slack-blocks';
import {
  buildSlackAnalysingMessage,
  buildSlackFailureMessage,
  buildSlackFeedbackAck,
  buildSlackFeedbackRefused,
  buildSlackHelpMessage,
  buildSlackTriageMessage,
  decodeFeedbackValue,
  type FeedbackButtonValue,
  SLACK_ACTION_IDS,
} from './slack-message';
import { type SlackInteraction, type SlackSlashCommand } from './slack-payload';

/**
 * `/triage` in Slack. Runs the same TriageService as the API and formats its response; when the
 * paste is large or the triage slow, answers "analysing…" within Slack's 3 seconds and posts the
 * result to the command's response_url.
 */
@Injectable()
export class SlackService implements BeforeApplicationShutdown {
  private readonly logger = new Logger(SlackService.name);
  /** Posts still running after their request was answered; awaited on shutdown. */
  private readonly pending = new Set<Promise<void>>();

  constructor(
    private readonly triage: TriageService,
    private readonly analyses: AnalysesService,
    private readonly responseUrls: ResponseUrlClient,
    @Inject(appConfig.KEY) private readonly config: AppConfig,
  ) {}

  async command(command: SlackSlashCommand): Promise<SlackMessage> {
    const text = command.text.trim();
    if (isHelpRequest(text)) {
      return buildSlackHelpMessage(command.command);
    }
    const { slackDeferBytes, slackDeferAfterMs, slackResponseUrlOrigins } = this.config.chatops;
    const responseUrl = command.responseUrl;
    if (!isAllowedResponseUrl(responseUrl, slackResponseUrlOrigins)) {
      // Without a usable response_url the only way to deliver the result is the answer itself.
      this.logger.warn('Slack command without an allowed response_url: answering inline');
      return this.run(text);
    }
    const bytes = Buffer.byteLength(text, 'utf8');
    if (bytes > slackDeferBytes) {
      // Started after the answer is sent: the engine's matching is synchronous CPU work.
      this.finishLater(() => this.run(text), responseUrl);
      return buildSlackAnalysingMessage(bytes);
    }
    const outcome = settle(this.run(text));
    const early = await settleWithin(outcome, slackDeferAfterMs);
    if (early) {
      return unwrap(early);
    }
    this.finishLater(async () => unwrap(await outcome), responseUrl);
    return buildSlackAnalysingMessage(bytes);
  }

  /** Feedback buttons record a verdict, then confirm it to the person who clicked. */
  async interaction(interaction: SlackInteraction): Promise<void> {
    if (interaction.type !== 'block_actions') {
      return;
    }
    for (const action of interaction.actions) {
      const verdict = verdictOf(action.actionId);
      if (verdict === undefined) {
        // The link button also sends an interaction; it needs only the acknowledgement.
        continue;
      }
      const value = decodeFeedbackValue(action.value);
      const reply = value
        ? await this.recordFeedback(value, verdict)
        : buildSlackFeedbackRefused('this button does not carry a kubetriage analysis.');
      this.post(interaction.responseUrl, reply);
    }
  }

  async beforeApplicationShutdown(): Promise<void> {
    await Promise.allSettled([...this.pending]);
  }

  private async run(text: string): Promise<SlackMessage> {
    const result = await this.triage.triage({ text, source: 'slack' });
    return buildSlackTriageMessage(result, {
      publicUrl: this.config.publicUrl,
      responseType: this.config.chatops.responseType,
    });
  }

  private async recordFeedback(
    value: FeedbackButtonValue,
    verdict: FeedbackVerdict,
  ): Promise<SlackMessage> {
    try {
      // The button came with the analysis's own message: the signed request is the grant.
      await this.analyses.addFeedback(
        value.analysisId,
        { issueId: value.issueId, verdict },
        ALL_ANALYSES,
      );
      return buildSlackFeedbackAck(verdict, value.issueId);
    } catch (error) {
      if (error instanceof AnalysisException) {
        return buildSlackFeedbackRefused(error.message);
      }
      throw error;
    }
  }

  private finishLater(work: () => Promise<SlackMessage>, responseUrl: string): void {
    const message = new Promise<void>((resolve) => setImmediate(resolve))
      .then(work)
      .catch((error: unknown) => {
        this.logger.error(
          `Deferred Slack triage failed: ${String(error)}`,
          (error as Error)?.stack,
        );
        return buildSlackFailureMessage();
      });
    this.track(message.then((reply) => this.responseUrls.post(responseUrl, reply)));
  }

  private post(responseUrl: string | undefined, message: SlackMessage): void {
    if (!isAllowedResponseUrl(responseUrl, this.config.chatops.slackResponseUrlOrigins)) {
      this.logger.warn('Slack interaction without an allowed response_url: reply dropped');
      return;
    }
    this.track(this.responseUrls.post(responseUrl, message));
  }

  private track(task: Promise<void>): void {
    const tracked = task
      .catch((error: unknown) => {
        this.logger.warn(`Could not post to the Slack response_url: ${String(error)}`);
      })
      .finally(() => this.pending.delete(tracked));
    this.pending.add(tracked);
  }
}

function verdictOf(actionId: string): FeedbackVerdict | undefined {
  if (actionId === SLACK_ACTION_IDS.confirmed) return 'confirmed';
  if (actionId === SLACK_ACTION_IDS.rejected) return 'rejected';
  return undefined;
}
