import { randomUUID } from 'node:crypto';

export const REQUEST_ID_HEADER = 'X-Request-Id';

/**
 * What a client or proxy may name a request with: UUIDs, hex ids, nginx's `$request_id`. Anything
 * else (too long, spaces, quotes, line breaks) is replaced, so a header cannot forge a log line.
 */
const ACCEPTED_REQUEST_ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/;

/** The request id: the client's `X-Request-Id` when it is acceptable, otherwise a new UUID. */
export function requestIdFrom(
  header: string | string[] | undefined,
  generate: () => string = randomUUID,
): string {
  const candidate = Array.isArray(header) ? header[0] : header;
  return candidate !== undefined && ACCEPTED_REQUEST_ID.test(candidate) ? candidate : generate();
}
