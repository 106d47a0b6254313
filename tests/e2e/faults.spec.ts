import { test, expect } from '@playwright/test';
import { openPaused, runFor } from './helpers';

/** The requests per second a node card announces. */
async function rps(page: import('@playwright/test').Page, node: string): Promise<number> {
  const label = await page.getByRole('button', { name: new RegExp(`^${node},`) }).getAttribute('aria-label');
  return Number(/: (\d+) requests per second/.exec(label ?? '')?.[1] ?? NaN);
}

test('crashing a node reroutes its traffic, and the event feed says so', async ({ page }) => {
  await openPaused(page);
  await runFor(page, 1_000);
  expect(await rps(page, 'node-2')).toBeGreaterThan(0);

  await page.getByRole('button', { name: /^node-2,/ }).click();
  const dialog = page.getByRole('dialog', { name: 'node-2' });
  await dialog.getByRole('button', { name: 'Crash' }).click();
  const feed = page.getByRole('log');
  await expect(feed).toContainText('node-2 crashed');
  await expect(page.getByRole('button', { name: /^node-2, down/ })).toBeVisible();
  // The menu closed after its action: the stage where the consequence plays out is not covered.
  await expect(dialog).toBeHidden();

  await runFor(page, 1_500);
  // nginx stops sending to the dead node; the other one takes all the traffic.
  await expect(feed).toContainText(/\d+ users? re-routed from node-2 to other nodes/);
  expect(await rps(page, 'node-2')).toBe(0);
  expect(await rps(page, 'node-1')).toBeGreaterThan(0);

  // Restart brings it back.
  await page.getByRole('button', { name: /^node-2,/ }).click();
  await page.getByRole('dialog', { name: 'node-2' }).getByRole('button', { name: 'Restart' }).click();
  await expect(feed).toContainText('node-2 restarting');
  await runFor(page, 800);
  await expect(feed).toContainText('node-2 is up');
});

test('Redis can be taken down and brought back from the stage', async ({ page }) => {
  await openPaused(page);
  await page.getByLabel('Session driver').selectOption('redis');
  await page.getByRole('button', { name: /^Redis, up/ }).click();
  const dialog = page.getByRole('dialog', { name: 'Redis' });
  await dialog.getByRole('button', { name: 'Take down' }).click();
  await expect(page.getByRole('log')).toContainText('Redis went down');
  await runFor(page, 1_000);
  // Laravel has no fallback: every request that needs its session gets a 500.
  await expect(page.getByLabel('5xx responses')).not.toHaveText('0');
  // The menu closed after Take down (so the stage shows what it caused): open it again.
  await expect(dialog).toBeHidden();
  await page.getByRole('button', { name: /^Redis, down/ }).click();
  await dialog.getByRole('button', { name: 'Bring up' }).click();
  await expect(page.getByRole('log')).toContainText('Redis is back up');
});

test('inspecting a user shows their cookies and session id', async ({ page }) => {
  await openPaused(page);
  await runFor(page, 800);
  await page.getByLabel('User #').fill('1');
  await page.getByRole('button', { name: 'Inspect', exact: true }).click();
  const inspector = page.getByRole('region', { name: 'User 1' });
  await expect(inspector.getByRole('table')).toContainText('laravel_session');
  await expect(inspector.getByRole('table')).toContainText('XSRF-TOKEN');
  await expect(inspector.getByRole('list', { name: 'Recent requests of user 1' }).getByRole('listitem').first()).toContainText(/GET|POST/);
});
