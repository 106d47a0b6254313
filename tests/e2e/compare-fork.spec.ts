/**
 * Compare set-ups… after a fork (issue 11): a student plays with file sessions, goes back to
 * 09:01:00 and switches the driver to Redis; the dialog measures the run they discarded beside
 * the one they have, over the same span, with the course table's figures.
 */
import { expect, test, type Page } from '@playwright/test';
import { replayTo } from '../../src/run/replay';
import type { RunLog } from '../../src/run/runLog';
import { summarize } from '../../src/sim/summary';
import { DEFAULT_CONFIG, settingsFor } from '../../src/ui/state/config';
import { axeViolations, watchErrors } from './helpers';

const slider = (page: Page) => page.getByRole('slider', { name: 'Timeline' });
/** What the CLI's engine says a run's counters are at `ms`. */
async function engineAt(run: RunLog, ms: number) {
  const sim = (await replayTo(run, ms, { traceLimit: 0 }))!;
  const s = summarize(sim);
  sim.dispose();
  return { logouts: s.logouts, requests: s.requests };
}

const number = (text: string | null) => Number((text ?? '').replace(/,/g, ''));

test('the discarded future is a row beside what you changed, measured the same way', async ({ page }) => {
  test.setTimeout(150_000);
  const errors = watchErrors(page);
  await page.goto('/?paused');
  await expect(page.getByRole('button', { name: 'Play' })).toBeVisible();
  await expect(page.getByLabel('Session driver', { exact: true })).toHaveValue('file');

  // No fork yet: the dialog says how to get one, and shows the course's table as before.
  await page.getByRole('button', { name: 'Compare set-ups…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Compare set-ups' });
  await expect(dialog.getByText(/change something .* the run forks/)).toBeVisible();
  await expect(dialog.getByRole('region', { name: 'Your change beside the run you discarded' })).toHaveCount(0);
  await dialog.getByRole('button', { name: 'Close Compare set-ups' }).click();
  await expect(dialog).toBeHidden();

  // Play with file sessions past 2 minutes, then go back to 09:01:00 by keyboard.
  await page.getByLabel('Speed').selectOption('60');
  await page.getByRole('button', { name: 'Play' }).click();
  await expect.poll(async () => Number(await slider(page).getAttribute('aria-valuemax')), { timeout: 60_000 }).toBeGreaterThan(130);
  await page.getByRole('button', { name: 'Pause' }).click();
  await slider(page).focus();
  await page.keyboard.press('Home');
  for (let i = 0; i < 6; i++) await page.keyboard.press('PageUp');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowLeft');
  await expect(page.getByLabel('Virtual clock')).toHaveText('09:01:00');
  const latest = Number(await slider(page).getAttribute('aria-valuemax'));

  // Switch to Redis while looking at 09:01:00: the run forks there.
  await page.getByLabel('Session driver', { exact: true }).selectOption('redis');
  await expect(page.getByRole('log')).toContainText(/forked at 09:01:00 with settings changed: SESSION_DRIVER=redis — .* the later [\d a-z]+ were discarded/, { timeout: 30_000 });
  await expect(page.getByLabel('Virtual clock')).toHaveText('09:01:00');
  await expect(slider(page)).toHaveAttribute('aria-valuemax', '60');
  await expect(page.getByRole('button', { name: 'Undo' })).toBeEnabled();

  await page.getByRole('button', { name: 'Compare set-ups…' }).click();
  await expect(dialog).toBeVisible();
  const fork = dialog.getByRole('region', { name: 'Your change beside the run you discarded' });
  const table = fork.getByRole('region', { name: 'Your change and the run you discarded' }).getByRole('table', { name: new RegExp(`Both runs replayed from 09:00:00 to ${clockOf(latest)} \\(the latest moment either run reached\\) and measured like the set-ups below: seed 1, 100 users`) });
  await expect(table).toBeVisible();
  const before = table.getByRole('row', { name: /^Before your change \(discarded at 09:01:00\)/ });
  const after = table.getByRole('row', { name: /^What you changed/ });
  await expect(before).toContainText('file · round-robin');
  await expect(after).toContainText('redis · round-robin');
  await expect(before).toContainText('Fails in Clusters');
  await expect(after).toContainText('Excellent');
  await expect(after.locator('[data-col="logouts"]')).toBeVisible({ timeout: 60_000 });
  const was = number(await before.locator('[data-col="logouts"]').textContent());
  const now = number(await after.locator('[data-col="logouts"]').textContent());
  expect(was).toBeGreaterThan(0);
  expect(now).toBeLessThan(was);
  // Each row is its run replayed to the same moment: what the CLI's engine computes for 0..T.
  const want = async (driver: 'file' | 'redis') => engineAt({ settings: settingsFor({ ...DEFAULT_CONFIG, driver }), interventions: [] }, latest * 1000);
  const cells = async (row: typeof before) => ({
    logouts: number(await row.locator('[data-col="logouts"]').textContent()),
    requests: number(await row.locator('[data-col="requests"]').textContent()),
  });
  expect(await cells(before)).toEqual(await want('file'));
  expect(await cells(after)).toEqual(await want('redis'));
  await expect(fork.getByText(`Your change, over the same ${spanOf(latest)}: logouts ${count(was)} → ${count(now)}`)).toBeVisible();
  await expect(fork).toContainText('SESSION_DRIVER=file → SESSION_DRIVER=redis');
  // The course's table is still there below.
  await expect(dialog.getByText(/^Done: 6 set-ups measured/)).toBeVisible({ timeout: 60_000 });
  expect(await axeViolations(page)).toEqual([]);
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();

  // Undo brings the file run back, at the moment shown.
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByRole('log')).toContainText('Undo: the discarded future is back');
  await expect(page.getByLabel('Session driver', { exact: true })).toHaveValue('file');
  await expect(slider(page)).toHaveAttribute('aria-valuemax', String(latest));
  await expect(page.getByLabel('Virtual clock')).toHaveText('09:01:00');
  expect(errors).toEqual([]);
});

function clockOf(sec: number): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `09:${p(Math.floor(sec / 60))}:${p(sec % 60)}`;
}

function spanOf(sec: number): string {
  return sec < 60 ? `${sec} s` : `${Math.floor(sec / 60)} min${sec % 60 ? ` ${sec % 60} s` : ''}`;
}

function count(n: number): string {
  return n.toLocaleString('en-US');
}
