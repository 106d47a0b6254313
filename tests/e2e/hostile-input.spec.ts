import { expect, type Locator, test } from '@playwright/test';
import { clockSeconds, openEditor, watchErrors } from './helpers';

/**
 * Issue 14 in the page: inputs that froze the tab or left it broken now answer at once, are
 * refused in the editor's status, and leave the running simulation (and Reset) working.
 */

async function run(box: Locator, line: string): Promise<void> {
  await box.fill(line);
  await box.press('Enter');
  await expect(box).toHaveValue('');
}

test('a consistent-hash weight of 1,000,000 is refused in place; the cluster keeps running and Reset works', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('/?speed=5');
  const { editor, panel } = await openEditor(page, 'nginx', 'nginx upstream');
  await editor.click();
  await page.keyboard.press('Control+a');
  await page.keyboard.insertText('upstream laravel_cluster {\n  hash $cookie_srv consistent;\n  server node1.internal:80 weight=1000000;\n  server node2.internal:80;\n}\n');
  const status = panel.getByRole('status');
  await expect(status).toContainText('line 3: the simulator\'s "hash … consistent" ring takes server weights adding up to 1,000; here they reach 1,000,000');
  await expect(status).toContainText('simulation keeps running with the last good config');
  await expect(status).not.toContainText('applied');
  await expect(panel.locator('.cm-lintRange-error')).toHaveText('weight=1000000');
  await expect(page.getByLabel('Load balancer', { exact: true })).toHaveValue('round-robin');
  const before = await clockSeconds(page);
  await expect.poll(() => clockSeconds(page), { timeout: 15_000 }).toBeGreaterThanOrEqual(before + 2);
  await page.getByRole('button', { name: 'Reset', exact: true }).click();
  await expect.poll(() => clockSeconds(page), { timeout: 15_000 }).toBeGreaterThanOrEqual(1);
  expect(errors).toEqual([]);
});

test('backtracking globs answer at once in redis-cli and the node shell', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('/?driver=redis&speed=10');
  await expect.poll(() => clockSeconds(page), { timeout: 15_000 }).toBeGreaterThanOrEqual(3);
  const cli = page.getByRole('textbox', { name: 'redis-cli', exact: true });
  const out = page.getByRole('region', { name: 'Redis console output' });
  await run(cli, 'KEYS *?*?*?*?*?*?*?!');
  await run(cli, 'SCAN 0 MATCH *?*?*?*?*?*?*?! COUNT 1000');
  await run(cli, 'CONFIG GET ***************!');
  await run(cli, 'CONFIG SET __proto__ 1');
  await expect(out).toContainText("(error) ERR Unknown option or number of arguments for CONFIG SET - '__proto__'");
  await expect(out).not.toContainText('is not a function');
  await page.getByRole('tab', { name: 'node-1 shell' }).click();
  const sh = page.getByRole('textbox', { name: 'shell on node-1', exact: true });
  await run(sh, 'ls storage/framework/sessions/*?*?*?*?*?*?*?!');
  await expect(page.getByRole('region', { name: 'node-1 console output' })).toContainText("ls: cannot access 'storage/framework/sessions/*?*?*?*?*?*?*?!': No such file or directory");
  expect(errors).toEqual([]);
});
