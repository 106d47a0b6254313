/**
 * Text from files, flags and lessons, made safe to print on a terminal: control characters
 * (C0, DEL, C1) become visible escapes, so `"\e]0;pwned\a"` in a lesson title prints as
 * `\x1b]0;pwned\x07` instead of setting the window title. Newlines and tabs inside a value are
 * escaped too (`\n`, `\t`): one message stays one line. Used by every CLI printing path
 * (`sim`, `lessons:check`); the printers of whole lines call {@link printable}.
 */

/** C0 controls, DEL, C1 controls; and the Unicode line/paragraph separators and bidi overrides. */
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

const NAMED: Readonly<Record<string, string>> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

function hex(c: string): string {
  const code = c.charCodeAt(0);
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

/** A value to embed in a message: every control character escaped, newlines included. */
export function escapeControls(s: string): string {
  return s.replace(UNSAFE, (c) => NAMED[c] ?? hex(c));
}

/** A multi-line text to print: each line escaped, the line breaks kept. */
export function printable(text: string): string {
  return text.split('\n').map(escapeControls).join('\n');
}
