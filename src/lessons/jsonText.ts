/**
 * JSON from a file (a lesson, a `--scenario`), parsed strictly with `JSON.parse` — data only,
 * never evaluated — and a syntax error reported where a person looks for it: `file.json:12:5:
 * invalid JSON: expected ','` instead of V8's "position 354" (or no position at all). jsonc-parser
 * (VS Code's) locates the error; JSON.parse decides what is valid.
 */
import { parse as locate, printParseErrorCode, type ParseError } from 'jsonc-parser';

/** A syntax error: what was expected, and where (absent only if it cannot be located). */
export interface JsonSyntaxError { message: string; line?: number; column?: number }

export type JsonText = { value: unknown } | { error: JsonSyntaxError };

/** `FILE:LINE:COL: invalid JSON: message` (the config files' diagnostic format). */
export function formatJsonError(file: string, e: JsonSyntaxError): string {
  return `${file}${e.line === undefined ? '' : `:${e.line}:${e.column}`}: invalid JSON: ${e.message}`;
}

/** jsonc-parser's error codes (by name: its enum is a const enum) in words. */
const WORDS: Readonly<Record<string, string>> = {
  InvalidSymbol: 'unexpected character',
  InvalidNumberFormat: 'invalid number',
  PropertyNameExpected: 'expected a property name in double quotes (no trailing comma)',
  ValueExpected: 'expected a value (no trailing comma)',
  ColonExpected: "expected ':'",
  CommaExpected: "expected ','",
  CloseBraceExpected: "expected '}'",
  CloseBracketExpected: "expected ']'",
  EndOfFileExpected: 'expected the end of the file after the value',
  InvalidCommentToken: 'comments are not allowed in JSON',
  UnexpectedEndOfComment: 'comments are not allowed in JSON',
  UnexpectedEndOfString: 'unterminated string',
  UnexpectedEndOfNumber: 'unterminated number',
  InvalidUnicode: 'invalid \\u escape',
  InvalidEscapeCharacter: 'invalid escape in a string',
  InvalidCharacter: 'a control character inside a string (write it as \\n, \\t or \\u00XX)',
};

/** 1-based line and column (in UTF-16 code units, as editors count) of an offset. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  const end = Math.min(Math.max(0, offset), text.length);
  for (let i = text.indexOf('\n'); i !== -1 && i < end; i = text.indexOf('\n', i + 1)) {
    line++;
    start = i + 1;
  }
  return { line, column: end - start + 1 };
}

/** Parse strictly; on a syntax error say where (line:column) and what was expected. */
export function parseJsonText(text: string): JsonText {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text; // a UTF-8 BOM from an editor
  try {
    return { value: JSON.parse(body) as unknown };
  } catch (e) {
    const errors: ParseError[] = [];
    locate(body, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
    const first = errors[0];
    if (first === undefined) return { error: { message: (e as Error).message } };
    const end = body.trimEnd().length;
    const { line, column } = lineColumn(body, Math.min(first.offset, end));
    const words = first.offset >= end ? 'the file ends too early (a missing value, \'}\' or \']\'?)' : WORDS[printParseErrorCode(first.error)];
    return { error: { message: words ?? (e as Error).message, line, column } };
  }
}
