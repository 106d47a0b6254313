/**
 * The file system a node shell sees: a Laravel 12 app in `/var/www/html`, owned by `www-data`,
 * whose `storage/framework/sessions` lists the node's real session files (one per session id,
 * the file driver's `FileSessionHandler`). Everything else is a fixed, plausible skeleton with
 * sizes but no contents; `.env` is printed from the settings.
 */

/** One directory entry, as `stat` would describe it. */
export interface FsEntry {
  name: string;
  kind: 'dir' | 'file';
  /** `ls -l` mode string, e.g. `-rw-r--r--`. */
  mode: string;
  owner: string;
  size: number;
  /** Epoch ms. */
  mtime: number;
  links: number;
  /** The file's text, or null when the simulator does not hold it (only `kind: 'file'`). */
  content: string | null;
}

/** What the file system is built from. */
export interface FsSource {
  /** Session files on this node's disk: id → payload and mtime (epoch ms). */
  sessions: ReadonlyMap<string, { data: string; mtime: number }>;
  /** The node's `.env`. */
  envText: string;
  /** When the app was deployed (epoch ms): the mtime of everything else. */
  deployedAt: number;
}

export const APP_DIR = '/var/www/html';
export const HOME_DIR = '/var/www';
export const SESSIONS_DIR = `${APP_DIR}/storage/framework/sessions`;

/** Laravel ships `storage/framework/sessions/.gitignore` with exactly this. */
export const IGNORE_ALL = '*\n!.gitignore\n';

/** A skeleton directory: a number is a file of that size, a string a file with that content, an object a directory. */
type Tree = { [name: string]: number | string | Tree };

const LARAVEL_APP: Tree = {
  '.editorconfig': 258, '.env.example': 1084, '.gitattributes': 186, '.gitignore': 286, 'README.md': 3932,
  app: { Http: { Controllers: { 'Controller.php': 77 } }, Models: { 'User.php': 1037 }, Providers: { 'AppServiceProvider.php': 361 } },
  artisan: 425,
  bootstrap: { 'app.php': 571, cache: { '.gitignore': IGNORE_ALL, 'packages.php': 1183, 'services.php': 19_046 }, 'providers.php': 64 },
  'composer.json': 2347, 'composer.lock': 298_413,
  config: {
    'app.php': 4263, 'auth.php': 4029, 'cache.php': 3476, 'database.php': 6293, 'filesystems.php': 2500,
    'logging.php': 4318, 'mail.php': 3581, 'queue.php': 3824, 'services.php': 1035, 'session.php': 7846,
  },
  database: { '.gitignore': 10, factories: { 'UserFactory.php': 1075 }, migrations: { '0001_01_01_000000_create_users_table.php': 1527 }, seeders: { 'DatabaseSeeder.php': 477 } },
  'package.json': 330, 'phpunit.xml': 1151,
  public: { '.htaccess': 603, 'favicon.ico': 0, 'index.php': 543, 'robots.txt': 24 },
  resources: { css: { 'app.css': 312 }, js: { 'app.js': 23 }, views: { 'welcome.blade.php': 82_396 } },
  routes: { 'console.php': 221, 'web.php': 109 },
  storage: {
    app: { '.gitignore': 29, private: { '.gitignore': IGNORE_ALL }, public: { '.gitignore': IGNORE_ALL } },
    framework: {
      '.gitignore': 119, cache: { '.gitignore': 21, data: { '.gitignore': IGNORE_ALL } },
      sessions: { '.gitignore': IGNORE_ALL }, testing: { '.gitignore': IGNORE_ALL }, views: { '.gitignore': IGNORE_ALL },
    },
    logs: { '.gitignore': IGNORE_ALL },
  },
  tests: { Feature: { 'ExampleTest.php': 359 }, 'TestCase.php': 142, Unit: { 'ExampleTest.php': 243 } },
  vendor: { 'autoload.php': 771, bin: {}, composer: {}, laravel: {}, symfony: {} },
  'vite.config.js': 326,
};

/** Directories Laravel needs the web server to write to (`chmod -R 775 storage bootstrap/cache`). */
const WRITABLE = /^\/var\/www\/html\/(storage|bootstrap\/cache)(\/|$)/;

const encoder = new TextEncoder();
/** Byte length, as `ls` reports it. */
export const byteLength = (s: string): number => encoder.encode(s).length;

/** Above the app: each directory holds one, down to /var/www/html. */
const CHAIN: Readonly<Record<string, string>> = { '/': 'var', '/var': 'www', '/var/www': 'html' };

