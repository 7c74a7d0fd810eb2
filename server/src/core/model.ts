/**
 * The report model: what the analysis core knows about one version of one document.
 *
 * All positions are UTF-16 offsets into the document text (the unit of JavaScript strings and of LSP
 * positions); the LSP layer converts them with `TextDocument.positionAt`. Nothing here depends on
 * `vscode`, on an LSP connection or on the file system.
 */

/** The kinds of heading marker, from GB/T 9704 levels to law structure. */
export type MarkerKind =
  | 'title' // the document's title (root of the outline)
  | 'part' // 第X编 / 第X編
  | 'subpart' // 第X分编
  | 'chapter' // 第X章
  | 'section' // 第X节 / 第X節
  | 'group' // 第 一 款 通則: a group of articles under a 節 (Taiwan's civil code, copyright act); never the mainland 款 (a paragraph)
  | 'subgroup' // 第 一 目 共同財產制: a group of articles under a 款 group (Taiwan)
  | 'article' // 第X条 / 第 1 條 / 第X条之一
  | 'cn' // 一、
  | 'cnFormal' // 壹、 貳、 (Taiwan judgments: above or below 甲、, above 一、)
  | 'stem' // 甲、 乙、 丙、 (heavenly stems, Taiwan judgments)
  | 'cnParen' // （一） (一) ㈠
  | 'stemParen' // (甲) （乙）: the bracketed stems of a Taiwan judgment's evidence lists (甲)供述證據 / (乙)書證
  | 'num' // 1. 1． １． 1、
  | 'numParen' // （1） (1) ⑴
  | 'numHalf' // 1） 1) (a half bracket: contracts, work summaries; below （1） where both occur, so it nests by order)
  | 'circled' // ① ②
  | 'roman' // I. II. III. (Hong Kong LegCo agendas, papers and minutes), only in a run that starts at I.
  | 'ordinal' // 第一、 / 第一， on a line of its own (older reports)
  | 'decimal' // 3.1 / 3.1.2 (technical standards); `depth` is the number of dots
  | 'appendix' // 附件 / 附件1 / 附录
  | 'label' // an unnumbered structural heading: 主文 / 事实 / 理由 / 本院认为 / 判决如下, 总纲 / 前言 (`depth` 1: a leaf that takes no children), a TOC entry's unnumbered title, a compilation's copy 某某合同1 (`depth` 2)
  | 'subhead' // an unnumbered sub-heading inferred from layout: a short line standing alone between paragraphs (speeches)
  | 'markdown'; // a Markdown `#` heading with no marker of its own

/** One heading: a node of the outline. */
export interface Heading {
  readonly kind: MarkerKind;
  /** For `decimal`: the number of components (3.1 → 2). For `markdown`: the number of `#`. Otherwise 0. */
  readonly depth: number;
  /** Nesting depth in the outline: 0 for the title, 1 for top-level sections, … */
  level: number;
  /** The marker as it reads in the (repaired) text, e.g. "（三）", "第一条", "1." ("" for title/markdown). */
  readonly marker: string;
  /** The marker's number (三 → 3, 第一千二百六十条 → 1260, 第 15-1 條 → 15); undefined where it has none. */
  readonly ordinal: number | undefined;
  /** The heading's own text after the marker: glosses stripped, damage repaired, trimmed. May be "". */
  readonly title: string;
  /** Display name: marker + title (with a space between for law structure markers). */
  readonly name: string;
  /** A short preview of the section's text where the heading has no title of its own (a law article's first sentence); else "". */
  readonly detail: string;
  /** Zero-based line number of the heading. */
  readonly line: number;
  /** Offset where the heading line starts (section range start). */
  readonly start: number;
  /** Offsets of the heading itself (the selection range): marker to end of title / first sentence. */
  readonly headingStart: number;
  readonly headingEnd: number;
  /** Offset where the section ends (exclusive): start of the next heading at the same or a higher level, or text end. */
  end: number;
  /** Index of the parent heading in `ReportModel.headings`, or -1 for roots. */
  parent: number;
  /** Indices of the children in `ReportModel.headings`. */
  readonly children: number[];
  /** True when the heading runs into its paragraph (the title is the first sentence, up to 。). */
  readonly runIn: boolean;
  /** True when the heading line was recovered from GBK mojibake. */
  readonly repaired: boolean;
}

/** Kinds of scrape damage found in the text. */
export type DamageKind =
  | 'pinyinGloss' // 發(fā): a Han character followed by a bracketed tone-marked pinyin syllable
  | 'gbkMisaligned' // a line of GBK decoded one byte late (recoverable, maybe partly)
  | 'replacementChar' // U+FFFD or 锟斤拷 runs
  | 'utf8AsGbk' // UTF-8 read as GBK: 鍙戝竷
  | 'pageChrome'; // web-page chrome lines: 当前位置, 放大/缩小, 责任编辑 …

export interface Damage {
  readonly kind: DamageKind;
  readonly start: number;
  readonly end: number;
  /** What the damaged text should read, where the core can tell (e.g. the repaired GBK line); may contain U+FFFD. */
  readonly repair?: string;
}

export interface ReportModel {
  /** Length of the analysed text in UTF-16 code units. */
  readonly length: number;
  /** All headings in document order; the title (if any) is the first. */
  readonly headings: readonly Heading[];
  /** Indices of the top-level headings (the title alone when there is one). */
  readonly roots: readonly number[];
  /** Scrape damage, in document order. */
  readonly damage: readonly Damage[];
  /** Offsets of line starts (line i starts at lineStarts[i]). */
  readonly lineStarts: readonly number[];
  /** The table of contents (目录), if the document has one: its entries are not headings. */
  readonly toc?: TableOfContents;
}

/** One line of a table of contents: a heading's name followed by (dot leaders and) a page number. */
export interface TocEntry {
  readonly line: number;
  /** Offsets of the entry's title (without leaders and page number). */
  readonly start: number;
  readonly end: number;
  /** The title as written (trimmed). */
  readonly text: string;
  readonly page: number | undefined;
  /** Index into `ReportModel.headings` of the heading it lists, or -1 when the body has none. */
  target: number;
}

export interface TableOfContents {
  /** Line of the 目录 header, or of the first entry when there is no header. */
  readonly line: number;
  /** Offsets of the whole block (header to last entry). */
  readonly start: number;
  readonly end: number;
  readonly entries: readonly TocEntry[];
}
