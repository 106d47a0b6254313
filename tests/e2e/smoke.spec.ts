import { test, expect } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { watchErrors } from './helpers';

test('the page loads running, with no console errors', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('/');
  await expect(page).toHaveTitle('Session Cluster Lab');
  // Within a second a cluster is running: a Pause button, nodes and a moving clock.
  await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible({ timeout: 2_000 });
  await expect(page.getByRole('button', { name: /^node-1, up/ })).toBeVisible();
  await expect(page.getByRole('button', { name: /^node-2, up/ })).toBeVisible();
  await expect(page.getByText(/nginx/).first()).toBeVisible();
  await expect(page.getByLabel('Virtual clock')).toHaveText(/^09:00:0[1-9]$/, { timeout: 5_000 });
  await page.waitForTimeout(1_500);
  expect(errors).toEqual([]);
});

test('the controls carry the names tests and screen readers use', async ({ page }) => {
  await page.goto('/?paused');
  for (const name of ['Play', 'Step', 'Reset']) await expect(page.getByRole('button', { name, exact: true })).toBeVisible();
  for (const label of ['Session driver', 'Load balancer', 'Nodes', 'Users', 'Speed', 'Clients', 'Seed']) {
    await expect(page.getByLabel(label, { exact: true })).toBeVisible();
  }
  await expect(page.getByLabel('Logouts')).toHaveText('0');
});

test('no serious or critical accessibility violations', async ({ page }) => {
  await page.goto('/?speed=10');
  await page.waitForTimeout(1_500);
  // Open a node's popover too, so its dialog is checked.
  await page.getByRole('button', { name: /^node-1,/ }).click();
  await expect(page.getByRole('dialog', { name: 'node-1' })).toBeVisible();
  const results = await new AxeBuilder({ page }).analyze();
  const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(bad.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)).toEqual([]);
});

test('prefers-reduced-motion: no travelling packets, counters on the wires instead', async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.goto('/?speed=5');
  const wireRates = page.locator('[data-wire-rate]');
  await expect(wireRates).toHaveCount(2);
  await expect(wireRates.first()).toHaveText(/^\d+\/s$/);
  const motion = await page.evaluate(() => matchMedia('(prefers-reduced-motion: reduce)').matches);
  expect(motion).toBe(true);
  await page.emulateMedia({ reducedMotion: 'no-preference' });
  await expect(wireRates).toHaveCount(0);
});
