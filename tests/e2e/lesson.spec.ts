import { test, expect } from '@playwright/test';
import { logouts, openPaused, requests, runFor } from './helpers';

test('file sessions behind round robin on 2 nodes: the Logouts number rises while playing', async ({ page }) => {
  await openPaused(page);
  await expect(page.getByLabel('Session driver')).toHaveValue('file');
  await expect(page.getByLabel('Load balancer')).toHaveValue('round-robin');
  await expect(page.getByLabel('Nodes')).toHaveValue('2');
  await runFor(page, 2_500);
  const first = await logouts(page);
  expect(first).toBeGreaterThan(0);
  await runFor(page, 1_500);
  expect(await logouts(page)).toBeGreaterThan(first);
});

test('with SESSION_DRIVER=redis nobody is logged out', async ({ page }) => {
  await openPaused(page);
  await page.getByLabel('Session driver').selectOption('redis');
  await expect(page.getByRole('log')).toContainText('SESSION_DRIVER=redis');
  await expect(page.getByRole('button', { name: /^Redis, up/ })).toBeVisible();
  await runFor(page, 2_500);
  expect(await requests(page)).toBeGreaterThan(500);
  await expect(page.getByLabel('Logouts')).toHaveText('0');
  // Redis is in play: the metrics show its keys.
  await expect(page.getByRole('img', { name: /^Redis/ })).toBeVisible();
});

test('one node with file sessions: nobody is logged out either', async ({ page }) => {
  await openPaused(page);
  await page.getByLabel('Nodes').selectOption('1');
  await expect(page.getByRole('button', { name: /^node-2,/ })).toHaveCount(0);
  await runFor(page, 2_000);
  expect(await requests(page)).toBeGreaterThan(500);
  await expect(page.getByLabel('Logouts')).toHaveText('0');
});

test('Step, Reset and Seed: the same seed replays the same run', async ({ page }) => {
  await openPaused(page);
  const clock = page.getByLabel('Virtual clock');
  const stepFive = async () => {
    for (let i = 0; i < 5; i++) await page.getByRole('button', { name: 'Step', exact: true }).click();
    await expect(page.getByLabel('Requests', { exact: true })).toHaveText('5');
    return clock.textContent();
  };
  const first = await stepFive();
  await page.getByRole('button', { name: 'Reset', exact: true }).click();
  await expect(page.getByLabel('Requests', { exact: true })).toHaveText('0');
  expect(await stepFive()).toBe(first);

  await page.getByLabel('Seed', { exact: true }).fill('7');
  await page.getByLabel('Seed', { exact: true }).press('Enter');
  await expect(page.getByRole('log')).toContainText('seed 7');
  await expect(page.getByLabel('Requests', { exact: true })).toHaveText('0');
});
