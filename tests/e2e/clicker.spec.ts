import { test, expect, type Page } from '@playwright/test';
import { watchErrors } from './helpers';

/**
 * A lesson as a clicker demo (issue 12): in presenter mode PageDown / PageUp walk the lesson
 * in beats — a step's problem running, then its solution applied, then the next step — with
 * the narration as a large caption, and the address following each beat.
 */

test.use({ viewport: { width: 1920, height: 1080 } });

const caption = (page: Page) => page.getByRole('region', { name: 'Lesson caption' });
const beat = (page: Page) => caption(page).getByRole('status');
const nodes = (page: Page) => page.getByLabel('Nodes', { exact: true });
/** The feed is hidden in presenter mode (it steps aside), but it still tells what happened. */
const feed = (page: Page) => page.getByRole('log', { name: 'Events', includeHidden: true });

/** The Logouts counter (the lesson's step dots also mention logouts). */
const logouts = async (page: Page) => Number(await page.getByRole('status', { name: 'Logouts' }).textContent());

/** The on-screen size of an element's text in px (CSS zoom included). */
function fontPx(page: Page, selector: string): Promise<number> {
  return caption(page).locator(selector).first().evaluate((el) => parseFloat(getComputedStyle(el).fontSize) * ((el as Element & { currentCSSZoom?: number }).currentCSSZoom ?? 1));
}

