import { defineConfig } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { viteSingleFile } from 'vite-plugin-singlefile';
import { ioredisMockBrowserFix } from './build/ioredisMockBrowserFix.ts';
import { singleFileHtml } from './build/singleFileHtml.ts';

// `npm run build:single` (mode "single"): one self-contained HTML file that works from disk,
// offline — every script, style, lesson, the Redis mock and the favicon inlined.
export default defineConfig(({ mode }) => ({
  plugins: [ioredisMockBrowserFix(), svelte(), ...(mode === 'single' ? [viteSingleFile(), singleFileHtml()] : [])],
  optimizeDeps: { exclude: ['ioredis-mock'] },
  // A page opened from file:// cannot start module workers: the one-file build runs the compare view in the page.
  define: { __WORKERS__: JSON.stringify(mode !== 'single') },
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 1600,
    ...(mode === 'single' ? { outDir: 'dist-single', copyPublicDir: false, chunkSizeWarningLimit: 8000 } : {}),
  },
  // The compare view's worker (src/ui/lab/compareWorker.ts) loads the Redis mock lazily, like the page.
  worker: { format: 'es', plugins: () => [ioredisMockBrowserFix()] },
  server: { port: 5173 },
}));
