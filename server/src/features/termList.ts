/**
 * zh-report/terms: the key terms of a document as plain data, for the client's Report Terms view: each term's name,
 * kind, number of uses, where to go (its definition, else its first use), its definition or built-in expansion, and
 * the section that defines or first uses it. Defined terms come first, in the order of their definitions; the others
 * follow in the order of their first use.
 */
import type { CancellationToken } from 'vscode-languageserver';
import type { TermSummary, TermsParams } from '../protocol';
import { cancelled } from '../service/errors';
import { rangeOf, sectionPath, shorten, type TermDocument } from '../service/terms';

/** Longest definition text sent (the view shows one line; the tooltip the rest). */
const DEFINITION_MAX = 200;

export function provideTermList(doc: TermDocument, _params: TermsParams, token: CancellationToken): TermSummary[] {
  const { terms, model } = doc;
  const entries: Array<{ readonly at: number; readonly defined: boolean; readonly summary: TermSummary }> = [];
  for (const term of terms.terms) {
    if (token.isCancellationRequested) throw cancelled();
    const first = term.uses[0];
    const definition = term.definitions[0];
    if (definition === undefined && first === undefined) continue;
    const start = definition?.termStart ?? terms.uses.start[first!]!;
    const end = definition?.termEnd ?? terms.uses.end[first!]!;
    const text = definition === undefined ? term.builtin?.text : definition.kind === 'abbreviation' ? (definition.fullForm ?? definition.text) : definition.text;
    entries.push({
      at: start,
      defined: definition !== undefined,
      summary: {
        name: term.name,
        kind: term.kind,
        uses: term.uses.length,
        range: rangeOf(doc, start, end),
        ...(text === undefined ? {} : { definition: shorten(text, DEFINITION_MAX) }),
        ...(definition === undefined && term.builtin !== undefined ? { builtin: true } : {}),
        section: sectionPath(model, start),
      },
    });
  }
  entries.sort((a, b) => (a.defined === b.defined ? a.at - b.at : a.defined ? -1 : 1));
  return entries.map((e) => e.summary);
}
