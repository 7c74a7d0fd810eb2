// Lint rules that guard the architecture: the analysis core stays pure, the protocol file stays plain.
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'bench/out/**', 'test/e2e/.work/**', '**/*.js', '**/*.mjs', '**/*.cjs'] },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'no-constant-condition': ['error', { checkLoops: false }],
    },
  },
  {
    files: ['server/src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['vscode', 'vscode-*', 'node:*', 'fs', 'path', 'os', 'child_process', 'net', 'http', 'https'], message: 'The analysis core is pure: no vscode, no LSP, no Node built-ins, no file system.' },
          { group: ['../*'], message: 'The analysis core must not import from the server layers above it.' },
        ],
      }],
    },
  },
  {
    // Folders inside the core (checks/, terms/) may import the core's own modules (../model), nothing above it.
    files: ['server/src/core/*/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['vscode', 'vscode-*', 'node:*', 'fs', 'path', 'os', 'child_process', 'net', 'http', 'https'], message: 'The analysis core is pure: no vscode, no LSP, no Node built-ins, no file system.' },
          { group: ['../../*'], message: 'The analysis core must not import from the server layers above it.' },
        ],
      }],
    },
  },
  {
    files: ['server/src/protocol/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['*'], message: 'The protocol file holds plain declarations shared by client and server.' }] }],
    },
  },
  {
    files: ['client/src/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/server/src/core/**', '**/core/*', 'vscode-languageserver', 'vscode-languageserver/*'], message: 'The client stays thin: it talks to the server over LSP and imports only the shared protocol.' }] }],
    },
  },
);
