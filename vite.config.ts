import { defineConfig } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { ioredisMockBrowserFix } from './build/ioredisMockBrowserFix.ts';

export default defineConfig({
  plugins: [ioredisMockBrowserFix(), svelte()],
  optimizeDeps: { exclude: ['ioredis-mock'] },
  build: { target: 'es2022', chunkSizeWarningLimit: 1600 },
  // The compare view's worker (src/ui/lab/compareWorker.ts) loads the Redis mock lazily, like the page.
  worker: { format: 'es', plugins: () => [ioredisMockBrowserFix()] },
  server: { port: 5173 },
});
