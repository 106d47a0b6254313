import { expect, type Locator, type Page, test } from '@playwright/test';
import { clockSeconds, openEditor, watchErrors } from './helpers';

/**
 * Issue 5: the config editors and the consoles, driven the way a student would, through their
 * accessible names: textboxes "redis-cli", "shell on node-N", ".env", "nginx upstream",
 * "haproxy backend". Needs <ConfigPanel /> and <ConsolePanel /> mounted in App.
 */

async function waitForClock(page: Page, seconds: number): Promise<void> {
  await expect.poll(() => clockSeconds(page), { timeout: 15_000 }).toBeGreaterThanOrEqual(seconds);
}

async function run(page: Page, box: Locator, line: string): Promise<void> {
  await box.fill(line);
  await box.press('Enter');
  await expect(box).toHaveValue('');
}

test('redis-cli: KEYS * after a Redis run lists the session keys, with a warning; history and MONITOR', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('/?driver=redis&speed=10');
  await waitForClock(page, 5);
  const cli = page.getByRole('textbox', { name: 'redis-cli', exact: true });
  const out = page.getByRole('region', { name: 'Redis console output' });
  await run(page, cli, 'KEYS *');
  await expect(out).toContainText(/\d+\) "laravel_database_laravel_cache_[A-Za-z0-9]{40}"/);
  await expect(out.locator('.warning')).toHaveText('KEYS blocks the server while it walks every key: use SCAN in production.');
  await expect(page.getByText('127.0.0.1:6379>', { exact: true }).first()).toBeVisible();

  await cli.press('ArrowUp');
  await expect(cli).toHaveValue('KEYS *');
  await cli.fill('');

  await run(page, cli, 'MONITOR');
  await expect(out).toContainText(/"SETEX" "laravel_database_laravel_cache_[A-Za-z0-9]{40}" "7200"/);
  await cli.press('Control+c');
  await expect(out).toContainText('^C');
  await run(page, cli, 'DBSIZE');
  await expect(out).toContainText(/\(integer\) \d+/);
  expect(errors).toEqual([]);
});

test('redis-cli: with Redis down it answers like the real one', async ({ page }) => {
  await page.goto('/?driver=redis&speed=5');
  await waitForClock(page, 2);
  await page.getByRole('button', { name: /^Redis, up/ }).click();
  await page.getByRole('dialog', { name: 'Redis' }).getByRole('button', { name: 'Take down' }).click();
  await page.keyboard.press('Escape');
  const cli = page.getByRole('textbox', { name: 'redis-cli', exact: true });
  await run(page, cli, 'GET x');
  await expect(page.getByRole('region', { name: 'Redis console output' })).toContainText('Could not connect to Redis at 127.0.0.1:6379: Connection refused');
  await expect(page.getByText('not connected>', { exact: true }).first()).toBeVisible();
});

test('nginx editor: typing ip_hash; switches the balancer of the running cluster', async ({ page }) => {
  await page.goto('/?speed=5');
  const { editor, panel } = await openEditor(page, 'nginx', 'nginx upstream');
  await expect(editor).toContainText('upstream laravel_cluster {');
  await editor.click();
  await page.keyboard.press('Control+Home');
  await page.keyboard.press('End');
  await page.keyboard.press('Enter');
  await page.keyboard.type('  ip_hash;');
  await expect(page.getByLabel('Load balancer', { exact: true })).toHaveValue('ip-hash', { timeout: 5_000 });
  await expect(panel.getByRole('status')).toContainText(/applied: balancer: ip-hash|In effect/);
  await expect(editor).toContainText('ip_hash;');
});

test('nginx editor: a typo shows the error in place while the stage keeps running', async ({ page }) => {
  await page.goto('/?speed=5');
  const { editor, panel } = await openEditor(page, 'nginx', 'nginx upstream');
  await editor.click();
  await page.keyboard.press('Control+a');
  await page.keyboard.insertText('upstream laravel_cluster {\n  server node1.internal:80;\n  server node2.internal:80 weightt=2;\n}\n');
  const status = panel.getByRole('status');
  await expect(status).toContainText('line 3: invalid parameter "weightt=2"; did you mean "weight=2"?');
  await expect(status).toContainText('simulation keeps running with the last good config');
  await expect(panel.locator('.cm-lintRange-error')).toHaveText('weightt=2');
  // Nothing was applied, and time still moves.
  const before = await clockSeconds(page);
  await waitForClock(page, before + 3);
  await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible();
  await expect(page.getByLabel('Load balancer', { exact: true })).toHaveValue('round-robin');
});

test('.env editor: SESSION_DRIVER=redis applies; copy as real config gives a Laravel snippet', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto('/?speed=5');
  const { editor, panel } = await openEditor(page, '.env', '.env');
  await expect(editor).toContainText('SESSION_DRIVER=file');
  await editor.getByText('SESSION_DRIVER=file').click();
  await page.keyboard.press('End');
  for (let i = 0; i < 4; i++) await page.keyboard.press('Backspace');
  await page.keyboard.type('redis');
  await expect(page.getByLabel('Session driver', { exact: true })).toHaveValue('redis', { timeout: 5_000 });
  // The select follows at once; the cluster restarts asynchronously (it loads the Redis mock): wait for it.
  await expect(page.getByRole('log')).toContainText('SESSION_DRIVER=redis — cluster restarted');
  await panel.getByRole('button', { name: 'Copy as real config' }).click();
  await expect(panel).toContainText(/Copied \d+ lines/);
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toContain('SESSION_DRIVER=redis\n');
  expect(copied).toContain('REDIS_HOST=127.0.0.1\n');
  const hap = await openEditor(page, 'HAProxy', 'haproxy backend');
  await expect(hap.editor).toContainText('backend laravel_cluster');
});

test('node shell: ls -la and cat show the node\'s own session files; unknown commands answer like bash', async ({ page }) => {
  await page.goto('/?speed=10');
  await waitForClock(page, 5);
  await page.getByRole('tab', { name: 'node-1 shell' }).click();
  const sh = page.getByRole('textbox', { name: 'shell on node-1', exact: true });
  const out = page.getByRole('region', { name: 'node-1 console output' });
  await run(page, sh, 'ls -la storage/framework/sessions');
  await expect(out).toContainText(/total \d+/);
  await expect(out).toContainText(/-rw-r--r-- 1 www-data www-data +\d+ Jan {2}5 09:0\d [A-Za-z0-9]{40}/);
  const listing = (await out.textContent()) ?? '';
  const id = /([A-Za-z0-9]{40})/.exec(listing)?.[1];
  expect(id).toBeDefined();
  await run(page, sh, `cat storage/framework/sessions/${id}`);
  await expect(out).toContainText(/a:\d+:\{s:6:"_token";s:40:"/);
  await run(page, sh, 'foo');
  await expect(out).toContainText('bash: foo: command not found');
  await run(page, sh, 'php artisan about --only=drivers');
  await expect(out).toContainText(/Session \.+ file/);
  await expect(page.getByText('www-data@node-1:/var/www/html$', { exact: true }).first()).toBeVisible();
});
