/**
 * The `server` and `sticky` directives of an nginx upstream block, checked the way
 * `ngx_http_upstream_server` and `ngx_http_upstream_sticky` do, with nginx's messages.
 */
import { MAX_TIME_SEC } from '../sim/limits';
import type { BalancerSettings, NodeSpec } from '../sim/types';
import { newNode, NGINX_STICKY_EXPIRES_MAX } from './balancerDefaults';
import type { DiagnosticSink } from './diagnostic';
import type { NgxStatement, NgxToken } from './nginxSyntax';
import { ngxAddressError, ngxAtoi, ngxParseTime } from './nginxValues';
import { closest } from './suggest';

/** The balancing method in force, which decides the `server` parameters allowed (uscf->flags). */
export type NgxMethod = 'round-robin' | 'least_conn' | 'ip_hash' | 'hash' | 'random';

/** NGX_HTTP_UPSTREAM_BACKUP and _MAX_CONNS per method (ip_hash, hash and random have no backup). */
export const METHOD_FLAGS: Record<NgxMethod, { backup: boolean; maxConns: boolean }> = {
  'round-robin': { backup: true, maxConns: true },
  least_conn: { backup: true, maxConns: true },
  ip_hash: { backup: false, maxConns: true },
  hash: { backup: false, maxConns: false },
  random: { backup: false, maxConns: true },
};

const SERVER_PARAMS = ['weight=', 'max_conns=', 'max_fails=', 'fail_timeout=', 'backup', 'down', 'drain', 'route=', 'resolve'];

export interface ServerLine {
  node: NodeSpec;
  /** The `server` word and the `weight=` parameter, for diagnostics about the line as a whole. */
  at: NgxToken;
  weightTok: NgxToken | null;
  /** The `backup` word, so a balancing method declared later can still be checked against it. */
  backupTok: NgxToken | null;
}

function invalidParam(p: NgxToken, names: readonly string[]): string {
  const eq = p.text.indexOf('=');
  const name = eq >= 0 ? p.text.slice(0, eq + 1) : p.text;
  const hint = closest(name, names);
  const suggestion = hint === null ? '' : `; did you mean "${hint.endsWith('=') && eq >= 0 ? hint + p.text.slice(eq + 1) : hint}"?`;
  return `invalid parameter "${p.text}"${suggestion}`;
}

/** A time nginx accepts (up to 2^63 − 1 s) but the simulator does not. */
function tooLongTime(name: string, sec: number): string {
  return `${name} of ${sec.toExponential(2)} seconds: nginx accepts up to 2^63 − 1, the simulator up to ${MAX_TIME_SEC}s (about 68 years)`;
}

export function notSupported(p: NgxToken, method: NgxMethod): string {
  return `balancing method does not support parameter "${p.text}" ("${method}" is in effect)`;
}

