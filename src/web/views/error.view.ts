import { html, type SafeHtml } from './html';
import { type AssetUrls, layoutView } from './layout.view';

export interface ErrorPage {
  assets: AssetUrls;
  status: number;
  title: string;
  /** What went wrong, in words a user can act on. */
  message: string;
}

/** A readable error page (the JSON API answers problem+json instead). */
export function errorView(page: ErrorPage): SafeHtml {
  const body = html`<section class="card error-page" aria-labelledby="error-title">
    <p class="error-page__status">Error ${page.status}</p>
    <h1 id="error-title">${page.title}</h1>
    <p>${page.message}</p>
    <p class="error-page__links">
      <a class="button button--primary" href="/">New analysis</a>
      <a class="button" href="/known-issues">Known issues</a>
    </p>
  </section>`;
  return layoutView({ title: page.title, assets: page.assets, section: 'none', body });
}
