/**
 * The failure lab and the compare view, as a student uses them: settings that restart the
 * cluster, faults that show on the stage and in the feed, and the course's table measured.
 */
import { test, expect, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { logouts, openPaused, watchErrors } from './helpers';

/** Serious or critical axe-core violations on the page as it is now. */
async function axeViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

async function openLab(page: Page) {
  await page.getByRole('button', { name: 'Failure lab', exact: true }).click();
  const lab = page.getByRole('region', { name: 'Failure lab' });
  await expect(lab).toBeVisible();
  return lab;
}

async function play(page: Page, speed = '60') {
  await page.getByLabel('Speed').selectOption(speed);
  await page.getByRole('button', { name: 'Play' }).click();
}

async function pause(page: Page) {
  await page.getByRole('button', { name: 'Pause' }).click();
}

/** The virtual clock (09:00:00 at the start) in seconds since the start. */
async function clock(page: Page): Promise<number> {
  const [h, m, s] = ((await page.getByLabel('Virtual clock').textContent()) ?? '').split(':').map(Number);
  return (h! - 9) * 3600 + m! * 60 + s!;
}
const number = (text: string | null) => Number((text ?? '').replace(/,/g, ''));

test('a shared Redis under maxmemory evicts sessions; a dedicated session Redis keeps them', async ({ page }) => {
  const errors = watchErrors(page);
  await openPaused(page);
  await page.getByLabel('Session driver').selectOption('redis');
  const lab = await openLab(page);
  const feed = page.getByRole('log');
  await lab.getByLabel('Redis maxmemory').selectOption({ label: '2 MB' });
  await lab.getByLabel('Eviction policy').selectOption('allkeys-lru');
  await lab.getByLabel('Cache load on Redis').selectOption('heavy');
  await expect(feed).toContainText('settings changed: cache load heavy — cluster restarted');
  // The Redis card shows the limit and the policy it evicts under.
  await expect(page.getByRole('button', { name: /^Redis, up: sessions \+ cache, \d+ keys, memory [\d.]+[BKM]?\/2M/ })).toBeVisible();

  await play(page);
  await expect.poll(() => logouts(page), { timeout: 20_000 }).toBeGreaterThan(0);
  await pause(page);
  const until = await clock(page);
  expect(number(await lab.getByLabel('Evicted keys', { exact: true }).textContent())).toBeGreaterThan(0);
  await expect(page.getByRole('button', { name: /^Redis, up: .* [1-9][\d]* evicted keys/ })).toBeVisible();

  // The fix: sessions on their own Redis (same size, same policy). The cache still evicts; sessions do not.
  await lab.getByLabel(/Dedicated session Redis/).check();
  await expect(feed).toContainText('sessions on their own Redis — cluster restarted');
  await expect(page.getByRole('group', { name: /^Redis, up: cache,/ })).toBeVisible();
  expect(await logouts(page)).toBe(0);
  await play(page);
  await expect.poll(() => clock(page), { timeout: 20_000 }).toBeGreaterThanOrEqual(until);
  await pause(page);
  expect(await logouts(page)).toBe(0);
  await expect(page.getByRole('group', { name: /^Redis, up: cache, .* [1-9][\d]* evicted keys/ })).toBeVisible();
  await expect(page.getByRole('button', { name: /^Redis, up: sessions, .* 0 evicted keys/ })).toBeVisible();
  // The lab's tally counts evicted sessions apart from the cache's evictions (which are not in orange).
  expect(number(await lab.getByLabel('Evicted keys', { exact: true }).textContent())).toBe(0);
  expect(number(await lab.getByLabel('Evicted cache keys').textContent())).toBeGreaterThan(0);
  const cacheEvicted = page.getByRole('group', { name: /^Redis, up: cache,/ }).locator('.evicted .v');
  expect(await cacheEvicted.evaluate((el) => getComputedStyle(el).color)).not.toBe('rgb(154, 61, 0)');
  expect(errors).toEqual([]);
});

test('a rolling deploy drains and replaces each node, and the feed says when it is done', async ({ page }) => {
  await openPaused(page);
  const lab = await openLab(page);
  await lab.getByRole('button', { name: 'Rolling deploy' }).click();
  const feed = page.getByRole('log');
  await expect(feed).toContainText('deploy started: 2 nodes in turn');
  await expect(page.getByRole('button', { name: /^node-1, \w+: .*deploy: (draining|new release)/ })).toBeVisible();
  await expect(page.getByRole('button', { name: /^node-2, up: .*deploy: waiting/ })).toBeVisible();
  await expect(lab.getByRole('button', { name: 'Rolling deploy' })).toBeDisabled();
  await play(page);
  await expect(feed).toContainText('deploy finished: 2 nodes on the new release', { timeout: 15_000 });
  await pause(page);
  await expect(feed).toContainText('deploy: node-2 replaced by the new release');
});

test('a node cut off from Redis hangs until nginx answers 504, and heals', async ({ page }) => {
  await openPaused(page);
  await page.getByLabel('Session driver').selectOption('redis');
  await page.getByRole('button', { name: /^node-1,/ }).click();
  await page.getByRole('dialog', { name: 'node-1' }).getByRole('button', { name: 'Partition from Redis' }).click();
  const feed = page.getByRole('log');
  await expect(feed).toContainText('node-1 is cut off from Redis');
  await expect(page.getByRole('button', { name: /^node-1, up: .*cut off from Redis/ })).toBeVisible();
  await page.keyboard.press('Escape');

  const lab = await openLab(page);
  await expect(lab.getByRole('row', { name: /node-1/ })).toContainText('cut off from Redis');
  await play(page);
  // nginx's proxy_read_timeout is 60 virtual seconds: at 60× about a second.
  await expect.poll(async () => number(await lab.getByLabel('504 timeouts').textContent()), { timeout: 15_000 }).toBeGreaterThan(0);
  await pause(page);
  expect(number(await page.getByLabel('5xx responses').textContent())).toBeGreaterThan(0);

  await lab.getByRole('button', { name: 'Heal node-1' }).click();
  await expect(feed).toContainText('node-1 can reach Redis again');
  await expect(page.getByRole('button', { name: /^node-1,/ })).not.toHaveAccessibleName(/cut off/);
});

test('Redis failover needs Sentinel, then counts down to the promotion', async ({ page }) => {
  await openPaused(page);
  await page.getByLabel('Session driver').selectOption('redis');
  const lab = await openLab(page);
  const failover = lab.getByRole('button', { name: 'Redis failover' });
  await expect(failover).toBeDisabled();
  await expect(failover).toHaveAccessibleDescription('needs Sentinel (turn it on above)');
  await lab.getByLabel(/Sentinel/).check();
  await expect(failover).toBeEnabled();
  await failover.click();
  await expect(page.getByRole('log')).toContainText('Redis primary died; Sentinel will promote the replica');
  await expect(page.getByRole('button', { name: /^Redis, failing over: .*Sentinel promotes the replica in 3[0-2] s/ })).toBeVisible();
  expect(await axeViolations(page)).toEqual([]);
  await play(page);
  // With phpredis (Laravel's default client) the app never follows the promotion: the feed says so.
  await expect(page.getByRole('log')).toContainText('Sentinel promoted the replica', { timeout: 15_000 });
  await expect(page.getByRole('log')).toContainText('Laravel keeps connecting to the dead primary');
  await pause(page);
});

test('the run waits paused behind Compare set-ups and plays on when it closes, as it was', async ({ page }) => {
  test.setTimeout(90_000);
  const errors = watchErrors(page);
  await openPaused(page);
  await play(page, '10');
  await expect.poll(() => clock(page)).toBeGreaterThan(2);
  // The page's Play/Pause button, read behind the modal dialog (inert there, so not by role).
  const playButton = page.locator('section.controls button.play');
  const dialog = page.getByRole('dialog', { name: 'Compare set-ups' });
  await page.getByRole('button', { name: 'Compare set-ups…' }).click();
  await expect(dialog).toBeVisible();
  await expect(playButton).toHaveText('Play');
  const held = await clock(page);
  // Six whole runs later (seconds of real time, a minute of virtual time at 10×) the clock has not moved.
  await expect(dialog.getByText(/^Done: 6 set-ups measured/)).toBeVisible({ timeout: 50_000 });
  expect(await clock(page)).toBe(held);
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible();
  await expect.poll(() => clock(page)).toBeGreaterThan(held);
  // Paused before it opened: still paused after it closes.
  await pause(page);
  await expect(page.getByRole('button', { name: 'Play' })).toBeVisible();
  await page.getByRole('button', { name: 'Compare set-ups…' }).click();
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Close Compare set-ups' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('button', { name: 'Play' })).toBeVisible();
  expect(errors).toEqual([]);
});

test('Compare set-ups runs the same traffic through the course table and measures it', async ({ page }) => {
  test.setTimeout(90_000); // six set-ups of 300 virtual seconds each, on a shared machine
  const errors = watchErrors(page);
  await openPaused(page);
  await page.getByRole('button', { name: 'Compare set-ups…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Compare set-ups' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByText(/^Done: 6 set-ups measured/)).toBeVisible({ timeout: 50_000 });
  const table = dialog.getByRole('table', { name: /seed 1, 100 users .*2 nodes, 300 virtual seconds/ });
  await expect(table.getByRole('columnheader', { name: 'Reliability' })).toBeVisible();
  const cell = (row: string, col: string) => table.getByRole('row', { name: new RegExp(`^${row}`) }).locator(`[data-col="${col}"]`);
  expect(number(await cell('File driver', 'logouts').textContent())).toBeGreaterThan(0);
  await expect(cell('Redis driver', 'logouts')).toHaveText('0');
  await expect(cell('Redis \\+ sticky', 'logouts')).toHaveText('0');
  await expect(table.getByRole('row', { name: /^File driver/ })).toContainText('Fails in Clusters');
  await expect(dialog).toContainText('Measured on the same traffic: same seed, same users, same faults.');
  expect(await axeViolations(page)).toEqual([]);
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('button', { name: 'Compare set-ups…' })).toBeFocused();
  expect(errors).toEqual([]);
});
