import { defaultSettings } from '../../src/sim/settings';
import { VIRTUAL_EPOCH_MS } from '../../src/sim/simulation';
import type { SimSettings } from '../../src/sim/types';
import type { NodeShellContext } from '../../src/console/nodeShell';

/** Two session files as the file driver writes them: a logged-in user and a guest. */
export const ALICE = 'AbCdEfGhIjKlMnOpQrStUvWxYz0123456789abcd';
export const GUEST = '0ZzYyXxWwVvUuTtSsRrQqPpOoNnMmLlKkJjIiHhG';
export const ALICE_PAYLOAD =
  'a:4:{s:6:"_token";s:40:"Xr9kQ2mZ8vL1pN4tB7cW3yH6jF0dS5gA2eR8uK1o";s:9:"_previous";a:1:{s:3:"url";s:26:"http://localhost/dashboard";}' +
  's:6:"_flash";a:2:{s:3:"old";a:0:{}s:3:"new";a:0:{}}s:50:"login_web_59ba36addc2b2f9401580f014c7f58ea4e30989d";i:7;}';
export const GUEST_PAYLOAD = 'a:2:{s:6:"_token";s:40:"0000000000000000000000000000000000000000";s:6:"_flash";a:2:{s:3:"old";a:0:{}s:3:"new";a:0:{}}}';

export function shellContext(over: { settings?: (s: SimSettings) => void; files?: [string, string, number][]; nowMs?: number; cwd?: string } = {}): NodeShellContext {
  const settings = defaultSettings();
  over.settings?.(settings);
  const files = new Map((over.files ?? [[ALICE, ALICE_PAYLOAD, 125_000], [GUEST, GUEST_PAYLOAD, 3_000]]).map(([id, data, mtime]) => [id, { data, mtime }]));
  return { node: { name: 'node-1', disk: { files } }, settings, nowMs: over.nowMs ?? 130_000, epochMs: VIRTUAL_EPOCH_MS, ...(over.cwd ? { cwd: over.cwd } : {}) };
}
