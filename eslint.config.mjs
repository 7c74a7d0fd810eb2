// @ts-check
// Lint rules that guard the architecture: the analysis core stays pure, the protocol file stays plain.
import js from '@eslint/js';
import globals from 'globals';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import tseslint from 'typescript-eslint';

const CORE = path.join(path.dirname(fileURLToPath(import.meta.url)), 'server', 'src', 'core');

/**
 * npm packages the core may import: pure ECMAScript that runs unchanged in Node, a browser and a web worker
 * (no Node built-ins, no `Buffer`, no file system). None today; add one only after reading its source.
 */
const PURE_PACKAGES = /** @type {string[]} */ ([]);

/**
 * The core's imports are an allow-list: a relative path that stays inside server/src/core, or a package named in
 * PURE_PACKAGES. Everything else is refused — vscode, the LSP libraries, Node built-ins and npm packages that need
 * Node (iconv-lite, opencc-js's Node entry) alike — in static imports, re-exports, `import()` and `require()`.
 * @type {import('eslint').Rule.RuleModule}
 */
const coreImports = {
  meta: {
    type: 'problem',
    docs: { description: 'The analysis core imports only its own modules and pure packages.' },
    messages: {
      outside: "'{{spec}}' leaves server/src/core: the analysis core must not import from the server layers above it.",
      package: "'{{spec}}' is not a pure package the core may use: the analysis core is pure (no vscode, no LSP, no Node built-ins, no npm package that needs Node). If the package is pure ECMAScript, add it to PURE_PACKAGES in eslint.config.mjs.",
      dynamic: 'The analysis core imports only literal module names.',
    },
    schema: [],
  },
  create(context) {
    /** @param {import('estree').Node | null | undefined} source @param {import('estree').Node} at */
    const check = (source, at) => {
      if (source?.type !== 'Literal' || typeof source.value !== 'string') {
        context.report({ node: at, messageId: 'dynamic' });
        return;
      }
      const spec = source.value;
      if (spec.startsWith('.')) {
        const target = path.resolve(path.dirname(context.filename), spec);
        if (target !== CORE && !target.startsWith(CORE + path.sep)) {
          context.report({ node: source, messageId: 'outside', data: { spec } });
        }
        return;
      }
      const parts = spec.split('/');
      const name = spec.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
      if (!PURE_PACKAGES.includes(name ?? '')) {
        context.report({ node: source, messageId: 'package', data: { spec } });
      }
    };
    return {
      ImportDeclaration: (node) => check(node.source, node),
      ExportAllDeclaration: (node) => check(node.source, node),
      ExportNamedDeclaration: (node) => node.source && check(node.source, node),
      ImportExpression: (node) => check(node.source, node),
      CallExpression: (node) => {
        if (node.callee.type === 'Identifier' && node.callee.name === 'require') {
          check(node.arguments[0], node);
        }
      },
      /** @param {any} node `import x = require('…')` (a TypeScript node estree does not type) */
      TSExternalModuleReference: (node) => check(node.expression, node),
    };
  },
};

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'bench/out/**', 'test/e2e/.work/**', '**/*.js', '**/*.cjs'] },
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
    // The scripts (bench/, scripts/, this file): plain ES modules for Node, type-checked by tsconfig.scripts.json
    files: ['**/*.mjs'],
    ...js.configs.recommended,
    languageOptions: { ecmaVersion: 2022, sourceType: 'module', globals: globals.node },
    rules: {
      ...js.configs.recommended.rules,
      'no-unused-vars': 'off', // typescript-eslint's rule below reports them once
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', caughtErrors: 'none' }],
      'no-constant-condition': ['error', { checkLoops: false }],
    },
  },
  {
    files: ['server/src/core/**/*.ts'],
    plugins: { 'zh-report': { rules: { 'core-imports': coreImports } } },
    rules: { 'zh-report/core-imports': 'error' },
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
