// The core boundary rule (eslint.config.mjs, zh-report/core-imports) as a contributor meets it: eslint run on
// small files placed in server/src/core and in a folder of it. Then the layers above the core, read from the imports:
// no feature imports another, and nothing the service or a feature imports needs Node.
import * as assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { ESLint } from 'eslint';
import * as ts from 'typescript';
import { REPO_ROOT } from '../util/paths';

const eslint = new ESLint({ cwd: REPO_ROOT });

async function coreFindings(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: `${REPO_ROOT}/${file}` });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'zh-report/core-imports').map((m) => m.message);
}

describe('architecture: the analysis core imports only its own modules', () => {
  for (const [what, file, code] of [
    ['an npm package that needs Node (iconv-lite)', 'server/src/core/probe.ts', "import * as iconv from 'iconv-lite';\nexport const x = iconv;\n"],
    ['opencc-js re-exported', 'server/src/core/terms/probe.ts', "export * from 'opencc-js';\n"],
    ['a Node built-in', 'server/src/core/probe.ts', "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;\n"],
    ['a bare Node built-in', 'server/src/core/probe.ts', "import * as fs from 'fs';\nexport const x = fs;\n"],
    ['vscode-languageserver types', 'server/src/core/probe.ts', "import type { Range } from 'vscode-languageserver';\nexport type X = Range;\n"],
    ['a server layer above (from the core)', 'server/src/core/probe.ts', "import { x } from '../opencc';\nexport const y = x;\n"],
    ['a server layer above (from a core folder)', 'server/src/core/terms/probe.ts', "import { x } from '../../features/hover';\nexport const y = x;\n"],
    ['a path that leaves the core and comes back elsewhere', 'server/src/core/probe.ts', "import { x } from './terms/../../workspace/files';\nexport const y = x;\n"],
    ['a dynamic import()', 'server/src/core/probe.ts', "export const x = import('iconv-lite');\n"],
  ] as const) {
    it(`refuses ${what}`, async () => {
      assert.equal((await coreFindings(file, code)).length, 1);
    });
  }

  for (const [what, file, code] of [
    ['a sibling module', 'server/src/core/probe.ts', "import { analyze } from './analyze';\nexport const x = analyze;\n"],
    ['a core folder', 'server/src/core/probe.ts', "import { isTermSpelling } from './terms/extract';\nexport const x = isTermSpelling;\n"],
    ['the core from a folder of it', 'server/src/core/terms/probe.ts', "import type { ReportModel } from '../model';\nexport type X = ReportModel;\n"],
  ] as const) {
    it(`accepts ${what}`, async () => {
      assert.deepEqual(await coreFindings(file, code), []);
    });
  }

  it('the rule is on for the real core: every file of server/src/core lints clean', async () => {
    const results = await eslint.lintFiles(['server/src/core']);
    assert.ok(results.length > 20, `linted ${results.length} files`);
    assert.deepEqual(results.flatMap((r) => r.messages.map((m) => `${r.filePath}: ${m.message}`)), []);
  });
});

// ---------------------------------------------------------------------------------------------- the service's layers

/** The module specifiers a TypeScript file imports (import, export … from, import(), require()), read by TypeScript itself. */
function importsOf(file: string): string[] {
  return ts.preProcessFile(readFileSync(file, 'utf8'), true, true).importedFiles.map((f) => f.fileName);
}

/** The .ts file a relative specifier names, from `file`. */
function resolveRelative(file: string, specifier: string): string | undefined {
  const base = path.resolve(path.dirname(file), specifier);
  return [`${base}.ts`, path.join(base, 'index.ts')].find((candidate) => existsSync(candidate));
}

function tsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? tsFiles(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : [],
  );
}

const SERVER = path.join(REPO_ROOT, 'server', 'src');
const FEATURES = path.join(SERVER, 'features');
const SERVICE = path.join(SERVER, 'service');
const NODE_HOST = path.join(SERVER, 'node');
const NODE_BUILTINS: ReadonlySet<string> = new Set(builtinModules);

