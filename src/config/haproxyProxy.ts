/** One statement of a `defaults`, `backend` or `listen` section, applied to the proxy being read. */
import type { NodeSpec } from '../sim/types';
import type { DiagnosticSink } from './diagnostic';
import {
  BALANCE_ONLY_SUPPORTS, COOKIE_OPTIONS_0, COOKIE_OPTIONS_1, COOKIE_SUPPORTS, FRONTEND_ONLY, OPTIONS, PROXY_KEYWORDS,
  UNMODELLED_BALANCE,
} from './haproxyKeywords';
import { parseServerLine, readServerParams, type ServerDefaults } from './haproxyServer';
import type { HapLine, HapWord } from './haproxySyntax';
import { closest } from './suggest';

export interface ProxyState {
  balance: 'roundrobin' | 'leastconn' | 'source';
  cookie: { name: string; insert: boolean; domain: string | null; word: HapWord } | null;
  redispatch: boolean;
  /** `mode`, or null when never set (HAProxy's default is tcp). */
  mode: string | null;
  serverDefaults: ServerDefaults;
  servers: { node: NodeSpec; label: string; at: HapWord }[];
}

export function newProxyState(serverDefaults: ServerDefaults): ProxyState {
  return { balance: 'roundrobin', cookie: null, redispatch: false, mode: null, serverDefaults, servers: [] };
}

type Kind = 'defaults' | 'backend' | 'listen';

export function applyProxyLine(line: HapLine, kind: Kind, name: string, st: ProxyState, sink: DiagnosticSink): void {
  const [kw, a1, a2] = line.words;
  if (!kw) return;
  const err = (msg: string, w: HapWord = kw): void => void sink.error(msg, w.from, w.to);
  switch (kw.text) {
    case 'balance': {
      const algo = a1?.text ?? 'roundrobin';
      if (algo === 'roundrobin' || algo === 'leastconn' || algo === 'source') st.balance = algo;
      else if (UNMODELLED_BALANCE.test(algo)) err(`'balance ${algo}' is real, but the simulator models 'roundrobin', 'leastconn' and 'source'`, a1);
      else {
        const hint = closest(algo, ['roundrobin', 'leastconn', 'source', 'static-rr']);
        err(`${BALANCE_ONLY_SUPPORTS}${hint ? ` Did you mean '${hint}'?` : ''}`, a1);
      }
      return;
    }
    case 'cookie':
      return readCookie(line, st, sink);
    case 'option':
    case 'no': {
      const negated = kw.text === 'no';
      if (negated && a1?.text !== 'option') return err(`'no' only applies to 'option' keywords, not '${a1?.text ?? ''}'.`);
      const opt = negated ? a2 : a1;
      if (!opt) return err(`'${negated ? 'no option' : 'option'}' expects an option name.`);
      if (opt.text === 'redispatch') st.redispatch = !negated;
      else if (!OPTIONS.includes(opt.text)) {
        const hint = closest(opt.text, OPTIONS);
        err(`unknown option '${opt.text}'.${hint ? ` Did you mean '${hint}' maybe ?` : ''}`, opt);
      } else if (opt.text === 'persist' || opt.text === 'allbackups') {
        sink.info(`'option ${opt.text}' is accepted; the simulator does not model it`, opt.from, opt.to);
      }
      return;
    }
    case 'mode':
      st.mode = a1?.text ?? null;
      return;
    case 'retries':
      if (!a1 || !/^\d{1,9}$/.test(a1.text)) return err("'retries' expects an integer argument.", a1 ?? kw);
      if (a1.text !== '3') sink.info("'retries' is accepted; the simulator retries a failed connection like HAProxy's default (3)", kw.from, kw.to);
      return;
    case 'hash-type':
      if (a1?.text === 'consistent') {
        sink.info("'hash-type consistent' is accepted, but the simulator models 'balance source' as map-based: a server going up or down remaps many clients", a1.from, a1.to);
      } else if (a1?.text !== 'map-based') err("the hash type must be 'map-based' or 'consistent'.", a1 ?? kw);
      return;
    case 'default-server':
      readServerParams(line.words, 1, 'default-server', st.serverDefaults, {}, sink);
      return;
    case 'server': {
      if (kind === 'defaults') return err("'server' not allowed in 'defaults' section.");
      const node = parseServerLine(line, st.servers.length, st.serverDefaults, sink);
      if (node && a1) st.servers.push({ node, label: a1.text, at: a1 });
      return;
    }
    case 'server-template':
      return err("'server-template' is real, but the simulator needs one 'server' line per node");
    case 'stick-table':
    case 'stick':
      sink.info(`'${kw.text}' is accepted; the simulator does not model stick tables`, kw.from, kw.to);
      return;
  }
  if (FRONTEND_ONLY.has(kw.text)) {
    if (kind === 'backend') sink.warn(`'${kw.text}' ignored because backend '${name}' has no frontend capability.`, kw.from, kw.to);
    return;
  }
  if (PROXY_KEYWORDS.includes(kw.text)) return;
  const hint = closest(kw.text, PROXY_KEYWORDS);
  err(`unknown keyword '${kw.text}' in '${kind}' section${hint ? `; did you mean '${hint}' maybe ?` : ''}`);
}

/** `cookie <name> [rewrite|insert|prefix] [indirect] [nocache] … [domain <d>]*`. */
function readCookie(line: HapLine, st: ProxyState, sink: DiagnosticSink): void {
  const [kw, nameW, ...opts] = line.words;
  if (!kw) return;
  if (!nameW) {
    sink.error("'cookie' expects <cookie_name> as argument.", kw.from, kw.to);
    return;
  }
  const modes: string[] = [];
  let indirect = false;
  let domain: string | null = null;
  for (let i = 0; i < opts.length; i++) {
    const o = opts[i];
    if (!o) break;
    if (COOKIE_OPTIONS_1.has(o.text)) {
      const arg = opts[i + 1];
      i++;
      if (!arg) sink.error(`'${o.text}' expects an argument.`, o.from, o.to);
      else if (o.text === 'domain') {
        if (domain === null) domain = arg.text;
        else sink.info('the simulated browser keeps only the first cookie domain', arg.from, arg.to);
      } else if (o.text !== 'attr') sink.info(`'${o.text}' is accepted; the simulator does not model it`, o.from, o.to);
    } else if (COOKIE_OPTIONS_0.has(o.text)) {
      if (o.text === 'rewrite' || o.text === 'insert' || o.text === 'prefix') modes.push(o.text);
      if (o.text === 'indirect') indirect = true;
    } else {
      sink.error(COOKIE_SUPPORTS, o.from, o.to);
      return;
    }
  }
  if (modes.includes('rewrite') && indirect) {
    sink.error("cookie 'rewrite' and 'indirect' modes are incompatible.", kw.from, kw.to);
    return;
  }
  if (new Set(modes).size > 1) {
    sink.error("cookie 'rewrite', 'insert' and 'prefix' modes are incompatible.", kw.from, kw.to);
    return;
  }
  const insert = modes.includes('insert');
  if (!insert) {
    sink.error(`the simulator models only 'cookie ${nameW.text} insert': with '${modes[0] ?? 'no mode'}' the application, not HAProxy, must set the cookie`, kw.from, kw.to);
  }
  st.cookie = { name: nameW.text, insert, domain, word: kw };
}
