/**
 * A step's run survives a rebuilt simulation: a reload in the middle of a step comes back to
 * the moment the student left (paused), and neither a reload nor a step back on the timeline
 * forgets the fault the student applied (the goal window "after crash:node-2" stays open).
 */
import { expect, test, type Page } from '@playwright/test';
import { clockSeconds, watchErrors } from './helpers';

const goal = (page: Page) => page.getByRole('region', { name: 'Goal' });
const yourTurnDone = (page: Page) => page.getByRole('region', { name: 'Your turn' }).getByLabel('done');

/** Pause, and wait until the page shows the moment the run stopped at. */
async function pause(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Pause' }).click();
  await expect(page.getByRole('button', { name: 'Play' })).toBeVisible();
}

async function crashNode2(page: Page): Promise<void> {
  await page.getByRole('button', { name: /^node-2,/ }).click();
  await page.getByRole('dialog', { name: 'node-2' }).getByRole('button', { name: 'Crash' }).click();
  await expect(page.getByRole('log')).toContainText('node-2 crashed');
}

test('a reload mid-step reopens the step paused at the moment it was left, the crash still counted', async ({ page }) => {
  test.setTimeout(90_000);
  const errors = watchErrors(page);
  await page.goto('/?lesson=node-failure&step=1&speed=10');
  await expect(page.getByRole('heading', { name: /^Step 1 of 2: / })).toBeVisible();
  await expect.poll(() => clockSeconds(page), { timeout: 20_000 }).toBeGreaterThanOrEqual(10);
  await crashNode2(page);
  await expect(yourTurnDone(page)).toBeVisible();
  await expect.poll(() => clockSeconds(page), { timeout: 20_000 }).toBeGreaterThanOrEqual(25);
  await pause(page);
  const left = await clockSeconds(page);
  const goalText = await goal(page).getByRole('status').textContent();

  await page.reload();
  await expect(page.getByRole('heading', { name: /^Step 1 of 2: / })).toBeVisible();
  await expect(page.getByText('Back where you left this step, paused')).toBeVisible();
  await expect.poll(() => clockSeconds(page)).toBe(left);
  await expect(page.getByRole('button', { name: 'Play' })).toBeVisible();
  await expect(page.getByRole('button', { name: /^node-2, down/ })).toBeVisible();
  // The goal reads the same figures as before the reload, and the student's crash still counts.
  await expect(goal(page).getByRole('status')).toHaveText(goalText ?? '');
  await expect(goal(page)).not.toContainText('waiting for');
  await expect(yourTurnDone(page)).toBeVisible();

  // Restart gives a fresh step at 0 s, and a second reload does not bring the old moment back.
  await page.getByRole('button', { name: /Restart/ }).click();
  await expect.poll(() => clockSeconds(page)).toBeLessThan(left);
  expect(errors).toEqual([]);
});

test('a step back on the timeline after the crash keeps the goal window open', async ({ page }) => {
  test.setTimeout(90_000);
  await page.goto('/?lesson=node-failure&step=1&speed=10');
  await expect.poll(() => clockSeconds(page), { timeout: 20_000 }).toBeGreaterThanOrEqual(5);
  await crashNode2(page);
  await expect.poll(() => clockSeconds(page), { timeout: 20_000 }).toBeGreaterThanOrEqual(20);
  await pause(page);
  const at = await clockSeconds(page);
  await page.getByRole('button', { name: 'Step back' }).click();
  await expect.poll(() => clockSeconds(page)).toBe(at - 1);
  await expect(page.getByRole('button', { name: /^node-2, down/ })).toBeVisible();
  await expect(goal(page)).not.toContainText('waiting for');
  await expect(yourTurnDone(page)).toBeVisible();
});
