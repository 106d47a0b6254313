import type { Plugin } from 'vite';

/**
 * ioredis-mock's browser.js still calls require("fs" | "path" | "vm") at load
 * (upstream issue stipsan/ioredis-mock#1465); in a browser that throws
 * `Calling require for "fs"`. The results are only used inside try/catch, so an
 * empty object is a faithful stand-in. See ../shared/STACK.md.
 */
export function ioredisMockBrowserFix(): Plugin {
  return {
    name: 'ioredis-mock-browser-fix',
    enforce: 'pre',
    transform(code, id) {
      if (!/ioredis-mock[\\/]browser\.js$/.test(id)) return null;
      const helper = /var ([\w$]+)=\(e=>typeof require<"u"\?require/.exec(code)?.[1];
      if (!helper) this.error('ioredis-mock browser.js changed shape: cannot find its require helper');
      const escaped = helper.replace(/\$/g, '\\$');
      const calls = new RegExp(`\\b${escaped}\\("(fs|path|vm)"\\)`, 'g');
      return { code: code.replace(calls, '({})'), map: null };
    },
  };
}
