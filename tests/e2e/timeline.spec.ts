/**
 * Runs as data in the page (issue 11): the timeline shows exactly the state at T — the same
 * figures `npm run sim` computes for 0..T — by keyboard; changing the past forks (and Undo
 * brings the old future back); a copied link and a saved run reopen the run in the page and in
 * the CLI's engine alike.
 */
import { expect, test, type Page } from '@playwright/test';
import { decodeRunPayload, runLinkUrl } from '../../src/run/link';
import { RUN_PARAM } from '../../src/run/runFormat';
import { replayTo } from '../../src/run/replay';
import { runFileText } from '../../src/run/runFile';
import type { RunLog } from '../../src/run/runLog';
import { summarize } from '../../src/sim/summary';
import { DEFAULT_CONFIG, settingsFor } from '../../src/ui/state/config';
import { clock } from '../../src/ui/format';
import { logouts, requests } from './helpers';

/** What the CLI's engine says the counters are at `ms` (as `npm run sim -- --duration T` prints for 0..T). */
async function engineAt(run: RunLog, ms: number) {
  const sim = (await replayTo(run, ms, { traceLimit: 0 }))!;
  const s = summarize(sim);
  sim.dispose();
  return { logouts: s.logouts, requests: s.requests };
}

async function pageCounters(page: Page) {
  return { logouts: await logouts(page), requests: await requests(page) };
}

const slider = (page: Page) => page.getByRole('slider', { name: 'Timeline' });

test('scrubbing by keyboard shows exactly the state at T; a change in the past forks, Undo restores', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto('/?paused');
  await expect(page.getByRole('button', { name: 'Play' })).toBeVisible();
  // Play until the run has passed 2 minutes, then pause.
  await page.getByLabel('Speed').selectOption('60');
  await page.getByRole('button', { name: 'Play' }).click();
  await expect.poll(async () => Number(await slider(page).getAttribute('aria-valuemax')), { timeout: 60_000 }).toBeGreaterThan(130);
  await page.getByRole('button', { name: 'Pause' }).click();

  await slider(page).focus();
  await page.keyboard.press('Home');
  await expect(slider(page)).toHaveAttribute('aria-valuenow', '0');
  for (let i = 0; i < 6; i++) await page.keyboard.press('PageUp');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowLeft');
  await expect(slider(page)).toHaveAttribute('aria-valuenow', '60');
  await expect(slider(page)).toHaveAttribute('aria-valuetext', '09:01:00');
  await expect(page.getByLabel('Virtual clock')).toHaveText('09:01:00');
  const run: RunLog = { settings: settingsFor(DEFAULT_CONFIG), interventions: [] };
  const want = await engineAt(run, 60_000);
  await expect.poll(() => pageCounters(page)).toEqual(want);
  expect(want.requests).toBeGreaterThan(100);

  // End goes back to the latest moment reached.
  const latest = Number(await slider(page).getAttribute('aria-valuemax'));
  await page.keyboard.press('End');
  await expect(slider(page)).toHaveAttribute('aria-valuenow', String(latest));
  await page.keyboard.press('Home');
  for (let i = 0; i < 6; i++) await page.keyboard.press('PageUp');
  await expect(page.getByLabel('Virtual clock')).toHaveText('09:01:00');

  // Crash node-2 while looking at 09:01:00: a new future starts there.
  await page.getByRole('button', { name: /^node-2,/ }).click();
  await page.getByRole('dialog', { name: 'node-2' }).getByRole('button', { name: 'Crash' }).click();
  await expect(page.getByRole('log')).toContainText(/forked at 09:01:00 — the later [\d a-z]+ were discarded/);
  await expect(slider(page)).toHaveAttribute('aria-valuemax', '60');
  const undo = page.getByRole('button', { name: 'Undo' });
  await expect(undo).toBeEnabled();
  await undo.click();
  await expect(page.getByRole('log')).toContainText('Undo: the discarded future is back');
  await expect(slider(page)).toHaveAttribute('aria-valuemax', String(latest));
  await expect.poll(() => pageCounters(page)).toEqual(want);
});

