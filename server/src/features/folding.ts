/**
 * textDocument/foldingRange: one range per heading section that has something to fold (a body or sub-headings).
 *
 * A range starts on the heading's line and ends on the last non-blank line of its section, so folding a
 * section keeps the blank lines before the next heading visible. Sections of a single line are skipped.
 */
import type { CancellationToken, FoldingRange, FoldingRangeParams } from 'vscode-languageserver';
import type { AnalyzedDocument } from '../service/documents';
import { contentEnd } from '../service/headings';

export function provideFoldingRanges(
  { document, model }: AnalyzedDocument,
  _params: FoldingRangeParams,
  _token: CancellationToken,
): FoldingRange[] {
  const text = document.getText();
  const ranges: FoldingRange[] = [];
  for (const heading of model.headings) {
    const startLine = document.positionAt(heading.start).line;
    const endLine = document.positionAt(contentEnd(text, heading)).line;
    if (endLine > startLine) {
      ranges.push({ startLine, endLine });
    }
  }
  return ranges;
}