/** A session file in storage/framework/sessions. */
function sessionEntry(id: string, f: { data: string; mtime: number }): FsEntry {
  return { name: id, kind: 'file', mode: '-rw-r--r--', owner: 'www-data', size: byteLength(f.data), mtime: f.mtime, links: 1, content: f.data };
}

/** Read-only view of one node's disk. */
export class ShellFs {
  constructor(private readonly src: FsSource) {}

  /**
   * The entry at an absolute, normalised path, or null. Looked up by name, not by listing the
   * parent: `ls` with thousands of operands in a directory of thousands of session files would
   * otherwise cost operands × files.
   */
  stat(path: string): FsEntry | null {
    if (path === '/') return this.dirEntry('/', '/');
    const slash = path.lastIndexOf('/');
    const parent = slash <= 0 ? '/' : path.slice(0, slash);
    const name = path.slice(slash + 1);
    const only = Object.hasOwn(CHAIN, parent) ? CHAIN[parent] : undefined;
    if (only !== undefined) return name === only ? this.dirEntry(`${parent === '/' ? '' : parent}/${only}`, only) : null;
    const tree = this.tree(parent);
    if (!tree) return null;
    const full = `${parent}/${name}`;
    if (Object.hasOwn(tree, name)) {
      const v = tree[name]!;
      return typeof v === 'object' ? this.dirEntry(full, name) : this.fileEntry(full, name, v);
    }
    if (parent === APP_DIR && name === '.env') return this.fileEntry(full, '.env', this.src.envText);
    const session = parent === SESSIONS_DIR ? this.src.sessions.get(name) : undefined;
    return session ? sessionEntry(name, session) : null;
  }

  /** The entries of a directory (without `.` and `..`), or null if it is not one. */
  list(path: string): FsEntry[] | null {
    const only = Object.hasOwn(CHAIN, path) ? CHAIN[path] : undefined;
    if (only !== undefined) return [this.dirEntry(`${path === '/' ? '' : path}/${only}`, only)];
    const tree = this.tree(path);
    if (!tree) return null;
    const out: FsEntry[] = [];
    for (const [name, v] of Object.entries(tree)) {
      const full = `${path}/${name}`;
      if (typeof v === 'object') out.push(this.dirEntry(full, name));
      else out.push(this.fileEntry(full, name, v));
    }
    if (path === APP_DIR) out.push(this.fileEntry(`${APP_DIR}/.env`, '.env', this.src.envText));
    if (path === SESSIONS_DIR) {
      for (const [id, f] of this.src.sessions) out.push(sessionEntry(id, f));
    }
    return out.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  }

  /** The skeleton subtree at an absolute path under the app, or null. */
  private tree(path: string): Tree | null {
    if (path !== APP_DIR && !path.startsWith(APP_DIR + '/')) return null;
    let t: Tree = LARAVEL_APP;
    for (const part of path.slice(APP_DIR.length).split('/').filter((p) => p !== '')) {
      const next = Object.hasOwn(t, part) ? t[part] : undefined; // `__proto__` is not a directory
      if (next === undefined || typeof next !== 'object') return null;
      t = next;
    }
    return t;
  }

  private dirEntry(full: string, name: string): FsEntry {
    const inApp = full === APP_DIR || full.startsWith(APP_DIR + '/');
    const sub = inApp ? Object.values(this.tree(full) ?? {}).filter((v) => typeof v === 'object').length : full === '/var/www/html' ? 0 : 1;
    let mtime = this.src.deployedAt;
    // A directory's mtime moves when an entry is created in it: the newest session file's.
    if (full === SESSIONS_DIR) for (const f of this.src.sessions.values()) mtime = Math.max(mtime, f.mtime);
    return {
      name, kind: 'dir', mode: WRITABLE.test(full) ? 'drwxrwxr-x' : 'drwxr-xr-x', owner: inApp ? 'www-data' : 'root',
      size: 4096, mtime, links: 2 + sub, content: null,
    };
  }

  private fileEntry(full: string, name: string, v: number | string): FsEntry {
    const content = typeof v === 'string' ? v : null;
    return {
      name, kind: 'file', mode: name === 'artisan' ? '-rwxr-xr-x' : '-rw-r--r--', owner: 'www-data',
      size: typeof v === 'string' ? byteLength(v) : v, mtime: this.src.deployedAt, links: 1, content,
    };
  }
}

/** Resolve `path` against `cwd` into an absolute, normalised path (`.` and `..` folded). */
export function resolvePath(cwd: string, path: string): string {
  const parts = (path.startsWith('/') ? path : `${cwd}/${path}`).split('/');
  const out: string[] = [];
  for (const p of parts) {
    if (p === '' || p === '.') continue;
    if (p === '..') out.pop();
    else out.push(p);
  }
  return '/' + out.join('/');
}
