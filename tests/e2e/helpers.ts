import { expect, type Locator, type Page } from '@playwright/test';

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

/** The virtual clock in the controls, as seconds since 09:00:00. */
export async function clockSeconds(page: Page): Promise<number> {
  const clock = page.getByRole('region', { name: 'Simulation controls' }).getByText(/^\d\d:\d\d:\d\d$/);
  const text = (await clock.textContent()) ?? '';
  const [h, m, s] = text.split(':').map(Number);
  return ((h ?? 0) - 9) * 3600 + (m ?? 0) * 60 + (s ?? 0);
}

/** Open the config panel on one file's tab; returns its editor (a CodeMirror content DOM). */
export async function openEditor(page: Page, tab: '.env' | 'nginx' | 'HAProxy', name: string): Promise<{ editor: Locator; panel: Locator }> {
  // Wait for the panel to render before asking whether it is open: an immediate isVisible()
  // reads false on a page still loading, skips the click, and the tab never appears.
  const toggle = page.getByRole('button', { name: /^(Edit|Close) config files$/ });
  await expect(toggle).toBeVisible();
  if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
  await page.getByRole('tab', { name: tab, exact: true }).click();
  const panel = page.getByRole('tabpanel', { name: tab, exact: true });
  const editor = panel.getByRole('textbox', { name, exact: true });
  await expect(editor).toBeVisible();
  return { editor, panel };
}

/** Serious or critical axe-core violations on the page as it is now. */
export async function axeViolations(page: Page): Promise<string[]> {
  const { default: AxeBuilder } = await import('@axe-core/playwright');
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

/**
 * Every element that directly holds visible text inside the window, with its font size in px.
 * Visible: a non-empty rectangle inside the viewport, not hidden by visibility or opacity.
 */
export async function visibleText(page: Page): Promise<Array<{ px: number; text: string; cls: string }>> {
  return page.evaluate(() => {
    const out: Array<{ px: number; text: string; cls: string }> = [];
    const seen = new Set<Element>();
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const text = (n.textContent ?? '').trim();
      const el = n.parentElement;
      if (!text || !el || seen.has(el)) continue;
      seen.add(el);
      const range = document.createRange();
      range.selectNodeContents(n);
      const r = range.getBoundingClientRect();
      if (r.width < 1 || r.height < 1 || r.bottom <= 0 || r.right <= 0 || r.top >= innerHeight || r.left >= innerWidth) continue;
      const cs = getComputedStyle(el);
      if (cs.visibility !== 'visible' || Number(cs.opacity) === 0 || el.closest('[hidden], [aria-hidden="true"] option')) continue;
      // The size on screen: the computed size times any CSS zoom on the way up.
      const zoom = (el as Element & { currentCSSZoom?: number }).currentCSSZoom ?? 1;
      out.push({ px: parseFloat(cs.fontSize) * zoom, text: text.slice(0, 40), cls: `${el.tagName.toLowerCase()}.${el.className}` });
    }
    return out;
  });
}
