import { Injectable } from '@nestjs/common';

/** How long a post to a chat platform's response URL may take. */
const POST_TIMEOUT_MS = 10_000;

/** Posts a message to a chat platform's `response_url`; behind a class so services test without HTTP. */
@Injectable()
export class ResponseUrlClient {
  async post(url: string, message: unknown): Promise<void> {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json; charset=utf-8' },
      body: JSON.stringify(message),
      redirect: 'error',
      signal: AbortSignal.timeout(POST_TIMEOUT_MS),
    });
    // The body is not needed, but an unread body keeps the connection busy.
    await response.arrayBuffer().catch(() => undefined);
    if (!response.ok) {
      throw new Error(`response_url answered ${response.status}`);
    }
  }
}

/** A response URL may only point to one of the configured origins (Slack's, by default). */
export function isAllowedResponseUrl(
  url: string | undefined,
  origins: readonly string[],
): url is string {
  if (url === undefined) return false;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return false;
  if (parsed.username !== '' || parsed.password !== '') return false;
  return origins.includes(parsed.origin);
}
