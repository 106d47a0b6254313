import { test, expect, type Locator, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { watchErrors } from './helpers';

/**
 * A student walks lesson 2 ("Two servers: the logout problem") from the lesson list to its
 * goal: step 1 with the keyboard only, step 2 with the mouse; then the progress survives a
 * reload, and a deep link opens step 2. Assertions read what the student sees (headings, the
 * goal's verdict, the step dots), never the player's internals.
 */

/** Press Tab until `target` has the focus (at most `max` presses). */
async function tabTo(page: Page, target: Locator, max = 60): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    if (await target.evaluate((el) => el === document.activeElement)) return;
  }
  throw new Error(`Tab never reached ${target.toString()}`);
}

/** The goal's verdict, a status the screen reader announces: "not yet", "not met" or "met ✓". */
const verdict = (page: Page) => page.getByRole('region', { name: 'Goal' }).getByRole('status');

test('a student walks lesson 2 to its goal, keyboard first, and the progress survives a reload', async ({ page }) => {
  test.setTimeout(40_000);
  const errors = watchErrors(page);
  await page.goto('/');

  // The lesson list, as a student sees it: pick the lesson by its title.
  const list = page.getByRole('region', { name: 'Lessons' });
  await list.getByRole('button', { name: /Two servers: the logout problem/ }).click();
  await expect(page.getByRole('heading', { name: 'Step 1 of 2: A second server' })).toBeVisible();
  await expect(page).toHaveURL(/[?&]lesson=two-nodes&step=1\b/);
  // The narration is rendered markdown, not text with asterisks.
  const narration = page.getByRole('article').locator('.narration');
  await expect(narration.locator('strong').first()).toBeVisible();
  await expect(narration.locator('code').first()).toHaveText('node-2');
  await expect(narration).not.toContainText('**');

  // Step 1 starts on one node; its goal is not met.
  const nodes = page.getByLabel('Nodes', { exact: true });
  await expect(nodes).toHaveValue('1');
  await expect(verdict(page)).toHaveText('not yet');

  // Keyboard only: Tab to Speed and make it the fastest, Tab on to Nodes and pick 2.
  const speed = page.getByLabel('Speed', { exact: true });
  await page.locator('body').focus();
  await tabTo(page, speed);
  await page.keyboard.press('End');
  await expect(speed).toHaveValue('60');
  await tabTo(page, nodes, 10);
  await page.keyboard.press('ArrowDown');
  await expect(nodes).toHaveValue('2');

  // The ask is ticked off, and the goal is met (logouts and 419s: decided as soon as they happen).
  await expect(page.getByRole('region', { name: 'Your turn' }).getByLabel('done')).toBeVisible();
  await expect(verdict(page)).toHaveText('met ✓', { timeout: 15_000 });
  await expect(page.getByRole('button', { name: 'Step 1: A second server (done)' })).toBeVisible();

  // Step 2 with the mouse. Paused, Next puts step 2's cluster in place at virtual 0 (the clock says
  // so); then 4 nodes, and play. Its goal is a share over 120 virtual seconds.
  await page.getByRole('button', { name: 'Pause' }).click();
  await page.getByRole('button', { name: 'Next step →' }).click();
  await expect(page.getByRole('heading', { name: 'Step 2 of 2: More servers, more logouts' })).toBeVisible();
  await expect(page).toHaveURL(/[?&]lesson=two-nodes&step=2\b/);
  await expect(page.getByLabel('Virtual clock')).toHaveText('09:00:00');
  await expect(nodes).toHaveValue('2');
  await nodes.selectOption('4');
  await page.getByRole('button', { name: 'Play' }).click();
  await expect(verdict(page)).toHaveText('met ✓', { timeout: 15_000 });
  await expect(page.getByRole('button', { name: 'Step 2: More servers, more logouts (done)' })).toBeVisible();

  // Reload: the player reopens step 2 with both steps marked done...
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Step 2 of 2: More servers, more logouts' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Step 1: A second server (done)' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Step 2: More servers, more logouts (done)' })).toBeVisible();
  // ...and the lesson list says so.
  await page.getByRole('button', { name: 'Lessons', exact: true }).click();
  await expect(list.getByRole('button', { name: /Two servers: the logout problem/ })).toContainText('2/2 steps done');
  expect(errors).toEqual([]);
});

test('a deep link opens a lesson at a step', async ({ page }) => {
  await page.goto('/?lesson=two-nodes&step=2');
  await expect(page.getByRole('heading', { name: 'Step 2 of 2: More servers, more logouts' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Step 2: More servers, more logouts' })).toHaveAttribute('aria-current', 'step');
  // The step's cluster is loaded: lesson 2's step 1 solution (2 nodes) carried forward.
  await expect(page.getByLabel('Nodes', { exact: true })).toHaveValue('2');
  await expect(page.getByRole('article').locator('.narration strong').first()).toBeVisible();
});

test('a step with its hint, quiz and solution open has no serious accessibility violations', async ({ page }) => {
  await page.goto('/?lesson=redis-memory&step=3&paused');
  await expect(page.getByRole('heading', { name: /^Step 3 of 4: / })).toBeVisible();
  // Inline markdown in hints and quiz questions is rendered, not shown as asterisks and backticks.
  await page.getByRole('button', { name: 'Show a hint' }).click();
  await expect(page.getByRole('region', { name: 'Hints' }).locator('strong')).toHaveText('Failure lab');
  await expect(page.getByRole('group', { name: 'Check yourself' }).locator('code').first()).toHaveText('volatile-lru');
  await page.getByRole('group', { name: 'Check yourself' }).getByRole('radio').first().check();
  await page.getByRole('button', { name: 'Show the solution' }).click();
  await expect(page.getByRole('region', { name: 'Solution' })).toContainText('maxmemory-policy: noeviction → volatile-lru');
  const results = await new AxeBuilder({ page }).include('aside').analyze();
  const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(bad.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)).toEqual([]);
});
