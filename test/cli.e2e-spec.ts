import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

import request from 'supertest';

import { type CliIo, EXIT_ERROR, EXIT_FOUND, EXIT_NONE, runCli } from '../src/cli/main';
import { createTestApp, type TestApp } from './support/test-app';

const ROOT = join(__dirname, '..');
const XDP_LOG = [
  'Linux worker-3 5.4.0-182-generic #202-Ubuntu SMP Fri Apr 26 12:29:36 UTC 2024 x86_64 GNU/Linux',
  '2024-05-30 08:11:02.114 [INFO][65] felix/int_dataplane.go 1289: Linux interface state changed.',
  '2024-05-30 08:11:02.201 [WARNING][65] felix/int_dataplane.go 1747: failed to wipe the XDP state error=failed to load BPF program (/usr/lib/calico/bpf/filter.o)',
].join('\n');
const UNRELATED =
  'Warning  Failed  49s  kubelet  Failed to pull image "local/dummy": pull access denied';

interface Captured {
  code: number;
  out: string;
  err: string;
}

async function cli(
  argv: string[],
  input: { stdin?: string; files?: Record<string, string>; tty?: boolean } = {},
): Promise<Captured> {
  let out = '';
  let err = '';
  const io: CliIo = {
    argv,
    env: {},
    stdinIsTty: input.stdin === undefined,
    stdoutIsTty: input.tty ?? false,
    readStdin: async () => input.stdin ?? '',
    readFile: (path) => {
      const content = input.files?.[path];
      if (content === undefined) throw Object.assign(new Error('missing'), { code: 'ENOENT' });
      return content;
    },
    write: (text) => {
      out += text;
    },
    writeError: (text) => {
      err += text;
    },
    fetch,
  };
  const code = await runCli(io);
  return { code, out, err };
}

describe('kubetriage CLI, in this process with the bundled knowledge base', () => {
  it('prints the ranked causes of a log file with evidence and exits 0', async () => {
    const { code, out } = await cli(['node.log'], { files: { 'node.log': XDP_LOG } });
    expect(code).toBe(EXIT_FOUND);
    expect(out).toContain('calico-xdp-kernel-5.4');
    expect(out).toMatch(/L3 .*failed to wipe the XDP state/);
    expect(out).toContain('kubectl patch felixconfiguration');
    expect(out).not.toContain('\u001b['); // no colour when not on a terminal
  });

  it('reads a pipe and colours its output on a terminal', async () => {
    const { code, out } = await cli([], { stdin: XDP_LOG, tty: true });
    expect(code).toBe(EXIT_FOUND);
    expect(out).toContain('\u001b[');
  });

  it('prints the API shape with --json', async () => {
    const { out } = await cli(['--json', '--component', 'calico=3.27.3', '-'], { stdin: XDP_LOG });
    const answer = JSON.parse(out) as {
      causes: { issueId: string }[];
      facts: { name: string; source: string }[];
    };
    expect(answer.causes[0].issueId).toBe('calico-xdp-kernel-5.4');
    expect(answer.facts).toContainEqual(
      expect.objectContaining({ name: 'calico', source: 'context' }),
    );
  });

  it('exits 1 and says so plainly when no known cause matches', async () => {
    const { code, out } = await cli([], { stdin: UNRELATED });
    expect(code).toBe(EXIT_NONE);
    expect(out).toContain('No known cause matches this paste.');
  });

  it('exits 2 with usage on bad arguments, a missing file or empty input', async () => {
    expect((await cli(['--bogus'], { stdin: XDP_LOG })).code).toBe(EXIT_ERROR);
    const missing = await cli(['nope.log']);
    expect(missing).toMatchObject({
      code: EXIT_ERROR,
      err: expect.stringContaining('cannot read nope.log: ENOENT'),
    });
    expect((await cli([], { stdin: '  \n' })).code).toBe(EXIT_ERROR);
    expect((await cli(['--component', 'calico'], { stdin: XDP_LOG })).err).toContain(
      'NAME=VERSION',
    );
  });
});

describe('kubetriage CLI against a running server (--url)', () => {
  let app: TestApp;
  let url: string;

  beforeAll(async () => {
    app = await createTestApp();
    await app.app.listen(0, '127.0.0.1');
    const address = app.app.getHttpServer().address() as { port: number };
    url = `http://127.0.0.1:${address.port}`;
  });

  afterAll(async () => {
    await app?.close();
  });

  it('stores the analysis on the server and prints its permalink', async () => {
    const { code, out } = await cli(['--url', url, '-'], { stdin: XDP_LOG });
    expect(code).toBe(EXIT_FOUND);
    const permalink = /analysis: (\S+)/.exec(out)?.[1] ?? '';
    expect(permalink).toMatch(new RegExp(`^${url}/analyses/[0-9a-f-]{36}$`));
    const id = permalink.split('/').pop() ?? '';
    const stored = await request(app.app.getHttpServer()).get(`/api/v1/analyses/${id}`).expect(200);
    expect(stored.body.causes[0].issueId).toBe('calico-xdp-kernel-5.4');
  });

  it('reports an unreachable server with exit 2', async () => {
    const { code, err } = await cli(['--url', 'http://127.0.0.1:9', '-'], { stdin: XDP_LOG });
    expect(code).toBe(EXIT_ERROR);
    expect(err).toContain('cannot reach http://127.0.0.1:9/api/v1/triage');
  });
});

describe('kubetriage as a process', () => {
  it('reads a pipe, prints without colour and exits 0 on a match and 1 on none', () => {
    const run = (stdin: string) =>
      spawnSync(
        process.execPath,
        ['-r', 'ts-node/register/transpile-only', join(ROOT, 'src', 'cli', 'main.ts')],
        {
          input: stdin,
          cwd: ROOT,
          encoding: 'utf8',
          timeout: 60_000,
        },
      );
    const found = run(XDP_LOG);
    expect(found.status).toBe(EXIT_FOUND);
    expect(found.stdout).toContain('calico-xdp-kernel-5.4');
    expect(run(UNRELATED).status).toBe(EXIT_NONE);
  }, 120_000);
});
