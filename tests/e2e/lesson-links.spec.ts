import { buildSync } from 'esbuild';
import { test, expect } from '@playwright/test';

/**
 * Issue 14 (Low): a deep link to a step that does not exist says so; narration links in the
 * browser, where DOMPurify and its link hook run on top of the marked renderer.
 */

test('a link to a step that does not exist names it and the step shown instead', async ({ page }) => {
  for (const [bad, words] of [['99', 'Step 99'], ['0', 'Step 0'], ['-1', 'Step -1'], ['text', 'Step "text"']] as const) {
    await page.goto(`/?lesson=two-nodes&step=${bad}&paused`);
    await expect(page.getByRole('heading', { level: 2, name: /^Step 1 of 2: / })).toBeVisible();
    await expect(page.getByText(`${words} does not exist; lesson two-nodes has 2 steps — showing step 1.`)).toBeVisible();
    await expect(page).toHaveURL(/[?&]lesson=two-nodes&step=1\b/);
  }
});

/** src/lessons/markdown.ts bundled for the page (esbuild comes with tsx), as `window.md`. */
const bundle = buildSync({ entryPoints: ['src/lessons/markdown.ts'], bundle: true, format: 'iife', globalName: 'md', write: false, logLevel: 'silent' }).outputFiles[0]!.text;

interface Md { renderNarration(s: string): string; sanitizeHtml(s: string): string }

test('narration links in Chromium: only http(s) leaves the site, in a new tab without opener or referrer', async ({ page }) => {
  await page.goto('/?paused');
  await page.addScriptTag({ content: bundle });
  const links = await page.evaluate(() => {
    const md = (window as unknown as { md: Md }).md;
    const box = document.createElement('div');
    const out: { input: string; anchors: { href: string; host: string; target: string | null; rel: string | null }[] }[] = [];
    const inputs = [
      // Markdown (both layers)
      '[a](/\\evil.example)', '[b](https:/\\evil.example)', '[c](//evil.example)', '[d](&#x2F;&#x5C;evil.example)', '[e](mailto:x@evil.example)',
      '[f](https://laravel.com/docs/12.x/session)', '[g](?lesson=one-server)',
      // HTML straight into layer 2 (DOMPurify + hook), as if layer 1 had let it through
      '<a href="/\\evil.example">h</a>', '<a href="https://nginx.org/" target="_self" rel="opener">i</a>', '<a href="#goal" target="_blank">j</a>',
      '<a href="javascript:alert(1)">k</a>', '<img src="/\\evil.example/pixel.png" alt="l">',
    ];
    for (const input of inputs) {
      box.innerHTML = input.startsWith('<') ? md.sanitizeHtml(input) : md.renderNarration(input);
      const anchors = [...box.querySelectorAll('a'), ...box.querySelectorAll('img')].map((a) => {
        const raw = a.getAttribute('href') ?? a.getAttribute('src');
        return { href: raw ?? '', host: raw === null ? '' : new URL(raw, location.href).host, target: a.getAttribute('target'), rel: a.getAttribute('rel') };
      });
      out.push({ input, anchors });
    }
    return out;
  });
  const here = new URL(page.url()).host;
  for (const { input, anchors } of links) {
    for (const a of anchors) {
      const external = a.href !== '' && a.host !== here;
      if (external) {
        expect(['laravel.com', 'nginx.org'], input).toContain(a.host);
        expect([a.target, a.rel], input).toEqual(['_blank', 'noopener noreferrer']);
      } else {
        expect(a.target, input).toBeNull();
      }
    }
  }
  const byInput = Object.fromEntries(links.map((l) => [l.input, l.anchors]));
  expect(byInput['[f](https://laravel.com/docs/12.x/session)']).toEqual([{ href: 'https://laravel.com/docs/12.x/session', host: 'laravel.com', target: '_blank', rel: 'noopener noreferrer' }]);
  expect(byInput['<a href="https://nginx.org/" target="_self" rel="opener">i</a>']).toEqual([{ href: 'https://nginx.org/', host: 'nginx.org', target: '_blank', rel: 'noopener noreferrer' }]);
  for (const trick of ['[a](/\\evil.example)', '[b](https:/\\evil.example)', '[c](//evil.example)', '[d](&#x2F;&#x5C;evil.example)', '[e](mailto:x@evil.example)', '<a href="/\\evil.example">h</a>', '<a href="javascript:alert(1)">k</a>', '<img src="/\\evil.example/pixel.png" alt="l">']) {
    expect(byInput[trick]!.filter((a) => a.href !== ''), trick).toEqual([]);
  }
});