test('Copy link gives a URL that reopens the run in the page and in the CLI engine, paused at the moment', async ({ page, context, baseURL }) => {
  test.setTimeout(120_000);
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto('/?paused&driver=redis&strategy=cookie&users=40');
  await expect(page.getByRole('button', { name: 'Play' })).toBeVisible();
  await page.getByLabel('Speed').selectOption('60');
  await page.getByRole('button', { name: 'Play' }).click();
  await expect.poll(async () => Number(await slider(page).getAttribute('aria-valuenow')), { timeout: 60_000 }).toBeGreaterThan(30);
  await page.getByRole('button', { name: 'Pause' }).click();
  await page.getByRole('button', { name: /^node-2,/ }).click();
  await page.getByRole('dialog', { name: 'node-2' }).getByRole('button', { name: 'Crash' }).click();
  await page.getByRole('button', { name: 'Play' }).click();
  await expect.poll(async () => Number(await slider(page).getAttribute('aria-valuenow')), { timeout: 60_000 }).toBeGreaterThan(90);
  await page.getByRole('button', { name: 'Pause' }).click();

  await page.getByRole('button', { name: 'Copy link' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Link copied' })).toBeVisible();
  const url = await page.evaluate(() => navigator.clipboard.readText());
  expect(url.startsWith(`${baseURL}/?${RUN_PARAM}=`)).toBe(true);
  // The CLI's engine reads the same run from the link; the page shows the same figures at that moment.
  const d = decodeRunPayload(new URL(url).searchParams.get(RUN_PARAM)!);
  if (!d.ok) throw new Error(d.error);
  expect(d.value.ignored).toEqual([]);
  expect(d.value.run.interventions).toEqual([expect.objectContaining({ kind: 'fault', action: { kind: 'crash', node: 'node-2' } })]);
  const want = await engineAt(d.value.run, d.value.atMs);
  const shown = { clock: clock(d.value.atMs), ...want };
  await expect(page.getByLabel('Virtual clock')).toHaveText(shown.clock);
  await expect.poll(() => pageCounters(page)).toEqual(want);

  // A fresh page opens the link paused at that moment, with the same figures.
  const other = await context.newPage();
  await other.goto(url);
  await expect(other.getByRole('button', { name: 'Play' })).toBeVisible();
  await expect(other.getByLabel('Virtual clock')).toHaveText(shown.clock!);
  await expect.poll(() => pageCounters(other)).toEqual({ logouts: shown.logouts, requests: shown.requests });
});

test('a saved run opens from Open run…; a tampered link says what it ignored, a damaged one why it opened the default cluster', async ({ page, baseURL }) => {
  test.setTimeout(120_000);
  const settings = settingsFor({ ...DEFAULT_CONFIG, driver: 'redis' });
  const run: RunLog = { settings, interventions: [{ kind: 'fault', t: 20_000, action: { kind: 'redis-down' } }, { kind: 'fault', t: 40_000, action: { kind: 'redis-up' } }] };
  await page.goto('/?paused');
  await expect(page.getByRole('button', { name: 'Play' })).toBeVisible();
  await page.locator('input[type=file]').setInputFiles({ name: 'outage.json', mimeType: 'application/json', buffer: Buffer.from(runFileText({ run, atMs: 50_000 })) });
  await expect(page.getByRole('status').filter({ hasText: 'Opened outage.json, paused at 09:00:50' })).toBeVisible();
  await expect(page.getByLabel('Virtual clock')).toHaveText('09:00:50');
  await expect.poll(() => pageCounters(page)).toEqual(await engineAt(run, 50_000));

  const link = new URL(runLinkUrl(`${baseURL}/`, { run, atMs: 30_000 }));
  // Tamper with it: an unknown node in an intervention, made by hand.
  const bad = { ...run, interventions: [...run.interventions, { kind: 'fault' as const, t: 45_000, action: { kind: 'crash' as const, node: 'node-7' } }] };
  const tampered = runLinkUrl(`${baseURL}/`, { run: bad, atMs: 30_000 });
  await page.goto(tampered);
  await expect(page.getByLabel('Virtual clock')).toHaveText('09:00:30');
  await expect(page.getByRole('log')).toContainText('the cluster has no node-7 (ignored)');
  expect(link.searchParams.get(RUN_PARAM)).toBeTruthy();

  // A damaged link (the reader loads for it, as for a good one): the page opens the default cluster, paused, and says why.
  await page.goto('/?run=not*a*link');
  await expect(page.getByRole('button', { name: 'Play' })).toBeVisible();
  await expect(page.getByRole('log')).toContainText('link: the run in the link has characters a link of ours never has (was it cut or edited?) — the default cluster is shown instead');
});

test('a redis-cli line is part of the run: a link replays it at its moment', async ({ page, context }) => {
  test.setTimeout(120_000);
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto('/?driver=redis&speed=10');
  await expect.poll(async () => Number(await slider(page).getAttribute('aria-valuenow')), { timeout: 60_000 }).toBeGreaterThan(20);
  await page.getByRole('button', { name: 'Pause' }).click();
  const cli = page.getByRole('textbox', { name: 'redis-cli', exact: true });
  await cli.scrollIntoViewIfNeeded();
  await cli.fill('FLUSHALL');
  await cli.press('Enter');
  await expect(page.getByRole('region', { name: 'Redis console output' })).toContainText('OK');
  await page.getByRole('button', { name: 'Copy link' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Link copied' })).toBeVisible();
  const url = await page.evaluate(() => navigator.clipboard.readText());
  const d = decodeRunPayload(new URL(url).searchParams.get(RUN_PARAM)!);
  if (!d.ok) throw new Error(d.error);
  expect(d.value.run.interventions).toEqual([expect.objectContaining({ kind: 'redis-cli', line: 'FLUSHALL' })]);
  expect(d.value.run.interventions[0]!.t).toBe(d.value.atMs);
});

test('the Users control follows the moment shown: a live change later in the run is not shown in the past', async ({ page }) => {
  test.setTimeout(60_000);
  await page.goto('/?paused&users=30');
  await expect(page.getByRole('button', { name: 'Play' })).toBeVisible();
  await page.getByLabel('Speed').selectOption('10');
  await page.getByRole('button', { name: 'Play' }).click();
  await expect.poll(async () => Number(await slider(page).getAttribute('aria-valuemax')), { timeout: 30_000 }).toBeGreaterThanOrEqual(5);
  await page.getByLabel('Users', { exact: true }).selectOption('100');
  await expect(page.getByRole('log')).toContainText('users: 100 (applied live)');
  await expect.poll(async () => Number(await slider(page).getAttribute('aria-valuemax')), { timeout: 30_000 }).toBeGreaterThanOrEqual(12);
  await page.getByRole('button', { name: 'Pause' }).click();
  await slider(page).focus();
  await page.keyboard.press('Home');
  await expect(slider(page)).toHaveAttribute('aria-valuenow', '0');
  await expect(page.getByLabel('Users', { exact: true })).toHaveValue('30');
  await page.keyboard.press('End');
  await expect(page.getByLabel('Users', { exact: true })).toHaveValue('100');
});
