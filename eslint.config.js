import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';

/** The simulation core must run headless and deterministically: no UI libraries, no DOM, no wall clock. */
const coreRestrictions = {
  'no-restricted-imports': ['error', {
    patterns: [
      { group: ['svelte', 'svelte/*', 'd3', 'd3-*', '*.svelte', '**/ui/**'], message: 'The simulation core must not import UI code (STYLE.md §1).' },
    ],
  }],
  'no-restricted-properties': ['error',
    { object: 'Math', property: 'random', message: 'Use the seeded Rng (src/sim/rng.ts): the simulation must be deterministic.' },
    { object: 'Date', property: 'now', message: 'Use the virtual clock: the simulation must be deterministic.' },
    { object: 'performance', property: 'now', message: 'Use the virtual clock: the simulation must be deterministic.' },
  ],
  'no-restricted-globals': ['error',
    { name: 'window', message: 'The core runs headless.' },
    { name: 'document', message: 'The core runs headless.' },
    { name: 'setTimeout', message: 'Schedule an engine event instead.' },
    { name: 'setInterval', message: 'Schedule an engine event instead.' },
  ],
  'no-restricted-syntax': ['error', { selector: "NewExpression[callee.name='Date']", message: 'Use the virtual clock.' }],
};

/**
 * Views read the engine through its read API (src/sim/read.ts), never its `World`: only the
 * runner and its snapshots (src/ui/state) may (docs/architecture.md).
 */
const viewRestrictions = {
  'no-restricted-syntax': ['error',
    { selector: "MemberExpression[property.name='world']", message: 'Views read the simulation through its read API (src/sim/read.ts), not `world`; only src/ui/state may.' },
    { selector: "ObjectPattern > Property[key.name='world']", message: 'Views read the simulation through its read API (src/sim/read.ts), not `world`; only src/ui/state may.' },
  ],
};

export default tseslint.config(
  { ignores: ['dist/**', 'dist-single/**', 'dist-sub/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', '.svelte-kit/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...svelte.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: { parserOptions: { parser: tseslint.parser } },
  },
  { files: ['src/ui/**/*.ts', 'src/ui/**/*.svelte'], ignores: ['src/ui/state/**'], rules: viewRestrictions },
  { files: ['src/sim/**/*.ts', 'src/config/**/*.ts', 'src/lessons/**/*.ts', 'src/console/**/*.ts', 'src/run/**/*.ts'], rules: coreRestrictions },
);
