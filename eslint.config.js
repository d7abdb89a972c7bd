// Layering rules after VS Code's common/node/electron-main split (see docs/ARCHITECTURE.md).
// A wrong import between layers is a lint error, so it fails `npm test`.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import { builtinModules } from 'node:module';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];
const noNode = {
  group: ['node:*'],
  message: 'node:* modules are Node-only: use shared/node/ or electron/.',
};
const noElectron = {
  group: ['electron', 'electron/*'],
  message: 'Only electron/ may import Electron.',
};
const noReact = {
  group: ['react', 'react-dom', 'react-dom/*', 'recharts', '@tanstack/react-virtual'],
  message: 'React belongs in renderer/ only.',
};
const noRenderer = { group: ['**/renderer/**'], message: 'Nothing imports the renderer.' };
const noElectronDir = {
  group: ['**/electron/**'],
  message: 'Nothing outside electron/ imports it.',
};
const noSharedNode = {
  group: ['**/shared/node/**', '**/node/**'],
  message: 'shared/node/ is Node-only; it cannot be imported from here.',
};
const noDexie = { group: ['dexie'], message: 'Storage lives in renderer/src/storage/.' };
const noWs = {
  group: ['ws'],
  message:
    'The ws package is Node-only: the room listener lives in shared/node/room/ or electron/.',
};

function restrict(patterns, paths = []) {
  return { 'no-restricted-imports': ['error', { paths, patterns }] };
}
const builtinPaths = nodeBuiltins.map((name) => ({
  name,
  message: 'Node built-ins are Node-only: use shared/node/ or electron/.',
}));

export default tseslint.config(
  {
    ignores: ['node_modules/**', '**/out/**', 'dist/**', 'test-results/**', 'playwright-report/**'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.es2023 } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-restricted-syntax': [
        'error',
        { selector: "CallExpression[callee.name='eval']", message: 'No eval.' },
      ],
    },
  },
  {
    // Type-aware rules: the mistakes types can see and syntax cannot — a
    // promise nobody awaits, an async callback where a void one is expected, a
    // condition that is always true or false by its type, a switch over a
    // union that misses a member.
    files: ['**/*.{ts,tsx}'],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/no-unnecessary-condition': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': [
        'error',
        { considerDefaultExhaustiveForUnions: true },
      ],
    },
  },
  {
    // shared/ domain: runs in Node, renderer and workers alike.
    files: ['shared/**/*.{ts,tsx,js,mjs}'],
    ignores: ['shared/node/**'],
    rules: restrict(
      [noNode, noElectron, noReact, noRenderer, noElectronDir, noSharedNode, noDexie, noWs],
      builtinPaths,
    ),
  },
  {
    files: ['shared/node/**/*.{ts,mjs,js}'],
    languageOptions: { globals: { ...globals.node } },
    rules: restrict([noElectron, noReact, noRenderer, noElectronDir, noDexie]),
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...restrict([noNode, noElectron, noElectronDir, noSharedNode, noWs], builtinPaths),
    },
  },
  {
    files: ['electron/**/*.{ts,mjs,js,cjs}'],
    languageOptions: { globals: { ...globals.node } },
    rules: restrict([noReact, noRenderer, noDexie]),
  },
  {
    // Only the two entry points load Electron; the wiring takes its API as a
    // parameter, so unit tests can import it (a run-time import of 'electron'
    // outside Electron fails) and drive it through a fake.
    files: ['electron/**/*.ts', 'tests/**/*.ts'],
    ignores: ['electron/main/index.ts', 'electron/preload/index.ts', 'tests/e2e-electron/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'electron',
              allowTypeImports: true,
              message:
                'Only electron/main/index.ts and electron/preload/index.ts import Electron at run time; take its API as a parameter (import type).',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['tests/**/*.{ts,tsx,mjs}', '*.config.{ts,js}', '.ci/**/*.mjs'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
);
