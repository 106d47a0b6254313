/**
 * HAProxy `server` and `default-server` lines (src/server.c keywords). Health-check settings map
 * onto NodeSpec: with `check`, `fall` consecutive failed checks mark the server DOWN
 * (→ maxFails) and checks run every `inter` (→ failTimeoutSec); without `check` the server
 * is never marked down (maxFails 0). `disabled` (maintenance) → down.
 */
import { HAPROXY_MAX_INTER_MS } from '../sim/limits';
import type { NodeSpec } from '../sim/types';
import { HAPROXY_SERVER_DEFAULTS, nodeName } from './balancerDefaults';
import type { DiagnosticSink } from './diagnostic';
import type { HapLine, HapWord } from './haproxySyntax';
import { closest } from './suggest';

/** What `default-server` sets for the servers after it. */
export interface ServerDefaults {
  check: boolean;
  interMs: number;
  fall: number;
  weight: number;
  backup: boolean;
  disabled: boolean;
}

export const HAPROXY_DEFAULTS: ServerDefaults = {
  check: false, interMs: HAPROXY_SERVER_DEFAULTS.interMs, fall: HAPROXY_SERVER_DEFAULTS.fall,
  weight: HAPROXY_SERVER_DEFAULTS.weight, backup: false, disabled: false,
};

/** Keywords and how many arguments they take; the modelled ones are handled by name below. */
const KEYWORDS: Record<string, number> = {
  check: 0, 'no-check': 0, backup: 0, 'no-backup': 0, disabled: 0, enabled: 0, ssl: 0, 'no-ssl': 0, 'send-proxy': 0,
  'send-proxy-v2': 0, 'check-ssl': 0, 'check-send-proxy': 0, 'agent-check': 0, 'non-stick': 0, 'no-verifyhost': 0, tfo: 0,
  inter: 1, fastinter: 1, downinter: 1, fall: 1, rise: 1, cookie: 1, weight: 1, maxconn: 1, minconn: 1, maxqueue: 1,
  port: 1, addr: 1, verify: 1, 'ca-file': 1, crt: 1, sni: 1, alpn: 1, resolvers: 1, 'resolve-prefer': 1, 'init-addr': 1,
  'on-error': 1, 'on-marked-down': 1, 'on-marked-up': 1, 'error-limit': 1, observe: 1, slowstart: 1, track: 1, id: 1,
  redir: 1, source: 1, proto: 1, 'pool-max-conn': 1, 'pool-purge-delay': 1, 'agent-port': 1, 'agent-inter': 1,
  'agent-addr': 1, 'agent-send': 1, 'check-sni': 1, 'check-alpn': 1, 'max-reuse': 1, ws: 1, 'hash-key': 1, 'resolve-opts': 1,
};
const NOT_MODELLED = new Set(['maxconn', 'slowstart', 'observe', 'on-marked-down', 'on-error', 'error-limit', 'track', 'agent-check', 'maxqueue']);

const HAP_UNITS: Record<string, [mult: number, div: number]> = {
  us: [1, 1000], ms: [1, 1], s: [1000, 1], m: [60_000, 1], h: [3_600_000, 1], d: [86_400_000, 1],
};

/**
 * HAProxy time (`parse_time_err` in src/tools.c) in milliseconds: digits and an optional unit
 * us/ms/s/m/h/d, bare = ms; microseconds round up (`65535us` is 66 ms, as HAProxy stores it).
 * `over` when the result passes {@link HAPROXY_MAX_INTER_MS} ("timer overflow"); `bad` names the
 * first character HAProxy would not read.
 */
export function hapParseTimeMs(s: string): { ms: number } | { bad: string } | { over: true } {
  const m = /^(\d+)(us|ms|s|m|h|d)?/.exec(s);
  if (!m) return { bad: s[0] ?? '' };
  if (m[0].length < s.length) return { bad: s[m[0].length] ?? '' };
  const [mult, div] = HAP_UNITS[m[2] ?? 'ms'] ?? [1, 1];
  const value = BigInt(m[1] as string);
  const ms = (value * BigInt(mult) + BigInt(div - 1)) / BigInt(div);
  return ms > BigInt(HAPROXY_MAX_INTER_MS) ? { over: true } : { ms: Number(ms) };
}

