/**
 * The nginx editor: an `upstream NAME { … }` block (or just its body, or a whole nginx.conf with
 * the upstream inside `http {}`) becomes `BalancerSettings` (flavor 'nginx') and `NodeSpec[]`.
 * Checks and messages follow nginx's source (ngx_http_upstream*.c) and FACTS.md's nginx section.
 */
import { balancerProblems } from '../sim/limits';
import type { BalancerSettings, NodeSpec } from '../sim/types';
import { DEFAULT_HASH_COOKIE, DEFAULT_STICKY_COOKIE, defaultBalancer } from './balancerDefaults';
import { DiagnosticSink, firstLineEnd, neverThrow, type ParseResult } from './diagnostic';
import { METHOD_FLAGS, type NgxMethod, notSupported, parseServer, parseSticky, type ServerLine } from './nginxDirectives';
import { analyseHashKey } from './nginxHashKey';
import { type NgxStatement, type NgxToken, parseNginx } from './nginxSyntax';
import { handleBom, refuseOversized } from './limits';
import { ngxAtoi } from './nginxValues';
import { closest } from './suggest';

export interface NginxUpstream {
  /** The upstream's name, or null when the text was a bare body. */
  upstreamName: string | null;
  balancer: BalancerSettings;
  nodes: NodeSpec[];
}

export interface NginxParseOptions {
  /** The app's session cookie (`laravelNames(appName).cookie`); by default any name ending in `_session`. */
  sessionCookie?: string;
}

const UPSTREAM_DIRECTIVES = [
  'server', 'zone', 'hash', 'ip_hash', 'least_conn', 'random', 'sticky', 'keepalive', 'keepalive_requests',
  'keepalive_time', 'keepalive_timeout', 'resolver', 'resolver_timeout', 'least_time', 'ntlm', 'queue', 'state',
];
const ELSEWHERE = [
  'http', 'events', 'stream', 'upstream', 'location', 'listen', 'server_name', 'proxy_pass', 'proxy_set_header',
  'proxy_next_upstream', 'proxy_http_version', 'proxy_connect_timeout', 'proxy_read_timeout', 'root', 'index',
  'include', 'return', 'rewrite', 'add_header', 'fastcgi_pass', 'try_files', 'error_log', 'access_log',
  'worker_processes', 'user', 'pid', 'sendfile', 'map', 'log_format', 'default_type', 'gzip', 'set', 'if',
  'ssl_certificate', 'ssl_certificate_key', 'client_max_body_size', 'health_check',
];
const KNOWN = new Set([...UPSTREAM_DIRECTIVES, ...ELSEWHERE]);
const PLUS_ONLY = new Set(['least_time', 'ntlm', 'queue', 'state']);

/** Parses the config a student typed. Never throws; `value` is null when no server could be read. */
export function parseNginxUpstream(text: string, options: NginxParseOptions = {}): ParseResult<NginxUpstream> {
  return neverThrow(text, () => {
    const oversized = refuseOversized<NginxUpstream>(text);
    if (oversized) return oversized;
    const sink = new DiagnosticSink(text);
    const top = parseNginx(handleBom(text, sink, 'nginx'), sink, (w) => KNOWN.has(w));
    const value = readUpstream(top, text, sink, options);
    return { value, diagnostics: sink.sorted() };
  });
}

function readUpstream(top: NgxStatement[], text: string, sink: DiagnosticSink, options: NginxParseOptions): NginxUpstream | null {
  const found: { st: NgxStatement; parent: string | null }[] = [];
  const stack: { st: NgxStatement; parent: string | null }[] = [...top].reverse().map((st) => ({ st, parent: null }));
  while (stack.length > 0) {
    const item = stack.pop();
    if (!item) break;
    if (item.st.name.text === 'upstream') found.push(item);
    else if (item.st.block) for (let k = item.st.block.length - 1; k >= 0; k--) stack.push({ st: item.st.block[k] as NgxStatement, parent: item.st.name.text });
  }
  const chosen = found[0];
  if (!chosen) {
    if (top.some((st) => st.block !== null)) {
      sink.error('no "upstream" block found', 0, firstLineEnd(text));
      return null;
    }
    return readBody(top, null, sink, options);
  }
  for (const other of found.slice(1)) {
    sink.info(`the simulator uses the first upstream, "${chosen.st.args[0]?.text ?? ''}"`, other.st.name.from, other.st.name.to);
  }
  const { st, parent } = chosen;
  if (parent !== null && parent !== 'http' && parent !== 'stream') {
    sink.error('"upstream" directive is not allowed here', st.name.from, st.name.to);
  }
  if (st.args.length !== 1) sink.error('invalid number of arguments in "upstream" directive', st.name.from, st.name.to);
  if (st.block === null) {
    sink.error('directive "upstream" has no opening "{"', st.name.from, st.name.to);
    return null;
  }
  return readBody(st.block, st.args[0] ?? st.name, sink, options, st.args[0] === undefined);
}

