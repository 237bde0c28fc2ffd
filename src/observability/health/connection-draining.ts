import { type BeforeApplicationShutdown, Injectable } from '@nestjs/common';
import { type NextFunction, type Request, type Response } from 'express';

/**
 * Lets a stopping replica drain fast. Node's `server.close()` closes the keep-alive connections
 * idle at that moment, but one that carries a request then stays open until its keep-alive
 * timeout after the response. Once shutdown begins, every response not yet started says
 * `Connection: close`, so its connection ends with it and the process exits as soon as the last
 * request is answered.
 */
@Injectable()
export class ConnectionDraining implements BeforeApplicationShutdown {
  private draining = false;
  private readonly inFlight = new Set<Response>();

  readonly middleware = (_request: Request, response: Response, next: NextFunction): void => {
    if (this.draining) {
      response.setHeader('Connection', 'close');
    } else {
      this.inFlight.add(response);
      response.once('close', () => this.inFlight.delete(response));
    }
    next();
  };

  /** Runs before Nest closes the HTTP server (and long before the database). */
  beforeApplicationShutdown(): void {
    this.draining = true;
    for (const response of this.inFlight) {
      if (!response.headersSent) response.setHeader('Connection', 'close');
    }
    this.inFlight.clear();
  }
}
