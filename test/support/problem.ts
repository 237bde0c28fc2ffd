import { STATUS_CODES } from 'node:http';

import { type Response } from 'supertest';

export const PROBLEM_JSON = /^application\/problem\+json/;

/**
 * A valid RFC 9457 problem of this status, as every 4xx/5xx of the API must be: the media type,
 * `type`, `title` (the status phrase), `status` (the HTTP status) and a `detail` that shows
 * nothing of the server's insides (stack frames, source paths).
 */
export function expectProblem(response: Response, status: number): void {
  expect({ status: response.status, contentType: response.headers['content-type'] }).toEqual({
    status,
    contentType: expect.stringMatching(PROBLEM_JSON),
  });
  expect(response.body).toMatchObject({
    type: 'about:blank',
    title: STATUS_CODES[status],
    status,
    detail: expect.any(String),
  });
  expectNoInternals(response.text);
}

/** No stack frame, source file or server folder in a response. */
export function expectNoInternals(text: string): void {
  expect(text).not.toMatch(/\bat [\w.<>]+ \(|node_modules|\/src\/|\.ts:\d+|\/work\/|\/home\//);
}

/**
 * The bytes as they are, whatever the Content-Type: superagent would otherwise serialise a body
 * sent as JSON (a Buffer into {"type":"Buffer",…}). Its typings say string; Node sends a Buffer.
 */
export const asIs = (body: string | Buffer) => (): string => body as string;
