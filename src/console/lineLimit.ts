/**
 * The longest redis-cli line the simulator runs (docs/bad-input.md). Every line that changes the
 * cluster is recorded in the run so a replay, a link or a seek does it again; a run holds lines up
 * to this length, so a longer one is refused before it is sent rather than run and then lost.
 */
export const MAX_CONSOLE_LINE = 4_096;

/** The console's answer to a line over {@link MAX_CONSOLE_LINE}, or null when it may run. */
export function overlongLine(line: string): string | null {
  if (line.length <= MAX_CONSOLE_LINE) return null;
  return `(not sent) the simulator's redis-cli takes lines up to ${MAX_CONSOLE_LINE.toLocaleString('en-US')} characters ` +
    `(this one has ${line.length.toLocaleString('en-US')}), so that every command can be replayed from the run`;
}
