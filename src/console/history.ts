/**
 * Command history for the consoles, as readline/linenoise keep it: ArrowUp walks back,
 * ArrowDown forward and finally back to the line being typed; a line equal to the previous
 * entry is not stored twice; blank lines are not stored.
 */
export class CommandHistory {
  private readonly items: string[] = [];
  /** Position while browsing; `items.length` means "the line being typed". */
  private index = 0;
  private draft = '';

  constructor(private readonly limit = 200) {}

  get entries(): readonly string[] {
    return this.items;
  }

  /** Store a submitted line and stop browsing. */
  push(line: string): void {
    if (line.trim() !== '' && this.items[this.items.length - 1] !== line) {
      this.items.push(line);
      if (this.items.length > this.limit) this.items.splice(0, this.items.length - this.limit);
    }
    this.index = this.items.length;
    this.draft = '';
  }

  /** ArrowUp: the previous entry, or null when there is none. `current` is kept as the draft. */
  prev(current: string): string | null {
    if (this.index === 0) return null;
    if (this.index === this.items.length) this.draft = current;
    this.index--;
    return this.items[this.index] ?? null;
  }

  /** ArrowDown: the next entry, the draft after the last one, or null when not browsing. */
  next(): string | null {
    if (this.index >= this.items.length) return null;
    this.index++;
    return this.index === this.items.length ? this.draft : (this.items[this.index] ?? null);
  }
}
