/**
 * zh-report/outlineText and zh-report/glossary: the outline (提纲) and the defined terms as text to copy or save, formatted
 * by the core (core/exportText.ts) so that any editor gets the same text.
 */
import type { CancellationToken } from 'vscode-languageserver';
import { glossaryText, headingAt, outlineText, type GlossaryEntry } from '../core';
import { OUTLINE_TEXT_FORMATS, type ExportText, type GlossaryParams, type OutlineTextParams } from '../protocol';
import { message, type DisplayLanguage } from '../messages';
import { cancelled, invalidParams } from '../service/errors';
import type { AnalyzedDocument } from '../service/documents';
import { sectionPath, type TermDocument } from '../service/terms';

export function provideOutlineText({ document, model }: AnalyzedDocument, params: OutlineTextParams, _token: CancellationToken): ExportText {
  if (!OUTLINE_TEXT_FORMATS.includes(params.format)) throw invalidParams(`params.format must be one of ${OUTLINE_TEXT_FORMATS.join(', ')}.`);
  let root: number | undefined;
  if (params.position !== undefined) {
    root = headingAt(model, document.offsetAt(params.position));
    // outside any section, or in the title (which holds everything): the whole outline
    if (root < 0 || model.headings[root]!.kind === 'title') root = undefined;
  }
  return outlineText(model, params.format, root);
}

/** The document's defined terms in the order of their definitions, with where each is defined. */
export function provideGlossary(doc: TermDocument, params: GlossaryParams, token: CancellationToken, lang: DisplayLanguage): ExportText {
  if (params.format !== 'markdown' && params.format !== 'csv') throw invalidParams('params.format must be "markdown" or "csv".');
  const entries: Array<GlossaryEntry & { readonly at: number }> = [];
  for (const term of doc.terms.terms) {
    if (token.isCancellationRequested) throw cancelled();
    const definition = term.definitions[0];
    if (definition === undefined) continue;
    entries.push({
      at: definition.termStart,
      term: term.name,
      definition: definition.kind === 'abbreviation' ? (definition.fullForm ?? definition.text) : definition.text,
      section: sectionPath(doc.model, definition.termStart),
      line: doc.document.positionAt(definition.termStart).line + 1,
    });
  }
  entries.sort((a, b) => a.at - b.at);
  const labels = {
    title: message('glossary.title', lang),
    term: message('glossary.term', lang),
    definition: message('glossary.definition', lang),
    section: message('glossary.section', lang),
    line: message('glossary.line', lang),
  };
  return { text: glossaryText(entries, params.format, labels), items: entries.length };
}
