import { expect, test } from '@playwright/test';
import { openPaused, runFor } from './helpers';

for (const [w, h] of [[1366, 768], [1920, 1080], [390, 844]] as const) {
  test(`legend screenshot ${w}x${h}`, async ({ page }) => {
    await page.setViewportSize({ width: w, height: h });
    await openPaused(page);
    await runFor(page, 2500);
    await expect(page.getByRole('note', { name: 'Legend' })).toBeVisible();
    await page.screenshot({ path: `/tmp/eng/shot-${w}.png`, fullPage: w === 390 });
    await page.getByRole('note', { name: 'Legend' }).screenshot({ path: `/tmp/eng/legend-${w}.png` });
  });
}
