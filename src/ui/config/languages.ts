/**
 * Syntax colouring for the three config files, as small CodeMirror stream parsers (no grammar
 * package needed): comments, keys and directives, variables, numbers, strings. Part of the
 * lazily loaded editor chunk.
 */
import { StreamLanguage, type StreamParser } from '@codemirror/language';
import type { ConfigKind } from './editorModel';

const dotenv: StreamParser<{ value: boolean }> = {
  name: 'dotenv',
  startState: () => ({ value: false }),
  token(stream, state) {
    if (stream.sol()) state.value = false;
    if (stream.eatSpace()) return null;
    if (stream.peek() === '#') {
      stream.skipToEnd();
      return 'comment';
    }
    if (!state.value) {
      if (stream.match(/^export(?=\s)/)) return 'keyword';
      if (stream.match(/^[A-Za-z_][A-Za-z0-9_.]*/)) return 'propertyName';
      if (stream.eat('=')) {
        state.value = true;
        return 'operator';
      }
      stream.next();
      return null;
    }
    if (stream.match(/^"(?:[^"\\]|\\.)*"?/) || stream.match(/^'[^']*'?/)) return 'string';
    if (stream.match(/^\(?(true|false|null|empty)\)?(?=\s|#|$)/i)) return 'atom';
    if (stream.match(/^\d+(?=\s|#|$)/)) return 'number';
    if (!stream.match(/^[^\s#]+/)) stream.next();
    return 'string';
  },
  languageData: { commentTokens: { line: '#' } },
};

const nginx: StreamParser<{ directive: boolean }> = {
  name: 'nginx',
  startState: () => ({ directive: true }),
  token(stream, state) {
    if (stream.eatSpace()) return null;
    const ch = stream.peek();
    if (ch === '#') {
      stream.skipToEnd();
      return 'comment';
    }
    if (ch === ';' || ch === '{' || ch === '}') {
      stream.next();
      state.directive = true;
      return ch === ';' ? 'punctuation' : 'brace';
    }
    if (stream.match(/^"(?:[^"\\]|\\.)*"?/) || stream.match(/^'(?:[^'\\]|\\.)*'?/)) return 'string';
    if (stream.match(/^\$(\{[A-Za-z0-9_]*\}?|[A-Za-z0-9_]*)/)) return 'variableName';
    if (stream.match(/^[^\s;{}#"'$]+/)) {
      const word = stream.current();
      if (state.directive) {
        state.directive = false;
        return 'keyword';
      }
      if (/^\d+[a-z]*$/.test(word)) return 'number';
      if (/^[a-z_]+=/.test(word)) return 'attributeName';
      return null;
    }
    stream.next();
    return null;
  },
  languageData: { commentTokens: { line: '#' } },
};

const haproxy: StreamParser<{ first: boolean }> = {
  name: 'haproxy',
  startState: () => ({ first: true }),
  token(stream, state) {
    if (stream.sol()) state.first = true;
    const atColumn0 = stream.sol();
    if (stream.eatSpace()) return null;
    if (stream.peek() === '#') {
      stream.skipToEnd();
      return 'comment';
    }
    if (stream.match(/^"(?:[^"\\]|\\.)*"?/) || stream.match(/^'[^']*'?/)) return 'string';
    if (stream.match(/^[^\s#"']+/)) {
      if (state.first) {
        state.first = false;
        return atColumn0 ? 'heading' : 'keyword';
      }
      return /^\d+(ms|s|m|h|d)?$/.test(stream.current()) ? 'number' : null;
    }
    stream.next();
    return null;
  },
  languageData: { commentTokens: { line: '#' } },
};

export function languageFor(kind: ConfigKind): StreamLanguage<unknown> {
  const parser = kind === 'env' ? dotenv : kind === 'nginx' ? nginx : haproxy;
  return StreamLanguage.define(parser as StreamParser<unknown>);
}
