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
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 1600,
    ...(mode === 'single' ? { outDir: 'dist-single', copyPublicDir: false, chunkSizeWarningLimit: 8000 } : {}),
  },
  server: { port: 5173 },
}));