/** The Node globals `file` names as values (not as property names or declarations of its own). */
function nodeGlobalsIn(file: string, globals: ReadonlySet<string>): string[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isIdentifier(node) && globals.has(node.text)) {
      const parent = node.parent;
      const isName = (ts.isPropertyAccessExpression(parent) && parent.name === node) || ((ts.isPropertyAssignment(parent) || ts.isMethodDeclaration(parent) || ts.isPropertySignature(parent)) && parent.name === node);
      if (!isName) found.push(`${node.text} (line ${source.getLineAndCharacterOfPosition(node.getStart()).line + 1})`);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** What makes a module need Node: a built-in, iconv-lite, or the Node host. */
function needsNode(specifier: string, resolved: string | undefined): boolean {
  const bare = specifier.split('/')[0] ?? '';
  return specifier.startsWith('node:') || NODE_BUILTINS.has(specifier) || NODE_BUILTINS.has(bare) || bare === 'iconv-lite' || (resolved !== undefined && resolved.startsWith(NODE_HOST + path.sep));
}

/** The chains from `roots` (following relative imports inside server/src) to a module that needs Node. */
function chainsToNode(roots: readonly string[]): string[] {
  const found: string[] = [];
  const seen = new Set<string>();
  const walk = (file: string, chain: readonly string[]): void => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const specifier of importsOf(file)) {
      const resolved = specifier.startsWith('.') ? resolveRelative(file, specifier) : undefined;
      const here = [...chain, path.relative(REPO_ROOT, file)];
      if (needsNode(specifier, resolved)) found.push(`${here.join(' → ')} → ${specifier}`);
      else if (resolved !== undefined && resolved.startsWith(SERVER + path.sep)) walk(resolved, here);
    }
  };
  for (const root of roots) walk(root, []);
  return found;
}

describe('architecture: features and the service', () => {
  it('no feature imports another feature', () => {
    const files = tsFiles(FEATURES);
    assert.ok(files.length >= 20, `${files.length} feature files`);
    const offending = files.flatMap((file) =>
      importsOf(file)
        .filter((s) => s.startsWith('.'))
        .map((s) => ({ s, resolved: resolveRelative(file, s) }))
        .filter(({ resolved }) => resolved !== undefined && path.dirname(resolved) === FEATURES)
        .map(({ s }) => `${path.relative(REPO_ROOT, file)} imports ${s}`),
    );
    assert.deepEqual(offending, []);
  });

  it('a feature imports only the service’s modules, the core, the protocol, the messages and LSP types', () => {
    const allowed = (resolved: string): boolean =>
      [SERVICE, path.join(SERVER, 'core'), path.join(SERVER, 'protocol')].some((dir) => resolved.startsWith(dir + path.sep)) ||
      resolved === path.join(SERVER, 'messages.ts');
    const offending = tsFiles(FEATURES).flatMap((file) =>
      importsOf(file).flatMap((s) => {
        if (!s.startsWith('.')) return s.startsWith('vscode-languageserver') ? [] : [`${path.relative(REPO_ROOT, file)} imports ${s}`];
        const resolved = resolveRelative(file, s);
        return resolved !== undefined && allowed(resolved) ? [] : [`${path.relative(REPO_ROOT, file)} imports ${s}`];
      }),
    );
    assert.deepEqual(offending, []);
  });

  it('nothing under server/src/service or server/src/features, nor the server on a connection (server.ts, which the browser host starts too), reaches node:*, a Node built-in, iconv-lite or server/src/node, directly or through what it imports', () => {
    const roots = [...tsFiles(SERVICE), ...tsFiles(FEATURES), path.join(SERVER, 'server.ts')];
    assert.ok(roots.length > 30, `${roots.length} files`);
    assert.deepEqual(chainsToNode(roots), []);
  });

  it('no file under server/src/service or features uses a Node global (Buffer, process, setImmediate, __dirname, require)', () => {
    const globals: ReadonlySet<string> = new Set(['Buffer', 'process', 'setImmediate', '__dirname', '__filename', 'require', 'global']);
    const found = [...tsFiles(SERVICE), ...tsFiles(FEATURES), ...tsFiles(NODE_HOST)].flatMap((file) =>
      nodeGlobalsIn(file, globals).map((g) => `${path.relative(REPO_ROOT, file)}: ${g}`),
    );
    // the Node host may use them: the check sees it there, and nowhere else
    assert.ok(found.some((f) => f.startsWith('server/src/node/')), found.join('\n'));
    assert.deepEqual(found.filter((f) => !f.startsWith('server/src/node/')), []);
  });

  it('the check finds what it is for: the Node host and the Node entry do reach Node', () => {
    // the host reaches node:fs itself and iconv-lite through its codec (codec.ts, shared with the browser host)
    assert.ok(chainsToNode([path.join(NODE_HOST, 'host.ts')]).some((c) => c.endsWith('node:fs')));
    assert.ok(chainsToNode([path.join(NODE_HOST, 'codec.ts')]).some((c) => c.endsWith('iconv-lite')));
    assert.ok(chainsToNode([path.join(SERVER, 'main.ts')]).some((c) => c.endsWith('→ ./node/host')));
    assert.ok(needsNode('fs', undefined) && needsNode('node:path', undefined) && needsNode('iconv-lite/encodings', undefined));
  });
});
