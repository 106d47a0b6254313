/**
 * Issue 15 in the page: the database driver in the driver select, the Failure lab's client
 * settings, cache:clear logging everyone out when sessions share the cache's database, and the
 * hint where the course is wrong about phpredis and Sentinel.
 */
import { test, expect, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { logouts, openPaused, watchErrors } from './helpers';

async function openLab(page: Page) {
  await page.getByRole('button', { name: 'Failure lab', exact: true }).click();
  const lab = page.getByRole('region', { name: 'Failure lab' });
  await expect(lab).toBeVisible();
  return lab;
}

const requests = async (page: Page) => Number((await page.getByLabel('Requests', { exact: true }).textContent())?.replace(/,/g, ''));

/** Play at 60× until `done` holds (polled), then pause. */
async function runUntil(page: Page, done: () => Promise<boolean>) {
  await page.getByLabel('Speed').selectOption('60');
  await page.getByRole('button', { name: 'Play' }).click();
  await expect.poll(done, { timeout: 20_000 }).toBe(true);
  await page.getByRole('button', { name: 'Pause' }).click();
}

test('SESSION_CONNECTION=cache: cache:clear logs everyone out; the phpredis + Sentinel hint', async ({ page }, info) => {
  const errors = watchErrors(page);
  await openPaused(page);
  await page.getByLabel('Session driver').selectOption('redis');
  const lab = await openLab(page);
  const feed = page.getByRole('log');
  await lab.getByLabel('Cache load on Redis').selectOption('light');
  await lab.getByLabel('SESSION_CONNECTION').selectOption('cache');
  await expect(feed).toContainText('SESSION_CONNECTION=cache — cluster restarted');
  await runUntil(page, async () => (await requests(page)) > 300);
  const before = await logouts(page);
  // The flush runs at the next event of the virtual clock.
  await lab.getByRole('button', { name: 'cache:clear' }).click();
  await runUntil(page, async () => (await logouts(page)) > before);
  await expect(feed).toContainText(/php artisan cache:clear: FLUSHDB on the cache connection \(database 1\) removed \d+ cached values? and \d+ sessions?/);

  await lab.getByLabel(/Sentinel/).check();
  await expect(lab.getByText(/Laravel's phpredis connector cannot/)).toBeVisible();
  await page.screenshot({ path: info.outputPath('lab-sentinel.png') });
  await lab.getByLabel('Redis client').selectOption('predis');
  await expect(feed).toContainText('REDIS_CLIENT=predis');
  await expect(lab.getByText(/Laravel's phpredis connector cannot/)).toHaveCount(0);
  const violations = (await new AxeBuilder({ page }).include('#failure-lab').analyze()).violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(violations.map((v) => v.id)).toEqual([]);
  expect(errors).toEqual([]);
});

test('the database driver: SQLite per node logs users out on two nodes; a shared MySQL does not', async ({ page }, info) => {
  const errors = watchErrors(page);
  await openPaused(page);
  await page.getByLabel('Session driver').selectOption('database');
  await runUntil(page, async () => (await logouts(page)) > 0);
  // Each node's card counts the rows in the sessions table on its own disk; both have some.
  for (const node of ['node-1', 'node-2']) {
    await expect(page.getByRole('button', { name: new RegExp(`^${node}, up: .* [1-9][0-9]* session rows? \\(SQLite\\)`) })).toBeVisible();
  }
  const lab = await openLab(page);
  await lab.getByLabel('DB_CONNECTION').selectOption('mysql');
  await expect(page.getByRole('log')).toContainText('DB_CONNECTION=mysql — cluster restarted');
  await runUntil(page, async () => (await requests(page)) > 500);
  expect(await logouts(page)).toBe(0);
  await expect(page.getByRole('button', { name: /^node-1, up: .* sessions in MySQL/ })).toBeVisible();
  // The shared sessions table, as the lab counts it: one row per session, expired ones until gc().
  await expect(lab.getByLabel('Rows in the sessions table')).not.toHaveText('0');
  await expect(lab.getByLabel('Expired rows still in the sessions table')).toHaveText(/^\d/);
  await lab.getByRole('button', { name: 'Database down' }).click();
  await expect(page.getByRole('log')).toContainText('The MySQL server went down');
  await page.screenshot({ path: info.outputPath('lab-database.png') });
  expect(errors).toEqual([]);
});
