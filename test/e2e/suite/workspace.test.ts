// The workspace index in a real VS Code: a glossary file written into the test's copy of seeds/ (never the
// repository's seeds/) defines 成渝地区双城经济圈, which the Sichuan report uses without defining; hovering the term in
// the report shows the glossary's definition and names the file. The file reaches the server through the watcher
// (workspace/didChangeWatchedFiles), as a file the user adds would. References (Shift+F12) on the term list its uses in
// both files, and a rename yields one WorkspaceEdit over both (what VS Code's rename preview shows); the edit is only
// inspected, never applied. A rename of a term that a closed file stored in GB18030 uses is refused (its positions
// would be those of the GB18030 text, and the editor may read the file as UTF-8): checked on the GBK seed.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { hoverText, openSeedAsReport, waitFor } from './helpers';

const GLOSSARY = '名词解释.md';
const TERM = '成渝地区双城经济圈';
const MEANING = '以重庆、成都两个中心城市为引领的区域发展格局';
/** A second term of the glossary, used by the report and by no file stored in GB18030 (the rename's case). */
const SECOND = '天府新区';
/** A file of the copy of seeds/ stored in GB18030 that uses TERM: a rename of TERM is refused while it is closed. */
const GBK_FILE = 'cn_prov_2026_sichuan_excerpt_gbk.txt';

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
    await vscode.workspace.fs.writeFile(glossary, new TextEncoder().encode(`名词解释\n\n1．${TERM}：${MEANING}。\n2．${SECOND}：四川省的国家级新区。\n`));
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

  it(`references on ${TERM} in the Sichuan report list its uses there and in ${GLOSSARY}`, async () => {
    const doc = await openSeedAsReport('cn_prov_2026_sichuan_government_work_report.txt');
    const at = doc.positionAt(doc.getText().indexOf(TERM) + 2);
    const uses = doc.getText().split(TERM).length - 1;
    const locations = await waitFor(`references to ${TERM} in ${GLOSSARY}`, async () => {
      const found = await vscode.commands.executeCommand<vscode.Location[] | undefined>('vscode.executeReferenceProvider', doc.uri, at);
      return (found ?? []).some((l) => l.uri.toString() === glossary!.toString()) ? found : undefined;
    });
    const inReport = locations.filter((l) => l.uri.toString() === doc.uri.toString());
    assert.equal(inReport.length, uses, `every use in the report: ${JSON.stringify(inReport.map((l) => l.range.start))}`);
    for (const l of inReport) assert.equal(doc.getText(l.range), TERM);
    const glossaryDoc = await vscode.workspace.openTextDocument(glossary!);
    for (const l of locations.filter((l) => l.uri.toString() === glossary!.toString())) assert.equal(glossaryDoc.getText(l.range), TERM);
  });

  it(`rename of ${SECOND} in the Sichuan report is one WorkspaceEdit over the report and ${GLOSSARY}`, async () => {
    const doc = await openSeedAsReport('cn_prov_2026_sichuan_government_work_report.txt');
    const at = doc.positionAt(doc.getText().indexOf(SECOND) + 2);
    const uses = doc.getText().split(SECOND).length - 1;
    const renamed = '天府新城';
    const edit = await waitFor(`a rename over ${GLOSSARY}`, async () => {
      const e = await Promise.resolve(vscode.commands.executeCommand<vscode.WorkspaceEdit | undefined>('vscode.executeDocumentRenameProvider', doc.uri, at, renamed)).catch(() => undefined);
      return e !== undefined && e.get(glossary!).length > 0 ? e : undefined;
    });
    const inReport = edit.get(doc.uri);
    assert.equal(inReport.length, uses, 'every use in the report');
    for (const e of inReport) {
      assert.equal(doc.getText(e.range), SECOND);
      assert.equal(e.newText, renamed);
    }
    const glossaryDoc = await vscode.workspace.openTextDocument(glossary!);
    const inGlossary = edit.get(glossary!);
    assert.equal(inGlossary.length, 1, 'the glossary\'s entry');
    assert.equal(glossaryDoc.getText(inGlossary[0]!.range), SECOND);
    // only inspected: neither file changed
    assert.ok(!doc.isDirty && !glossaryDoc.isDirty);
  });

  it(`rename of ${TERM}, which the closed GB18030 file ${GBK_FILE} uses, is refused with a message naming it`, async () => {
    const doc = await openSeedAsReport('cn_prov_2026_sichuan_government_work_report.txt');
    assert.ok(!vscode.workspace.textDocuments.some((d) => d.uri.path.endsWith(GBK_FILE)), `${GBK_FILE} is not open`);
    const at = doc.positionAt(doc.getText().indexOf(TERM) + 2);
    const error = await Promise.resolve(vscode.commands.executeCommand('vscode.executeDocumentRenameProvider', doc.uri, at, '成渝双城经济圈')).then(
      () => undefined,
      (e: unknown) => String((e as Error)?.message ?? e),
    );
    assert.ok(error !== undefined, 'the rename was refused');
    assert.match(error, new RegExp(`${GBK_FILE.replace(/\./g, '\\.')}.*GB18030`));
    assert.ok(!doc.isDirty);
  });
});
