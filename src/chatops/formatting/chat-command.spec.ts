import { isHelpRequest } from './chat-command';

describe(isHelpRequest.name, () => {
  it.each(['', '   ', 'help', 'HELP', ' --help ', '-h', '?'])(
    'treats "%s" as a help request',
    (text) => {
      expect(isHelpRequest(text)).toBe(true);
    },
  );

  it.each(['help me, calico-node crashes', 'failed to wipe the XDP state'])(
    'triages "%s"',
    (text) => {
      expect(isHelpRequest(text)).toBe(false);
    },
  );
});
