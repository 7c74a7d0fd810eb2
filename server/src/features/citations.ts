/**
 * Citations as links (core/citations): hover shows what a citation cites (its path 第三章 › 第三十条 › 第二款 and the
 * text), definition goes there (the article, the paragraph for 款/項, the item for 项/款), references on an article
 * heading or a citation list every citation of that article in the document and in the workspace's report files,
 * definition on a 《title》 opens the workspace file with that title, and inlay hints (setting
 * `zh-report.inlayHints.citations`, off by default) say where relative citations point (前款 → 第二十条第一款).
 *
 * Another document is the open document or report file whose title (or file name) is the cited name, in either script,
 * with or without 中华人民共和国. Each feature returns undefined when the cursor is not on a citation, so the server
 * falls back to the term features.
 */
import {
  InlayHintKind,
  MarkupKind,
  type CancellationToken,
  type Hover,
  type InlayHint,
  type InlayHintParams,
  type Location,
  type TextDocumentPositionParams,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  citationAt,
  documentCitations,
  documentNameKeys,
  fileNameOf,
  foldForSearch,
  mentionAt,
  stripCountry,
  CitationResolver,
  type DocumentCitations,
  type ReportModel,
  type Target,
} from '../core';
import { message, pick, type DisplayLanguage } from '../messages';
import type { ServiceContext } from '../service/context';
import type { AnalyzedDocument } from '../service/documents';
import { cancelled, invalidParams } from '../service/errors';
import { headingMarkerAt } from '../service/headings';
import { escapeMarkdown, shorten } from '../service/terms';
import { fileKey } from '../service/workspaceIndex';

type Country = 'mainland' | 'taiwan';

/** How a report's names match a cited name: not, by the whole name, or by ending the words the name was read from. */
const enum Match {
  None,
  Name,
  Ending,
}

/**
 * Whose law a citing document's named document `n` is: what its name says (中华人民共和国…, 中華民國…), else the
 * citing document's own terminology (a law citing 公司法 cites its own jurisdiction's).
 */
function countryOf(d: DocumentCitations, n: number): Country {
  return d.index.documents[n]!.country ?? (d.index.taiwan ? 'taiwan' : 'mainland');
}

/** Longest cited text shown in a hover. */
const HOVER_TEXT_MAX = 200;

/** A report: its text, model and the folded names it may be cited by. */
interface Report {
  readonly uri: string;
  readonly text: string;
  readonly model: ReportModel;
  readonly keys: readonly string[];
}

/** A citation's answer in the document it points into. */
interface Resolved {
  readonly target: Target;
  readonly report: Report | undefined;
  readonly citations: DocumentCitations;
}

export class CitationsFeature {
  readonly #context: ServiceContext;
  readonly #byModel = new WeakMap<ReportModel, DocumentCitations>();
  readonly #reports = new WeakMap<ReportModel, Report>();

  constructor(context: ServiceContext) {
    this.#context = context;
  }

  /** The citations of a document version (indexed on first use, kept with its model). */
  of(analyzed: { readonly document: TextDocument; readonly model: ReportModel }): DocumentCitations {
    let d = this.#byModel.get(analyzed.model);
    if (d === undefined) {
      d = documentCitations(analyzed.document.getText(), analyzed.model);
      this.#byModel.set(analyzed.model, d);
    }
    return d;
  }

