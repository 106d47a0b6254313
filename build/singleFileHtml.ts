import { readFileSync } from 'node:fs';
import type { Plugin } from 'vite';

/**
 * For the one-file build: inline the favicon as a data URI (a file opened from disk must
 * request nothing) and name the output `session-cluster-lab.html`.
 */
export function singleFileHtml(): Plugin {
  return {
    name: 'single-file-html',
    enforce: 'post',
    transformIndexHtml(html) {
      const svg = readFileSync(new URL('../public/favicon.svg', import.meta.url), 'utf8');
      return html.replace(/href="(?:\.\/|\/)?favicon\.svg"/, `href="data:image/svg+xml,${encodeURIComponent(svg)}"`);
    },
    generateBundle(_options, bundle) {
      const page = bundle['index.html'];
      if (page) page.fileName = 'session-cluster-lab.html';
    },
  };
}
