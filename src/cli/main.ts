import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { findPackageRoot } from '../config/package-root';
import { TriageEngine } from '../engine';
import { loadKnowledgeBase } from '../knowledge-base/pattern-loader';
import { runTriageJob } from '../triage/triage-job';
import { type CliOptions, CliUsageError, parseCliOptions, USAGE } from './cli-options';
import { renderTerminal, type TriageAnswer } from './render-terminal';

export const EXIT_FOUND = 0;
export const EXIT_NONE = 1;
export const EXIT_ERROR = 2;

export interface CliIo {
  argv: string[];
  env: NodeJS.ProcessEnv;
  stdinIsTty: boolean;
  stdoutIsTty: boolean;
  readStdin: () => Promise<string>;
  readFile: (path: string) => string;
  write: (text: string) => void;
  writeError: (text: string) => void;
  fetch: typeof fetch;
}

async function readInput(options: CliOptions, io: CliIo): Promise<string> {
  if (options.files.length === 0) {
    if (io.stdinIsTty) throw new CliUsageError('no input: give a file or pipe a log in');
    return io.readStdin();
  }
  const parts: string[] = [];
  for (const file of options.files) {
    if (file === '-') parts.push(await io.readStdin());
    else {
      try {
        parts.push(io.readFile(file));
      } catch (error) {
        throw new CliUsageError(
          `cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
        );
      }
    }
  }
  return parts.join('\n');
}

/** In this process, with the knowledge base shipped in the package. */
function triageLocally(text: string, options: CliOptions): TriageAnswer {
  const knowledgeBase = loadKnowledgeBase(join(findPackageRoot(__dirname), 'patterns'));
  const engine = new TriageEngine(knowledgeBase.issues);
  const { facts, causes } = runTriageJob(engine, { text, context: options.context }).result;
  return { facts, causes };
}

interface ProblemBody {
  title?: string;
  detail?: string;
}

async function triageRemotely(text: string, options: CliOptions, io: CliIo): Promise<TriageAnswer> {
  const url = `${options.url}/api/v1/triage`;
  let response: Response;
  try {
    response = await io.fetch(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/json',
        ...(options.apiKey ? { authorization: `Bearer ${options.apiKey}` } : {}),
      },
      body: JSON.stringify({ text, context: options.context, source: 'cli' }),
    });
  } catch (error) {
    throw new Error(`cannot reach ${url}: ${(error as Error).cause ?? (error as Error).message}`);
  }
  const body = (await response.json().catch(() => ({}))) as TriageAnswer & ProblemBody;
  if (!response.ok) {
    throw new Error(
      `${url} answered ${response.status}: ${body.detail ?? body.title ?? response.statusText}`,
    );
  }
  return body;
}

export async function runCli(io: CliIo): Promise<number> {
  let options: CliOptions;
  try {
    options = parseCliOptions(io.argv, io.env, io.stdoutIsTty);
  } catch (error) {
    io.writeError(`kubetriage: ${(error as Error).message}\n\n${USAGE}`);
    return EXIT_ERROR;
  }
  if (options.help) {
    io.write(USAGE);
    return EXIT_FOUND;
  }
  try {
    const text = await readInput(options, io);
    if (!text.trim()) throw new CliUsageError('the input is empty');
    const answer = options.url
      ? await triageRemotely(text, options, io)
      : triageLocally(text, options);
    const permalink = options.url && answer.id ? `${options.url}/analyses/${answer.id}` : undefined;
    io.write(
      options.json
        ? `${JSON.stringify(answer, null, 2)}\n`
        : renderTerminal(answer, { color: options.color, permalink }),
    );
    return answer.causes.length > 0 ? EXIT_FOUND : EXIT_NONE;
  } catch (error) {
    io.writeError(`kubetriage: ${(error as Error).message}\n`);
    return EXIT_ERROR;
  }
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** Runs the CLI on this process's arguments and streams. */
export function main(): void {
  void runCli({
    argv: process.argv.slice(2),
    env: process.env,
    stdinIsTty: Boolean(process.stdin.isTTY),
    stdoutIsTty: Boolean(process.stdout.isTTY),
    readStdin,
    readFile: (path) => readFileSync(path, 'utf8'),
    write: (text) => process.stdout.write(text),
    writeError: (text) => process.stderr.write(text),
    fetch,
  }).then((code) => {
    process.exitCode = code;
  });
}

if (require.main === module) main();
