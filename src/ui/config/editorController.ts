/**
 * The two-way rule of a config editor, without any DOM: a valid edit applies to the running
 * simulation after a pause in typing; an invalid one shows its errors and applies nothing, so
 * the simulation keeps its last good configuration; settings changed elsewhere rewrite the text
 * unless the student has an unapplied edit in progress.
 */
import type { Diagnostic } from '../../config';
import type { SimSettings } from '../../sim/types';
import {
  applyPatch, type ConfigKind, describePatch, describesSettings, errorStatus, parseConfig, type ParsedConfig, textFor,
} from './editorModel';

/**
 * - `in-effect`: the text describes the running settings.
 * - `pending`: a valid edit will apply when the typing pauses.
 * - `invalid`: the text has errors; nothing is applied.
 * - `applied`: handed to the simulation, waiting for it to restart.
 */
export type EditorPhase = 'in-effect' | 'pending' | 'invalid' | 'applied';

export interface EditorSnapshot {
  text: string;
  diagnostics: Diagnostic[];
  phase: EditorPhase;
  /** One line for the status bar. */
  message: string;
}

/** What the page did with applied settings: the parts it could not apply, if any. */
export interface ApplyOutcome {
  ignored?: string[];
}

export interface EditorControllerOptions {
  kind: ConfigKind;
  /** Apply new settings to the running simulation (it restarts). */
  apply: (next: SimSettings, changes: string[]) => ApplyOutcome | void;
  /** Pause in typing before a valid edit applies. */
  debounceMs?: number;
  onChange?: (s: EditorSnapshot) => void;
}

export const DEFAULT_DEBOUNCE_MS = 400;

export class EditorController {
  private settings: Readonly<SimSettings> | null = null;
  private text = '';
  private parsed: ParsedConfig = { patch: null, diagnostics: [], blockName: null };
  private phase: EditorPhase = 'in-effect';
  private message = '';
  private timer: ReturnType<typeof setTimeout> | null = null;
  private blockName: string | null = null;
  /** What the page said it could not apply, from the last apply. */
  private ignored: string[] = [];

  constructor(private readonly opts: EditorControllerOptions) {}

  get snapshot(): EditorSnapshot {
    return { text: this.text, diagnostics: this.parsed.diagnostics, phase: this.phase, message: this.message };
  }

  /** The upstream/backend name the student uses (kept when the block is reprinted). */
  get name(): string | null {
    return this.blockName;
  }

  /** Diagnostics for a text (the linter asks with the editor's current document). */
  diagnosticsFor(text: string): Diagnostic[] {
    if (text === this.text) return this.parsed.diagnostics;
    return this.settings ? parseConfig(this.opts.kind, text, this.settings).diagnostics : [];
  }

  /**
   * The running settings, first or changed elsewhere. Returns the text the editor must now
   * show, or null to leave it as it is.
   */
  sync(settings: Readonly<SimSettings>): string | null {
    this.settings = settings;
    if (this.text === '') {
      this.setText(textFor(this.opts.kind, settings, '', null));
      this.setPhase('in-effect', '');
      return this.text;
    }
    if (this.phase === 'pending' || this.phase === 'invalid') {
      this.reparse();
      this.emit();
      return null; // the student's unapplied edit wins
    }
    const ignored = this.phase === 'applied' && this.ignored.length > 0 ? `; not applied by this page: ${this.ignored.join(', ')}` : '';
    if (describesSettings(this.opts.kind, this.text, settings)) {
      this.reparse();
      this.setPhase('in-effect', '');
      return null;
    }
    const next = textFor(this.opts.kind, settings, this.text, this.blockName);
    const changed = next !== this.text;
    this.setText(next);
    this.setPhase('in-effect', changed || ignored ? `updated from the running simulation${ignored}` : '');
    return changed ? next : null;
  }

  /** The student changed the text. */
  input(text: string): void {
    this.clearTimer();
    this.setText(text);
    const s = this.settings;
    if (!s) return this.emit();
    const { patch, diagnostics } = this.parsed;
    if (!patch) {
      const msg = errorStatus(diagnostics) || 'nothing to apply — simulation keeps running with the last good config';
      return this.setPhase('invalid', msg);
    }
    const changes = describePatch(s, patch);
    if (changes.length === 0) return this.setPhase('in-effect', warningNote(diagnostics));
    this.setPhase('pending', `will apply: ${changes.join(', ')}`);
    this.timer = setTimeout(() => this.flush(), this.opts.debounceMs ?? DEFAULT_DEBOUNCE_MS);
  }

  /** Apply a pending edit now (the debounce fired, or Ctrl+Enter). */
  flush(): void {
    this.clearTimer();
    const s = this.settings;
    const patch = this.parsed.patch;
    if (this.phase !== 'pending' || !s || !patch) return;
    const changes = describePatch(s, patch);
    this.setPhase('applied', `applied: ${changes.join(', ')} — the cluster restarts`);
    const outcome = this.opts.apply(applyPatch(s, patch), changes);
    this.ignored = outcome?.ignored ?? [];
    if (this.ignored.length > 0) this.setPhase('applied', `${this.message}; not applied by this page: ${this.ignored.join(', ')}`);
  }

  /** Drop the edit and show the running settings again. Returns the new text. */
  revert(): string {
    this.clearTimer();
    const s = this.settings;
    if (!s) return this.text;
    this.setText(textFor(this.opts.kind, s, this.opts.kind === 'env' ? '' : this.text, this.blockName));
    this.setPhase('in-effect', 'reverted to the running config');
    return this.text;
  }

  dispose(): void {
    this.clearTimer();
  }

  private setText(text: string): void {
    this.text = text;
    this.reparse();
  }

  private reparse(): void {
    this.parsed = this.settings ? parseConfig(this.opts.kind, this.text, this.settings) : { patch: null, diagnostics: [], blockName: null };
    if (this.parsed.blockName !== null) this.blockName = this.parsed.blockName;
  }

  private setPhase(phase: EditorPhase, message: string): void {
    this.phase = phase;
    this.message = message;
    this.emit();
  }

  private emit(): void {
    this.opts.onChange?.(this.snapshot);
  }

  private clearTimer(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }
}

function warningNote(diagnostics: readonly Diagnostic[]): string {
  const n = diagnostics.filter((d) => d.severity === 'warning').length;
  return n === 0 ? '' : `${n} warning${n === 1 ? '' : 's'}: hover the underlined text`;
}
