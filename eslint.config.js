// Layer rules live here, not in prose: shared/ is pure domain code used by both hosts and the CLI,
// the renderer must not know Electron exists, and the preload only forwards the host contract.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

// Anchored ("/crypto"), so the bare module names are refused but not our own folders of the same
// name (shared/crypto is WebCrypto, usable everywhere).
const nodeBuiltins = [
  'node:*',
  '/fs',
  '/path',
  '/os',
  '/child_process',
  '/crypto',
  '/worker_threads',
  '/url',
];

// What no domain code may import, Node or not: the UI and storage libraries and the hosts.
const notDomain = [
  'electron',
  'electron/*',
  'react',
  'react-dom',
  'react/*',
  'dexie',
  '**/renderer/**',
  '**/electron/**',
];

const forbid = (patterns, message) => ({
  'no-restricted-imports': ['error', { patterns: patterns.map((group) => ({ group: [group], message })) }],
});

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      'out/',
      'dist/',
      'release/',
      'test-results/',
      'playwright-report/',
      'resources/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      eqeqeq: ['error', 'always'],
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: forbid(
      [...notDomain, ...nodeBuiltins],
      'shared/ is pure domain code: no Electron, React, Dexie or Node built-ins, and no imports from the hosts.',
    ),
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...forbid(
        ['electron', 'electron/*', ...nodeBuiltins, '**/electron/**'],
        'The renderer runs in Electron and in plain Chromium: it reaches the host only through shared/ipc.',
      ).valueOf(),
    },
  },
  {
    // Packet tests run in Node: they read fonts from disk and check PDFs with poppler.
    files: ['shared/packet/**/*.test.ts', 'shared/packet/**/*.test-support.ts'],
    rules: forbid(notDomain, 'shared/ tests may use Node, but not Electron, React, Dexie or the hosts.'),
  },
  {
    // Tests index into fixtures they just built; a failed assertion is clearer than a guard.
    files: ['**/*.test.{ts,tsx}', 'e2e/**/*.ts'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
  {
    files: ['renderer/**/*.test.{ts,tsx}'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
  {
    files: ['electron/preload/**/*.ts'],
    rules: forbid(
      [...nodeBuiltins, 'zod', '**/renderer/**'],
      'The sandboxed preload only forwards the host contract; validation happens in main.',
    ),
  },
  {
    files: ['electron/**/*.ts'],
    rules: forbid(
      ['react', 'react-dom', 'dexie', '**/renderer/**'],
      'The main process has no UI or store code.',
    ),
  },
);
