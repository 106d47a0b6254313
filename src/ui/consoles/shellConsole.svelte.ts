/**
 * A shell on one node: runs each line with `runNodeShell` against that node's disk and the
 * running settings, keeps the working directory, `$?` and history, and completes with Tab.
 */
import { CommandHistory } from '../../console/history';
import { completeNodeShell, type NodeShellContext, nodePrompt, runNodeShell } from '../../console/nodeShell';
import { columnFormat } from '../../console/lsFormat';
import { APP_DIR } from '../../console/shellFs';
import { type Simulation, VIRTUAL_EPOCH_MS } from '../../sim/simulation';
import type { FaultAction } from '../../sim/types';
import { Transcript } from './transcript.svelte';

export class ShellConsole {
  readonly transcript = new Transcript(1000);
  readonly history = new CommandHistory();
  cwd = $state(APP_DIR);
  private lastStatus = 0;
  private sim: Simulation | null = null;

  /** @param apply what a line does to the cluster (`php artisan cache:clear`) goes through the runner's faults. */
  constructor(readonly node: string, private readonly apply: (a: FaultAction) => void = () => undefined) {}

  get prompt(): string {
    return nodePrompt(this.node, this.cwd);
  }

  /** A restarted cluster: a node keeps its disk only if it is the same simulation. */
  attach(sim: Simulation | null): void {
    if (sim === this.sim) return;
    const had = this.sim !== null;
    this.sim = sim;
    if (had && sim) this.transcript.push({ kind: 'note', text: `The cluster restarted: ${this.node} is a fresh instance.` });
  }

  submit(line: string): void {
    this.transcript.push({ kind: 'input', prompt: this.prompt, text: line });
    this.history.push(line);
    const ctx = this.context();
    if (!ctx) {
      this.transcript.push({ kind: 'output', text: `ssh: Could not resolve hostname ${this.node}: Name or service not known` });
      return;
    }
    const r = runNodeShell(ctx, line);
    this.lastStatus = r.status;
    if (r.cwd) this.cwd = r.cwd;
    if (r.clear) this.transcript.clear();
    if (r.output !== '') this.transcript.push({ kind: 'output', text: r.output });
    if (r.note) this.transcript.push({ kind: 'note', text: r.note });
    for (const a of r.actions ?? []) this.apply(a);
  }

  /** Tab: the completed line, listing the candidates when it is ambiguous (as bash does on a second Tab). */
  complete(line: string): string {
    const ctx = this.context();
    if (!ctx) return line;
    const r = completeNodeShell(ctx, line);
    if (r.candidates.length > 0) {
      this.transcript.push({ kind: 'input', prompt: this.prompt, text: line }, { kind: 'output', text: columnFormat(r.candidates).join('\n') });
    }
    return r.line;
  }

  private context(): NodeShellContext | null {
    const sim = this.sim;
    const node = sim?.nodeFiles(this.node);
    if (!sim || !node) return null;
    return { node, settings: sim.settings, nowMs: sim.now, epochMs: VIRTUAL_EPOCH_MS, cwd: this.cwd, lastStatus: this.lastStatus };
  }
}
