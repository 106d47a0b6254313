import { describe, expect, it } from 'vitest';
import { dateLine, lsTime, utcParts } from '../../src/console/clock';
import { CommandHistory } from '../../src/console/history';
import { columnFormat } from '../../src/console/lsFormat';
import { parseShellLine } from '../../src/console/shellSyntax';

describe('clock', () => {
  it('matches the calendar across leap days and year ends', () => {
    expect(utcParts(Date.UTC(2024, 1, 29, 23, 59, 59))).toEqual({ year: 2024, month: 2, day: 29, hour: 23, minute: 59, second: 59, weekday: 4 });
    expect(utcParts(Date.UTC(1999, 11, 31, 0, 0, 0))).toMatchObject({ year: 1999, month: 12, day: 31, weekday: 5 });
    expect(utcParts(0)).toMatchObject({ year: 1970, month: 1, day: 1, weekday: 4 });
    for (let d = -800; d < 800; d += 37) {
      const ms = Date.UTC(2026, 0, 5) + d * 86_400_000 + 12_345_678;
      const js = new Date(ms);
      expect(utcParts(ms)).toEqual({
        year: js.getUTCFullYear(), month: js.getUTCMonth() + 1, day: js.getUTCDate(), hour: js.getUTCHours(),
        minute: js.getUTCMinutes(), second: js.getUTCSeconds(), weekday: js.getUTCDay(),
      });
    }
  });

  it('formats ls and date times like GNU', () => {
    const t = Date.UTC(2026, 0, 5, 9, 7, 3);
    expect(lsTime(t, t)).toBe('Jan  5 09:07');
    expect(lsTime(Date.UTC(2025, 5, 1), t)).toBe('Jun  1  2025');
    expect(lsTime(Date.UTC(2025, 11, 25, 23, 1), t)).toBe('Dec 25 23:01');
    expect(dateLine(t)).toBe('Mon Jan  5 09:07:03 UTC 2026');
  });
});

describe('ls columns', () => {
  it('fills down the columns and keeps lines under 80 characters', () => {
    expect(columnFormat(['a', 'b', 'c'])).toEqual(['a  b  c']);
    const ids = ['A'.repeat(40), 'B'.repeat(40)];
    expect(columnFormat(ids)).toEqual(ids);
    const names = Array.from({ length: 30 }, (_, i) => `file${String(i).padStart(2, '0')}.txt`);
    const lines = columnFormat(names);
    expect(lines.every((l) => l.length < 80)).toBe(true);
    expect(lines[0]?.startsWith('file00.txt  file05.txt')).toBe(true);
    expect(columnFormat([])).toEqual([]);
  });
});

describe('shell syntax', () => {
  const vars = (n: string) => ({ HOME: '/var/www', X: 'a b' } as Record<string, string>)[n];
  it('splits words, quotes, escapes and operators', () => {
    const r = parseShellLine(`echo "$X" '$X' a\\ b ~ \${HOME}/x; ls | wc -l && true || false # done`, vars);
    expect(r.ok && r.items.map((i) => ({ op: i.op, commands: i.commands.map((c) => c.map((w) => w.text)) }))).toEqual([
      { op: null, commands: [['echo', 'a b', '$X', 'a b', '/var/www', '/var/www/x']] },
      { op: ';', commands: [['ls'], ['wc', '-l']] },
      { op: '&&', commands: [['true']] },
      { op: '||', commands: [['false']] },
    ]);
  });

  it('marks unquoted globs only', () => {
    const r = parseShellLine(`ls *.txt "*.md" x[ab]\\*`, vars);
    expect(r.ok && r.items[0]?.commands[0]?.map((w) => w.glob)).toEqual([false, true, false, true]);
    // Quoted and escaped glob characters are escaped in the pattern, so they match only themselves.
    expect(r.ok && r.items[0]?.commands[0]?.map((w) => w.pattern)).toEqual(['ls', '*.txt', '\\*.md', 'x[ab]\\*']);
  });

  it('reports what it does not run', () => {
    expect(parseShellLine('ls > out', vars)).toEqual({ ok: false, unsupported: '>' });
    expect(parseShellLine('echo $(date)', vars)).toEqual({ ok: false, unsupported: '$(…)' });
    expect(parseShellLine('sleep 1 &', vars)).toEqual({ ok: false, unsupported: '&' });
    expect(parseShellLine('; ls', vars)).toEqual({ ok: false, error: "bash: syntax error near unexpected token `;'" });
    expect(parseShellLine('', vars)).toEqual({ ok: true, items: [] });
  });
});

describe('command history', () => {
  it('walks back and forth and restores the line being typed', () => {
    const h = new CommandHistory();
    h.push('KEYS *');
    h.push('KEYS *');
    h.push('');
    h.push('DBSIZE');
    expect(h.entries).toEqual(['KEYS *', 'DBSIZE']);
    expect(h.prev('GET x')).toBe('DBSIZE');
    expect(h.prev('DBSIZE')).toBe('KEYS *');
    expect(h.prev('KEYS *')).toBeNull();
    expect(h.next()).toBe('DBSIZE');
    expect(h.next()).toBe('GET x');
    expect(h.next()).toBeNull();
  });

  it('keeps at most the limit', () => {
    const h = new CommandHistory(3);
    for (const l of ['a', 'b', 'c', 'd']) h.push(l);
    expect(h.entries).toEqual(['b', 'c', 'd']);
  });
});
