/**
 * The two ways an instructor publishes the lab besides `npm run build`: one HTML file opened
 * from disk with no network (`npm run build:single`), and a build served from a sub-path
 * (`npm run build -- --base /some/path/`).
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { expect, test } from '@playwright/test';
import { watchErrors } from './helpers';

test.describe.configure({ mode: 'serial' });
test.setTimeout(240_000);

const SINGLE = resolve('dist-single/session-cluster-lab.html');

test('the one-file build works from file:// with every network request blocked', async ({ page }) => {
  execFileSync('npm', ['run', '--silent', 'build:single', '--', '--logLevel', 'error'], { stdio: 'inherit', timeout: 200_000 });
  expect(existsSync(SINGLE)).toBe(true);
  const errors = watchErrors(page);
  const requested: string[] = [];
  await page.route(/^(https?|wss?):/, (route) => {
    requested.push(route.request().url());
    return route.abort();
  });
  page.on('requestfailed', (r) => requested.push(`failed: ${r.url()}`));
  await page.goto(`${pathToFileURL(SINGLE).href}?speed=60`);
  await expect(page).toHaveTitle('Session Cluster Lab');
  await expect(page.getByRole('button', { name: /^node-2, up/ })).toBeVisible();
  await expect.poll(async () => Number(await page.getByLabel('Logouts').textContent()), { timeout: 30_000 }).toBeGreaterThan(0);
  // The Redis mock is inlined too: switching to Redis sessions needs nothing from the network.
  await page.getByLabel('Session driver', { exact: true }).selectOption('redis');
  await expect(page.getByRole('button', { name: /^Redis/ }).first()).toBeVisible();
  await expect.poll(async () => Number((await page.getByLabel('Requests', { exact: true }).textContent())?.replace(/,/g, '')), { timeout: 30_000 }).toBeGreaterThan(100);
  expect(requested).toEqual([]);
  expect(errors).toEqual([]);
});

let server: ChildProcess | null = null;
test.afterAll(() => { server?.kill(); });

test('a build for a sub-path works when served from that sub-path', async ({ page }) => {
  const port = Number(process.env.E2E_PORT ?? 4173) + 50;
  execFileSync('npm', ['run', '--silent', 'build', '--', '--base', '/courses/sessions/', '--outDir', 'dist-sub', '--logLevel', 'error'], { stdio: 'inherit', timeout: 200_000 });
  server = spawn('npx', ['vite', 'preview', '--base', '/courses/sessions/', '--outDir', 'dist-sub', '--port', String(port), '--strictPort'], { stdio: 'ignore' });
  const base = `http://localhost:${port}/courses/sessions/`;
  await expect.poll(async () => (await fetch(base).catch(() => null))?.status ?? 0, { timeout: 60_000 }).toBe(200);
  const errors = watchErrors(page);
  await page.goto(`${base}?speed=60`);
  await expect(page.getByRole('button', { name: /^node-2, up/ })).toBeVisible();
  await page.getByLabel('Session driver', { exact: true }).selectOption('redis');
  await expect.poll(async () => Number((await page.getByLabel('Requests', { exact: true }).textContent())?.replace(/,/g, '')), { timeout: 30_000 }).toBeGreaterThan(100);
  // Lessons are a lazily loaded chunk: it must come from the sub-path as well.
  await page.goto(`${base}?lesson=two-nodes&paused`);
  await expect(page.getByRole('complementary', { name: 'Lesson' })).toBeVisible();
  expect(errors).toEqual([]);
});
