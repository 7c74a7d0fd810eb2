/**
 * What the report service keeps of a document once it is closed: nothing, unless the document is a workspace file
 * (then the index keeps the disk's summary, as it did before the document was opened). Real documents of the corpus
 * are opened one after another, asked what a client asks (outline, diagnostics, hover and definition on a defined
 * term, references, workspace symbols), and closed; the per-version cache and the workspace's tables are compared
 * with what they held before. The tables' sizes come from a test-only view (`service.files.tableSizes`): no memory
 * or timing figure is asserted.
 */
import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { corpusFiles, readCorpus } from '../util/corpus';
import { InMemoryWorkspace, NEVER } from '../util/memory';

const FOLDER = 'file:///w';
const DEFINING = /本(?:法|条例|规定|办法|规则)所称(?:的)?([\u4e00-\u9fff]{2,8})[，,]/;

/** The corpus documents that define a term (本法所称…), each with the position of the defined term's first character. */
function definingDocuments(): Array<{ readonly name: string; readonly text: string; readonly term: string }> {
  const out = [];
  for (const name of corpusFiles()) {
    const text = readCorpus(name);
    const m = DEFINING.exec(text);
    if (m !== null) out.push({ name, text, term: m[1]! });
  }
  assert.ok(out.length >= 5, `corpus documents that define a term: ${out.length}`);
  return out;
}

/** Asks what a client asks of an open document; the term's hover must find the definition (the document was indexed). */
async function use(workspace: InMemoryWorkspace, document: TextDocument, term: string): Promise<void> {
  const { service } = workspace;
  const textDocument = { uri: document.uri };
  const position = document.positionAt(document.getText().indexOf(term) + 1);
  service.documentSymbols(document, { textDocument }, NEVER);
  service.diagnostics(document, { textDocument }, NEVER);
  service.semanticTokens(document, { textDocument }, NEVER);
  const hover = await service.hover(document, { textDocument, position }, NEVER);
  assert.ok(hover !== null, `a hover on ${term} in ${document.uri}`);
  await service.definition(document, { textDocument, position }, NEVER);
  await service.references(document, { textDocument, position, context: { includeDeclaration: true } }, NEVER);
  const symbols = await service.workspaceSymbols({ query: term }, NEVER);
  assert.ok(symbols.some((s) => s.location.uri === document.uri), `workspace symbols for ${term} name ${document.uri}`);
}

const sum = (sizes: object): number => Object.values(sizes).reduce((a: number, b: number) => a + b, 0);

describe('report service: a closed document leaves nothing behind', () => {
  it('documents outside any workspace (file: and untitled:), opened, used and closed one after another', async () => {
    const workspace = new InMemoryWorkspace();
    assert.equal(await workspace.service.buildIndex(), true);
    const documents = definingDocuments();
    for (let round = 0; round < 2; round++) {
      for (const [i, { name, text, term }] of documents.entries()) {
        const uri = i % 2 === 0 ? `file:///elsewhere/${round}/${name}` : `untitled:Untitled-${round * 100 + i}`;
        const { document } = workspace.open(uri, text);
        await use(workspace, document, term);
        const open = workspace.service.files.tableSizes;
        assert.ok(open.indexed === 1 && open.definedIn > 0 && open.keyGeneration > 0, `${name} is indexed while open: ${JSON.stringify(open)}`);
        workspace.close(uri);
      }
    }
    assert.equal(workspace.service.cache.size, 0, 'no cached version');
    const sizes = workspace.service.files.tableSizes;
    assert.equal(sum(sizes), 0, `the workspace's tables are empty: ${JSON.stringify(sizes)}`);
  });

  it('in a workspace: other documents leave nothing, a workspace file leaves what the disk gave', async () => {
    const [first, ...others] = definingDocuments();
    const onDisk = `${FOLDER}/${first!.name}`;
    const workspace = new InMemoryWorkspace({ folders: [FOLDER], watched: true });
    workspace.files.write(onDisk, first!.text, false);
    assert.equal(await workspace.service.buildIndex(), true);
    // workspace symbols fold the disk file's names once and keep them: asked before the tables are noted
    assert.ok((await workspace.service.workspaceSymbols({ query: first!.term }, NEVER)).length > 0);
    const built = workspace.service.files.tableSizes;
    assert.equal(built.indexed, 1);
    assert.ok(built.foldedHeadings > 0 && built.pooledStrings > 0, JSON.stringify(built));

    for (const { name, text, term } of others) {
      const uri = `file:///elsewhere/${name}`;
      const { document } = workspace.open(uri, text);
      await use(workspace, document, term);
      assert.equal(workspace.service.files.tableSizes.indexed, 2, `${name} is indexed beside the workspace file`);
      workspace.close(uri);
    }
    const { document } = workspace.open(onDisk, `${first!.text}\n（新增一段。）\n`);
    await use(workspace, document, first!.term);
    workspace.close(onDisk);
    assert.equal(workspace.service.cache.size, 0);
    assert.deepEqual(workspace.service.files.tableSizes, built, 'the same tables as after the build');
  });
});
