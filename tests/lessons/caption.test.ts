import { describe, expect, it } from 'vitest';
import { CAPTION_CHARS, captionMarkdown } from '../../src/lessons/caption';
import { loadLessonFiles } from '../../src/lessons/loadFiles';
import { renderNarration } from '../../src/lessons/markdown';

/** The presenter's caption: a step's narration, short (issue 12). */
describe('captionMarkdown', () => {
  it('is the first paragraph, on one line', () => {
    expect(captionMarkdown('\nTraffic grows, so you add `node-2`.\nnginx is **round robin**.\n\nBut each server…\n')).toBe('Traffic grows, so you add `node-2`. nginx is **round robin**.');
  });

  it('skips a leading code block, table, heading or list', () => {
    expect(captionMarkdown('```\nSESSION_DRIVER=file\n```\n\n| a | b |\n\n# Title\n\n- item\n\nThe prose.')).toBe('The prose.');
  });

  it('cuts a long paragraph after whole sentences, never inside code or bold', () => {
    const long = `First sentence here. Second one with \`code. Still code\` inside. ${'Filler words go on. '.repeat(20)}`;
    expect(captionMarkdown(long, 70)).toBe('First sentence here. Second one with `code. Still code` inside.');
    expect(captionMarkdown(long, 30)).toBe('First sentence here.');
    // No sentence short enough: the first whole sentence.
    expect(captionMarkdown(`${'word '.repeat(80)}end. Next sentence.`, 40)).toBe(`${'word '.repeat(80)}end.`);
    expect(captionMarkdown('**Bold. Still bold** and more. Then. '.repeat(1), 20)).toBe('**Bold. Still bold** and more.');
  });

  it('a paragraph that introduces a block it leaves out ends with …', () => {
    expect(captionMarkdown('Let the load balancer set **its own** cookie:\n\n```nginx\nsticky cookie srv_id;\n```')).toBe('Let the load balancer set **its own** cookie…');
  });

  it('every step of the course has a short caption that renders as one paragraph', async () => {
    const { lessons } = await loadLessonFiles();
    for (const l of lessons) {
      for (const s of l.steps) {
        const md = captionMarkdown(s.narration);
        expect(md.length, `${l.id} ${s.id}`).toBeGreaterThan(20);
        // Longer only when the first sentence alone is (it is never cut inside): still at most three lines.
        if (md.length > CAPTION_CHARS) expect(md.slice(0, -1), `${l.id} ${s.id}`).not.toMatch(/[.!?]\s+[A-Z]/);
        expect(md.length, `${l.id} ${s.id}`).toBeLessThanOrEqual(300);
        expect(renderNarration(md).trim(), `${l.id} ${s.id}`).toMatch(/^<p>[^]*<\/p>$/);
      }
    }
  });
});
