import { STATUS_CODES } from 'node:http';

import { type FieldError } from './request-validation.exception';

/** RFC 9457 problem details; `code` and `errors` are extension members. */
export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance?: string;
  /** Stable machine-readable reason, e.g. `ANALYSIS_NOT_FOUND`. */
  code?: string;
  /** Validation errors, one per bad field. */
  errors?: FieldError[];
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

/**
 * A problem whose type is `about:blank`: its title is the HTTP status phrase, `detail` says what
 * happened to this request and `code` tells clients the reason without parsing text.
 */
export function problem(
  status: number,
  detail: string,
  extra: Pick<ProblemDetails, 'code' | 'errors'> = {},
): ProblemDetails {
  return { type: 'about:blank', title: STATUS_CODES[status] ?? 'Error', status, detail, ...extra };
}