export function parseServer(st: NgxStatement, index: number, method: NgxMethod, sink: DiagnosticSink): ServerLine | null {
  const [addr, ...params] = st.args;
  if (!addr) {
    sink.error('invalid number of arguments in "server" directive', st.name.from, st.name.to);
    return null;
  }
  const addrErr = ngxAddressError(addr.text);
  if (addrErr !== null) {
    const scheme = addr.text.includes('://') ? ' (a server address takes no scheme: write "host:port")' : '';
    sink.error(`${addrErr} in upstream "${addr.text}"${scheme}`, addr.from, addr.to);
  }
  const node = newNode(index, addr.text, 'nginx');
  let backupTok: NgxToken | null = null;
  let weightTok: NgxToken | null = null;
  const flags = METHOD_FLAGS[method];
  for (const p of params) {
    const t = p.text;
    const bad = (msg: string): void => void sink.error(msg, p.from, p.to);
    if (t.startsWith('weight=')) {
      const n = ngxAtoi(t.slice(7));
      if (n === null || n === 0) bad(invalidParam(p, SERVER_PARAMS));
      else {
        node.weight = n;
        weightTok = p;
      }
    } else if (t.startsWith('max_conns=')) {
      if (!flags.maxConns) bad(notSupported(p, method));
      else if (ngxAtoi(t.slice(10)) === null) bad(invalidParam(p, SERVER_PARAMS));
      else sink.info('"max_conns" is accepted, but the simulator does not limit connections per server', p.from, p.to);
    } else if (t.startsWith('max_fails=')) {
      const n = ngxAtoi(t.slice(10));
      if (n === null) bad(invalidParam(p, SERVER_PARAMS));
      else node.maxFails = n;
    } else if (t.startsWith('fail_timeout=')) {
      const sec = ngxParseTime(t.slice(13), true);
      if (sec === null) bad(invalidParam(p, SERVER_PARAMS));
      else if (sec > MAX_TIME_SEC) bad(tooLongTime('fail_timeout', sec));
      else node.failTimeoutSec = sec;
    } else if (t === 'backup') {
      if (!flags.backup) bad(notSupported(p, method));
      else {
        node.backup = true;
        backupTok = p;
      }
    } else if (t === 'down') {
      node.down = true;
    } else if (t === 'drain') {
      node.drain = true; // nginx 1.29.6+: only clients bound by the sticky cookie still reach it
    } else if (t.startsWith('route=') && t.length > 6) {
      node.cookieValue = t.slice(6);
    } else if (t === 'resolve') {
      sink.info('"resolve" is accepted; the simulator does not model DNS', p.from, p.to);
    } else {
      bad(invalidParam(p, SERVER_PARAMS));
    }
  }
  return { node, backupTok, at: st.name, weightTok };
}

const STICKY_PARAMS = ['expires=', 'domain=', 'path=', 'httponly', 'secure', 'samesite='];

/** `sticky cookie NAME [expires=] [domain=] [path=] [httponly] [secure] [samesite=]`. */
export function parseSticky(st: NgxStatement, sink: DiagnosticSink): BalancerSettings['stickyCookie'] | null {
  const [mode, name, ...params] = st.args;
  const fail = (msg: string, tok: NgxToken): null => {
    sink.error(msg, tok.from, tok.to);
    return null;
  };
  if (!mode || !name) return fail('invalid number of arguments in "sticky" directive', st.name);
  if (mode.text === 'route' || mode.text === 'learn') {
    return fail(`the simulator models only "sticky cookie", not "sticky ${mode.text}"`, mode);
  }
  if (mode.text !== 'cookie') return fail(`unknown parameter "${mode.text}"`, mode);
  if (name.text === '') return fail('"sticky" directive empty cookie name', name);
  const cookie: BalancerSettings['stickyCookie'] = { name: name.text, expiresSec: null, domain: null, path: null };
  const seen = new Set<string>();
  let ok = true;
  for (const p of params) {
    const eq = p.text.indexOf('=');
    const key = eq >= 0 ? p.text.slice(0, eq) : p.text;
    const value = eq >= 0 ? p.text.slice(eq + 1) : '';
    const known = STICKY_PARAMS.includes(eq >= 0 ? key + '=' : key);
    const err = (msg: string): void => {
      ok = false;
      sink.error(msg, p.from, p.to);
    };
    if (!known) {
      err(invalidParam(p, STICKY_PARAMS).replace('invalid parameter', 'unknown parameter'));
      continue;
    }
    if (seen.has(key)) {
      err(`"sticky" directive parameter "${key}" is duplicate`);
      continue;
    }
    seen.add(key);
    if ((key === 'domain' || key === 'path') && value === '') err(`"sticky" directive no value for "${key}"`);
    else if (key === 'domain') cookie.domain = value;
    else if (key === 'path') cookie.path = value;
    else if (key === 'expires') {
      const sec = value === 'max' ? NGINX_STICKY_EXPIRES_MAX : ngxParseTime(value, true);
      if (sec === null) err('"sticky" directive invalid "expires" parameter value');
      else if (sec > MAX_TIME_SEC) err(tooLongTime('expires', sec));
      else cookie.expiresSec = sec;
    } else if (key === 'samesite' && !/^(strict|lax|none)$/i.test(value) && !value.includes('$')) {
      err('"sticky" directive invalid "samesite" parameter value');
    } else {
      sink.info(`"${key}" is accepted; the simulated browser does not model that cookie attribute`, p.from, p.to);
    }
  }
  return ok ? cookie : null;
}
