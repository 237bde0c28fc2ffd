import { timingSafeEqual } from 'node:crypto';

/**
 * Compares two secrets in constant time. `timingSafeEqual` throws on inputs of different lengths,
 * so a length mismatch compares the expected value with itself (same work) and answers false.
 */
export function constantTimeEqual(expected: string | Buffer, received: string | Buffer): boolean {
  const a = typeof expected === 'string' ? Buffer.from(expected, 'utf8') : expected;
  const b = typeof received === 'string' ? Buffer.from(received, 'utf8') : received;
  if (a.length !== b.length) {
    timingSafeEqual(a, a);
    return false;
  }
  return timingSafeEqual(a, b);
}
