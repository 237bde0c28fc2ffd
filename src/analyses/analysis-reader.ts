import { type Principal } from '../common/principal';

/**
 * Whose analyses a caller may read and give feedback on: all of them (an admin key, anonymous
 * callers where API_AUTH=off, a page or chat message holding the analysis's link), or only those
 * its own API key created. Anything else is answered as if it did not exist (404).
 */
export type AnalysisReader = { kind: 'all' } | { kind: 'owner'; keyId: string };

export const ALL_ANALYSES: AnalysisReader = { kind: 'all' };

export function analysisReaderOf(principal: Principal): AnalysisReader {
  if (principal.kind === 'api-key' && principal.scope !== 'admin') {
    return { kind: 'owner', keyId: principal.keyId };
  }
  return ALL_ANALYSES;
}

export function mayRead(reader: AnalysisReader, ownerKeyId: string | null): boolean {
  return reader.kind === 'all' || reader.keyId === ownerKeyId;
}
