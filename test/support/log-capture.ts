import { type DestinationStream } from 'pino';

export interface LogLine {
  level: string;
  msg?: string;
  reqId?: string;
  context?: string;
  [field: string]: unknown;
}

/** A pino destination that keeps every JSON line written to it, raw and parsed. */
export class LogCapture implements DestinationStream {
  raw = '';
  readonly lines: LogLine[] = [];

  write(chunk: string): void {
    this.raw += chunk;
    for (const line of chunk.split('\n')) {
      if (line.trim() !== '') this.lines.push(JSON.parse(line) as LogLine);
    }
  }

  withRequestId(reqId: string): LogLine[] {
    return this.lines.filter((line) => line.reqId === reqId);
  }
}
