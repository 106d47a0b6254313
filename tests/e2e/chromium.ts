/**
 * Which Chromium the browser tests and `npm run bench:ui` drive: $CHROMIUM_PATH, then
 * Debian's /usr/bin/chromium, then Playwright's own download (STACK.md: Playwright cannot
 * download its browser on the CI machines). Returns undefined for Playwright's own browser.
 */
import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';

export const NO_CHROMIUM =
  'No Chromium found for the browser tests. Install Debian\'s package (apt-get install chromium), ' +
  'set CHROMIUM_PATH to a Chromium binary, or run `npx playwright install chromium`.';

export function findChromium(): string | undefined {
  for (const c of [process.env.CHROMIUM_PATH, '/usr/bin/chromium']) if (c && existsSync(c)) return c;
  let own = '';
  try {
    own = chromium.executablePath();
  } catch {
    // not installed
  }
  if (own && existsSync(own)) return undefined;
  throw new Error(NO_CHROMIUM);
}

/** Flags for containers: no sandbox, no /dev/shm. */
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-dev-shm-usage'];
