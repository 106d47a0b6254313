/**
 * Limits every config parser enforces before and while reading (docs/bad-input.md), so no text a
 * student pastes or a file holds can freeze the page or exhaust memory. Real upstream blocks,
 * HAProxy backends and Laravel .env files are a few KiB with values of a few dozen characters.
 */
import { DiagnosticSink, type ParseResult } from './diagnostic';

/**
 * Longest config text read (UTF-16 code units, about bytes for ASCII): 128 KiB. Parsing is linear;
 * the slowest shapes found (131,072 `{`, 65,000 one-word HAProxy lines: one diagnostic per
 * statement, all built and sorted before the first 200 are kept) take 0.3–0.5 s of CPU on a
 * loaded machine, ordinary files a few ms.
 */
export const MAX_CONFIG_CHARS = 128 * 1024;
/** Longest .env value after `${VAR}` interpolation: 64 KiB. */
export const MAX_ENV_VALUE_CHARS = 64 * 1024;
/** Longest sum of all .env values after interpolation: 1 MiB. */
export const MAX_ENV_TOTAL_CHARS = 1024 * 1024;

const BOM = 0xfeff;

/** Thousands separators for messages: 65536 → "65,536". */
export function grouped(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** An error result for a text over {@link MAX_CONFIG_CHARS}, or null when the size is fine. */
export function refuseOversized<T>(text: string): ParseResult<T> | null {
  if (text.length <= MAX_CONFIG_CHARS) return null;
  const sink = new DiagnosticSink(text);
  sink.error(`this file is ${grouped(text.length)} characters long; the simulator reads config files up to ${grouped(MAX_CONFIG_CHARS)} (128 KiB)`, MAX_CONFIG_CHARS, MAX_CONFIG_CHARS);
  return { value: null, diagnostics: sink.list };
}

/**
 * A UTF-8 byte order mark (U+FEFF) at the start of the text: phpdotenv strips it, nginx and
 * HAProxy read it as part of the first word and refuse the file. Either way it is named here,
 * and the text returned has a space in its place, so offsets still match the editor's.
 */
export function handleBom(text: string, sink: DiagnosticSink, tool: 'phpdotenv' | 'nginx' | 'HAProxy'): string {
  if (text.charCodeAt(0) !== BOM) return text;
  if (tool === 'phpdotenv') sink.info('the file starts with a UTF-8 byte order mark; phpdotenv (and the simulator) skip it', 0, 1);
  else {
    sink.error(
      `the file starts with a UTF-8 byte order mark (bytes EF BB BF, added by some Windows editors): ${tool} reads it as part of the first word and refuses the file. Save it as UTF-8 without BOM`,
      0, 1,
    );
  }
  return ' ' + text.slice(1);
}
