/**
 * The short form of a step's narration for the presenter's caption (issue 12): its first
 * paragraph, cut after whole sentences to about {@link CAPTION_CHARS} characters so it fits a
 * few lines at projector size. Still markdown: the page renders it with `renderNarration`
 * (sanitised, never evaluated). A cut never falls inside `code` or **bold**.
 */

/** With the title, two lines of 28 px type across a 1920 px screen. */
export const CAPTION_CHARS = 200;

/** Blocks that are not prose: a code fence, a table, a heading, a quote, a list. */
const NOT_PROSE = /^(```|~~~|\||#|>|[-*+]\s|\d+[.)]\s)/;

/** Where a sentence may end: `.`, `!` or `?` (a closing quote or bracket may follow), then a new sentence. */
const SENTENCE_END = /[.!?]["'”)]?\s+(?=[A-Z0-9`*"“(])/g;

export function captionMarkdown(narration: string, max = CAPTION_CHARS): string {
  const para = narration.trim().split(/\n\s*\n/).map((b) => b.trim()).find((b) => b !== '' && !NOT_PROSE.test(b)) ?? '';
  const flat = para.replace(/\s*\n\s*/g, ' ');
  let text = flat;
  if (flat.length > max) {
    const cuts = [...flat.matchAll(SENTENCE_END)].map((m) => flat.slice(0, m.index + m[0].length).trim()).filter(balanced);
    text = cuts.filter((c) => c.length <= max).pop() ?? cuts[0] ?? flat;
  }
  // "…naming the server it picked:" introduced a code block the caption leaves out.
  return text.replace(/:$/, '…');
}

/** No inline code or bold left open. */
function balanced(md: string): boolean {
  return (md.match(/`/g)?.length ?? 0) % 2 === 0 && (md.match(/\*\*/g)?.length ?? 0) % 2 === 0;
}
