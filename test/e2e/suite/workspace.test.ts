// The workspace index in a real VS Code: a glossary file written into the test's copy of seeds/ (never the
// repository's seeds/) defines 成渝地区双城经济圈, which the Sichuan report uses without defining; hovering the term in
// the report shows the glossary's definition and names the file. The file reaches the server through the watcher
// (workspace/didChangeWatchedFiles), as a file the user adds would.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { hoverText, openSeedAsReport, waitFor } from './helpers';

const GLOSSARY = '名词解释.md';
const TERM = '成渝地区双城经济圈';
const MEANING = '以重庆、成都两个中心城市为引领的区域发展格局';

describe('the workspace index in a real VS Code', function () {
  this.timeout(90_000);
  let glossary: vscode.Uri | undefined;

  before(async () => {
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
    assert.ok(folder, 'a workspace folder is open');
    // the harness opens a copy of seeds/; a checkout's seeds/ sits beside .git, and is never written to
    const inCheckout = await Promise.resolve(vscode.workspace.fs.stat(vscode.Uri.joinPath(folder, '..', '.git'))).then(() => true, () => false);
    assert.ok(!inCheckout, `${folder.fsPath} is the repository's seeds/: this suite writes only into a copy`);
    glossary = vscode.Uri.joinPath(folder, GLOSSARY);
    await vscode.workspace.fs.writeFile(glossary, new TextEncoder().encode(`名词解释\n\n1．${TERM}：${MEANING}。\n`));
  });

  after(async () => {
    if (glossary !== undefined) await vscode.workspace.fs.delete(glossary).then(undefined, () => undefined);
  });

  it(`hover on ${TERM} in the Sichuan report shows the definition from ${GLOSSARY}`, async () => {
    const doc = await openSeedAsReport('cn_prov_2026_sichuan_government_work_report.txt');
    const offset = doc.getText().indexOf(TERM);
    assert.ok(offset >= 0, `${TERM} is in the seed`);
    const at = doc.positionAt(offset + 2);
    const text = await waitFor(`a hover with the glossary's definition of ${TERM}`, async () => {
      const hovers = await vscode.commands.executeCommand<vscode.Hover[] | undefined>('vscode.executeHoverProvider', doc.uri, at);
      return (hovers ?? []).map(hoverText).find((t) => t.includes(MEANING));
    });
    assert.ok(text.replace(/\\(.)/g, '$1').includes(GLOSSARY), `names the file: ${text}`);
  });
});
