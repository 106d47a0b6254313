/**
 * Narration markdown → HTML that is safe to insert, in two layers:
 *
 * 1. marked with a renderer that drops raw HTML (a lesson is markdown, not HTML) and keeps only
 *    safe link/image URLs. This layer needs no DOM, so Node tests exercise it directly.
 * 2. DOMPurify with a small allow-list ({@link PURIFY_CONFIG}) where a DOM exists (the browser).
 *    In Node DOMPurify cannot run (`isSupported` is false and it would return its input
 *    unchanged), so there layer 1 alone applies.
 */
import DOMPurify from 'dompurify';
import { Marked, type Tokens } from 'marked';

/** URLs a narration may link to: http(s), mailto, in-page anchors and site-relative paths. */
export const SAFE_URL = /^(?:https?:\/\/|mailto:|#|\/(?!\/)|\.{1,2}\/|\?)/i;

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
      if (!SAFE_URL.test(token.href.trim())) return inner;
      const external = /^https?:/i.test(token.href);
      const title = token.title ? ` title="${escapeHtml(token.title)}"` : '';
      const target = external ? ' target="_blank" rel="noopener noreferrer"' : '';
      return `<a href="${escapeHtml(token.href)}"${title}${target}>${inner}</a>`;
    },
    image(token: Tokens.Image): string {
      if (!SAFE_URL.test(token.href.trim())) return escapeHtml(token.text);
      const title = token.title ? ` title="${escapeHtml(token.title)}"` : '';
      return `<img src="${escapeHtml(token.href)}" alt="${escapeHtml(token.text)}"${title}>`;
    },
  },
});

/** Render narration markdown to sanitised HTML. */
export function renderNarration(md: string): string {
  const html = marked.parse(md) as string;
  return DOMPurify.isSupported ? DOMPurify.sanitize(html, PURIFY_CONFIG) : html;
}

/** Inline markdown (a hint, a quiz choice) without the surrounding paragraph. */
export function renderInline(md: string): string {
  const html = marked.parseInline(md) as string;
  return DOMPurify.isSupported ? DOMPurify.sanitize(html, PURIFY_CONFIG) : html;
}
