import { slackMessageViolations } from '../../../test/support/slack-block-kit';
import { calicoCause, triageResult } from '../formatting/triage-result.fixture';
import {
  type ActionsBlock,
  type ContextBlock,
  type HeaderBlock,
  type SectionBlock,
  type SlackBlock,
} from './slack-blocks';
import {
  buildSlackAnalysingMessage,
  buildSlackFeedbackAck,
  buildSlackHelpMessage,
  buildSlackTriageMessage,
  decodeFeedbackValue,
  encodeFeedbackValue,
  SLACK_ACTION_IDS,
} from './slack-message';

const options = { publicUrl: 'https://triage.example.org', responseType: 'ephemeral' as const };
const ofType = <T extends SlackBlock>(blocks: SlackBlock[] = [], type: T['type']): T[] =>
  blocks.filter((block): block is T => block.type === type);

describe(buildSlackTriageMessage.name, () => {
  const sut = buildSlackTriageMessage(triageResult(), options);

  it('is valid Block Kit within Slack limits', () => {
    expect(slackMessageViolations(sut)).toEqual([]);
  });

  it('heads the message and lists the top three causes in the API order', () => {
    const header = ofType<HeaderBlock>(sut.blocks, 'header')[0];
    const sections = ofType<SectionBlock>(sut.blocks, 'section').map((s) => s.text.text);

    expect(sut.response_type).toBe('ephemeral');
    expect(header.text).toEqual({
      type: 'plain_text',
      text: 'kubetriage: 4 likely causes',
      emoji: true,
    });
    expect(sections[0]).toBe(
      '*1. Calico 3.27.3 XDP/BPF programs fail to load on Linux kernel 5.4*\n' +
        '🟢 High confidence · score 0.93 · `calico-xdp-kernel-5.4`',
    );
    expect(sections.filter((text) => /^\*\d\. /.test(text))).toHaveLength(3);
    expect(sections.join('\n')).not.toContain('fourth');
    expect(sut.text).toContain('calico-xdp-kernel-5.4');
  });

  it('shows the first evidence line as code with its line number, and the first step', () => {
    const sections = ofType<SectionBlock>(sut.blocks, 'section').map((s) => s.text.text);

    expect(sections).toContain(
      '*Evidence*, line 4 of your paste:\n' +
        '```2024-05-30 08:11:02.201 [WARNING][65] felix/int_dataplane.go 1747: failed to wipe the XDP state```',
    );
    expect(sections).toContain(
      '*First step:* Disable XDP acceleration in Felix (immediate workaround)\n' +
        '```kubectl patch felixconfiguration default --type merge -p \'{"spec":{"xdpEnabled":false}}\'```',
    );
  });

  it('offers feedback buttons per cause carrying the analysis and issue ids', () => {
    const feedback = ofType<ActionsBlock>(sut.blocks, 'actions').filter((block) =>
      block.elements.some((button) => button.action_id === SLACK_ACTION_IDS.confirmed),
    );

    expect(feedback).toHaveLength(3);
    expect(feedback[0].elements.map((button) => [button.text.text, button.action_id])).toEqual([
      ['This was it', SLACK_ACTION_IDS.confirmed],
      ['Not this', SLACK_ACTION_IDS.rejected],
    ]);
    expect(decodeFeedbackValue(feedback[1].elements[1].value)).toEqual({
      analysisId: '2f0c7c6e-3f43-4d8e-9d51-0f1e7c1a9b10',
      issueId: 'calico-crossnode-mtu',
    });
  });

  it('links to the web result page', () => {
    const link = ofType<ActionsBlock>(sut.blocks, 'actions')
      .flatMap((block) => block.elements)
      .find((button) => button.url !== undefined);
    const context = ofType<ContextBlock>(sut.blocks, 'context').map((c) => c.elements[0].text);

    expect(link).toMatchObject({
      action_id: SLACK_ACTION_IDS.openAnalysis,
      url: 'https://triage.example.org/analyses/2f0c7c6e-3f43-4d8e-9d51-0f1e7c1a9b10',
      text: { text: 'Open all 4 causes' },
    });
    expect(context.join('\n')).toContain(
      '<https://triage.example.org/analyses/2f0c7c6e-3f43-4d8e-9d51-0f1e7c1a9b10|2f0c7c6e-3f43-4d8e-9d51-0f1e7c1a9b10>',
    );
  });

  it('escapes pasted text so it cannot inject mentions, links or formatting', () => {
    const hostile = buildSlackTriageMessage(
      triageResult({
        causes: [
          calicoCause({
            evidence: [
              { line: 1, text: '<!channel> <http://evil|click> ```x``` & done', signal: 's' },
            ],
          }),
        ],
      }),
      options,
    );
    const evidence = ofType<SectionBlock>(hostile.blocks, 'section')[1].text.text;

    expect(evidence).toBe(
      '*Evidence*, line 1 of your paste:\n```&lt;!channel&gt; &lt;http://evil|click&gt; ˋˋˋxˋˋˋ &amp; done```',
    );
  });

  it('stays within the limits for huge lines, titles and many causes', () => {
    const huge = '&<>'.repeat(5000);
    const causes = Array.from({ length: 40 }, (_, index) =>
      calicoCause({
        issueId: `issue-${index}-${'x'.repeat(190)}`,
        title: huge,
        why: [huge],
        evidence: [{ line: 1, text: huge, signal: 's' }],
        remediation: [{ title: huge, commands: [huge] }],
      }),
    );
    const message = buildSlackTriageMessage(
      triageResult({
        id: 'a'.repeat(36),
        causes,
        facts: Array.from({ length: 30 }, () => ({
          name: 'os' as const,
          value: huge,
          source: 'text' as const,
        })),
      }),
      options,
    );

    expect(slackMessageViolations(message)).toEqual([]);
  });

  it('says nothing matched, and what to paste, when there is no cause', () => {
    const message = buildSlackTriageMessage(triageResult({ causes: [] }), options);

    expect(message.blocks).toBeUndefined();
    expect(message.text).toMatch(/^No known Kubernetes networking issue matched this paste/);
    expect(message.text).toContain('kubectl describe pod &lt;pod&gt;');
    expect(slackMessageViolations(message)).toEqual([]);
  });
});

