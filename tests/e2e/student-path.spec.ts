import { test, expect, type Locator, type Page } from '@playwright/test';
import { watchErrors } from './helpers';

/**
 * A student's path at 1366×768: lesson 1 from its first step to "Lesson complete" and on into
 * lesson 2, with Fast-forward instead of waiting; at every step the goal and the way forward
 * are inside the window without scrolling. Then the course resumes where it was left, and a
 * scripted fault is announced before it happens. Assertions read what the student sees.
 */

const verdict = (page: Page) => page.getByRole('region', { name: 'Goal' }).getByRole('status');

/** The element is inside the window (not below the fold, not cut off). */
async function inViewport(page: Page, el: Locator): Promise<void> {
  const box = await el.boundingBox();
  const size = page.viewportSize()!;
  expect(box, 'is rendered').not.toBeNull();
  expect(box!.y, 'top inside the window').toBeGreaterThanOrEqual(0);
  expect(box!.y + box!.height, 'bottom inside the window').toBeLessThanOrEqual(size.height);
  expect(box!.x + box!.width, 'right edge inside the window').toBeLessThanOrEqual(size.width);
}

async function wayForwardInView(page: Page): Promise<void> {
  await inViewport(page, page.getByRole('region', { name: 'Goal' }));
  await inViewport(page, page.getByRole('button', { name: /^Fast-forward/ }));
  const next = page.getByRole('button', { name: /^Next (step|lesson) →$/ });
  if (await next.count()) await inViewport(page, next.first());
}

test('lesson 1 walked with Fast-forward: goal and way forward always in view, then lesson complete and on to lesson 2', async ({ page }) => {
  test.setTimeout(60_000);
  const errors = watchErrors(page);
  await page.goto('/?lesson=one-server&step=1');
  await expect(page.getByRole('heading', { name: 'Step 1 of 2: Everything works' })).toBeVisible();
  await wayForwardInView(page);
  // The goal reads as English, not as the goal language.
  const goal = page.getByRole('region', { name: 'Goal' });
  await expect(goal).toContainText('No unexpected logouts.');
  await expect(goal).not.toContainText('= 0');
  // The header does not contradict the lesson ("Nothing to change yet" vs "Add a second node").
  await expect(page.getByRole('banner')).not.toContainText('Add a second node');
  // The feed says why the cluster restarted: the step, not "settings changed (config files)".
  await expect(page.getByRole('log')).toContainText('step 1 of “One server, file sessions” starts');
  await expect(page.getByRole('log')).not.toContainText('(config files)');
  // The course map says where the student is.
  await expect(page.getByRole('navigation', { name: 'Course map' })).toContainText(/Lesson 1 of \d+/);

  // Fast-forward runs to the verdict (90 virtual seconds) without waiting for them at 1×.
  await page.getByRole('button', { name: /^Fast-forward/ }).click();
  await expect(verdict(page)).toHaveText('met ✓', { timeout: 20_000 });
  await expect(page.getByRole('button', { name: /^Fast-forward/ })).toBeDisabled();
  await expect(page.getByRole('button', { name: /^Fast-forward/ })).toHaveAttribute('title', /verdict is in/);
  await expect(page.getByText(/Goal met — on to step 2/)).toBeVisible();
  await wayForwardInView(page);
  // Back to the chosen speed once the verdict is in.
  await expect(page.getByLabel('Speed', { exact: true })).toHaveValue('1');

  // Step 2: replace node-1 from the stage; the menu closes so the stage shows what happens.
  await page.getByRole('button', { name: 'Next step →' }).click();
  await expect(page.getByRole('heading', { name: /^Step 2 of 2: / })).toBeVisible();
  await wayForwardInView(page);
  // The last step has no "Next step" that looks clickable.
  await expect(page.getByRole('button', { name: 'Next step →' })).toHaveCount(0);
  // Before the student acts, Fast-forward says why it waits.
  await expect(page.getByRole('button', { name: /^Fast-forward/ })).toBeDisabled();
  await expect(page.getByText('Fast-forward waits for “Your turn”')).toBeVisible();
  // As the step says: wait until most users are logged in (at 30×), then replace the node.
  await page.getByLabel('Speed', { exact: true }).selectOption('30');
  await expect.poll(async () => Number((await page.getByText(/· \d+ logged in/).textContent())?.match(/(\d+) logged in/)?.[1]), { timeout: 20_000 }).toBeGreaterThan(15);
  await page.getByLabel('Speed', { exact: true }).selectOption('1');
  await page.getByRole('button', { name: /^node-1,/ }).click();
  const menu = page.getByRole('dialog', { name: 'node-1' });
  await menu.getByRole('button', { name: 'Replace' }).click();
  await expect(menu).toBeHidden();
  await expect(page.getByRole('log')).toContainText('node-1 replaced by a new instance');
  await page.getByRole('button', { name: /^Fast-forward/ }).click();
  await expect(verdict(page)).toHaveText('met ✓', { timeout: 20_000 });
  // The feed says who was logged out, summed up.
  await expect(page.getByRole('log')).toContainText(/\d+ users? logged out in the last \d+ s/, { timeout: 10_000 });

  // Lesson complete, with the next lesson one click away.
  const done = page.getByRole('region', { name: 'Lesson complete' });
  await expect(done).toBeVisible();
  await inViewport(page, done.getByRole('button', { name: 'Next lesson →' }));
  await expect(page.getByRole('button', { name: 'Lesson 1: One server, file sessions (2 of 2 steps done)' })).toBeVisible();
  await done.getByRole('button', { name: 'Next lesson →' }).click();
  await expect(page.getByRole('heading', { name: 'Step 1 of 2: A second server' })).toBeVisible();
  await expect(page).toHaveURL(/[?&]lesson=two-nodes&step=1\b/);
  await expect(page.getByRole('navigation', { name: 'Course map' })).toContainText(/Lesson 2 of \d+ · 1 finished/);
  await wayForwardInView(page);

  // `/` reopens where the student left off; the Lessons button still leads to the list.
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Step 1 of 2: A second server' })).toBeVisible();
  await page.getByRole('button', { name: 'Lessons', exact: true }).click();
  await expect(page.getByRole('region', { name: 'Lessons' })).toContainText('2/2 steps done');
  // A link that sets up a cluster is shown as it asks, not replaced by the last lesson.
  await page.goto('/?driver=redis&nodes=3');
  await expect(page.getByRole('region', { name: 'Lessons' })).toBeVisible();
  await expect(page.getByLabel('Nodes', { exact: true })).toHaveValue('3');
  expect(errors).toEqual([]);
});

