import { slackMessageViolations } from './slack-block-kit';

/** The checker the chatops tests rely on must itself catch what Slack refuses. */
describe(slackMessageViolations.name, () => {
  const section = (text: string, type = 'mrkdwn') => ({ type: 'section', text: { type, text } });

  it('accepts a minimal valid message', () => {
    expect(
      slackMessageViolations({ text: 'hi', blocks: [section('hi'), { type: 'divider' }] }),
    ).toEqual([]);
  });

  it.each([
    ['no fallback text', { blocks: [] }],
    ['a bad response_type', { text: 'x', response_type: 'public' }],
    [
      'too many blocks',
      { text: 'x', blocks: Array.from({ length: 51 }, () => ({ type: 'divider' })) },
    ],
    ['an unknown block type', { text: 'x', blocks: [{ type: 'table' }] }],
    ['a long section', { text: 'x', blocks: [section('a'.repeat(3001))] }],
    ['an empty section', { text: 'x', blocks: [section('')] }],
    ['a markdown text type', { text: 'x', blocks: [section('a', 'markdown')] }],
    [
      'a mrkdwn header',
      { text: 'x', blocks: [{ type: 'header', text: { type: 'mrkdwn', text: 'h' } }] },
    ],
    [
      'a long header',
      {
        text: 'x',
        blocks: [{ type: 'header', text: { type: 'plain_text', text: 'h'.repeat(151) } }],
      },
    ],
    [
      'a long button value',
      {
        text: 'x',
        blocks: [
          {
            type: 'actions',
            elements: [
              {
                type: 'button',
                text: { type: 'plain_text', text: 'b' },
                action_id: 'a',
                value: 'v'.repeat(2001),
              },
            ],
          },
        ],
      },
    ],
    [
      'duplicate action ids',
      {
        text: 'x',
        blocks: [
          {
            type: 'actions',
            elements: [
              { type: 'button', text: { type: 'plain_text', text: 'a' }, action_id: 'same' },
              { type: 'button', text: { type: 'plain_text', text: 'b' }, action_id: 'same' },
            ],
          },
        ],
      },
    ],
  ])('reports %s', (_name, message) => {
    expect(slackMessageViolations(message)).not.toEqual([]);
  });
});
