import { test, expect } from '@playwright/test';
import { openPaused, watchErrors } from './helpers';

/** The instructor's hotkeys (issue 12): each one's effect as a student sees it. */

test('1–8, r, f, d, Space: faults and play/pause from the keyboard, told in the feed as if clicked', async ({ page }) => {
  const errors = watchErrors(page);
  await openPaused(page);
  const feed = page.getByRole('log');

  // Space: play / pause (the button's name follows).
  await page.keyboard.press('Space');
  await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible();
  await page.keyboard.press('Space');
  await expect(page.getByRole('button', { name: 'Play' })).toBeVisible();

  // 2 crashes node-2; pressed again it restarts it.
  await page.keyboard.press('2');
  await expect(feed).toContainText('node-2 crashed');
  await expect(page.getByRole('button', { name: /^node-2, down/ })).toBeVisible();
  await page.keyboard.press('2');
  await expect(feed).toContainText('node-2 restarting');
  await expect(page.getByRole('button', { name: /^node-2, down/ })).toBeHidden();
  // A key for a node that does not exist (two nodes) does nothing.
  await page.keyboard.press('7');

  // After clicking a button (focus stays on it) the letter keys still work.
  await page.getByLabel('Session driver').selectOption('redis');
  await expect(feed).toContainText('SESSION_DRIVER=redis');
  await page.getByRole('button', { name: 'Play' }).click();
  await page.getByRole('button', { name: 'Pause' }).click();
  await page.keyboard.press('r');
  await expect(feed).toContainText('Redis went down');
  await expect(page.getByRole('button', { name: /^Redis, down/ })).toBeVisible();
  await page.keyboard.press('r');
  await expect(feed).toContainText('Redis is back up');
  await expect(page.getByRole('button', { name: /^Redis, up/ })).toBeVisible();

  // f without Sentinel: the engine's refusal, as the lab's button would get.
  await page.keyboard.press('f');
  await expect(feed).toContainText('no replica: run with Sentinel');
  await page.getByRole('button', { name: 'Failure lab', exact: true }).click();
  await page.getByRole('region', { name: 'Failure lab' }).getByLabel(/Sentinel/).check();
  await expect(feed).toContainText('cluster restarted');
  await page.locator('body').click({ position: { x: 2, y: 2 } });
  await page.keyboard.press('f');
  await expect(feed).toContainText('Redis primary died; Sentinel will promote the replica');
  await expect(page.getByRole('button', { name: /^Redis, failing over/ })).toBeVisible();

  // d: a rolling deploy.
  await page.keyboard.press('d');
  await expect(feed).toContainText('deploy started: 2 nodes in turn');
  expect(errors).toEqual([]);
});

test('hotkeys leave text fields and the crowd alone', async ({ page }) => {
  await openPaused(page);
  // Typing a digit into the Seed field types it; no node crashes.
  const seed = page.getByLabel('Seed', { exact: true });
  await seed.fill('');
  await seed.press('2');
  await expect(seed).toHaveValue('2');
  await expect(page.getByRole('button', { name: /^node-2, up/ })).toBeVisible();
  await expect(page.getByText('node-2 crashed')).toHaveCount(0);
  // The crowd keeps its arrow keys: → moves to the next person.
  const crowd = page.getByRole('button', { name: /^Crowd: / });
  await crowd.focus();
  await expect(crowd).toHaveAccessibleName(/At person 1$/);
  await page.keyboard.press('ArrowRight');
  await expect(crowd).toHaveAccessibleName(/At person 2$/);
});

test('? opens the Keyboard shortcuts dialog; Escape closes it and focus returns', async ({ page }) => {
  await openPaused(page);
  const play = page.getByRole('button', { name: 'Play' });
  await play.focus();
  await page.keyboard.press('?');
  const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(dialog).toBeVisible();
  for (const [key, what] of <const>[['Space', 'Play / pause'], ['1 – 8', 'Crash node-N'], ['r', 'Take Redis down'], ['f', 'Redis failover'], ['d', 'Rolling deploy'], ['← / →', 'Timeline']]) {
    await expect(dialog.getByRole('row', { name: new RegExp(`^${key} ${what}`) })).toBeVisible();
  }
  // While it is open, hotkeys do not act behind it.
  await page.keyboard.press('2');
  await expect(page.getByRole('button', { name: /^node-2, up/ })).toBeAttached();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(play).toBeFocused();
  await expect(page.getByText('node-2 crashed')).toHaveCount(0);
});
