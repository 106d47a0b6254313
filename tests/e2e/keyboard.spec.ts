import { test, expect, type Page } from '@playwright/test';

/** Press Tab until the focused element matches, failing after `max` presses. */
async function tabTo(page: Page, matches: () => Promise<boolean>, max = 80): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    if (await matches()) return;
  }
  throw new Error('never reached the element with Tab');
}

const focusedIs = (page: Page, locator: ReturnType<Page['getByRole']>) => () => locator.evaluate((el) => el === document.activeElement);

test('keyboard only: space toggles play, Tab reaches every control, faults from the keyboard', async ({ page }) => {
  await page.goto('/?paused');
  await expect(page.getByRole('button', { name: 'Play' })).toBeVisible();

  // Space anywhere (nothing focused) toggles play.
  await page.keyboard.press('Space');
  await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible();
  await page.keyboard.press('Space');
  await expect(page.getByRole('button', { name: 'Play' })).toBeVisible();

  // Tab to Play and press it.
  const play = page.getByRole('button', { name: 'Play' });
  await tabTo(page, focusedIs(page, play));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('button', { name: 'Pause' })).toBeFocused();

  // Every control is reachable by Tab, in order.
  for (const label of ['Speed', 'Seed', 'Nodes', 'Session driver', 'Load balancer', 'Users', 'Clients']) {
    const el = page.getByLabel(label, { exact: true });
    await tabTo(page, () => el.evaluate((e) => e === document.activeElement), 10);
  }

  // Change the session driver with the keyboard: the cluster restarts on redis.
  const driver = page.getByLabel('Session driver');
  await driver.focus();
  await page.keyboard.press('ArrowDown');
  await expect(driver).toHaveValue('redis');
  await expect(page.getByRole('log')).toContainText('SESSION_DRIVER=redis');

  // Tab to node-2, open its actions with Enter, crash it with Enter.
  const node2 = page.getByRole('button', { name: /^node-2,/ });
  await tabTo(page, () => node2.evaluate((e) => e === document.activeElement));
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'node-2' });
  await expect(dialog.getByRole('button', { name: 'Crash' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('log')).toContainText('node-2 crashed');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(node2).toBeFocused();

  // The crowd: arrow keys pick a user, Enter inspects them.
  const crowd = page.getByRole('button', { name: /^Crowd: / });
  await tabTo(page, () => crowd.evaluate((e) => e === document.activeElement));
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('region', { name: 'User 2' })).toBeVisible();
});
