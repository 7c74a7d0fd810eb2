// @ts-check
// The baseline: VS Code's own Markdown outline (vscode-markdown-languageservice, the library behind the
// built-in Markdown extension) over the same report with its headings written as Markdown `#` headings.
// The service is built the way its README describes: createLanguageService({ workspace, parser, logger })
// with a markdown-it parser (VS Code's Markdown engine) and a minimal in-memory workspace.

import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const md = require('vscode-markdown-languageservice');
const MarkdownIt = require('markdown-it');
const { TextDocument } = require('vscode-languageserver-textdocument');

const noDispose = { dispose() {} };
/** An event nobody fires: documents here never change after they are created. */
const silentEvent = () => noDispose;
const neverCancelled = { isCancellationRequested: false, onCancellationRequested: silentEvent };

/** IMdParser over markdown-it, with `html: true` as VS Code's Markdown engine has it. */
function createParser() {
  const engine = new MarkdownIt({ html: true });
  return {
    slugifier: md.githubSlugifier,
    async tokenize(document) {
      return engine.parse(document.getText(), {});
    },
  };
}

/** IWorkspace holding documents in memory; no folders, no file system, no events. */
class InMemoryWorkspace {
  #docs = new Map();
  get workspaceFolders() {
    return [];
  }
  onDidChangeMarkdownDocument = silentEvent;
  onDidCreateMarkdownDocument = silentEvent;
  onDidDeleteMarkdownDocument = silentEvent;
  add(doc) {
    this.#docs.set(doc.uri, doc);
  }
  remove(uri) {
    this.#docs.delete(uri);
  }
  async getAllMarkdownDocuments() {
    return this.#docs.values();
  }
  hasMarkdownDocument(resource) {
    return this.#docs.has(resource.toString());
  }
  async openMarkdownDocument(resource) {
    return this.#docs.get(resource.toString());
  }
  async stat(resource) {
    return this.#docs.has(resource.toString()) ? { isDirectory: false } : undefined;
  }
  async readDirectory() {
    return [];
  }
}

export function createBaseline() {
  const workspace = new InMemoryWorkspace();
  const logger = { get level() { return md.LogLevel.Off; }, log() {} };
  const service = md.createLanguageService({ workspace, parser: createParser(), logger });
  let serial = 0;
  return {
    /**
     * Outline `markdown` from scratch: each call uses a fresh document URI, so the service's per-document
     * cache (keyed by URI) cannot answer from an earlier run. Returns the document and its symbol tree (the bench
     * keeps the last ones alive, as it does ours).
     */
    async documentSymbols(markdown) {
      const uri = `file:///bench/report-${++serial}.md`;
      const document = TextDocument.create(uri, 'markdown', 1, markdown);
      workspace.add(document);
      try {
        const symbols = await service.getDocumentSymbols(document, { includeLinkDefinitions: false }, neverCancelled);
        return { document, symbols };
      } finally {
        workspace.remove(uri);
      }
    },
    dispose() {
      service.dispose();
    },
  };
}

/** Count nodes of a DocumentSymbol tree (or a flat SymbolInformation list) without recursion. */
export function countSymbols(symbols) {
  let count = 0;
  const stack = [...(symbols ?? [])];
  while (stack.length > 0) {
    const s = stack.pop();
    count++;
    if (Array.isArray(s.children)) stack.push(...s.children);
  }
  return count;
}
