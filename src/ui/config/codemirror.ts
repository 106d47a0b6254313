/**
 * The CodeMirror 6 editor behind every config editor, loaded with `import()` when the config
 * panel opens so the first screen does not pay for it. Diagnostics come from the config
 * parsers (through `lint`), shown inline, in the gutter and in CodeMirror's lint panel (Ctrl+Shift+M).
 */
import { defaultKeymap, history, historyKeymap } from '@codemirror/commands';
import { bracketMatching, defaultHighlightStyle, syntaxHighlighting } from '@codemirror/language';
import { type Diagnostic as CmDiagnostic, forceLinting, lintGutter, linter, lintKeymap } from '@codemirror/lint';
import { Annotation, EditorState } from '@codemirror/state';
import {
  drawSelection, EditorView, highlightActiveLine, highlightActiveLineGutter, highlightSpecialChars, keymap, lineNumbers,
} from '@codemirror/view';
import type { Diagnostic } from '../../config';
import type { ConfigKind } from './editorModel';
import { languageFor } from './languages';

export interface ConfigViewOptions {
  parent: HTMLElement;
  doc: string;
  /** The accessible name of the text box (`.env`, `nginx upstream`, `haproxy backend`). */
  label: string;
  kind: ConfigKind;
  /** The student changed the text (not called for {@link ConfigViewHandle.setText}). */
  onInput: (text: string) => void;
  /** Diagnostics for the current text. */
  lint: (text: string) => Diagnostic[];
  /** Ctrl/Cmd+Enter: apply now. */
  onSubmit?: () => void;
}

export interface ConfigViewHandle {
  /** Replace the text from outside (settings changed elsewhere): not reported as input. */
  setText(text: string): void;
  /** Re-run the linter without a text change. */
  relint(): void;
  /** Re-measure after being shown (a hidden tab has no size). */
  refresh(): void;
  focus(): void;
  destroy(): void;
}

/** Marks transactions that come from the settings, not from the student. */
const external = Annotation.define<boolean>();

const theme = EditorView.theme({
  '&': { fontSize: '0.85rem', border: '1px solid var(--line, #d9dee5)', borderRadius: '6px', background: '#fff' },
  '&.cm-focused': { outline: '3px solid var(--focus, #0b5cad)', outlineOffset: '1px' },
  '.cm-scroller': { fontFamily: 'var(--mono, monospace)', minHeight: '9rem', maxHeight: '22rem', overflow: 'auto' },
  '.cm-gutters': { background: '#f7f8fa', borderRight: '1px solid var(--line-2, #e8ebf0)', color: '#6b7482' },
});

export function createConfigView(o: ConfigViewOptions): ConfigViewHandle {
  const lint = linter(
    (view) => {
      const len = view.state.doc.length;
      return o.lint(view.state.doc.toString()).map((d): CmDiagnostic => {
        const from = Math.min(Math.max(0, d.from), len);
        return { from, to: Math.min(Math.max(from, d.to), len), severity: d.severity, message: d.message, source: o.kind };
      });
    },
    { delay: 150 },
  );
  const view = new EditorView({
    parent: o.parent,
    state: EditorState.create({
      doc: o.doc,
      extensions: [
        lineNumbers(), highlightActiveLineGutter(), highlightSpecialChars(), history(), drawSelection(), highlightActiveLine(),
        bracketMatching(), syntaxHighlighting(defaultHighlightStyle, { fallback: true }), languageFor(o.kind),
        lint, lintGutter(), theme,
        keymap.of([
          { key: 'Mod-Enter', run: () => (o.onSubmit?.(), true) },
          ...defaultKeymap, ...historyKeymap, ...lintKeymap,
        ]),
        EditorView.contentAttributes.of({ 'aria-label': o.label, spellcheck: 'false', autocapitalize: 'off', autocorrect: 'off' }),
        EditorView.updateListener.of((u) => {
          if (u.docChanged && !u.transactions.some((t) => t.annotation(external))) o.onInput(u.state.doc.toString());
        }),
      ],
    }),
  });
  return {
    setText(text) {
      if (text === view.state.doc.toString()) return;
      view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text }, annotations: external.of(true) });
    },
    relint: () => forceLinting(view),
    refresh: () => view.requestMeasure(),
    focus: () => view.focus(),
    destroy: () => view.destroy(),
  };
}