/** Reads the keywords of a server line (from `start`) into `d`, which it updates. */
export function readServerParams(words: HapWord[], start: number, owner: string, d: ServerDefaults, cookie: { value?: string }, sink: DiagnosticSink): void {
  for (let i = start; i < words.length; i++) {
    const w = words[i];
    if (!w) break;
    const arity = KEYWORDS[w.text];
    if (arity === undefined || !Object.hasOwn(KEYWORDS, w.text)) {
      const hint = closest(w.text, Object.keys(KEYWORDS));
      sink.error(`'${owner}' unknown keyword '${w.text}'.${hint ? ` Did you mean '${hint}' maybe ?` : ''}`, w.from, w.to);
      continue;
    }
    const arg = words[i + arity];
    if (arity === 1 && !arg) {
      sink.error(`'${w.text}' expects an argument.`, w.from, w.to);
      break;
    }
    i += arity;
    const v = arg?.text ?? '';
    const at = arg ?? w;
    switch (w.text) {
      case 'check': d.check = true; break;
      case 'no-check': d.check = false; break;
      case 'backup': d.backup = true; break;
      case 'no-backup': d.backup = false; break;
      case 'disabled': d.disabled = true; break;
      case 'enabled': d.disabled = false; break;
      case 'cookie': cookie.value = v; break;
      case 'inter': {
        const t = hapParseTimeMs(v);
        if ('bad' in t) sink.error(`unexpected character '${t.bad}' in 'inter' argument of ${owner}.`, at.from, at.to);
        else if ('over' in t) {
          sink.error(`timer overflow in argument <${v}> to <inter> of ${owner}, maximum value is ${HAPROXY_MAX_INTER_MS} ms (~24.8 days).`, at.from, at.to);
        } else if (t.ms <= 0) sink.error(`invalid value 0 for argument 'inter' of ${owner}.`, at.from, at.to);
        else d.interMs = t.ms;
        break;
      }
      case 'fall':
      case 'rise': {
        // HAProxy reads these with atoi(): past 2^31 − 1 the number wraps, often to <= 0.
        if (/^\d{11,}$/.test(v) || (/^\d+$/.test(v) && Number(v) > 0x7fffffff && Number(v) < 2 ** 32)) {
          sink.error(`'${w.text}' ${v} is larger than 2147483647: HAProxy's atoi() wraps it, the simulator refuses it.`, at.from, at.to);
        } else if (!/^\d{1,10}$/.test(v) || Number(v) === 0) sink.error(`'${w.text}' has to be > 0.`, at.from, at.to);
        else if (w.text === 'fall') d.fall = Number(v);
        break;
      }
      case 'weight': {
        if (!/^\d{1,9}$/.test(v) || Number(v) > 256) sink.error(`weight of ${owner} is not within 0 and 256 (${v}).`, at.from, at.to);
        else d.weight = Number(v);
        break;
      }
      default:
        if (NOT_MODELLED.has(w.text)) sink.info(`'${w.text}' is accepted; the simulator does not model it`, w.from, w.to);
    }
  }
}

/** `server <name> <address> [keywords…]` → a NodeSpec named node-(index+1). */
export function parseServerLine(line: HapLine, index: number, defaults: ServerDefaults, sink: DiagnosticSink): NodeSpec | null {
  const [kw, name, addr] = line.words;
  if (!kw) return null;
  if (!name || !addr) {
    sink.error(`'${kw.text}' expects <name> and <addr>[:<port>] as arguments.`, kw.from, kw.to);
    return null;
  }
  const badChar = /[^A-Za-z0-9_.:-]/.exec(name.text);
  if (badChar) sink.error(`character '${badChar[0]}' is not permitted in server name '${name.text}'.`, name.from, name.to);
  const owner = `server ${name.text}`;
  const colon = addr.text.lastIndexOf(':');
  const port = colon >= 0 && addr.text.indexOf(':') === colon ? addr.text.slice(colon + 1) : null;
  if (port !== null && port !== '' && !(/^[+-]?\d{1,5}$/.test(port) && Math.abs(Number(port)) <= 65535)) {
    sink.error(`'${owner}' : invalid port '${port}' in '${addr.text}'.`, addr.from, addr.to);
  }
  const d = { ...defaults };
  const cookie: { value?: string } = {};
  readServerParams(line.words, 3, owner, d, cookie, sink);
  const node: NodeSpec = {
    name: nodeName(index), address: addr.text, weight: d.weight, maxFails: d.check ? d.fall : 0,
    failTimeoutSec: d.interMs / 1000, down: d.disabled, backup: d.backup,
  };
  if (cookie.value !== undefined) node.cookieValue = cookie.value;
  return node;
}
