import { test, expect, type Page } from '@playwright/test';
import { openPaused } from './helpers';

/** The state a statechart region marks as current. */
function current(page: Page, dialog: string, region: string) {
  return page.getByRole('dialog', { name: dialog }).locator(`[data-region="${region}"] [data-current]`);
}

test("a node's statechart follows a crash and a restart, and says why it moved", async ({ page }) => {
  await openPaused(page);
  await page.getByRole('button', { name: /^node-2,/ }).click();
  const dialog = page.getByRole('dialog', { name: 'node-2' });
  await expect(dialog.getByRole('img', { name: 'node-2 statechart' })).toBeVisible();
  await expect(current(page, 'node-2', 'process')).toHaveAttribute('data-state', 'up');
  await expect(current(page, 'node-2', 'link')).toHaveAttribute('data-state', 'connected');

  // The menu closes after its action (the stage shows what it did); open it again to read the chart.
  await dialog.getByRole('button', { name: 'Crash' }).click();
  await expect(dialog).toBeHidden();
  await page.getByRole('button', { name: /^node-2,/ }).click();
  await expect(current(page, 'node-2', 'process')).toHaveAttribute('data-state', 'down');
  const cause = dialog.getByTestId('node-2-cause');
  await expect(cause).toContainText('up → down: crashed by you at 09:00:00');
  // The transition just taken is the one drawn bold.
  await expect(dialog.locator('[data-region="process"] .edge.hot')).toHaveCount(1);

  await dialog.getByRole('button', { name: 'Restart' }).click();
  await expect(dialog).toBeHidden();
  await page.getByRole('button', { name: /^node-2,/ }).click();
  await expect(current(page, 'node-2', 'process')).toHaveAttribute('data-state', 'booting');
  await expect(cause).toContainText('down → booting: restarted by you at 09:00:00');
  // The machine refuses a second restart while it boots: the buttons are disabled and say why.
  await expect(dialog.getByRole('button', { name: 'Restart' })).toBeDisabled();
  await expect(dialog.getByRole('button', { name: 'Restart' })).toHaveAttribute('title', 'node-2 is already booting: wait until it is up, or crash it');
  await expect(dialog.getByRole('button', { name: 'Replace' })).toBeDisabled();

  // Let virtual time run: the engine's BOOTED arrives 5 virtual seconds later.
  await page.getByLabel('Speed').selectOption('5');
  await page.getByRole('button', { name: 'Play' }).click();
  await expect(current(page, 'node-2', 'process')).toHaveAttribute('data-state', 'up');
  await expect(cause).toContainText('booting → up: booted after 5 s (09:00:05)');
  await page.getByRole('button', { name: 'Pause' }).click();
});

test("Redis's statechart shows its server and network regions", async ({ page }) => {
  await openPaused(page);
  await page.getByLabel('Session driver').selectOption('redis');
  await page.getByRole('button', { name: /^Redis, up/ }).click();
  const dialog = page.getByRole('dialog', { name: 'Redis' });
  await expect(dialog.getByRole('img', { name: 'Redis statechart' })).toBeVisible();
  await expect(current(page, 'Redis', 'server')).toHaveAttribute('data-state', 'up');
  await dialog.getByRole('button', { name: 'Take down' }).click();
  await expect(dialog).toBeHidden();
  await page.getByRole('button', { name: /^Redis,/ }).click();
  await expect(current(page, 'Redis', 'server')).toHaveAttribute('data-state', 'down');
  await expect(current(page, 'Redis', 'network')).toHaveAttribute('data-state', 'reachable');
  await expect(dialog.getByTestId('Redis-cause')).toContainText('up → down: taken down by you at 09:00:00');
});
