/**
 * Side by side (issue 12, item 6): "the same users, the same crash, file vs Redis" — two
 * clusters on one clock, opened from the compare view or a link, a fault hitting both at once,
 * each side's counters under its stage, and the way back to the single cluster.
 */
import { test, expect, type Locator, type Page } from '@playwright/test';
import { axeViolations, openPaused, visibleText, watchErrors } from './helpers';

const FILE = 'SESSION_DRIVER=file';
const REDIS = 'SESSION_DRIVER=redis';

function view(page: Page): Locator {
  return page.getByRole('region', { name: `Side by side: ${FILE} vs ${REDIS}` });
}

/** One side's counter, by its accessible name ("Logouts, SESSION_DRIVER=file"). */
async function counter(page: Page, name: string, side: string): Promise<number> {
  return Number((await page.getByLabel(`${name}, ${side}`, { exact: true }).textContent())?.replace(/,/g, ''));
}

/** The shared virtual clock, as seconds since 09:00:00. */
async function seconds(v: Locator): Promise<number> {
  const [h, m, s] = ((await v.getByLabel('Virtual clock').textContent()) ?? '').split(':').map(Number);
  return ((h ?? 0) - 9) * 3600 + (m ?? 0) * 60 + (s ?? 0);
}

/**
 * Play a virtual minute (people log in), crash node-2 once with the hotkey — on both sides —
 * and watch the file side log out the people whose sessions were on node-2's disk, while
 * Redis keeps everyone.
 */
async function crashBoth(page: Page): Promise<void> {
  const v = view(page);
  const left = v.getByRole('region', { name: `Left: ${FILE}` });
  const right = v.getByRole('region', { name: `Right: ${REDIS}` });
  await v.getByLabel('Speed').selectOption('30');
  // Both clusters built (the controls are enabled), then play if the view opened paused.
  await expect(v.getByRole('button', { name: 'Step' })).toBeEnabled();
  const play = v.getByRole('button', { name: 'Play' });
  if (await play.isVisible()) await play.click();
  await expect(v.getByRole('button', { name: 'Pause' })).toBeVisible();
  await expect.poll(async () => seconds(v), { timeout: 20_000 }).toBeGreaterThanOrEqual(60);
  await page.keyboard.press('2');
  // The feed of each side says it happened to both, at one moment.
  const said = /you: crash node-2 — applied to both sides at (09:\d\d:\d\d)/;
  await expect(left.getByRole('log')).toContainText(said);
  await expect(right.getByRole('log')).toContainText(said);
  const atLeft = said.exec((await left.getByRole('log').textContent()) ?? '')![1];
  const atRight = said.exec((await right.getByRole('log').textContent()) ?? '')![1];
  expect(atRight).toBe(atLeft);
  await expect(left.getByRole('button', { name: /^node-2, down/ })).toBeVisible();
  await expect(right.getByRole('button', { name: /^node-2, down/ })).toBeVisible();
  const before = await counter(page, 'Logouts', FILE);
  await expect.poll(async () => counter(page, 'Logouts', FILE), { timeout: 15_000 }).toBeGreaterThan(before);
  await v.getByRole('button', { name: 'Pause' }).click();
  // Redis keeps every session through the crash: nobody on that side was logged out.
  expect(await counter(page, 'Logouts', REDIS)).toBe(0);
  expect(await counter(page, 'Requests', REDIS)).toBeGreaterThan(0);
  // Both are at the same moment: one clock.
  await expect(v.getByLabel('Virtual clock')).not.toHaveText('09:00:00');
}