  async hover(analyzed: AnalyzedDocument, params: TextDocumentPositionParams, token: CancellationToken, lang: DisplayLanguage): Promise<Hover | undefined> {
    const { document } = analyzed;
    const d = this.of(analyzed);
    const offset = document.offsetAt(params.position);
    const i = citationAt(d.index, offset);
    if (i < 0) return undefined;
    const c = d.index.citations[i]!;
    const resolved = await this.#resolve(analyzed, d, i, token);
    const written = document.getText().slice(c.start, c.end);
    const range = { start: document.positionAt(c.start), end: document.positionAt(c.end) };
    const lines: string[] = [];
    const other = c.document >= 0 ? d.index.documents[c.document]! : undefined;
    const t = resolved.target;
    if (t.status === 'ok') {
      const path = resolved.citations.structure.path(t.place);
      const where = resolved.report === undefined ? '' : ` · ${escapeMarkdown(fileNameOf(resolved.report.uri))}`;
      const title = other !== undefined ? `《${escapeMarkdown(other.name)}》` : '';
      lines.push(`**${title}${escapeMarkdown(t.label)}** · ${message('citation.label', lang)}${where}`);
      if (path.length > 0) lines.push(`**${message('hover.path', lang)}**${lang === 'en' ? ': ' : '：'}${escapeMarkdown(path.join(' › '))}`);
      const text = resolved.report?.text ?? document.getText();
      lines.push(`> ${escapeMarkdown(shorten(text.slice(t.start, t.end), HOVER_TEXT_MAX))}`);
    } else if (t.status === 'missing') {
      lines.push(`**${escapeMarkdown(written)}** · ${message('citation.label', lang)}`);
      lines.push(`⚠ ${escapeMarkdown(pick(t.reason!, lang))}`);
    } else if (other !== undefined && other.name !== '') {
      lines.push(`**${escapeMarkdown(other.name)} ${escapeMarkdown(written)}** · ${message('citation.other', lang)}`);
      lines.push(resolved.report === undefined ? `*${message('citation.notInWorkspace', lang)}*` : `${escapeMarkdown(fileNameOf(resolved.report.uri))}`);
    } else {
      return undefined;
    }
    return { contents: { kind: MarkupKind.Markdown, value: lines.join('\n\n') }, range };
  }

