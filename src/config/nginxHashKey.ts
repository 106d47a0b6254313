/**
 * What a `hash KEY` directive hashes on. nginx compiles the key as a "complex value"
 * (`ngx_http_script_compile`): `$name` or `${name}` are variables whose names allow only
 * `[A-Za-z0-9_]`, and everything else is literal text. The simulator models one case,
 * `hash $cookie_NAME [consistent]`; the others get an explanation of what nginx would do.
 */

export type HashKey =
  | { ok: true; cookie: string }
  | { ok: false; message: string; /** index into the key text */ at: number; length: number; syntax: boolean };

interface Part { variable: boolean; text: string; at: number; length: number }

export function analyseHashKey(key: string): HashKey {
  const parts: Part[] = [];
  let i = 0;
  while (i < key.length) {
    if (key[i] !== '$') {
      const at = i;
      while (i < key.length && key[i] !== '$') i++;
      parts.push({ variable: false, text: key.slice(at, i), at, length: i - at });
      continue;
    }
    const at = i;
    i++;
    let bracket = key[i] === '{';
    if (bracket) i++;
    const nameAt = i;
    while (i < key.length) {
      const ch = key[i] ?? '';
      if (ch === '}' && bracket) {
        bracket = false;
        i++;
        break;
      }
      if (!/[A-Za-z0-9_]/.test(ch)) break;
      i++;
    }
    const name = key.slice(nameAt, key[i - 1] === '}' && key[nameAt - 1] === '{' ? i - 1 : i);
    if (bracket) {
      return { ok: false, syntax: true, at, length: i - at, message: `the closing bracket in "${name}" variable is missing` };
    }
    if (name === '') return { ok: false, syntax: true, at, length: Math.max(1, i - at), message: `invalid variable name "${key}"` };
    parts.push({ variable: true, text: name, at, length: i - at });
  }
  const vars = parts.filter((p) => p.variable);
  const first = parts[0];
  if (vars.length === 0 || !first) {
    return { ok: false, syntax: false, at: 0, length: key.length, message: `the key "${key}" has no variable: every request hashes to the same server. The simulator models "hash $cookie_NAME"` };
  }
  if (parts.length === 1 && first.variable) {
    if (first.text.startsWith('cookie_') && first.text.length > 7) return { ok: true, cookie: first.text.slice(7) };
    const hint = first.text === 'remote_addr' || first.text === 'binary_remote_addr'
      ? ' (for client-address affinity use "ip_hash", which the simulator models)'
      : '';
    return { ok: false, syntax: false, at: first.at, length: first.length, message: `the simulator models only "hash $cookie_NAME" keys, not "$${first.text}"${hint}` };
  }
  const second = parts[1];
  if (parts.length >= 2 && first.variable && first.text.startsWith('cookie_') && second && !second.variable && second.text.startsWith('-')) {
    const written = key.slice(first.at, second.at + second.text.length);
    return {
      ok: false, syntax: false, at: second.at, length: key.length - second.at,
      message: `"${written}" is read as the variable "$${first.text}" followed by the text "${second.text}": nginx variable names allow only [A-Za-z0-9_]. ` +
        `Every client without a "${first.text.slice(7)}" cookie hashes on the same key, so they all land on one server. ` +
        `A cookie whose name contains "-" (like the laravel/laravel 12.3+ skeleton's "laravel-session") cannot be addressed as $cookie_…: use "sticky cookie", or rename the cookie (SESSION_COOKIE)`,
    };
  }
  return { ok: false, syntax: false, at: 0, length: key.length, message: `the simulator models only "hash $cookie_NAME" keys; "${key}" mixes variables and text` };
}