function readBody(body: NgxStatement[], nameTok: NgxToken | null, sink: DiagnosticSink, options: NginxParseOptions, nameless = false): NginxUpstream | null {
  const balancer = defaultBalancer('nginx');
  const servers: ServerLine[] = [];
  let method = 'round-robin' as NgxMethod;
  let methodTok = null as NgxToken | null;
  let sticky = null as { tok: NgxToken; cookie: BalancerSettings['stickyCookie'] | null; overridden: boolean } | null;
  let hashCookie = null as BalancerSettings['hashCookie'] | null;
  const setMethod = (m: NgxMethod, tok: NgxToken): void => {
    if (methodTok !== null || sticky !== null) {
      const note = sticky && !sticky.overridden
        ? ' ("sticky" above is now ignored: nginx applies it only when it comes after the balancing method)'
        : '';
      if (sticky) sticky.overridden = true;
      sink.warn(`load balancing method redefined${note}`, tok.from, tok.to);
    }
    method = m;
    methodTok = tok;
  };
  for (const st of body) {
    const name = st.name.text;
    const at = st.name;
    if (st.block !== null) {
      // A simple directive followed by `{`: nginx's ngx_conf_handler message.
      if (UPSTREAM_DIRECTIVES.includes(name)) sink.error(`directive "${name}" is not terminated by ";"`, at.from, at.to);
      else sink.error(KNOWN.has(name) ? `"${name}" directive is not allowed here` : unknownDirective(name), at.from, at.to);
      continue;
    }
    const nargs = (ok: boolean): boolean => {
      if (!ok) sink.error(`invalid number of arguments in "${name}" directive`, at.from, at.to);
      return ok;
    };
    switch (name) {
      case 'server': {
        const line = parseServer(st, servers.length, method, sink);
        if (line) servers.push(line);
        break;
      }
      case 'ip_hash':
      case 'least_conn':
        if (nargs(st.args.length === 0)) setMethod(name, at);
        break;
      case 'hash': {
        if (!nargs(st.args.length === 1 || st.args.length === 2)) break;
        const [keyTok, opt] = st.args;
        if (opt && opt.text !== 'consistent') {
          sink.error(`invalid parameter "${opt.text}"`, opt.from, opt.to);
          break;
        }
        if (!keyTok) break;
        const key = analyseHashKey(keyTok.text);
        setMethod('hash', at);
        if (!key.ok) {
          const off = keyTok.escaped ? 0 : (keyTok.quoted ? 1 : 0) + key.at;
          const from = keyTok.escaped ? keyTok.from : keyTok.from + off;
          sink.error(key.message, from, keyTok.escaped ? keyTok.to : from + key.length);
          hashCookie = { name: '', consistent: opt !== undefined };
          break;
        }
        hashCookie = { name: key.cookie, consistent: opt !== undefined };
        const laravel = options.sessionCookie !== undefined ? key.cookie === options.sessionCookie : key.cookie.endsWith('_session');
        if (laravel) {
          sink.warn(
            `hashing on the Laravel session cookie "${key.cookie}" gives no affinity: EncryptCookies re-encrypts it with a random IV on every response, ` +
              'so its value (and its hash) changes with every request; before the first response there is no cookie and nginx falls back to round robin',
            keyTok.from, keyTok.to,
          );
        }
        break;
      }
      case 'random':
        sink.error('"random" is a real nginx method, but the simulator models round robin, least_conn, ip_hash, hash $cookie_NAME and sticky cookie', at.from, at.to);
        setMethod('random', at);
        break;
      case 'sticky':
        if (sticky !== null) {
          sink.error('"sticky" directive is duplicate', at.from, at.to);
          break;
        }
        sticky = { tok: at, cookie: parseSticky(st, sink), overridden: false };
        sink.info(
          '"sticky" is in open-source nginx since 1.29.6 (2026-03-10; stable 1.30.0); before that it was NGINX Plus only, ' +
            'and older builds stop with: unknown directive "sticky"',
          at.from, at.to,
        );
        break;
      case 'keepalive': {
        const n = st.args.length === 1 ? ngxAtoi(st.args[0]?.text ?? '') : null;
        if (!nargs(st.args.length === 1)) break;
        if (!n) sink.error(`invalid value "${st.args[0]?.text ?? ''}" in "keepalive" directive`, at.from, at.to);
        else sink.info('"keepalive" is accepted; the simulator does not model upstream connection reuse', at.from, at.to);
        break;
      }
      case 'zone':
        if (nargs(st.args.length === 1 || st.args.length === 2)) sink.info('"zone" is accepted; the simulator runs a single nginx worker, so shared memory changes nothing', at.from, at.to);
        break;
      case 'keepalive_requests': case 'keepalive_time': case 'keepalive_timeout': case 'resolver': case 'resolver_timeout':
        sink.info(`"${name}" is accepted; the simulator does not model it`, at.from, at.to);
        break;
      default:
        if (PLUS_ONLY.has(name)) sink.error(`"${name}" is NGINX Plus only; the simulator models open-source nginx`, at.from, at.to);
        else sink.error(KNOWN.has(name) ? `"${name}" directive is not allowed here` : unknownDirective(name), at.from, at.to);
    }
  }
  // nginx checks `backup` against the method in force at the server line; a method declared
  // later is checked here too, because the docs forbid the combination whatever the order.
  if (!METHOD_FLAGS[method].backup) {
    for (const s of servers) if (s.backupTok) sink.error(notSupported(s.backupTok, method), s.backupTok.from, s.backupTok.to);
  }
  const nodes = servers.map((s) => s.node);
  const anchor = nameTok ?? { from: 0, to: 0 };
  if (nodes.length === 0) {
    if (body.every((st) => st.name.text !== 'server')) sink.error('no servers are inside upstream', anchor.from, anchor.to);
    return null;
  }
  if (nodes.every((n) => n.backup)) sink.error('no servers in upstream: every server is "backup"', anchor.from, anchor.to);
  const stickyOn = sticky !== null && !sticky.overridden;
  if (stickyOn && sticky?.cookie) {
    balancer.strategy = 'cookie';
    balancer.stickyCookie = sticky.cookie;
    if (methodTok !== null && method !== 'round-robin') {
      sink.info(`nginx picks the server for a client without the cookie by "${method}"; the simulator uses round robin for them`, sticky.tok.from, sticky.tok.to);
    }
  } else if (method === 'least_conn') balancer.strategy = 'least-conn';
  else if (method === 'ip_hash') balancer.strategy = 'ip-hash';
  else if (method === 'hash') {
    balancer.strategy = 'hash-cookie';
    balancer.hashCookie = hashCookie ?? { ...DEFAULT_HASH_COOKIE };
  }
  if (balancer.strategy !== 'cookie') balancer.stickyCookie = { ...DEFAULT_STICKY_COOKIE };
  // The simulator's own limits (node count, weights, ring size): the same check as the engine's.
  for (const p of balancerProblems(balancer, nodes)) {
    const line = p.node === null ? undefined : servers[p.node];
    const tok = line === undefined ? anchor : p.field === 'weight' ? (line.weightTok ?? line.at) : line.at;
    sink.error(p.message, tok.from, tok.to);
  }
  if (nameless) return null;
  return { upstreamName: nameTok?.text ?? null, balancer, nodes };
}

function unknownDirective(name: string): string {
  const hint = closest(name, UPSTREAM_DIRECTIVES);
  return `unknown directive "${name}"${hint ? `; did you mean "${hint}"?` : ''}`;
}
