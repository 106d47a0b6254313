import { expect, type Page } from '@playwright/test';

/** Collects console errors and uncaught exceptions (a favicon 404 counts). */
export function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('response', (r) => {
    if (r.status() >= 400) errors.push(`${r.status()} ${r.url()}`);
  });
  return errors;
}

/** Open the lab paused, so each test decides when time runs. */
export async function openPaused(page: Page): Promise<void> {
  await page.goto('/?paused');
  await expect(page.getByRole('button', { name: 'Play' })).toBeVisible();
  await expect(page.getByLabel('Logouts')).toHaveText('0');
}

export async function logouts(page: Page): Promise<number> {
  return Number(await page.getByLabel('Logouts').textContent());
}

/** Requests so far (the counter shows thousands separators). */
export async function requests(page: Page): Promise<number> {
  return Number((await page.getByLabel('Requests', { exact: true }).textContent())?.replace(/,/g, ''));
}

/** Set the speed and run for `ms` real milliseconds, then pause. */
export async function runFor(page: Page, ms: number, speed = '60'): Promise<void> {
  await page.getByLabel('Speed').selectOption(speed);
  await page.getByRole('button', { name: 'Play' }).click();
  await page.waitForTimeout(ms);
  await page.getByRole('button', { name: 'Pause' }).click();
}