describe('other Slack messages', () => {
  it('explains the usage', () => {
    const message = buildSlackHelpMessage('/triage');

    expect(message.response_type).toBe('ephemeral');
    expect(message.text).toMatch(/^\*\/triage &lt;logs or a symptom description&gt;\*/);
    expect(slackMessageViolations(message)).toEqual([]);
  });

  it('acknowledges a large paste and a feedback click ephemerally', () => {
    expect(buildSlackAnalysingMessage(70_000)).toEqual({
      response_type: 'ephemeral',
      text: ':hourglass_flowing_sand: Analysing your paste (68 KB)… the result will appear here shortly.',
    });
    expect(buildSlackFeedbackAck('rejected', 'calico-crossnode-mtu')).toEqual({
      response_type: 'ephemeral',
      replace_original: false,
      text: ':x: Thanks! Recorded that `calico-crossnode-mtu` was not the cause.',
    });
  });

  it('round-trips feedback values and refuses foreign ones', () => {
    const value = { analysisId: 'a1', issueId: 'calico-xdp-kernel-5.4' };

    expect(decodeFeedbackValue(encodeFeedbackValue(value))).toEqual(value);
    expect(decodeFeedbackValue('not json')).toBeUndefined();
    expect(decodeFeedbackValue('{"analysisId":"a1"}')).toBeUndefined();
    expect(decodeFeedbackValue('{"analysisId":"","issueId":"x"}')).toBeUndefined();
    expect(decodeFeedbackValue(undefined)).toBeUndefined();
  });
});

describe('buildSlackTriageMessage for an analysis that was not stored', () => {
  const sut = buildSlackTriageMessage({ ...triageResult(), stored: false }, options);

  it('keeps the causes but offers no dead link and no feedback buttons', () => {
    const json = JSON.stringify(sut.blocks);
    expect(json).toContain('calico-xdp-kernel-5.4');
    expect(json).not.toContain('/analyses/');
    expect(json).not.toContain('kubetriage_feedback_confirmed');
    expect(json).toContain('not stored');
  });
});