/** WCAG contrast ratio of two `rgb(…)` colours. */
function contrast(a: string, b: string): number {
  const lum = (c: string) => {
    const [r, g, bl] = (c.match(/\d+(\.\d+)?/g) ?? []).slice(0, 3).map((v) => {
      const x = Number(v) / 255;
      return x <= 0.03928 ? x / 12.92 : ((x + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * bl!;
  };
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

test('PageDown walks two-nodes beat by beat, a reload keeps the place, PageUp walks back', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('/?lesson=two-nodes&present&speed=10');

  // Step 1, its problem: one node, running.
  await expect(beat(page)).toHaveText('Step 1 of 2 · the problem');
  await expect(caption(page)).toContainText('A second server');
  await expect(caption(page)).toContainText("Traffic grows, so you add node-2 to the nginx upstream. nginx's default is round robin");
  await expect(caption(page)).toContainText('Next: Add a second node (2 nodes).');
  await expect(nodes(page)).toHaveValue('1');
  await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible();
  await expect(page).toHaveURL(/[?&]step=1(&|$)/);
  expect(page.url()).not.toContain('beat=');

  // Readable from the back of the room: every part of the caption at least 24 px, light on dark.
  const sizes: Record<string, number> = {};
  for (const part of ['.title', '.text p:not(.title)', '.change', '.where']) sizes[part] = await fontPx(page, part);
  console.log(`clicker caption at 1920×1080 (px): ${JSON.stringify(sizes)}`);
  for (const [part, px] of Object.entries(sizes)) expect(px, part).toBeGreaterThanOrEqual(24);
  const [ink, ground] = await caption(page).evaluate((el) => [getComputedStyle(el).color, getComputedStyle(el).backgroundColor]);
  expect(contrast(ink!, ground!)).toBeGreaterThanOrEqual(7); // WCAG AAA
  // The caption sits under the stage, not over it.
  const stage = (await page.getByRole('region', { name: 'The cluster' }).boundingBox())!;
  const bar = (await caption(page).boundingBox())!;
  expect(stage.y + stage.height).toBeLessThanOrEqual(bar.y + 1);
  expect(bar.y + bar.height).toBeLessThanOrEqual(1080 + 1);

  // PageDown: the solution, applied the way "Apply it" does — the Nodes select and the feed say so.
  await page.keyboard.press('PageDown');
  await expect(beat(page)).toHaveText('Step 1 of 2 · solution applied');
  await expect(nodes(page)).toHaveValue('2');
  await expect(page.getByRole('button', { name: /^node-2,/ })).toBeVisible();
  await expect(caption(page)).toContainText('Applied: nodes: 1 → 2');
  await expect(feed(page)).toContainText('settings changed: the solution of step 1 — cluster restarted');
  await expect(page).toHaveURL(/[?&]step=1&beat=solution/);
  // …and the problem shows: users get logged out.
  await expect.poll(() => logouts(page), { timeout: 20_000 }).toBeGreaterThan(0);

  // A reload keeps the place: the run reopens paused where it was, and the solution is not applied again.
  const before = Number(await page.getByRole('slider', { name: 'Timeline' }).getAttribute('aria-valuenow'));
  await page.reload();
  await expect(beat(page)).toHaveText('Step 1 of 2 · solution applied');
  await expect(caption(page)).toContainText('Back where you left this step, paused');
  await expect(page.getByRole('button', { name: 'Play' })).toBeVisible();
  await expect(nodes(page)).toHaveValue('2');
  await expect(page).toHaveURL(/[?&]step=1&beat=solution/);
  expect(Number(await page.getByRole('slider', { name: 'Timeline' }).getAttribute('aria-valuenow'))).toBeGreaterThanOrEqual(before);

  // PageDown: step 2, its problem — the cluster step 1 left (2 nodes), running.
  await page.keyboard.press('PageDown');
  await expect(beat(page)).toHaveText('Step 2 of 2 · the problem');
  await expect(caption(page)).toContainText('More servers, more logouts');
  await expect(caption(page)).toContainText('Traffic keeps growing, so you scale out to four servers.');
  await expect(nodes(page)).toHaveValue('2');
  await expect(page).toHaveURL(/[?&]step=2(&|$)/);
  expect(page.url()).not.toContain('beat=');

  // PageDown: its solution, 4 nodes.
  await page.keyboard.press('PageDown');
  await expect(beat(page)).toHaveText('Step 2 of 2 · solution applied');
  await expect(nodes(page)).toHaveValue('4');
  await expect(page.getByRole('button', { name: /^node-4,/ })).toBeVisible();
  await expect(caption(page)).toContainText('Applied: nodes: 2 → 4');
  await expect(page).toHaveURL(/[?&]step=2&beat=solution/);
  if (process.env.DOCS_SCREENSHOTS) {
    await expect.poll(() => logouts(page), { timeout: 20_000 }).toBeGreaterThan(0);
    await page.screenshot({ path: 'docs/screenshots/clicker-1920x1080.png' }); // DOCS_SCREENSHOTS=1 npm run test:e2e
  }

  // The end of the lesson: PageDown changes nothing, and is kept from scrolling the room's screen
  // (a listener added after the page's own sees whether the page took the key).
  await page.evaluate(() => addEventListener('keydown', (e) => ((window as unknown as { taken: boolean }).taken = e.defaultPrevented)));
  await page.keyboard.press('PageDown');
  expect(await page.evaluate(() => (window as unknown as { taken: boolean }).taken)).toBe(true);
  await expect(beat(page)).toHaveText('Step 2 of 2 · solution applied');
  await expect(nodes(page)).toHaveValue('4');

  // PageUp walks back beat by beat.
  await page.keyboard.press('PageUp');
  await expect(beat(page)).toHaveText('Step 2 of 2 · the problem');
  await expect(nodes(page)).toHaveValue('2');
  await expect(page).toHaveURL(/[?&]step=2(&|$)/);
  await page.keyboard.press('PageUp');
  await expect(beat(page)).toHaveText('Step 1 of 2 · solution applied');
  await expect(nodes(page)).toHaveValue('2');
  await expect(page).toHaveURL(/[?&]step=1&beat=solution/);
  await page.keyboard.press('PageUp');
  await expect(beat(page)).toHaveText('Step 1 of 2 · the problem');
  await expect(nodes(page)).toHaveValue('1');
  expect(page.url()).not.toContain('beat=');

  expect(errors).toEqual([]);
});

test('a burst of presses while a beat is being applied lands on the last beat, applying each change once', async ({ page }) => {
  const errors = watchErrors(page);
  // Every cluster restart the page is asked for, with its reason (`?bench` hands the runner to the window).
  await page.addInitScript(() => {
    const w = window as unknown as { restarts: string[]; __sclRunner?: unknown };
    w.restarts = [];
    Object.defineProperty(window, '__sclRunner', {
      configurable: true,
      set(runner: { applySettings: (s: unknown, what?: string) => void }) {
        const apply = runner.applySettings.bind(runner);
        runner.applySettings = (s, what) => {
          w.restarts.push(what ?? '');
          apply(s, what);
        };
        Object.defineProperty(window, '__sclRunner', { value: runner, configurable: true });
      },
    });
  });
  await page.goto('/?lesson=two-nodes&present&bench');
  await expect(beat(page)).toHaveText('Step 1 of 2 · the problem');
  await page.keyboard.press('PageDown');
  await page.keyboard.press('PageDown');
  await page.keyboard.press('PageDown');
  await expect(beat(page)).toHaveText('Step 2 of 2 · solution applied');
  await expect(nodes(page)).toHaveValue('4');
  await expect(page).toHaveURL(/[?&]step=2&beat=solution/);
  await expect(feed(page)).toContainText('settings changed: the solution of step 2 — cluster restarted');
  // The first press's solution was under way and finished; then straight to the last beat; nothing twice.
  expect(await page.evaluate(() => (window as unknown as { restarts: string[] }).restarts)).toEqual([
    'step 1 of “Two servers: the logout problem” starts',
    'the solution of step 1',
    'step 2 of “Two servers: the logout problem” starts',
    'the solution of step 2',
  ]);
  expect(errors).toEqual([]);
});

test('the timeline slider keeps its own PageUp / PageDown (±10 s); the beat stays', async ({ page }) => {
  await page.goto('/?lesson=two-nodes&present&speed=10');
  await expect(beat(page)).toHaveText('Step 1 of 2 · the problem');
  const slider = page.getByRole('slider', { name: 'Timeline' });
  await expect.poll(async () => Number(await slider.getAttribute('aria-valuemax')), { timeout: 20_000 }).toBeGreaterThan(35);
  await page.getByRole('button', { name: 'Pause' }).click();
  await slider.focus();
  await page.keyboard.press('Home');
  await expect(slider).toHaveAttribute('aria-valuenow', '0');
  for (let i = 0; i < 3; i++) await page.keyboard.press('PageUp');
  await page.keyboard.press('PageDown');
  await expect(slider).toHaveAttribute('aria-valuenow', '20');
  await expect(beat(page)).toHaveText('Step 1 of 2 · the problem');
  await expect(nodes(page)).toHaveValue('1');
  expect(page.url()).not.toContain('beat=');
});

test('a shared link to a solution beat opens the step and applies its solution', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('/?lesson=two-nodes&step=2&beat=solution&present');
  await expect(beat(page)).toHaveText('Step 2 of 2 · solution applied');
  await expect(nodes(page)).toHaveValue('4');
  await expect(feed(page)).toContainText('settings changed: the solution of step 2 — cluster restarted');
  await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible();
  await expect(page).toHaveURL(/[?&]step=2&beat=solution/);
  expect(errors).toEqual([]);
});

test('a bad beat in the link is named, like ?step=99, and the step shows its problem', async ({ page }) => {
  await page.goto('/?lesson=two-nodes&step=2&beat=fix&present');
  await expect(beat(page)).toHaveText('Step 2 of 2 · the problem');
  await expect(caption(page)).toContainText('Beat "fix" does not exist (a step has "problem" and "solution") — showing step 2\'s problem.');
  await expect(nodes(page)).toHaveValue('2');

  await page.goto('/?lesson=one-server&step=1&beat=solution&present');
  await expect(beat(page)).toHaveText('Step 1 of 2 · the set-up');
  await expect(caption(page)).toContainText('Step 1 of lesson one-server has no solution to apply — showing it running.');

  await page.goto('/?lesson=two-nodes&step=99&present');
  // (the step shown instead is the one this browser reached last)
  await expect(caption(page)).toContainText(/Step 99 does not exist; lesson two-nodes has 2 steps — showing step [12]\./);
});

test('outside presenter mode PageDown scrolls the page as usual, and the caption is not shown', async ({ page }) => {
  await page.goto('/?lesson=two-nodes');
  await expect(page.getByRole('heading', { name: 'Step 1 of 2: A second server' })).toBeVisible();
  await expect(caption(page)).toBeHidden();
  await page.keyboard.press('PageDown');
  await expect.poll(() => page.evaluate(() => scrollY)).toBeGreaterThan(0);
  await expect(nodes(page)).toHaveValue('1');
  expect(page.url()).not.toContain('beat=');
  await expect(page.getByRole('heading', { name: 'Step 1 of 2: A second server' })).toBeAttached();

  // The Presenter mode button brings the caption and the clicker keys; pressing it again takes them away.
  const toggle = page.getByRole('button', { name: 'Presenter mode' });
  await toggle.click();
  await expect(beat(page)).toHaveText('Step 1 of 2 · the problem');
  await page.keyboard.press('PageDown');
  await expect(beat(page)).toHaveText('Step 1 of 2 · solution applied');
  await expect(nodes(page)).toHaveValue('2');
  await toggle.click();
  await expect(caption(page)).toBeHidden();
  await expect(page).toHaveURL(/[?&]step=1&beat=solution/);
});

test('the shortcuts dialog says what PageDown / PageUp do', async ({ page }) => {
  await page.goto('/?lesson=two-nodes&present&paused');
  await expect(beat(page)).toHaveText('Step 1 of 2 · the problem');
  await page.keyboard.press('?');
  const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(dialog.getByRole('row', { name: /PageDown \/ PageUp/ })).toContainText('Presenter mode with a lesson: the next / previous beat');
  // While the dialog is open, a clicker press does not move the demo.
  await page.keyboard.press('PageDown');
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(beat(page)).toHaveText('Step 1 of 2 · the problem');
  await expect(nodes(page)).toHaveValue('1');
});

test("on a laptop's screen the caption leaves the stage and the timeline's buttons above it", async ({ page }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto('/?lesson=two-nodes&present&paused');
  await expect(beat(page)).toHaveText('Step 1 of 2 · the problem');
  const top = (await caption(page).boundingBox())!.y;
  for (const name of ['Copy link', 'Save run', 'Download trace']) {
    const box = (await page.getByRole('button', { name, exact: true }).boundingBox())!;
    expect(box.y + box.height, `${name} ends above the caption`).toBeLessThanOrEqual(top);
  }
  const stage = (await page.locator('.stage').first().boundingBox())!;
  expect(stage.y + stage.height).toBeLessThanOrEqual(top);
});
