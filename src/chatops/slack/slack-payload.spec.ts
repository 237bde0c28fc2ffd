import { ChatopsException } from '../chatops.exception';
import { parseSlackInteraction, parseSlackSlashCommand, slackTextToPlain } from './slack-payload';

const form = (fields: Record<string, string>): Buffer =>
  Buffer.from(new URLSearchParams(fields).toString());

describe(parseSlackSlashCommand.name, () => {
  it('reads the fields of a slash command', () => {
    const sut = parseSlackSlashCommand(
      form({
        command: '/triage',
        text: 'calico-node: failed to wipe the XDP state &amp; more',
        response_url: 'https://hooks.slack.com/commands/T1/1/x',
        user_id: 'U1',
        channel_id: 'C1',
        team_id: 'T1',
      }),
    );

    expect(sut).toEqual({
      command: '/triage',
      text: 'calico-node: failed to wipe the XDP state & more',
      responseUrl: 'https://hooks.slack.com/commands/T1/1/x',
      userId: 'U1',
      channelId: 'C1',
      teamId: 'T1',
    });
  });

  it('keeps multi-line pastes and tolerates missing fields', () => {
    const sut = parseSlackSlashCommand(Buffer.from('text=line+one%0Aline+two'));

    expect(sut.text).toBe('line one\nline two');
    expect(sut.responseUrl).toBeUndefined();
    expect(sut.command).toBe('');
  });
});

describe(slackTextToPlain.name, () => {
  it("undoes Slack's escaping and link formatting", () => {
    expect(slackTextToPlain('kubectl get pods -o wide &lt;none&gt; a &amp;&amp; b')).toBe(
      'kubectl get pods -o wide <none> a && b',
    );
    expect(slackTextToPlain('dial tcp <http://10.0.0.1:8080> failed')).toBe(
      'dial tcp http://10.0.0.1:8080 failed',
    );
    expect(slackTextToPlain('see <http://kubernetes.io|kubernetes.io>')).toBe('see kubernetes.io');
    expect(slackTextToPlain('<@U123> <#C1|ops> <!here> <@U9|bob>')).toBe('@U123 #ops @here @bob');
    expect(slackTextToPlain('literal &amp;lt; stays')).toBe('literal &lt; stays');
  });
});

describe(parseSlackInteraction.name, () => {
  const payload = (value: unknown): Buffer => form({ payload: JSON.stringify(value) });

  it('reads the clicked buttons of a block_actions payload', () => {
    const sut = parseSlackInteraction(
      payload({
        type: 'block_actions',
        user: { id: 'U1', username: 'roadrunner' },
        response_url: 'https://hooks.slack.com/actions/T1/2/y',
        actions: [{ action_id: 'kubetriage_feedback_confirmed', value: '{"a":1}', type: 'button' }],
      }),
    );

    expect(sut).toEqual({
      type: 'block_actions',
      userId: 'U1',
      responseUrl: 'https://hooks.slack.com/actions/T1/2/y',
      actions: [{ actionId: 'kubetriage_feedback_confirmed', value: '{"a":1}' }],
    });
  });

  it('passes other interaction types through as ignorable', () => {
    expect(parseSlackInteraction(payload({ type: 'shortcut' }))).toEqual({
      type: 'other',
      payloadType: 'shortcut',
    });
  });

  it.each([
    ['no payload field', Buffer.from('foo=bar')],
    ['payload not JSON', form({ payload: '{nope' })],
    ['payload without type', form({ payload: '{"user":{}}' })],
  ])('refuses %s', (_name, body) => {
    expect(() => parseSlackInteraction(body)).toThrow(ChatopsException);
  });
});
