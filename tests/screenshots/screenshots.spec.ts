/**
 * The screenshots in docs/screenshots/, regenerated with `npm run screenshots`.
 * Not part of `npm test`: it produces documentation, it does not check behaviour.
 */
import { test, expect, type Page } from '@playwright/test';

const dir = 'docs/screenshots';

async function settle(page: Page, ms: number) {
  await page.waitForTimeout(ms);
}

test('1366×768: file sessions, round robin, 2 nodes', async ({ page }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto('/?speed=2');
  await settle(page, 7_000);
  await page.screenshot({ path: `${dir}/laptop-1366x768.png` });
});

test('1920×1080: the projector view', async ({ page }) => {
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.goto('/?speed=2&users=200');
  await settle(page, 8_000);
  await page.screenshot({ path: `${dir}/projector-1920x1080.png` });
});

test('a crashed node, redis sessions, sticky cookie', async ({ page }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto('/?speed=5&driver=redis&nodes=3&balancer=cookie');
  await settle(page, 4_000);
  await page.getByRole('button', { name: /^node-2,/ }).click();
  await page.getByRole('dialog', { name: 'node-2' }).getByRole('button', { name: 'Crash' }).click();
  await settle(page, 3_500);
  await expect(page.getByRole('log')).toContainText('re-routed');
  await page.screenshot({ path: `${dir}/crashed-node.png` });
});

test('mid-logout: file sessions after a node crash with sticky cookies', async ({ page }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto('/?speed=1&balancer=cookie&nodes=3&users=60');
  await settle(page, 9_000);
  await page.getByRole('button', { name: /^node-1,/ }).click();
  await page.getByRole('dialog', { name: 'node-1' }).getByRole('button', { name: 'Crash' }).click();
  await page.keyboard.press('Escape');
  await page.getByLabel('User #').fill('3');
  await page.getByRole('button', { name: 'Inspect', exact: true }).click();
  await settle(page, 2_200);
  await page.screenshot({ path: `${dir}/mid-logout.png` });
});

test('eight nodes, a thousand users', async ({ page }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto('/?speed=10&nodes=8&users=1000&balancer=least-conn');
  await settle(page, 5_000);
  await page.screenshot({ path: `${dir}/eight-nodes-1000-users.png` });
});

test('reduced motion: no travelling packets, counters on the wires', async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto('/?speed=5');
  await settle(page, 5_000);
  await page.screenshot({ path: `${dir}/reduced-motion.png` });
});

test('the lesson panel: goal, countdown, Fast-forward and the way on, docked in view', async ({ page }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto('/?lesson=redis-failure&step=2&speed=2');
  await expect(page.getByRole('timer')).toContainText('Redis goes down in');
  await settle(page, 6_000);
  await page.screenshot({ path: `${dir}/lesson-panel-1366x768.png` });
});

test('lesson complete: the next lesson one click away, the course map', async ({ page }) => {
  test.setTimeout(60_000);
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto('/?lesson=one-server&step=2&speed=30');
  await expect.poll(async () => Number((await page.getByText(/· \d+ logged in/).textContent())?.match(/(\d+) logged in/)?.[1]), { timeout: 20_000 }).toBeGreaterThan(15);
  await page.getByLabel('Speed', { exact: true }).selectOption('1');
  await page.getByRole('button', { name: /^node-1,/ }).click();
  await page.getByRole('dialog', { name: 'node-1' }).getByRole('button', { name: 'Replace' }).click();
  await page.getByRole('button', { name: /^Fast-forward/ }).click();
  await expect(page.getByRole('region', { name: 'Lesson complete' })).toBeVisible({ timeout: 20_000 });
  await settle(page, 500);
  await page.screenshot({ path: `${dir}/lesson-complete-1366x768.png` });
});

test('a phone (390×844): the lesson above the stage, no sideways scrolling', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/?lesson=node-failure&step=1&speed=2');
  await settle(page, 4_000);
  await page.screenshot({ path: `${dir}/phone-lesson-390x844.png` });
  await page.getByRole('region', { name: 'The cluster' }).scrollIntoViewIfNeeded();
  await page.getByRole('button', { name: /^node-2,/ }).tap().catch(() => page.getByRole('button', { name: /^node-2,/ }).click());
  await page.getByRole('dialog', { name: 'node-2' }).getByRole('button', { name: 'Crash' }).click();
  await settle(page, 3_000);
  await page.getByRole('region', { name: 'The cluster' }).evaluate((el) => el.scrollIntoView({ block: 'start' }));
  await page.screenshot({ path: `${dir}/phone-stage-390x844.png` });
});