  async definition(analyzed: AnalyzedDocument, params: TextDocumentPositionParams, token: CancellationToken): Promise<Location[] | undefined> {
    const d = this.of(analyzed);
    const offset = analyzed.document.offsetAt(params.position);
    const i = citationAt(d.index, offset);
    if (i >= 0) {
      const resolved = await this.#resolve(analyzed, d, i, token);
      const t = resolved.target;
      if (t.status !== 'ok') return undefined;
      return [this.#location(resolved.report, analyzed.document, t.start, t.end)];
    }
    const m = mentionAt(d.index, offset);
    if (m < 0) return undefined;
    const report = await this.#find(analyzed, d.index.mentions[m]!.title, '', true, token);
    if (report === undefined) return undefined;
    const title = report.model.headings[0];
    const at = title?.kind === 'title' ? title.headingStart : 0;
    const end = title?.kind === 'title' ? title.headingEnd : 0;
    return [this.#location(report, analyzed.document, at, end)];
  }

  /**
   * On an article heading's marker or on a citation: the citations of that article (any of its paragraphs and items)
   * in this document and in the other reports of the workspace that cite this one by its title.
   */
  async references(analyzed: AnalyzedDocument, params: TextDocumentPositionParams & { context?: { includeDeclaration?: boolean } }, token: CancellationToken): Promise<Location[] | undefined> {
    const { document, model } = analyzed;
    const text = document.getText();
    const d = this.of(analyzed);
    const offset = document.offsetAt(params.position);
    let article = -1;
    const marker = headingMarkerAt(model, text, offset);
    if (marker >= 0 && model.headings[marker]!.kind === 'article') {
      article = marker;
    } else {
      const i = citationAt(d.index, offset);
      if (i < 0) return undefined;
      const c = d.index.citations[i]!;
      if (c.document >= 0) {
        const resolved = await this.#resolve(analyzed, d, i, token);
        if (resolved.target.status !== 'ok' || resolved.report === undefined) return undefined;
        return this.#referencesTo(resolved.report, resolved.target.heading, params.context?.includeDeclaration !== false, token);
      }
      const t = d.resolver.target(i);
      if (t.status !== 'ok' || t.place.article < 0) return undefined;
      article = t.heading;
    }
    if (article < 0) return undefined;
    return this.#referencesTo(this.#reportOf(analyzed.document.uri, analyzed.document.getText(), analyzed.model), article, params.context?.includeDeclaration !== false, token);
  }

  /** Relative citations (前款, 本条, 前两条 …) with where they point, when the setting is on. */
  inlayHints(analyzed: AnalyzedDocument, params: InlayHintParams, token: CancellationToken): InlayHint[] {
    if (!this.#context.settings().citationInlayHints) return [];
    const range = (params as Partial<InlayHintParams>).range;
    if (typeof range !== 'object' || range === null || typeof range.start !== 'object' || typeof range.end !== 'object') {
      throw invalidParams('params.range must be { start, end } positions.');
    }
    const { document } = analyzed;
    const d = this.of(analyzed);
    const from = document.offsetAt(params.range.start);
    const to = document.offsetAt(params.range.end);
    const hints: InlayHint[] = [];
    d.index.citations.forEach((c, i) => {
      if (c.relative === 'none' || c.end < from || c.start > to || c.document >= 0) return;
      if ((i & 255) === 0 && token.isCancellationRequested) throw cancelled();
      const t = d.resolver.target(i);
      if (t.status !== 'ok') return;
      hints.push({ position: document.positionAt(c.end), label: `→${t.label}`, kind: InlayHintKind.Type, paddingLeft: true });
    });
    return hints;
  }

  async #referencesTo(report: Report, article: number, withDeclaration: boolean, token: CancellationToken): Promise<Location[]> {
    const heading = report.model.headings[article]!;
    const result: Location[] = [];
    const own = this.of({ document: TextDocument.create(report.uri, 'zh-report', 0, report.text), model: report.model });
    const open = this.#context.open.get(report.uri);
    const here = open ?? TextDocument.create(report.uri, 'zh-report', 0, report.text);
    if (withDeclaration) result.push(location(here, heading.headingStart, heading.headingStart + heading.marker.length));
    own.index.citations.forEach((c, i) => {
      if (c.document >= 0) return;
      const t = own.resolver.target(i);
      if (t.status === 'ok' && t.heading === article) result.push(location(here, c.start, c.end));
    });
    // other reports that name this one
    if (report.keys.length === 0) return result;
    for await (const other of this.#allReports(token)) {
      if (other.uri === report.uri) continue;
      const theirs = this.of({ document: TextDocument.create(other.uri, 'zh-report', 0, other.text), model: other.model });
      const doc = this.#context.open.get(other.uri) ?? TextDocument.create(other.uri, 'zh-report', 0, other.text);
      theirs.index.documents.forEach((named, n) => {
        if (this.#matcher(named.name, named.context, named.bracketed)(report.keys) === Match.None || !this.#sameLaw(report, countryOf(theirs, n))) return;
        const resolver = new CitationResolver(theirs.index, own.structure, n);
        theirs.index.citations.forEach((c, i) => {
          if (c.document !== n) return;
          const t = resolver.target(i);
          if (t.status === 'ok' && t.heading === article) result.push(location(doc, c.start, c.end));
        });
      });
      if (token.isCancellationRequested) throw cancelled();
    }
    return result;
  }

  /** What citation `i` points at: in this document, or in the workspace report it names. */
  async #resolve(analyzed: AnalyzedDocument, d: DocumentCitations, i: number, token: CancellationToken): Promise<Resolved> {
    const c = d.index.citations[i]!;
    if (c.document < 0) return { target: d.resolver.target(i), report: undefined, citations: d };
    const named = d.index.documents[c.document]!;
    const report = named.name === '' ? undefined : await this.#find(analyzed, named.name, named.context, named.bracketed, token, countryOf(d, c.document));
    if (report === undefined) return { target: d.resolver.target(i), report: undefined, citations: d };
    const theirs = this.of({ document: TextDocument.create(report.uri, 'zh-report', 0, report.text), model: report.model });
    const resolver = new CitationResolver(d.index, theirs.structure, c.document);
    return { target: resolver.target(i), report, citations: theirs };
  }

  /**
   * The report named `name` (or, for a name read without 《》, whose title ends `context`): open documents first, a
   * title that is the name before one that only ends the words before 第 (企业所得税法 is not 所得税法), and only a law
   * of `country` when given (Taiwan's 公司法 is not the PRC's 中华人民共和国公司法, 专利法 not 專利法).
   */
  async #find(analyzed: AnalyzedDocument, name: string, context: string, bracketed: boolean, token: CancellationToken, country?: Country): Promise<Report | undefined> {
    const match = this.#matcher(name, context, bracketed); // the name folded once, not once per file
    for (;;) {
      let ending: Report | undefined;
      for await (const report of this.#allReports(token, (keys) => match(keys) !== Match.None)) {
        if (report.uri === analyzed.document.uri) continue;
        const how = match(report.keys);
        if (how === Match.None || !this.#sameLaw(report, country)) continue;
        if (how === Match.Name) return report;
        ending ??= report;
      }
      // not found while the first walk of the workspace is under way: once it has ended, look again
      if (ending !== undefined || this.#context.workspace.folderCount === 0 || !(await this.#context.workspace.waitForBuild())) return ending;
    }
  }

  /** How a report's search keys match the cited `name` (or, read without 《》, the words before 第 in `context`). */
  #matcher(name: string, context: string, bracketed: boolean): (keys: readonly string[]) => Match {
    const table = this.#foldTable();
    const key = foldForSearch(stripCountry(name), table);
    const run = bracketed ? '' : foldForSearch(context, table);
    return (keys) => {
      if (keys.includes(key)) return Match.Name;
      if (bracketed) return Match.None;
      return keys.some((k) => k.length >= 2 && run.endsWith(k)) ? Match.Ending : Match.None;
    };
  }

  /** True when `report` can be a law of `country`: it has no articles (no terminology to tell), or its articles read that way. */
  #sameLaw(report: Report, country: Country | undefined): boolean {
    if (country === undefined || !report.model.headings.some((h) => h.kind === 'article')) return true;
    const theirs = this.of({ document: TextDocument.create(report.uri, 'zh-report', 0, report.text), model: report.model });
    return theirs.index.taiwan === (country === 'taiwan');
  }

  /**
   * The open reports as the editor has them, then the report files of the workspace index that are not open, each read
   * from disk when it is reached — only those whose names (title, file name) `wanted` accepts, when given.
   */
  async *#allReports(token: CancellationToken, wanted?: (keys: readonly string[]) => boolean): AsyncGenerator<Report> {
    const open = new Set<string>();
    for (const document of this.#context.open.all()) {
      open.add(fileKey(document.uri));
      const analyzed = this.#context.cache.analyzed(document);
      if (analyzed !== undefined) yield this.#reportOf(document.uri, document.getText(), analyzed.model);
    }
    const workspace = this.#context.workspace;
    if (workspace.folderCount === 0) return;
    const index = await workspace.answering();
    for (const { uri, summary } of index.files()) {
      if (token.isCancellationRequested) throw cancelled();
      if (open.has(fileKey(uri))) continue;
      if (wanted !== undefined && !wanted(this.#keys(uri, summary.title ?? ''))) continue;
      const report = await workspace.readReport(uri);
      if (report !== undefined) yield this.#reportOf(uri, report.text, report.model);
    }
  }

  /** A document version or a report file as a report (kept with its model). */
  #reportOf(uri: string, text: string, model: ReportModel): Report {
    let report = this.#reports.get(model);
    if (report === undefined) {
      report = this.#report(uri, text, model);
      this.#reports.set(model, report);
    }
    return report;
  }

  #report(uri: string, text: string, model: ReportModel): Report {
    const title = model.headings[0]?.kind === 'title' ? model.headings[0].title : '';
    return { uri, text, model, keys: this.#keys(uri, title) };
  }

  /** The folded names a report may be cited by: its title and its file name (the index's rule, core/summary.ts). */
  #keys(uri: string, title: string): string[] {
    return documentNameKeys(title, uri, this.#foldTable());
  }

  #location(report: Report | undefined, document: TextDocument, start: number, end: number): Location {
    if (report === undefined) return location(document, start, end);
    return location(this.#context.open.get(report.uri) ?? TextDocument.create(report.uri, 'zh-report', 0, report.text), start, end);
  }

  #foldTable() {
    return this.#context.foldTable();
  }
}

function location(document: TextDocument, start: number, end: number): Location {
  return { uri: document.uri, range: { start: document.positionAt(start), end: document.positionAt(end) } };
}
