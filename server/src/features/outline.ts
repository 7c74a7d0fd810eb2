/**
 * zh-report/outline: the heading tree as plain data (`OutlineNode`), for the CLI, the tests and any client
 * that wants the outline without the `DocumentSymbol` conventions. `line` is zero-based, as in LSP.
 */
import type { CancellationToken } from 'vscode-languageserver';
import type { OutlineNode, OutlineParams } from '../protocol';
import type { AnalyzedDocument } from '../service/documents';
import { mapHeadingTree } from '../service/headings';

export function provideOutline({ document, model }: AnalyzedDocument, _params: OutlineParams, _token: CancellationToken): OutlineNode[] {
  return mapHeadingTree<OutlineNode>(
    model,
    (heading, depth) => ({
      name: heading.name,
      kind: heading.kind,
      level: depth,
      line: document.positionAt(heading.start).line,
      children: [],
    }),
    (parent, child) => parent.children.push(child),
  );
}
