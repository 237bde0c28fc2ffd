import { escapeHtml, html, safeHref, SafeHtml } from './html';

describe(escapeHtml.name, () => {
  it('escapes every character that can open a tag, an entity or end an attribute', () => {
    expect(escapeHtml(`<a href="x" title='y'>&\`</a>`)).toBe(
      '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&#96;&lt;/a&gt;',
    );
  });

  it('leaves plain text, Chinese and newlines as they are', () => {
    expect(escapeHtml('跨节点 Pod 无法 ping 通\nline 2')).toBe('跨节点 Pod 无法 ping 通\nline 2');
  });

  it('escapes an existing entity again, so it is shown rather than decoded', () => {
    expect(escapeHtml('&lt;script&gt;')).toBe('&amp;lt;script&amp;gt;');
  });
});

describe(html.name, () => {
  it('escapes interpolated text in content and attributes', () => {
    const hostile = '<script>alert(1)</script>" onmouseover="alert(2)';
    const out = html`<p title="${hostile}">${hostile}</p>`.value;
    expect(out).not.toContain('<script>');
    expect(out).not.toContain('" onmouseover="');
    expect(out).toBe(
      '<p title="&lt;script&gt;alert(1)&lt;/script&gt;&quot; onmouseover=&quot;alert(2)">' +
        '&lt;script&gt;alert(1)&lt;/script&gt;&quot; onmouseover=&quot;alert(2)</p>',
    );
  });

  it('does not escape fragments built by html itself, only their values', () => {
    const inner = html`<b>${'<i>'}</b>`;
    expect(html`<p>${inner}</p>`.value).toBe('<p><b>&lt;i&gt;</b></p>');
  });

  it('joins arrays and renders nothing for null, undefined and false', () => {
    const items = ['<a>', 'b'].map((item) => html`<li>${item}</li>`);
    // prettier-ignore
    const out = html`<ul>${items}</ul>${null}${undefined}${false}`.value;
    expect(out).toBe('<ul><li>&lt;a&gt;</li><li>b</li></ul>');
  });

  it('renders numbers and true as text', () => {
    expect(html`${0} ${1.5} ${true}`.value).toBe('0 1.5 true');
  });

  it('escapes a string that only looks like a SafeHtml', () => {
    const fake = { value: '<script>' } as unknown as string;
    expect(html`${fake}`.value).toBe('[object Object]');
    expect(html`${new SafeHtml('<br>')}`.value).toBe('<br>');
  });
});

describe(safeHref.name, () => {
  it('keeps http and https URLs', () => {
    expect(safeHref('https://github.com/projectcalico/calico/issues/8833')).toBe(
      'https://github.com/projectcalico/calico/issues/8833',
    );
    expect(safeHref('http://example.com/a?b=c')).toBe('http://example.com/a?b=c');
  });

  it.each(['javascript:alert(1)', 'data:text/html,<script>', '//evil.example', 'https://a b'])(
    'refuses %s',
    (url) => {
      expect(safeHref(url)).toBeUndefined();
    },
  );
});
