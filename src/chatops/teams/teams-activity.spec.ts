import { ChatopsException } from '../chatops.exception';
import { parseTeamsActivity, teamsTextToPlain } from './teams-activity';

describe(teamsTextToPlain.name, () => {
  it('removes the bot mention', () => {
    expect(
      teamsTextToPlain('<at>kubetriage</at> calico-node: failed to wipe the XDP state\n'),
    ).toBe('calico-node: failed to wipe the XDP state');
  });

  it('turns Teams HTML into text and decodes entities, keeping log placeholders', () => {
    expect(
      teamsTextToPlain(
        '<div><at>kubetriage</at>&nbsp;kubectl get pods</div><div>NAME&nbsp;&nbsp;IP</div>' +
          '<div>web-1&nbsp;&lt;none&gt; &amp;&amp; &#39;x&#39;</div>',
      ),
    ).toBe("kubectl get pods\nNAME  IP\nweb-1 <none> && 'x'");
    expect(teamsTextToPlain('<at>bot</at> IP <none> on <br/>node-1')).toBe('IP <none> on \nnode-1');
  });
});

describe(parseTeamsActivity.name, () => {
  it('reads the text of a message activity', () => {
    const body = Buffer.from(
      JSON.stringify({
        type: 'message',
        text: '<at>kubetriage</at> help',
        from: { name: 'Alice' },
      }),
    );

    expect(parseTeamsActivity(body)).toEqual({ text: 'help' });
  });

  it('refuses a body that is not a JSON object', () => {
    expect(() => parseTeamsActivity(Buffer.from('[1]'))).toThrow(ChatopsException);
    expect(() => parseTeamsActivity(Buffer.from('{'))).toThrow(ChatopsException);
  });
});
