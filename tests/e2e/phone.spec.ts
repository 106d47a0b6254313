import { test, expect, devices } from '@playwright/test';
import { watchErrors } from './helpers';

/**
 * A phone held upright (390×844, touch): the page fits the screen's width, the lesson and the
 * stage sit one above the other, a node is crashed by tapping it, and every control can be
 * reached. Chromium only: Pixel-like settings without Playwright's device browser.
 */
test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true, userAgent: devices['Pixel 7'].userAgent });

type Box = { x: number; y: number; width: number; height: number };
const overlap = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/** nginx, every node and Redis on the stage: none covers another (each can be read and tapped). */
async function expectCardsApart(page: import('@playwright/test').Page): Promise<void> {
  const stage = page.getByRole('region', { name: 'The cluster' });
  // The balancer card, the node cards and the Redis card(s), whatever their state.
  const cards = stage.locator('div.lb, div.redis, button.redis, button[aria-haspopup="dialog"]');
  await expect(cards.first()).toBeVisible();
  const boxes: [string, Box][] = [];
  for (const card of await cards.all()) boxes.push([((await card.textContent()) ?? '?').trim().slice(0, 24), (await card.boundingBox())!]);
  expect(boxes.length).toBeGreaterThanOrEqual(3);
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) expect(overlap(boxes[i]![1], boxes[j]![1]), `${boxes[i]![0]} / ${boxes[j]![0]}`).toBe(false);
  }
}

const noHorizontalScroll = async (page: import('@playwright/test').Page) =>
  expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

test('on a phone: no horizontal scroll, lesson above the stage, crash a node by tapping', async ({ page }) => {
  test.setTimeout(40_000);
  const errors = watchErrors(page);
  await page.goto('/?lesson=node-failure&step=1');
  await expect(page.getByRole('heading', { name: /^Step 1 of 2: / })).toBeVisible();
  await noHorizontalScroll(page);

  // The lesson text comes first, the stage below it, both the full width of the screen.
  const lesson = await page.getByRole('complementary', { name: 'Lesson' }).boundingBox();
  const stage = await page.getByRole('region', { name: 'The cluster' }).boundingBox();
  expect(lesson!.y + lesson!.height).toBeLessThanOrEqual(stage!.y);
  expect(stage!.width).toBeGreaterThan(340);
  await expectCardsApart(page);
  // While reading the lesson, its goal and the way forward stay on screen.
  const goal = await page.getByRole('region', { name: 'Goal' }).boundingBox();
  expect(goal!.y + goal!.height).toBeLessThanOrEqual(844);

  // Tap node-2 on the stage: its menu opens (nothing on top catches the tap); tap Crash.
  const node2 = page.getByRole('button', { name: /^node-2,/ });
  await node2.scrollIntoViewIfNeeded();
  const box = await node2.boundingBox();
  expect(Math.min(box!.width, box!.height)).toBeGreaterThanOrEqual(24);
  await node2.tap();
  const menu = page.getByRole('dialog', { name: 'node-2' });
  await expect(menu).toBeVisible();
  await menu.getByRole('button', { name: 'Crash' }).tap();
  await expect(menu).toBeHidden();
  await expect(page.getByRole('button', { name: /^node-2, down/ })).toBeVisible();
  await expect(page.getByRole('log')).toContainText('node-2 crashed');
  await expect(page.getByRole('region', { name: 'Your turn' }).getByLabel('done')).toBeVisible();
  await noHorizontalScroll(page);

  // Every control is reachable: inside the screen's width, and big enough to tap.
  for (const name of ['Play', 'Pause', 'Step', 'Reset']) {
    const b = page.getByRole('button', { name, exact: true });
    if (!(await b.count())) continue;
    const r = await b.boundingBox();
    expect(r!.x + r!.width, name).toBeLessThanOrEqual(390);
  }
  for (const label of ['Speed', 'Nodes', 'Session driver', 'Load balancer', 'Users', 'Clients']) {
    const r = await page.getByLabel(label, { exact: true }).boundingBox();
    expect(r!.x + r!.width, label).toBeLessThanOrEqual(390);
  }
  await expect(page.getByRole('textbox', { name: 'redis-cli', exact: true })).toBeAttached();
  const cli = await page.getByRole('textbox', { name: 'redis-cli', exact: true }).boundingBox();
  expect(cli!.x + cli!.width).toBeLessThanOrEqual(390);
  expect(errors).toEqual([]);
});

test('on a phone without a lesson: Redis is tappable too', async ({ page }) => {
  await page.goto('/?driver=redis&nodes=3');
  await noHorizontalScroll(page);
  await expectCardsApart(page);
  const redis = page.getByRole('button', { name: /^Redis, up/ });
  await redis.scrollIntoViewIfNeeded();
  await redis.tap();
  const menu = page.getByRole('dialog', { name: 'Redis' });
  await menu.getByRole('button', { name: 'Take down' }).tap();
  await expect(page.getByRole('button', { name: /^Redis, down/ })).toBeVisible();
  await noHorizontalScroll(page);
});
