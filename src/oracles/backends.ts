/**
 * Tiny loopback app servers, one per simulated node, that answer with their node name. Each can
 * be put in the states the engine distinguishes (src/sim/flow.ts):
 * - `up`: answers 200 with its name (body and `X-Node`);
 * - `refused`: not listening, so connecting fails ("connection refused": nothing was sent);
 * - `dies`: accepts and reads the request, then drops the connection without answering
 *   (the PHP process died after the request was sent).
 * Requests to `/hold/<id>` are answered only when released, to hold connections open
 * (least_conn / leastconn tests).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';

export type BackendState = 'up' | 'refused' | 'dies';

export class Backend {
  state: BackendState = 'refused';
  /** Requests that reached this backend (whatever happened to them). */
  received = 0;
  private server: Server | null = null;
  private readonly sockets = new Set<Socket>();
  private readonly held = new Map<string, ServerResponse>();
  private readonly waiters = new Map<string, () => void>();

  constructor(readonly name: string, readonly port: number) {}

  /** `127.0.0.1:PORT`, as the server line and the simulator's NodeSpec write it. */
  get address(): string {
    return `127.0.0.1:${this.port}`;
  }

  /** Listen (if not already) and answer normally. */
  async up(): Promise<void> {
    this.state = 'up';
    await this.listen();
  }

  /** Listen (if not already) but drop every request after reading it. */
  async dies(): Promise<void> {
    this.state = 'dies';
    await this.listen();
  }

  /** Stop listening and cut open connections: new connections are refused. */
  async refuse(): Promise<void> {
    this.state = 'refused';
    const s = this.server;
    this.server = null;
    if (s === null) return;
    for (const sock of this.sockets) sock.destroy();
    this.sockets.clear();
    this.held.clear();
    await new Promise<void>((resolve) => s.close(() => resolve()));
  }

  /** Resolves when a `/hold/<id>` request has arrived here. */
  whenHeld(id: string): Promise<void> {
    if (this.held.has(id)) return Promise.resolve();
    return new Promise((resolve) => this.waiters.set(id, resolve));
  }

  /** True if `/hold/<id>` is being held here. */
  holds(id: string): boolean {
    return this.held.has(id);
  }

  /** Answer a held request. */
  release(id: string): void {
    const res = this.held.get(id);
    if (res === undefined) throw new Error(`${this.name} holds no request ${id}`);
    this.held.delete(id);
    this.answer(res);
  }

  private answer(res: ServerResponse): void {
    res.writeHead(200, { 'Content-Type': 'text/plain', 'X-Node': this.name, Connection: 'close' });
    res.end(this.name);
  }

  private handle(req: IncomingMessage, res: ServerResponse): void {
    this.received++;
    req.resume();
    req.on('end', () => {
      if (this.state === 'dies') {
        req.socket.destroy();
        return;
      }
      const m = /^\/hold\/([^/?]+)/.exec(req.url ?? '');
      if (m !== null) {
        const id = m[1]!;
        this.held.set(id, res);
        this.waiters.get(id)?.();
        this.waiters.delete(id);
        return;
      }
      this.answer(res);
    });
  }

  private listen(): Promise<void> {
    if (this.server !== null) return Promise.resolve();
    const s = createServer((req, res) => this.handle(req, res));
    s.on('connection', (sock: Socket) => {
      this.sockets.add(sock);
      sock.on('close', () => this.sockets.delete(sock));
    });
    this.server = s;
    return new Promise((resolve, reject) => {
      s.once('error', reject);
      s.listen(this.port, '127.0.0.1', () => resolve());
    });
  }
}

/** Start `names.length` backends on the given ports, all up. */
export async function startBackends(names: string[], ports: number[]): Promise<Backend[]> {
  const out = names.map((n, i) => new Backend(n, ports[i]!));
  for (const b of out) await b.up();
  return out;
}

/** Stop them all. */
export async function stopBackends(bs: Backend[]): Promise<void> {
  for (const b of bs) await b.refuse();
}
