// @ts-check
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const nodeBuiltins = ['node:*', 'fs', 'path', 'os', 'child_process', 'crypto', 'http', 'https', 'net', 'stream', 'url', 'util', 'worker_threads'];

/** Layer table: which part may import which. Keeps Electron a thin shell and the renderer free of Node. */
const layers = [
  {
    name: 'shared imports only shared',
    files: ['shared/**/*.ts'],
    forbidden: ['**/src-main/**', '**/src-renderer/**', '**/src-hub/**', 'electron', ...nodeBuiltins],
  },
  {
    name: 'services, db, sync never import electron, start a hub or generate reports (only composition does)',
    files: ['src-main/**/*.ts'],
    ignores: ['src-main/electron/**', 'src-main/app/**', 'src-main/cli/**'],
    forbidden: ['electron', '**/src-renderer/**', '**/src-hub/**', '**/src-generator/**'],
  },
  {
    name: 'composition starts hubs and the demo, never imports electron outside the shell',
    files: ['src-main/app/**/*.ts', 'src-main/cli/**/*.ts'],
    forbidden: ['electron', '**/src-renderer/**'],
  },
  {
    name: 'the hub is a server of its own: it never imports the workstation',
    files: ['src-hub/**/*.ts'],
    forbidden: ['electron', '**/src-renderer/**', '**/src-main/**', '**/src-generator/**'],
  },
  {
    name: 'the generator is a data source like the portal: it imports only shared',
    files: ['src-generator/**/*.ts'],
    forbidden: ['electron', '**/src-renderer/**', '**/src-main/**', '**/src-hub/**'],
  },
  {
    name: 'the renderer never touches Node or the main process',
    files: ['src-renderer/**/*.{ts,tsx}'],
    forbidden: ['electron', '**/src-main/**', '**/src-hub/**', ...nodeBuiltins],
  },
];

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', 'node_modules/**', 'migrations/**', 'test-results/**', 'playwright-report/**', 'bench/data/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.node },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
    },
  },
  {
    // The renderer runs in a browser page; projectService picks src-renderer/tsconfig.json (DOM, JSX) for it.
    name: 'renderer runs in the browser',
    files: ['src-renderer/**/*.{ts,tsx}', 'test/renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
  },
  ...layers.map((layer) => ({
    name: layer.name,
    files: layer.files,
    ignores: layer.ignores ?? [],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: layer.forbidden, message: `Layer rule: ${layer.name}.` }] }],
    },
  })),
);
