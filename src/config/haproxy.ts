/**
 * The HAProxy editor: a `backend NAME` section (or its body alone, or a whole haproxy.cfg)
 * becomes `BalancerSettings` (flavor 'haproxy') and `NodeSpec[]`. The backend inherits from the
 * last `defaults` section above it. Messages follow HAProxy's (cfgparse-listen.c, server.c).
 */
import { balancerProblems } from '../sim/limits';
import type { BalancerSettings, NodeSpec } from '../sim/types';
import { defaultBalancer } from './balancerDefaults';
import { DiagnosticSink, firstLineEnd, neverThrow, type ParseResult } from './diagnostic';
import { applyProxyLine, newProxyState, type ProxyState } from './haproxyProxy';
import { HAPROXY_DEFAULTS } from './haproxyServer';
import { handleBom, refuseOversized } from './limits';
import { type HapLine, type HapSection, parseHaproxy } from './haproxySyntax';

export interface HaproxyBackend {
  /** The backend's name, or null when the text was a bare body. */
  backendName: string | null;
  balancer: BalancerSettings;
  nodes: NodeSpec[];
}

/** Parses the config a student typed. Never throws; `value` is null when no server could be read. */
export function parseHaproxyBackend(text: string): ParseResult<HaproxyBackend> {
  return neverThrow(text, () => {
    const oversized = refuseOversized<HaproxyBackend>(text);
    if (oversized) return oversized;
    const sink = new DiagnosticSink(text);
    const { sections, outside } = parseHaproxy(handleBom(text, sink, 'HAProxy'), sink);
    let body: HapLine[];
    let chosen: HapSection | null = null;
    let defaults: HapSection | null = null;
    if (sections.length === 0) body = outside;
    else {
      for (const l of outside) {
        const w = l.words[0];
        if (w) sink.error(`unknown keyword '${w.text}' out of section.`, w.from, w.to);
      }
      chosen = pickBackend(sections, sink);
      if (!chosen) {
        sink.error("no 'backend' section found", 0, firstLineEnd(text));
        return { value: null, diagnostics: sink.sorted() };
      }
      const before = sections.slice(0, sections.indexOf(chosen));
      defaults = [...before].reverse().find((s) => s.keyword.text === 'defaults') ?? null;
      body = chosen.lines;
    }
    const state = newProxyState({ ...HAPROXY_DEFAULTS });
    if (defaults) for (const l of defaults.lines) applyProxyLine(l, 'defaults', '', state, sink);
    state.servers = [];
    const kind = chosen?.keyword.text === 'listen' ? 'listen' : 'backend';
    const name = chosen?.name?.text ?? null;
    for (const l of body) applyProxyLine(l, kind, name ?? '', state, sink);
    const value = finish(state, name, chosen, sink);
    return { value, diagnostics: sink.sorted() };
  });
}

/** The frontend's `default_backend` if it names a backend, else the first backend (or listen). */
function pickBackend(sections: HapSection[], sink: DiagnosticSink): HapSection | null {
  const proxies = sections.filter((s) => s.keyword.text === 'backend' || s.keyword.text === 'listen');
  const wanted = sections
    .filter((s) => s.keyword.text === 'frontend')
    .flatMap((s) => s.lines)
    .find((l) => l.words[0]?.text === 'default_backend')?.words[1]?.text;
  const chosen = proxies.find((p) => p.name?.text === wanted) ?? proxies.find((p) => p.keyword.text === 'backend') ?? proxies[0] ?? null;
  for (const p of proxies) {
    if (p !== chosen && chosen) sink.info(`the simulator uses the ${chosen.keyword.text} '${chosen.name?.text ?? ''}'`, p.keyword.from, p.keyword.to);
  }
  if (chosen && !chosen.name) sink.error(`'${chosen.keyword.text}' expects an <id> argument`, chosen.keyword.from, chosen.keyword.to);
  return chosen;
}

function finish(state: ProxyState, name: string | null, section: HapSection | null, sink: DiagnosticSink): HaproxyBackend | null {
  const anchor = section?.name ?? section?.keyword ?? { from: 0, to: 0 };
  if (state.servers.length === 0) {
    sink.error(`${name === null ? 'the backend' : `backend '${name}'`} has no server: the simulator needs at least one`, anchor.from, anchor.to);
    return null;
  }
  const balancer = defaultBalancer('haproxy');
  balancer.redispatch = state.redispatch;
  balancer.strategy = state.balance === 'leastconn' ? 'least-conn' : state.balance === 'source' ? 'ip-hash' : 'round-robin';
  const cookie = state.cookie;
  if (cookie && cookie.insert) {
    if (state.mode === 'tcp') {
      sink.warn(`'cookie' statement ignored for proxy '${name ?? ''}' as it requires HTTP mode.`, cookie.word.from, cookie.word.to);
    } else {
      if (state.mode === null) {
        sink.info("assuming 'mode http' (usually set in 'defaults'); in HAProxy's default TCP mode 'cookie' is ignored", cookie.word.from, cookie.word.to);
      }
      if (state.balance !== 'roundrobin') {
        sink.info(`HAProxy picks the server for a client without the cookie by '${state.balance}'; the simulator uses round robin for them`, cookie.word.from, cookie.word.to);
      }
      balancer.strategy = 'cookie';
      balancer.stickyCookie = { name: cookie.name, expiresSec: null, domain: cookie.domain, path: '/' };
      for (const s of state.servers) {
        if (s.node.cookieValue === undefined) {
          sink.warn(`server '${s.label}' has no 'cookie' value: HAProxy inserts no persistence cookie for the clients it serves`, s.at.from, s.at.to);
        }
      }
    }
  }
  const nodes = state.servers.map((s) => s.node);
  // The simulator's own limits (node count, weights): the same check as the engine's.
  for (const p of balancerProblems(balancer, nodes)) {
    const at = p.node === null ? anchor : (state.servers[p.node]?.at ?? anchor);
    sink.error(p.message, at.from, at.to);
  }
  return { backendName: name, balancer, nodes };
}
