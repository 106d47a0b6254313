import { describe, expect, it } from 'vitest';
import { linkKind, PURIFY_CONFIG, renderInline, renderNarration, SAFE_URL } from '../../src/lessons/markdown';

/**
 * Node has no DOM, so DOMPurify cannot run here (it would return its input unchanged): these
 * tests exercise the marked layer, which already drops raw HTML and unsafe URLs, and check the
 * DOMPurify allow-list that the browser applies on top.
 */
describe('renderNarration', () => {
  it('renders ordinary markdown', () => {
    expect(renderNarration('Set `SESSION_DRIVER=redis` and **watch**.')).toBe('<p>Set <code>SESSION_DRIVER=redis</code> and <strong>watch</strong>.</p>\n');
    expect(renderNarration('```nginx\nip_hash;\n```')).toBe('<pre><code class="language-nginx">ip_hash;\n</code></pre>\n');
  });

  it('strips <script> and inline event handlers', () => {
    const html = renderNarration('Hello <script>alert(1)</script>\n\n<img src=x onerror="alert(2)">\n\n<div onclick="x()">hi</div>');
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/onerror/i);
    expect(html).not.toMatch(/onclick/i);
    expect(html).not.toMatch(/alert\(2\)/);
    expect(html).toContain('Hello');
  });

  it('an unquoted onerror image, inline or on its own line, leaves nothing active', () => {
    for (const md of ['See <img src=x onerror=alert(1)> here.', '<img src=x onerror=alert(1)>', 'Hint: <img src=x onerror=alert(1)>']) {
      for (const html of [renderNarration(md), renderInline(md)]) {
        expect(html).not.toMatch(/<img|onerror|alert/i);
      }
    }
    expect(renderNarration('See <img src=x onerror=alert(1)> here.')).toBe('<p>See  here.</p>\n');
  });

  it('a script block on its own is dropped entirely', () => {
    expect(renderNarration('<script>alert(1)</script>')).toBe('');
  });

  it('keeps code that merely mentions HTML, escaped', () => {
    expect(renderNarration('Never write `<script>` in a lesson.')).toBe('<p>Never write <code>&lt;script&gt;</code> in a lesson.</p>\n');
  });

  it('drops links and images with unsafe URLs but keeps their text', () => {
    expect(renderNarration('[click](javascript:alert(1))')).toBe('<p>click</p>\n');
    expect(renderNarration('![pic](data:image/svg+xml;base64,PHN2Zz4=)')).toBe('<p>pic</p>\n');
    expect(renderNarration('[docs](https://laravel.com/docs/12.x/session)')).toBe(
      '<p><a href="https://laravel.com/docs/12.x/session" target="_blank" rel="noopener noreferrer">docs</a></p>\n',
    );
    expect(renderNarration('[next](?lesson=two-nodes&step=1)')).toBe('<p><a href="?lesson=two-nodes&amp;step=1">next</a></p>\n');
    expect(renderInline('a <b onmouseover="x()">b</b> *c*')).toBe('a b <em>c</em>');
  });
});

describe('the DOMPurify allow-list used in the browser', () => {
  it('allows no active content', () => {
    const tags = PURIFY_CONFIG.ALLOWED_TAGS;
    for (const t of ['script', 'style', 'iframe', 'object', 'embed', 'form', 'svg', 'math', 'link', 'meta', 'base']) expect(tags).not.toContain(t);
    expect(PURIFY_CONFIG.ALLOWED_ATTR.filter((a) => /^on/i.test(a) || a === 'style' || a === 'srcdoc')).toEqual([]);
    expect(PURIFY_CONFIG.FORBID_TAGS).toEqual(expect.arrayContaining(['script', 'style', 'iframe']));
  });

  it('accepts only safe URLs', () => {
    for (const ok of ['https://nginx.org/', 'http://localhost:5173/', '#goal', '/docs', './x', '../x', '?lesson=a&step=1']) expect(SAFE_URL.test(ok), ok).toBe(true);
    for (const bad of ['javascript:alert(1)', ' JavaScript:x', 'data:text/html,x', 'vbscript:x', '//evil.example/', 'file:///etc/passwd', 'mailto:a@b.c']) expect(SAFE_URL.test(bad.trim()), bad).toBe(false);
  });
});

describe('link tricks (issue 14, Low): only http(s) leaves the site, in a new tab', () => {
  // Browsers read `\` as `/` and drop tabs/newlines inside URLs: each of these is another site.
  const tricks = [
    '/\\evil.example', '/\\/evil.example', '\\\\evil.example', '//evil.example', '///evil.example', '/%09/evil.example'.replace('%09', '\t'),
    'https:/\\evil.example', 'https:\\\\evil.example', 'https://\\evil.example', 'http:evil.example', 'https:///evil.example',
    '&#x2F;&#x5C;evil.example', '&#47;&#92;evil.example', 'mailto:someone@evil.example', 'javascript&colon;alert(1)', ' javascript:alert(1)',
  ];

  it.each(tricks)('[x](%s) renders as text, not a link', (href) => {
    for (const md of [`[x](${href})`, `[x](<${href}>)`, `![x](${href})`, `[x][r]\n\n[r]: ${href}`]) {
      const html = renderNarration(md);
      expect(html, md).not.toMatch(/<a |<img |href=|src=/);
    }
  });

  it('an http(s) link opens in a new tab without opener or referrer; a site link opens in place', () => {
    expect(renderNarration('[nginx](HTTPS://nginx.org/en/docs/)')).toBe('<p><a href="HTTPS://nginx.org/en/docs/" target="_blank" rel="noopener noreferrer">nginx</a></p>\n');
    expect(renderNarration('[two](/?lesson=two-nodes)')).toBe('<p><a href="/?lesson=two-nodes">two</a></p>\n');
    expect(linkKind('https://laravel.com/docs')).toBe('external');
    expect(linkKind('#goal')).toBe('internal');
    expect(linkKind('/\\evil.example')).toBeNull();
  });

  it('the URL a browser would open from each trick is not another site (checked with WHATWG URL, as browsers parse)', () => {
    const base = 'https://lab.example/app/';
    for (const href of tricks) {
      if (linkKind(href) !== null) expect(new URL(href, base).host).toBe('lab.example');
    }
    for (const href of ['/docs', './x', '../x', '?lesson=a', '#goal', '/a\\b'.replace('\\', '%5C')]) {
      expect(linkKind(href), href).toBe('internal');
      expect(new URL(href, base).host).toBe('lab.example');
    }
  });
});
