import type { Diagnostic } from '../../src/config/diagnostic';

/** Diagnostics as `LINE:COL severity: message`, the shape the tests compare exactly. */
export function lines(diagnostics: readonly Diagnostic[]): string[] {
  return diagnostics.map((d) => `${d.line}:${d.col} ${d.severity}: ${d.message}`);
}

/** The text a diagnostic covers. */
export function covered(text: string, d: Diagnostic | undefined): string {
  return d === undefined ? '<none>' : text.slice(d.from, d.to);
}

/** Joins lines with \n (keeps test inputs readable and their line numbers obvious). */
export function text(...ls: string[]): string {
  return ls.join('\n');
}
