/** A console's scrollback: lines replaced as a whole (`$state.raw`), capped so MONITOR cannot grow it forever. */

export type LineKind = 'input' | 'output' | 'warning' | 'note' | 'monitor';

export interface TermLine {
  id: number;
  kind: LineKind;
  text: string;
  /** For `input` lines: the prompt shown before the command. */
  prompt?: string;
}

export class Transcript {
  lines = $state.raw<TermLine[]>([]);
  private nextId = 1;

  constructor(private readonly max = 1000) {}

  push(...items: Array<Omit<TermLine, 'id'>>): void {
    if (items.length === 0) return;
    const added = items.map((l) => ({ ...l, id: this.nextId++ }));
    const all = this.lines.concat(added);
    this.lines = all.length > this.max ? all.slice(all.length - this.max) : all;
  }

  clear(): void {
    this.lines = [];
  }
}
