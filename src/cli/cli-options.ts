import { parseArgs } from 'node:util';

import { type TriageContext } from '../engine';

export interface CliOptions {
  files: string[];
  url?: string;
  apiKey?: string;
  json: boolean;
  color: boolean;
  context?: TriageContext;
  help: boolean;
}

export class CliUsageError extends Error {}

export const USAGE = `Usage: kubetriage [options] [file ...]
       kubectl logs -n kube-system calico-node-x | kubetriage [options]

Ranks the known root causes of a Kubernetes networking failure from a log or a description.
Reads the files given (or standard input, or "-"), prints the causes best first, and exits
with 0 when a cause was found, 1 when none was, 2 on a usage or connection error.

Options:
  --url URL            ask a running kubetriage server (stores the analysis, prints its link);
                       without it the bundled knowledge base runs in this process
  --api-key KEY        API key for --url (also KUBETRIAGE_API_KEY)
  --json               print the JSON answer (the API's shape) instead of text
  --kernel VERSION     state the kernel version (wins over what the text says)
  --kubernetes VERSION state the Kubernetes version
  --os NAME            state the operating system
  --component NAME=VERSION
                       state a component version, e.g. --component calico=3.27.3 (repeatable)
  --no-color           no colours even on a terminal
  -h, --help           this text
`;

export function parseCliOptions(
  argv: string[],
  env: NodeJS.ProcessEnv,
  isTty: boolean,
): CliOptions {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        url: { type: 'string' },
        'api-key': { type: 'string' },
        json: { type: 'boolean', default: false },
        kernel: { type: 'string' },
        kubernetes: { type: 'string' },
        os: { type: 'string' },
        component: { type: 'string', multiple: true },
        'no-color': { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    throw new CliUsageError((error as Error).message);
  }
  const { values, positionals } = parsed;
  const components: Record<string, string> = {};
  for (const pair of values.component ?? []) {
    const [name, version] = pair.split('=');
    if (!name || !version) throw new CliUsageError(`--component takes NAME=VERSION, got "${pair}"`);
    components[name] = version;
  }
  const context: TriageContext = {
    ...(values.kernel ? { kernel: values.kernel } : {}),
    ...(values.kubernetes ? { kubernetes: values.kubernetes } : {}),
    ...(values.os ? { os: values.os } : {}),
    ...(Object.keys(components).length > 0 ? { components } : {}),
  };
  if (values.url !== undefined && !/^https?:\/\/\S+$/.test(values.url)) {
    throw new CliUsageError(`--url must be an http(s) URL, got "${values.url}"`);
  }
  return {
    files: positionals,
    url: values.url?.replace(/\/+$/, ''),
    apiKey: values['api-key'] ?? env.KUBETRIAGE_API_KEY,
    json: values.json ?? false,
    color: isTty && !values['no-color'] && env.NO_COLOR === undefined,
    context: Object.keys(context).length > 0 ? context : undefined,
    help: values.help ?? false,
  };
}
