import { describe, expect, it } from 'vitest';
import { DiagnosticSink, formatDiagnostic, hasErrors, neverThrow } from '../../src/config/diagnostic';
import { closest, editDistance } from '../../src/config/suggest';

describe('diagnostics', () => {
  it('computes 1-based line/col from 0-based offsets, across LF and CRLF', () => {
    const sink = new DiagnosticSink('ab\ncd\r\nef');
    expect(sink.position(0)).toEqual({ line: 1, col: 1 });
    expect(sink.position(3)).toEqual({ line: 2, col: 1 });
    expect(sink.position(5)).toEqual({ line: 2, col: 3 });
    expect(sink.position(7)).toEqual({ line: 3, col: 1 });
    expect(sink.position(99)).toEqual({ line: 3, col: 3 });
  });

  it('formats FILE:LINE:COL: severity: message', () => {
    const sink = new DiagnosticSink('upstream u {\n  sever a;\n}');
    const d = sink.error('unknown directive "sever"', 15, 20);
    expect(d).toEqual({ severity: 'error', message: 'unknown directive "sever"', line: 2, col: 3, from: 15, to: 20 });
    expect(formatDiagnostic('nginx.conf', d)).toBe('nginx.conf:2:3: error: unknown directive "sever"');
  });

  it('clamps spans into the text and sorts by position', () => {
    const sink = new DiagnosticSink('abc');
    sink.warn('late', 2, 1);
    sink.info('early', -5, 100);
    expect(sink.sorted().map((d) => [d.message, d.from, d.to])).toEqual([['early', 0, 3], ['late', 2, 2]]);
    expect(hasErrors(sink.list)).toBe(false);
    sink.error('x', 0);
    expect(hasErrors(sink.list)).toBe(true);
  });

  it('turns an exception into an error diagnostic', () => {
    const r = neverThrow('x', () => {
      throw new Error('boom');
    });
    expect(r).toEqual({ value: null, diagnostics: [{ severity: 'error', message: 'internal parser error: boom', line: 1, col: 1, from: 0, to: 0 }] });
  });
});

describe('suggestions', () => {
  it('counts a transposition as one edit', () => {
    expect(editDistance('REDIS_HOTS', 'REDIS_HOST')).toBe(1);
    expect(editDistance('blance', 'balance')).toBe(1);
    expect(editDistance('', 'abc')).toBe(3);
  });

  it('suggests only close, different words', () => {
    expect(closest('sever', ['server', 'zone'])).toBe('server');
    expect(closest('server', ['server'])).toBeNull();
    expect(closest('ab', ['xy'])).toBeNull();
    expect(closest('DB_HOST', ['REDIS_HOST'], 2)).toBeNull();
  });
});
