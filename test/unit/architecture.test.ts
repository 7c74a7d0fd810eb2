// The core boundary rule (eslint.config.mjs, zh-report/core-imports) as a contributor meets it: eslint run on
// small files placed in server/src/core and in a folder of it.
import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ESLint } from 'eslint';
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
