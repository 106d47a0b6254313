import { defineConfig } from 'vitest/config';

export default defineConfig({
  define: { __WORKERS__: 'true' },
  test: {
    include: ['tests/**/*.test.ts'],
    exclude: ['tests/e2e/**', 'node_modules/**'],
    environment: 'node',
    testTimeout: 60_000,
  },
});
