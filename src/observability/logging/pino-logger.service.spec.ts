import { pino } from 'pino';

import { PinoLoggerService } from './pino-logger.service';
import { runWithRequestLogger } from './request-context';

function capture() {
  const lines: Record<string, unknown>[] = [];
  const logger = pino(
    {
      level: 'info',
      base: undefined,
      timestamp: false,
      formatters: { level: (label) => ({ level: label }) },
    },
    { write: (line: string) => lines.push(JSON.parse(line) as Record<string, unknown>) },
  );
  return { lines, logger };
}

describe(PinoLoggerService.name, () => {
  it("writes Nest's message and context as one JSON line", () => {
    const { lines, logger } = capture();
    const sut = new PinoLoggerService(logger);

    sut.log('Mapped {/healthz, GET} route', 'RouterExplorer');
    sut.warn('careful', undefined, 'Access');

    expect(lines).toEqual([
      { level: 'info', context: 'RouterExplorer', msg: 'Mapped {/healthz, GET} route' },
      { level: 'warn', context: 'Access', msg: 'careful' },
    ]);
  });

  it('keeps the stack Nest passes to error()', () => {
    const { lines, logger } = capture();
    const sut = new PinoLoggerService(logger);
    const stack = 'Error: boom\n    at handler (/srv/app.js:1:2)';

    sut.error('GET /x: Error: boom', stack, 'ProblemDetailsFilter');
    sut.error('no context', stack);

    expect(lines).toEqual([
      { level: 'error', context: 'ProblemDetailsFilter', stack, msg: 'GET /x: Error: boom' },
      { level: 'error', stack, msg: 'no context' },
    ]);
  });

  it('writes through the logger of the request being served, with its request id', () => {
    const { lines, logger } = capture();
    const sut = new PinoLoggerService(logger);

    runWithRequestLogger(logger.child({ reqId: 'r-1' }), () => sut.warn('inside', 'TriageService'));
    sut.warn('outside', 'TriageService');

    expect(lines.map((line) => [line.msg, line.reqId])).toEqual([
      ['inside', 'r-1'],
      ['outside', undefined],
    ]);
  });

  it('maps verbose to trace, and setLogLevels to the lowest level listed', () => {
    const { lines, logger } = capture();
    const sut = new PinoLoggerService(logger);

    sut.debug('hidden at info');
    sut.setLogLevels(['verbose', 'debug', 'log', 'warn', 'error', 'fatal']);
    sut.verbose('shown');
    sut.setLogLevels(['error', 'fatal']);
    sut.warn('hidden at error');

    expect(lines).toEqual([{ level: 'trace', msg: 'shown' }]);
  });

  it('logs errors and objects as fields', () => {
    const { lines, logger } = capture();
    const sut = new PinoLoggerService(logger);

    sut.error(new Error('exploded'));
    sut.log({ event: 'ready', issues: 3 });

    expect(lines[0]).toMatchObject({
      level: 'error',
      msg: 'exploded',
      err: { message: 'exploded' },
    });
    expect(lines[1]).toEqual({ level: 'info', event: 'ready', issues: 3 });
  });
});
