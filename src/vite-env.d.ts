/// <reference types="svelte" />
/// <reference types="vite/client" />

/** False in the one-file build (`npm run build:single`): a page opened from disk cannot start module workers. */
declare const __WORKERS__: boolean;
