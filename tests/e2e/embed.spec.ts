import { test, expect } from '@playwright/test';

/** Embedding (issue 12, docs/embedding.md): the example host page drives the lab in its iframe. */

test('the example host page: ready, a crash, play, and a malformed message (a warning, no error)', async ({ page }) => {
  const warnings: string[] = [];
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'warning') warnings.push(m.text());
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(String(e)));

  await page.goto('/embed-example.html');
  const status = page.locator('#status');
  await expect(status).toHaveText(/^ready|^t=/);
  const lab = page.frameLocator('#lab');

  // Only the stage, the counters and a minimal bar.
  await expect(lab.getByLabel('Logouts')).toBeVisible();
  await expect(lab.getByRole('button', { name: 'Play' })).toBeVisible();
  await expect(lab.getByRole('button', { name: /^node-2,/ })).toBeVisible();
  await expect(lab.getByLabel('Session driver')).toHaveCount(0);
  await expect(lab.getByRole('region', { name: 'Metrics' })).toHaveCount(0);
  await expect(lab.getByRole('heading', { name: 'Session Cluster Lab' })).toBeHidden();

  await page.getByRole('button', { name: 'Crash node-2' }).click();
  await expect(lab.getByRole('button', { name: /^node-2, down/ })).toBeVisible();

  await page.getByRole('button', { name: 'Play', exact: true }).click();
  await expect(status).toHaveText(/ playing /);
  await expect(lab.getByRole('button', { name: 'Pause' })).toBeVisible();
  const requestsNow = async () => Number(/requests=(\d+)/.exec((await status.textContent()) ?? '')?.[1] ?? NaN);
  const first = await requestsNow();
  await expect.poll(requestsNow).toBeGreaterThan(first);

  await page.getByRole('button', { name: 'Pause', exact: true }).click();
  await expect(status).toHaveText(/ paused /);
  await expect(lab.getByRole('button', { name: 'Play' })).toBeVisible();
  // Paused, the status shows the frame's own numbers: logouts = the big Logouts, requests = Requests.
  const labLogouts = await lab.getByLabel('Logouts').textContent();
  const labRequests = (await lab.getByLabel('Requests', { exact: true }).textContent())?.replace(/,/g, '');
  await expect(status).toHaveText(new RegExp(`logouts=${labLogouts} requests=${labRequests}$`));
  expect(Number(labRequests)).toBeGreaterThan(0);

  // A malformed message (a fault for a node that does not exist) is a console warning only.
  await page.evaluate(() => (document.getElementById('lab') as HTMLIFrameElement).contentWindow!.postMessage({ target: 'session-cluster-lab', type: 'fault', action: 'crash', node: 'node-9' }, '*'));
  await expect.poll(() => warnings.join('\n')).toContain('"node" must be node-1 … node-2');
  // A message for someone else is left alone, silently.
  const before = warnings.length;
  await page.evaluate(() => (document.getElementById('lab') as HTMLIFrameElement).contentWindow!.postMessage({ hello: 'world' }, '*'));
  await page.evaluate(() => (document.getElementById('lab') as HTMLIFrameElement).contentWindow!.postMessage({ target: 'session-cluster-lab', type: 'play' }, '*'));
  await expect(status).toHaveText(/ playing /);
  expect(warnings.length).toBe(before);
  if (process.env.DOCS_SCREENSHOTS) await page.screenshot({ path: 'docs/screenshots/embed-example.png' }); // the docs' picture: DOCS_SCREENSHOTS=1 npm run test:e2e
  expect(errors).toEqual([]);
});
