/**
 * Seeking from a checkpoint (issue 11, item 6): once the run has played past a checkpoint, a
 * seek back restores it instead of replaying from 0 — and the page must show exactly what a
 * replay from 0 shows: the clock, the counters, the event feed, the crowd, and a user's
 * cookies and last requests in the inspector (the marks kept beside the checkpoint).
 */
import { expect, test, type Page } from '@playwright/test';
import { CHECKPOINT_INTERVAL_MS } from '../../src/run/checkpoints';
import { clock } from '../../src/ui/format';
import { clockSeconds, logouts, requests } from './helpers';

const slider = (page: Page) => page.getByRole('slider', { name: 'Timeline' });

/** Everything the page shows of the moment, as text. */
async function shown(page: Page, user: number) {
  await page.getByLabel('User #').fill(String(user));
  await page.getByRole('button', { name: 'Inspect', exact: true }).click();
  const inspector = page.getByRole('region', { name: `User ${user}` });
  await expect(inspector.getByRole('list', { name: `Recent requests of user ${user}` })).toBeVisible();
  return {
    clock: await page.getByLabel('Virtual clock').textContent(),
    logouts: await logouts(page),
    requests: await requests(page),
    crowd: (await page.getByRole('button', { name: /^Crowd:/ }).getAttribute('aria-label'))?.replace(/ At person \d+$/, ''),
    feed: await page.getByRole('log', { name: 'Events' }).innerText(),
    inspector: await inspector.innerText(),
  };
}

async function playUntil(page: Page, seconds: number): Promise<void> {
  await page.getByRole('button', { name: 'Play' }).click();
  await expect.poll(async () => Number(await slider(page).getAttribute('aria-valuenow')), { timeout: 60_000 }).toBeGreaterThan(seconds);
  await page.getByRole('button', { name: 'Pause' }).click();
}

test('a seek served by a checkpoint shows what a replay from 0 shows', async ({ page, context }) => {
  test.setTimeout(150_000);
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto('/?paused');
  await expect(page.getByRole('button', { name: 'Play' })).toBeVisible();
  await page.getByLabel('Speed').selectOption('60');
  // A crash at X s (X ≥ 35: whenever the pause lands) puts lines in the feed and users in trouble.
  await playUntil(page, 35);
  const crashAt = await clockSeconds(page);
  await page.getByRole('button', { name: /^node-2,/ }).click();
  await page.getByRole('dialog', { name: 'node-2' }).getByRole('button', { name: 'Crash' }).click();
  await expect(page.getByRole('log', { name: 'Events' })).toContainText('node-2 crashed');
  await page.keyboard.press('Escape');
  // Show X + 65 s: a checkpoint (one each 60 s of play) lies between the crash and that moment.
  const target = crashAt + CHECKPOINT_INTERVAL_MS / 1000 + 5;
  await playUntil(page, target + 10);

  // Home (0 s), forward in 10 s and 1 s steps to 3 s past the target (a checkpoint passed on the
  // way is restored), then back 3 s (the latest checkpoint before it is restored).
  await slider(page).focus();
  await page.keyboard.press('Home');
  for (let i = 0; i < Math.floor((target + 3) / 10); i++) await page.keyboard.press('PageUp');
  for (let i = 0; i < (target + 3) % 10; i++) await page.keyboard.press('ArrowRight');
  for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowLeft');
  await expect(slider(page)).toHaveAttribute('aria-valuenow', String(target));
  await expect(page.getByLabel('Virtual clock')).toHaveText(clock(target * 1000));
  const here = await shown(page, 7);

  // The same moment in a fresh page: a link replays the run from 0.
  await page.getByRole('button', { name: 'Copy link' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Link copied' })).toBeVisible();
  const url = await page.evaluate(() => navigator.clipboard.readText());
  const fresh = await context.newPage();
  await fresh.goto(url);
  await expect(fresh.getByLabel('Virtual clock')).toHaveText(clock(target * 1000));
  await expect.poll(() => shown(fresh, 7), { timeout: 30_000 }).toEqual(here);
  expect(here.feed).toContain('node-2 crashed');
  expect(here.requests).toBeGreaterThan(100);
});