test('a scripted outage is announced with a countdown, and Bring up says why it is greyed out', async ({ page }) => {
  test.setTimeout(45_000);
  await page.goto('/?lesson=redis-failure&step=2');
  await expect(page.getByRole('heading', { name: /^Step 2 of 4: / })).toBeVisible();
  await expect(page.getByRole('timer')).toContainText(/Redis goes down in \d+ s/);
  await page.getByRole('button', { name: /^Redis, up/ }).click();
  const menu = page.getByRole('dialog', { name: 'Redis' });
  await expect(menu.getByRole('button', { name: 'Bring up' })).toBeDisabled();
  await expect(menu.getByRole('button', { name: 'Bring up' })).toHaveAttribute('title', /Redis is up/);
  await expect(menu).toContainText('Bring up is greyed out: Redis is up.');
  await page.keyboard.press('Escape');
  // Fast-forward runs to the outage and stops there: now it is the student's turn.
  await page.getByRole('button', { name: 'Fast-forward until Redis goes down' }).click();
  await expect(page.getByRole('button', { name: /^Redis, down/ })).toBeVisible({ timeout: 20_000 });
  await expect(page.getByRole('timer')).toHaveCount(0);
  await page.getByRole('button', { name: /^Redis, down/ }).click();
  await page.getByRole('dialog', { name: 'Redis' }).getByRole('button', { name: 'Bring up' }).click();
  await expect(page.getByRole('log')).toContainText('Redis is back up');
  await expect(page.getByRole('region', { name: 'Your turn' }).getByLabel('done')).toBeVisible();
});

test('quiz feedback never says "Right. Right:", and a disabled Previous says why', async ({ page }) => {
  await page.goto('/?lesson=one-server&step=1&paused');
  await page.getByRole('group', { name: 'Check yourself' }).getByRole('radio').first().check();
  const explain = page.getByRole('group', { name: 'Check yourself' }).getByRole('status');
  await expect(explain).toContainText(/^\s*Right: /);
  await expect(explain).not.toContainText('Right. Right');
  const prev = page.getByRole('button', { name: 'Previous step' });
  await expect(prev).toBeDisabled();
  await expect(prev).toHaveAttribute('title', /first step/);
  // Disabled looks disabled: not the accent blue.
  expect(await prev.evaluate((el) => getComputedStyle(el).backgroundColor)).not.toBe('rgb(0, 114, 178)');
});
