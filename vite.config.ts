import { defineConfig } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { ioredisMockBrowserFix } from './build/ioredisMockBrowserFix.ts';

export default defineConfig({
  plugins: [ioredisMockBrowserFix(), svelte()],
  optimizeDeps: { exclude: ['ioredis-mock'] },
  build: { target: 'es2022', chunkSizeWarningLimit: 1600 },
  server: { port: 5173 },
});
