/**
 * 10,000 users in the browser: the Users control offers them, the crowd stays readable (every
 * k-th user shown, counts for everyone, logged-out marks in their own colour and shape) and the
 * page keeps answering: Pause takes effect, the compare view runs without freezing the page.
 */
import { expect, test, type Page } from '@playwright/test';
import { watchErrors } from './helpers';

test.describe.configure({ timeout: 180_000 });

const VERMILLION = [0xd5, 0x5e, 0x00];
const BLUE = [0x00, 0x72, 0xb2];

/** Pixels of the crowd canvas close to each colour (the canvas is drawn from the marks). */
async function crowdColours(page: Page): Promise<{ vermillion: number; blue: number }> {
  return page.locator('canvas[data-crowd]').evaluate((cv: HTMLCanvasElement, [v, b]) => {
    const { data } = cv.getContext('2d')!.getImageData(0, 0, cv.width, cv.height);
    const near = (i: number, c: number[]) => Math.abs(data[i]! - c[0]!) + Math.abs(data[i + 1]! - c[1]!) + Math.abs(data[i + 2]! - c[2]!) < 40 && data[i + 3]! > 200;
    let vermillion = 0, blue = 0;
    for (let i = 0; i < data.length; i += 4) {
      if (near(i, v!)) vermillion++;
      else if (near(i, b!)) blue++;
    }
    return { vermillion, blue };
  }, [VERMILLION, BLUE]);
}

function number(text: string | null): number {
  return Number((text ?? '').replace(/[^\d]/g, ''));
}

async function settle(page: Page, frames = 10): Promise<void> {
  await page.evaluate((n) => new Promise<void>((done) => {
    const tick = (k: number) => (k === 0 ? done() : requestAnimationFrame(() => tick(k - 1)));
    tick(n);
  }), frames);
}

test('10,000 users: the count, a sampled crowd with counts, logged-out marks distinguishable, Pause works', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('/?users=100&speed=10');
  await page.getByLabel('Users', { exact: true }).selectOption('10000');
  const title = page.locator('.crowd-title');
  await expect(title).toContainText('Users · 10000 ·', { timeout: 60_000 });
  // Not 10,000 overlapping marks: one user in k has a cell, and the line under the crowd counts everyone.
  const counts = page.locator('[data-crowd-counts]');
  await expect(counts).toContainText(/1 in \d+ shown/);
  await expect(page.getByRole('button', { name: /^Crowd: 10000 people/ })).toHaveAccessibleName(/One person in \d+ is shown/);
  // File sessions on two round-robin nodes: people get logged out, and the crowd shows them.
  const stillOut = counts.locator('.count', { hasText: 'still logged out' });
  await expect.poll(async () => number(await stillOut.locator('.n').textContent()), { timeout: 60_000 }).toBeGreaterThan(0);
  await expect.poll(async () => (await crowdColours(page)).vermillion, { timeout: 30_000 }).toBeGreaterThan(0);
  const colours = await crowdColours(page);
  expect(colours.blue).toBeGreaterThan(0); // logged-in users, in another colour and shape
  // The page answers: Pause stops the virtual clock.
  await page.getByRole('button', { name: 'Pause' }).click();
  await expect(page.getByRole('button', { name: 'Play' })).toBeVisible();
  const clock = page.getByLabel('Virtual clock');
  // A frame that was running when Pause was pressed finishes and is shown: then the clock stops.
  await settle(page, 5);
  const stopped = await clock.textContent();
  await settle(page, 30);
  await expect(clock).toHaveText(stopped!);
  expect(errors).toEqual([]);
});

test('at 10,000 users the compare view runs beside a page that still answers', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('/?users=10000&speed=10');
  await expect(page.locator('.crowd-title')).toContainText('Users · 10000 ·', { timeout: 60_000 });
  await page.getByRole('button', { name: 'Compare set-ups…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Compare set-ups' });
  await expect(dialog.getByText(/Running “File driver” \(1 of \d+\)/)).toBeVisible();
  // While a 10,000-user simulation runs for the table, the page takes clicks: close, then pause.
  await dialog.getByRole('button', { name: 'Close Compare set-ups' }).click();
  await expect(dialog).toBeHidden();
  await page.getByRole('button', { name: 'Pause' }).click();
  await expect(page.getByRole('button', { name: 'Play' })).toBeVisible();
  expect(errors).toEqual([]);
});
