import { html, type SafeHtml } from './html';
import { type AssetUrls, layoutView } from './layout.view';

/** One entry of the knowledge-base list. */
export interface KnownIssueListItem {
  id: string;
  title: string;
  titleZh?: string;
  components: string[];
  summary?: string;
  matched: number;
  confirmed: number;
  /** Lower-case text the search looks in (titles, components, summary, symptoms). */
  searchText: string;
}

export interface KnownIssuesPage {
  assets: AssetUrls;
  query: string;
  /** Every entry, in catalogue order; those the query does not keep are rendered hidden. */
  issues: KnownIssueListItem[];
}

/** Words of a query, lower-cased; an entry matches when its text holds every word. */
export function searchTerms(query: string): string[] {
  return query.toLowerCase().split(/\s+/).filter(Boolean);
}

export function matchesSearch(
  item: Pick<KnownIssueListItem, 'searchText'>,
  terms: string[],
): boolean {
  return terms.every((term) => item.searchText.includes(term));
}

/**
 * `/known-issues`: the knowledge base with a search box. The server applies the submitted query by
 * hiding the entries it does not keep, so the script can filter the same list live as one types.
 */
export function knownIssuesView(page: KnownIssuesPage): SafeHtml {
  const terms = searchTerms(page.query);
  const total = page.issues.length;
  const shown = page.issues.filter((issue) => matchesSearch(issue, terms)).length;
  const countText = shown === total ? `${total} known issues` : `${shown} of ${total} known issues`;
  const body = html` <div class="page-intro">
      <h1>Known issues</h1>
      <p class="lead">
        The root causes the service recognises, each with its signatures, affected versions, fix and
        references.
      </p>
    </div>
    <form class="search card" role="search" method="get" action="/known-issues" data-issue-search>
      <label for="q">Search the knowledge base</label>
      <div class="search__row">
        <input
          type="search"
          id="q"
          name="q"
          value="${page.query}"
          placeholder="calico mtu, kube-proxy ipvs, 跨节点…"
          autocomplete="off"
          aria-describedby="issue-count"
        />
        <button type="submit" class="button">Search</button>
      </div>
    </form>
    <p
      class="result-summary"
      id="issue-count"
      role="status"
      aria-live="polite"
      data-issue-count
      data-total="${total}"
    >
      ${countText}
    </p>
    <ul class="issue-list">
      ${page.issues.map(
        (issue) =>
          html`<li
            class="issue-list__item card"
            data-search="${issue.searchText}"
            ${matchesSearch(issue, terms) ? '' : html` hidden`}
          >
            <h2 class="issue-list__title">
              <a href="/known-issues/${encodeURIComponent(issue.id)}">${issue.title}</a>
            </h2>
            ${issue.titleZh && html`<p class="issue-list__zh" lang="zh">${issue.titleZh}</p>`}
            ${issue.summary && html`<p class="issue-list__summary">${issue.summary}</p>`}
            <p class="issue-list__meta">
              <code>${issue.id}</code>
              ${issue.components.map((component) => html`<span class="tag">${component}</span>`)}
              <span class="issue-list__stats"
                >matched ${issue.matched} · confirmed ${issue.confirmed}</span
              >
            </p>
          </li>`,
      )}
    </ul>
    <p class="empty-state" data-issue-empty${shown > 0 ? html` hidden` : ''}>
      No known issue matches this search.
    </p>`;
  return layoutView({ title: 'Known issues', assets: page.assets, section: 'known-issues', body });
}
