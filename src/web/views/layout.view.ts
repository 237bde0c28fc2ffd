import { html, type HtmlValue, type SafeHtml } from './html';

/** Versioned URLs of the static assets (the version changes with the content). */
export interface AssetUrls {
  css: string;
  js: string;
  icon: string;
}

export type NavSection = 'triage' | 'known-issues' | 'none';

export interface PageOptions {
  title: string;
  assets: AssetUrls;
  section: NavSection;
  body: HtmlValue;
}

/** The page shell every web page shares: head, header with navigation, main, footer. */
export function layoutView({ title, assets, section, body }: PageOptions): SafeHtml {
  const navLink = (href: string, label: string, own: NavSection) =>
    html`<a href="${href}" ${section === own ? html` aria-current="page"` : ''}>${label}</a>`;
  return html`<!doctype html>
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="color-scheme" content="light dark" />
        <title>${title} · kubetriage</title>
        <link rel="icon" href="${assets.icon}" type="image/svg+xml" />
        <link rel="stylesheet" href="${assets.css}" />
        <script src="${assets.js}" defer></script>
      </head>
      <body>
        <a class="skip-link" href="#main">Skip to content</a>
        <header class="site-header">
          <div class="container site-header__inner">
            <a class="brand" href="/"
              ><span class="brand__mark" aria-hidden="true"></span><span>kubetriage</span></a
            >
            <nav class="site-nav" aria-label="Main">
              ${navLink('/', 'New analysis', 'triage')}
              ${navLink('/known-issues', 'Known issues', 'known-issues')}
            </nav>
          </div>
        </header>
        <main id="main" class="container site-main" tabindex="-1">${body}</main>
        <footer class="site-footer">
          <div class="container">
            Kubernetes networking triage. Secrets are redacted before a paste is stored. JSON API
            under <code>/api/v1</code>.
          </div>
        </footer>
      </body>
    </html> `;
}
