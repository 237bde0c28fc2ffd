import { type AppConfig } from '../config/app-config';
import { TriageEngine } from '../engine';
import { knownIssue } from '../knowledge-base/known-issue.fixture';
import { TriageRunner } from './triage-runner';

const PASTE = [
  'Linux n1 5.4.0-189-generic #209-Ubuntu SMP x86_64 GNU/Linux',
  'felix: failed to wipe the XDP state',
  'Authorization: Bearer abcdefghijklmnopqrstuvwxyz0123456789',
].join('\n');

function runner(workerThresholdBytes: number): TriageRunner {
  return new TriageRunner({
    triageTimeoutMs: 10_000,
    workerThresholdBytes,
    workerThreads: 1,
  } as AppConfig);
}

describe(TriageRunner.name, () => {
  const engine = new TriageEngine([knownIssue()]);
  let sut: TriageRunner;

  afterEach(async () => {
    await sut.onApplicationShutdown();
  });

  it('answers a large paste from a worker thread exactly as the calling thread would', async () => {
    sut = runner(0);
    const inWorker = await sut.run(engine, { text: PASTE });
    const inThread = await runner(1024 ** 2).run(engine, { text: PASTE });
    expect(inWorker.result.causes).toEqual(inThread.result.causes);
    expect(inWorker.result.facts).toEqual(inThread.result.facts);
    expect(inWorker.redactionCount).toBe(1);
    expect(inWorker.redactedText).not.toContain('abcdefghijklmnopqrstuvwxyz0123456789');
  }, 30_000);

  it('keeps small pastes on the calling thread', async () => {
    sut = runner(1024 ** 2);
    const spy = jest.spyOn(engine, 'triage');
    await sut.run(engine, { text: PASTE });
    expect(spy).toHaveBeenCalledWith(expect.any(Buffer), undefined, { timeoutMs: 10_000 });
    spy.mockRestore();
  });
});
