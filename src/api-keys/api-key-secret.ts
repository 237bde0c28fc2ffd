import { createHash, randomBytes } from 'node:crypto';

import { Injectable } from '@nestjs/common';

/**
 * Keys look like `kt_` + 43 base64url characters (256 random bits). The prefix lets secret
 * scanners and our own redaction recognise a leaked key.
 */
export const API_KEY_PREFIX = 'kt_';
export const API_KEY_PATTERN = /^kt_[A-Za-z0-9_-]{43}$/;
/** How much of a key is kept in clear to tell keys apart: `kt_` + 6 characters. */
const SHOWN_PREFIX_LENGTH = 9;

/** New keys, behind a class so services are tested with predictable keys. */
@Injectable()
export class ApiKeyGenerator {
  generate(): string {
    return API_KEY_PREFIX + randomBytes(32).toString('base64url');
  }
}

/**
 * The stored form of a key: hex SHA-256. A salt or a slow hash buys nothing for 256 random bits,
 * and a plain hash lets each request find its key with one indexed lookup.
 */
export function hashApiKey(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}

export function shownPrefixOf(key: string): string {
  return key.slice(0, SHOWN_PREFIX_LENGTH);
}
