/**
 * Narration markdown → HTML that is safe to insert, in two layers:
 *
 * 1. marked with a renderer that drops raw HTML (a lesson is markdown, not HTML) and keeps only
 *    safe link/image URLs. This layer needs no DOM, so Node tests exercise it directly.
 * 2. DOMPurify with a small allow-list ({@link PURIFY_CONFIG}) and a link hook where a DOM
 *    exists (the browser). In Node DOMPurify cannot run (`isSupported` is false and it would
 *    return its input unchanged), so there layer 1 alone applies.
 *
 * Links: external (`http(s)://host…`) open in a new tab with `rel="noopener noreferrer"`;
 * internal (`#…`, `/…`, `./…`, `?…`) open in place; every other URL (javascript:, data:,
 * mailto:, `//host`, `/\host`, …) keeps its text and loses the link.
 */
import DOMPurify from 'dompurify';
import { Marked, type Tokens } from 'marked';

/**
 * URLs a narration may link to: http(s) with a host (external), in-page anchors, site-relative
 * paths and queries. No backslash, whitespace or control character anywhere: browsers read `\`
 * as `/` and drop tabs and newlines, so `/\evil.example` and `/<TAB>/evil.example` are
 * `//evil.example` — another site, protocol-relative. DOMPurify applies the same pattern.
 */
// eslint-disable-next-line no-control-regex -- control characters are what it refuses
export const SAFE_URL = /^(?:https?:\/\/[^/?#\\\s\u0000-\u001f\u007f]|#|\/(?![/\\])|\.{1,2}\/|\?)[^\\\s\u0000-\u001f\u007f]*$/i;

/** What a narration link may be: `external` (http(s), opens in a new tab), `internal`, or null (dropped). */
export function linkKind(href: string): 'external' | 'internal' | null {
  if (!SAFE_URL.test(href)) return null;
  return /^https?:/i.test(href) ? 'external' : 'internal';
}

/** What DOMPurify lets through: the tags marked produces for ordinary markdown, nothing active. */
export const PURIFY_CONFIG = {
  ALLOWED_TAGS: [
    'p', 'br', 'hr', 'em', 'strong', 'del', 'code', 'pre', 'blockquote', 'a', 'img', 'ul', 'ol', 'li',
    'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'input',
  ],
  ALLOWED_ATTR: ['href', 'title', 'alt', 'src', 'align', 'start', 'target', 'rel', 'type', 'checked', 'disabled'],
  ALLOWED_URI_REGEXP: SAFE_URL,
  ALLOW_DATA_ATTR: false,
  ALLOW_ARIA_ATTR: false,
  FORBID_TAGS: ['style', 'script', 'iframe', 'object', 'embed', 'form', 'svg', 'math'],
};

const escapeHtml = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const marked = new Marked({
  gfm: true,
  breaks: false,
  async: false,
  renderer: {
    /** Raw HTML in a lesson is dropped, not rendered: `<script>`, `<img onerror=…>`, `<iframe>`… */
    html(): string {
      return '';
    },
    link(token: Tokens.Link): string {
      const inner = this.parser.parseInline(token.tokens);
      const kind = linkKind(token.href);
      if (kind === null) return inner;
      const title = token.title ? ` title="${escapeHtml(token.title)}"` : '';
      const target = kind === 'external' ? ' target="_blank" rel="noopener noreferrer"' : '';
      return `<a href="${escapeHtml(token.href)}"${title}${target}>${inner}</a>`;
    },
    image(token: Tokens.Image): string {
      if (linkKind(token.href) === null) return escapeHtml(token.text);
      const title = token.title ? ` title="${escapeHtml(token.title)}"` : '';
      return `<img src="${escapeHtml(token.href)}" alt="${escapeHtml(token.text)}"${title}>`;
    },
  },
});

/**
 * Layer 2's own DOMPurify instance (its hook does not touch other users of DOMPurify). After
 * sanitising, every link is re-checked: an external one opens in a new tab with
 * `rel="noopener noreferrer"`, an internal one in place without `target`, anything else loses its href.
 */
function makePurifier(): typeof DOMPurify | null {
  const purify = DOMPurify(); // a new instance on the global window, if there is one
  if (!purify.isSupported) return null;
  purify.addHook('afterSanitizeAttributes', (node) => {
    if (node.nodeName === 'IMG' && linkKind(node.getAttribute('src') ?? '') === null) node.removeAttribute('src');
    if (node.nodeName !== 'A') return;
    const kind = linkKind(node.getAttribute('href') ?? '');
    if (kind === null) node.removeAttribute('href');
    if (kind === 'external') {
      node.setAttribute('target', '_blank');
      node.setAttribute('rel', 'noopener noreferrer');
    } else {
      node.removeAttribute('target');
      node.removeAttribute('rel');
    }
  });
  return purify;
}

let purifier: typeof DOMPurify | null | undefined;

/** Layer 2 alone (exported for the browser test): HTML through DOMPurify and the link hook; unchanged where there is no DOM. */
export function sanitizeHtml(html: string): string {
  if (purifier === undefined) purifier = makePurifier();
  return purifier ? purifier.sanitize(html, PURIFY_CONFIG) : html;
}

/** Narrations rendered so far (the same markdown always renders the same), at most {@link MEMO_SIZE}. */
const memo = new Map<string, string>();
const MEMO_SIZE = 64;

/**
 * Render narration markdown to sanitised HTML. Remembered: a step's narration is rendered again
 * whenever the step is shown, and the page renders each lesson's first step ahead, in idle time
 * (src/ui/lessons/prerender.ts), so opening a lesson does not wait for it.
 */
export function renderNarration(md: string): string {
  const known = memo.get(md);
  if (known !== undefined) return known;
  const html = sanitizeHtml(marked.parse(md) as string);
  if (memo.size >= MEMO_SIZE) memo.delete(memo.keys().next().value!);
  memo.set(md, html);
  return html;
}

/** Inline markdown (a hint, a quiz choice) without the surrounding paragraph. */
export function renderInline(md: string): string {
  return sanitizeHtml(marked.parseInline(md) as string);
}
