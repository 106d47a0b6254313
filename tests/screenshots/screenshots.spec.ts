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