test('from Compare set-ups: "Show side by side", a crash on both, file logs people out, Redis does not; and back', async ({ page }) => {
  const errors = watchErrors(page);
  await openPaused(page);
  await page.getByRole('button', { name: 'Compare set-ups…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Compare set-ups' });
  // The row running now has nothing to compare with; the Redis row does.
  await expect(dialog.getByRole('button', { name: /^Show side by side: File driver is the set-up running now/ })).toBeDisabled();
  await dialog.getByRole('button', { name: `Show side by side: ${FILE} vs ${REDIS}` }).click();
  await expect(dialog).toBeHidden();
  const v = view(page);
  await expect(v).toBeVisible();
  await expect(v.getByRole('heading', { name: `Side by side: ${FILE} vs ${REDIS}` })).toBeFocused();
  // It runs at once, as the page does when it opens.
  await expect(v.getByRole('button', { name: 'Pause' })).toBeVisible();
  // The single cluster waits behind it; the address reopens this view.
  await expect(page.getByRole('region', { name: 'Simulation controls' })).toBeHidden();
  expect(new URL(page.url()).searchParams.get('side')).toBe('driver:redis');

  // Each side's counters say which side they are.
  for (const side of [FILE, REDIS]) {
    const group = page.getByRole('group', { name: `Totals since the start, ${side}` });
    await expect(group).toBeVisible();
    for (const name of ['Logouts', '419 responses', '5xx responses', 'Requests']) await expect(group.getByLabel(`${name}, ${side}`, { exact: true })).toBeVisible();
  }
  await crashBoth(page);
  expect(await axeViolations(page)).toEqual([]);

  await v.getByRole('button', { name: 'Back to one cluster' }).click();
  await expect(v).toBeHidden();
  await expect(page.getByRole('region', { name: 'Simulation controls' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Compare set-ups…' })).toBeFocused();
  expect(new URL(page.url()).searchParams.has('side')).toBe(false);
  // The single cluster is as it was: file sessions, paused, its own clock untouched.
  await expect(page.getByRole('button', { name: 'Play' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Simulation controls' }).getByLabel('Virtual clock')).toHaveText('09:00:00');
  expect(errors).toEqual([]);
});

test('from a link: ?side=driver:redis with the other parameters; Step, r, and Copy link reopens the moment with the crash and the outage', async ({ page, context }) => {
  const errors = watchErrors(page);
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto('/?seed=1&users=100&side=driver:redis&paused');
  const v = view(page);
  await expect(v).toBeVisible();
  await expect(v.getByRole('button', { name: 'Play' })).toBeEnabled();
  await expect(v).toContainText('The same 100 users (seed 1)');
  // Step moves both: the first request finishes on one side or the other.
  await v.getByRole('button', { name: 'Step' }).click();
  await expect.poll(async () => (await counter(page, 'Requests', FILE)) + (await counter(page, 'Requests', REDIS))).toBeGreaterThan(0);
  await crashBoth(page);
  if (process.env.DOCS_SCREENSHOTS) await page.screenshot({ path: 'docs/screenshots/side-by-side-1366x768.png' });

  // r takes Redis down on both: the file side has none, and its events say so.
  const left = v.getByRole('region', { name: `Left: ${FILE}` });
  const right = v.getByRole('region', { name: `Right: ${REDIS}` });
  await page.keyboard.press('r');
  await expect(right.getByRole('log')).toContainText('Redis went down');
  await expect(left.getByRole('log')).toContainText('redis-down not applied on this side: Redis is not part of this cluster');
  await expect(right.getByRole('button', { name: /^Redis, down/ })).toBeVisible();

  // The shortcuts dialog lists what works here: r and the crashes, not the timeline's arrows.
  await page.keyboard.press('?');
  const keys = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(keys.getByRole('row', { name: /^r / })).toBeVisible();
  await expect(keys.getByRole('row', { name: /Timeline/ })).toHaveCount(0);
  await keys.getByRole('button', { name: 'Close' }).click();

  const clock = await v.getByLabel('Virtual clock').textContent();
  const fileLogouts = await counter(page, 'Logouts', FILE);
  await v.getByRole('button', { name: 'Copy link' }).click();
  await expect(v.getByText(/^Link copied/)).toContainText(`Link copied: it reopens these two clusters paused at ${clock}`);
  const url = await page.evaluate(() => navigator.clipboard.readText());
  expect(url).toMatch(/\?run=[A-Za-z0-9_-]+&speed=30&side=driver:redis$/);
  await page.goto(url);
  await expect(view(page).getByLabel('Virtual clock')).toHaveText(clock!);
  // The same run to the same moment: the same numbers, the crash included.
  await expect.poll(async () => counter(page, 'Logouts', FILE)).toBe(fileLogouts);
  expect(await counter(page, 'Logouts', REDIS)).toBe(0);
  await expect(view(page).getByRole('region', { name: `Right: ${REDIS}` }).getByRole('button', { name: /^node-2, down/ })).toBeVisible();
  await expect(view(page).getByRole('region', { name: `Right: ${REDIS}` }).getByRole('button', { name: /^Redis, down/ })).toBeVisible();
  expect(errors).toEqual([]);
});

test('a malformed side= is named in the feed and the single cluster opens', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('/?paused&side=driver:mongodb,seed:2');
  await expect(page.getByRole('button', { name: 'Play' })).toBeVisible();
  await expect(page.getByRole('heading', { name: /^Side by side/ })).toHaveCount(0);
  const feed = page.getByRole('log', { name: 'Events' });
  await expect(feed).toContainText('link: side: driver:"mongodb" is not one of file, redis, cookie, array, database (ignored)');
  await expect(feed).toContainText('link: side: seed cannot differ between the sides');
  await expect(feed).toContainText('side by side not opened');
  // A setting named twice, one usable: the view opens and says what it ignored.
  await page.goto('/?paused&side=balancer:cookie,balancer:ip-hash');
  const v = page.getByRole('region', { name: 'Side by side: nginx: round robin vs nginx: sticky cookie srv_id' });
  await expect(v).toBeVisible();
  await expect(v.getByRole('region', { name: /^Left:/ }).getByRole('log')).toContainText('balancer given twice; the first (cookie) is used');
  expect(errors).toEqual([]);
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 } });
  test('the two sides stack, left on top, with no sideways scrolling; tapping a node crashes it on both', async ({ page }) => {
    const errors = watchErrors(page);
    await page.goto('/?side=driver:redis&speed=30');
    const v = view(page);
    const left = v.getByRole('region', { name: `Left: ${FILE}` });
    const right = v.getByRole('region', { name: `Right: ${REDIS}` });
    await expect(right).toBeVisible();
    const [a, b] = [(await left.boundingBox())!, (await right.boundingBox())!];
    expect(b.y).toBeGreaterThanOrEqual(a.y + a.height);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await expect.poll(async () => seconds(v), { timeout: 20_000 }).toBeGreaterThanOrEqual(40);
    await right.getByRole('button', { name: /^node-2,/ }).click();
    await right.getByRole('button', { name: 'Crash' }).click();
    await expect(left.getByRole('button', { name: /^node-2, down/ })).toBeVisible();
    await expect(right.getByRole('button', { name: /^node-2, down/ })).toBeVisible();
    await expect(left.getByRole('log')).toContainText('applied to both sides');
    await v.getByRole('button', { name: 'Pause' }).click();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    if (process.env.DOCS_SCREENSHOTS) {
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.screenshot({ path: 'docs/screenshots/side-by-side-phone-390x844.png', fullPage: true });
    }
    expect(errors).toEqual([]);
  });
});

test.describe('presenter mode', () => {
  test.use({ viewport: { width: 1920, height: 1080 } });
  test('?present&side=…: both stages and their numbers on one screen, large', async ({ page }) => {
    const errors = watchErrors(page);
    await page.goto('/?present&side=driver:redis&speed=30');
    const v = view(page);
    await expect(v.getByRole('button', { name: 'Presenter mode' })).toHaveAttribute('aria-pressed', 'true');
    await crashBoth(page);
    // Both stages, both sets of numbers, within the screen; the numbers large.
    for (const side of ['Left', 'Right']) {
      const stage = (await v.getByRole('region', { name: new RegExp(`^${side}:`) }).boundingBox())!;
      expect(stage.y + stage.height).toBeLessThanOrEqual(1080);
      expect(stage.width).toBeGreaterThan(1920 * 0.45);
    }
    // Readable from the back of the room, as the single cluster's presenter mode (presenter.spec.ts).
    const texts = await visibleText(page);
    const small = texts.filter((t) => t.px < 18);
    console.log(`side by side, presenter 1920×1080: ${texts.length - small.length} of ${texts.length} visible text elements ≥ 18 px; smaller: ${JSON.stringify(small)}`);
    expect(texts.length).toBeGreaterThan(40);
    expect((texts.length - small.length) / texts.length).toBeGreaterThanOrEqual(0.9);
    const px = await page.getByLabel(`Logouts, ${FILE}`, { exact: true }).evaluate((el) => parseFloat(getComputedStyle(el).fontSize) * ((el as Element & { currentCSSZoom?: number }).currentCSSZoom ?? 1));
    expect(px).toBeGreaterThanOrEqual(48);
    if (process.env.DOCS_SCREENSHOTS) await page.screenshot({ path: 'docs/screenshots/side-by-side-1920x1080.png' }); // DOCS_SCREENSHOTS=1 npm run test:e2e
    // The view's own toggle leaves presenter mode and keeps the view's link.
    await v.getByRole('button', { name: 'Presenter mode' }).click();
    await expect(v.getByRole('button', { name: 'Presenter mode' })).toHaveAttribute('aria-pressed', 'false');
    const q = new URL(page.url()).searchParams;
    expect([q.has('present'), q.get('side')]).toEqual([false, 'driver:redis']);
    expect(await page.getByLabel(`Logouts, ${FILE}`, { exact: true }).evaluate((el) => (el as Element & { currentCSSZoom?: number }).currentCSSZoom ?? 1)).toBe(1);
    expect(errors).toEqual([]);
  });
});
