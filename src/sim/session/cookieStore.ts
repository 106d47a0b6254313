/**
 * The `cookie` driver (Illuminate\Session\CookieSessionHandler): the payload travels in an
 * encrypted cookie named after the session id, `{"data": ..., "expires": ...}`. Nothing is
 * stored server-side, and no size check is made: the browser silently drops a cookie over
 * ~4 KB (FACTS.md), and the next request arrives without a session.
 */
import type { SessionStore, StoreRequest } from './store';

/**
 * Bytes of an EncryptCookies value for a plaintext of `n` bytes: AES-256-CBC pads to 16,
 * base64 (×4/3), wrapped in `{"iv":…,"value":…,"mac":…,"tag":""}` (~130 bytes), base64 again.
 */
export function encryptedCookieBytes(n: number): number {
  const cipher = Math.ceil((Math.floor(n / 16) + 1) * 16 / 3) * 4;
  return Math.ceil((cipher + 130) / 3) * 4;
}

export class CookieSessionStore implements SessionStore {
  constructor(private lifetimeSec: number, private expireOnClose: boolean) {}

  read(id: string, req: StoreRequest): string | null {
    const raw = req.cookie(id);
    if (raw === undefined) return null;
    try {
      const parsed = JSON.parse(raw) as { data?: unknown; expires?: unknown };
      if (typeof parsed.data !== 'string' || typeof parsed.expires !== 'number') return null;
      return parsed.expires * 1000 >= req.now ? parsed.data : null;
    } catch {
      return null;
    }
  }

  write(id: string, data: string, req: StoreRequest): void {
    const plain = JSON.stringify({ data, expires: Math.floor(req.now / 1000) + this.lifetimeSec });
    const size = encryptedCookieBytes(plain.length);
    req.queueCookie({
      name: id,
      value: 'eyJpdiI6' + 'A'.repeat(Math.max(0, size - 8)),
      plain,
      maxAgeSec: this.expireOnClose ? null : this.lifetimeSec,
    });
  }

  destroy(id: string, req: StoreRequest): void {
    req.queueCookie({ name: id, value: '', maxAgeSec: 0 });
  }
}
