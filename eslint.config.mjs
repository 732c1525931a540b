import js from '@eslint/js'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'
import tseslint from 'typescript-eslint'

// Bare builtin names are listed as exact paths so a local './util' is not mistaken for Node's 'util'.
const nodeBuiltinPaths = ['fs', 'path', 'os', 'child_process', 'crypto', 'http', 'url', 'util', 'electron']

export default tseslint.config(
  {
    ignores: [
      'out/**',
      'dist/**',
      'node_modules/**',
      '.tools/**',
      'resources/drizzle/**',
      'test-results/**',
      '.tmp/**',
      'bench/results.json',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-console': 'off',
    },
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      // The renderer is a sandboxed web page: no Electron, no Node.
      'no-restricted-imports': [
        'error',
        {
          paths: nodeBuiltinPaths.map((name) => ({
            name,
            message: 'The renderer has no Node or Electron; go through window.api.',
          })),
          patterns: [
            { group: ['node:*'], message: 'The renderer has no Node or Electron; go through window.api.' },
            { group: ['**/main/**'], message: 'The renderer talks to main only through the IPC contract.' },
          ],
        },
      ],
    },
  },
  {
    files: ['src/shared/**/*.ts'],
    rules: {
      // Shared code is pure: it runs in main, renderer and tests alike.
      'no-restricted-imports': [
        'error',
        {
          paths: nodeBuiltinPaths.map((name) => ({ name, message: 'src/shared must stay free of I/O.' })),
          patterns: [
            { group: ['node:*'], message: 'src/shared must stay free of I/O.' },
            {
              group: ['**/main/**', '**/renderer/**', '**/preload/**'],
              message: 'src/shared imports nothing from the other layers.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/main/services/**/*.ts'],
    rules: {
      // Services are the domain logic: they know the library (db/) and shared code, never the transport.
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { regex: '^(\\.\\./)+ipc/', message: 'Services do not depend on IPC; dispatch calls them.' },
            { regex: '^(\\.\\./)+(bridge|window|cli|library)/', message: 'Services do not know the shell.' },
            { group: ['electron'], message: 'Services run under Node alone (tests, CLI, web bridge).' },
          ],
        },
      ],
    },
  },
  {
    files: ['src/main/ipc/handlers/**/*.ts'],
    rules: {
      // A handler is one line per channel: it calls a service with the context dispatch resolved.
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { regex: '^(\\.\\./)+db/', message: 'Handlers call services; only services touch the library.' },
            { group: ['better-sqlite3', 'drizzle-orm', 'drizzle-orm/*'], message: 'Handlers call services.' },
          ],
        },
      ],
    },
  },
)
