/**
 * The oracles' HTTP client: one request per connection (no keep-alive, so every request is
 * balanced on its own), the client's address in X-Forwarded-For (the balancer is told to trust
 * it: nginx realip, HAProxy `http-request set-src`), cookies as a Cookie header.
 */
import { request as httpRequest } from 'node:http';

export interface ClientRequest {
  port: number;
  method: 'GET' | 'POST';
  path?: string;
  /** The simulated client's address, sent as X-Forwarded-For. */
  ip: string;
  cookies?: Record<string, string>;
  /** Abort after this many ms (default 10 s). */
  timeoutMs?: number;
}

export interface ClientResponse {
  status: number;
  body: string;
  headers: Record<string, string | string[] | undefined>;
}

/** `a=1; b=2`. */
export function cookieHeader(cookies: Record<string, string>): string {
  return Object.entries(cookies).map(([k, v]) => `${k}=${v}`).join('; ');
}

/** Send one request and read the whole response. */
export function send(req: ClientRequest): Promise<ClientResponse> {
  return new Promise((resolve, reject) => {
    const body = req.method === 'POST' ? 'item=1' : '';
    const headers: Record<string, string> = { 'X-Forwarded-For': req.ip, Connection: 'close' };
    if (req.cookies && Object.keys(req.cookies).length > 0) headers.Cookie = cookieHeader(req.cookies);
    if (req.method === 'POST') {
      headers['Content-Type'] = 'application/x-www-form-urlencoded';
      headers['Content-Length'] = String(Buffer.byteLength(body));
    }
    const r = httpRequest(
      { host: '127.0.0.1', port: req.port, method: req.method, path: req.path ?? '/', headers, agent: false, timeout: req.timeoutMs ?? 10_000 },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => { text += c; });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text, headers: res.headers }));
        res.on('error', reject);
      },
    );
    r.on('timeout', () => r.destroy(new Error(`request to :${req.port} timed out`)));
    r.on('error', reject);
    r.end(body);
  });
}

/** The `Set-Cookie` values of a response, as name → value (attributes dropped). */
export function setCookies(res: ClientResponse): Record<string, string> {
  const raw = res.headers['set-cookie'];
  const out: Record<string, string> = {};
  for (const line of Array.isArray(raw) ? raw : raw === undefined ? [] : [raw]) {
    const first = line.split(';', 1)[0] ?? '';
    const eq = first.indexOf('=');
    if (eq > 0) out[first.slice(0, eq).trim()] = first.slice(eq + 1).trim();
  }
  return out;
}

/** The raw `Set-Cookie` lines of a response. */
export function setCookieLines(res: ClientResponse): string[] {
  const raw = res.headers['set-cookie'];
  return Array.isArray(raw) ? raw : raw === undefined ? [] : [raw];
}
