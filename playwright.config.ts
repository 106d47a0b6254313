import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium } from './tests/e2e/chromium';

// Fails with a plain message (apt-get install chromium, or CHROMIUM_PATH) when no browser is found.
const executablePath = findChromium();
const PORT = Number(process.env.E2E_PORT ?? 4173);

export default defineConfig({
  // `npm run screenshots` points this at tests/screenshots (docs, not checks).
  testDir: process.env.SCREENSHOTS ? 'tests/screenshots' : 'tests/e2e',
  timeout: 30_000,
  expect: { timeout: 10_000 },
  fullyParallel: true,
  workers: 2,
  reporter: process.env.CI ? 'line' : 'list',
  use: {
    baseURL: `http://localhost:${PORT}`,
    viewport: { width: 1366, height: 768 },
    launchOptions: { ...(executablePath ? { executablePath } : {}), args: CHROMIUM_ARGS },
  },
  webServer: {
    command: `npx vite build --logLevel warn && npx vite preview --port ${PORT} --strictPort`,
    url: `http://localhost:${PORT}`,
    reuseExistingServer: !process.env.CI,
    timeout: 120_000,
  },
});
