import { applyDecorators, Header } from '@nestjs/common';

/**
 * No inline script or style, and nothing from another origin: scripts, styles and images are the
 * files under /assets. A paste that slipped through escaping still could not run a script.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self'",
  "connect-src 'self'",
  "form-action 'self'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** Headers of every HTML page, including error pages. */
export const HTML_HEADERS: Readonly<Record<string, string>> = {
  'Content-Type': 'text/html; charset=utf-8',
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'same-origin',
  // Pages show stored analyses and live statistics: always fresh.
  'Cache-Control': 'no-store',
};

/** A route that returns an HTML page (a string from a view). */
export function HtmlPage(): MethodDecorator {
  return applyDecorators(
    ...Object.entries(HTML_HEADERS).map(([name, value]) => Header(name, value)),
  );
}
