/**
 * Held-out citation labels (test/fixtures/citations/labels.tsv) and where a label points, read from the text by a
 * reader of its own (not the server's): the checks compare the server's answer with this.
 *
 * Label rows: `file <TAB> offset <TAB> written <TAB> expected`, where `offset` is the UTF-16 offset of the citation's
 * first character in the file, `written` the citation as written (checked against the text), and `expected` either
 * `-` (not a link: nothing may be returned), `[target-file:]cN` / `cNsM` (chapter N, its section M), or
 * `[target-file:]A[.P[.I[.S]]]`: article A (`10`, `10-1` for 第十条之一 /
 * 第 10-1 條), paragraph P (款 on the mainland, 項 in Taiwan), item I (项 / 款) and sub-item S (目), each from 1.
 * Lines starting with # are comments.
 *
 * The reader: an article starts at a line `第X条 …` (mainland Markdown of LawRefBook: paragraphs are the non-blank lines
 * up to the next article or `#` heading; the first one follows the marker on its line) or `第 N 條` alone on a line
 * (Taiwan: its paragraphs are the lines below, up to a blank line; a line indented by two spaces continues the one
 * before). Items are lines starting with （一） (mainland) or 一、 (Taiwan), sub-items lines starting with 1. (mainland) or （一） (Taiwan).
 */
const NUM = '[一二三四五六七八九十百千零〇两]+';
const ML_ARTICLE = new RegExp(`^第(${NUM})条(?:之(${NUM}))?[\\s\\u3000]*`);
const TW_ARTICLE = /^第 (\d+)(?:-(\d+))? 條$/;
const ML_ITEM = new RegExp(`^[（(]${NUM}[）)]`);
const GROUP = new RegExp(`^(#* ?)第 ?((?:${NUM} ?)+)([章节節])(?:\\s|$)`);
const ML_SUB = /^[0-9１-９]+[.．、]/;
const TW_ITEM = new RegExp(`^${NUM}、`);
const TW_SUB = new RegExp(`^[（(]${NUM}[）)]`);

export interface Label {
  readonly file: string;
  readonly offset: number;
  readonly written: string;
  /** undefined: not a link. */
  readonly expected: Expected | undefined;
  readonly row: number;
}

export interface Expected {
  /** The file the target is in (the citing file when not written). */
  readonly file: string;
  readonly article: string;
  /** 1-based units; 0 where not cited. */
  readonly paragraph: number;
  readonly item: number;
  readonly sub: number;
}

export function readCitationLabels(tsv: string): Label[] {
  const out: Label[] = [];
  tsv.split('\n').forEach((line, row) => {
    if (line.trim() === '' || line.startsWith('#')) return;
    const [file, offset, written, expected] = line.split('\t') as [string, string, string, string];
    let e: Expected | undefined;
    if (expected !== '-') {
      const colon = expected.indexOf(':');
      const where = colon >= 0 ? expected.slice(colon + 1) : expected;
      const [article, p, i, s] = where.split('.');
      e = { file: colon >= 0 ? expected.slice(0, colon) : file, article: article!, paragraph: Number(p ?? 0), item: Number(i ?? 0), sub: Number(s ?? 0) };
    }
    out.push({ file, offset: Number(offset), written, expected: e, row: row + 1 });
  });
  return out;
}

function cnValue(s: string): number {
  const digits: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
  let total = 0;
  let section = 0;
  let n = 0;
  for (const ch of s) {
    if (ch in digits) n = digits[ch]!;
    else if (ch === '十' || ch === '百' || ch === '千') {
      const unit = ch === '十' ? 10 : ch === '百' ? 100 : 1000;
      section += (n === 0 ? 1 : n) * unit;
      n = 0;
    }
  }
  total += section + n;
  return total;
}

interface Unit {
  start: number;
  children: Unit[];
}

/** Where each article, paragraph, item and sub-item of a law starts, by article key (`10`, `10-1`). */
export function readLawStructure(text: string): Map<string, Unit> {
  const articles = new Map<string, Unit>();
  const taiwan = /^第 \d+(?:-\d+)? 條$/m.test(text);
  let article: Unit | undefined;
  let para: Unit | undefined;
  let item: Unit | undefined;
  let offset = 0;
  let chapter = 0;
  for (const raw of text.split('\n')) {
    const line = raw.replace(/\r$/, '');
    const start = offset;
    offset += raw.length + 1;
    // chapters and sections: keys c3 and c3s1, at the 第 of their heading
    const group = GROUP.exec(line);
    if (group) {
      const n = cnValue(group[2]!.replace(/ /g, ''));
      const key = group[3] === '章' ? `c${(chapter = n)}` : `c${chapter}s${n}`;
      if (!articles.has(key)) articles.set(key, { start: start + group[1]!.length, children: [] });
    }
    if (taiwan) {
      const m = TW_ARTICLE.exec(line);
      if (m) {
        article = { start, children: [] };
        const key = m[2] ? `${m[1]}-${m[2]}` : m[1]!;
        if (!articles.has(key)) articles.set(key, article);
        para = item = undefined;
        continue;
      }
      if (article === undefined) continue;
      if (line.trim() === '') {
        article = undefined;
        continue;
      }
      if (line.startsWith('  ')) continue; // a hanging indent continues what is open
      if (TW_ITEM.test(line) && para) {
        item = { start, children: [] };
        para.children.push(item);
      } else if (TW_SUB.test(line) && item) {
        item.children.push({ start, children: [] });
      } else {
        para = { start, children: [] };
        article.children.push(para);
        item = undefined;
      }
      continue;
    }
    if (line.startsWith('#')) {
      article = undefined;
      continue;
    }
    const m = ML_ARTICLE.exec(line);
    if (m) {
      article = { start, children: [] };
      const key = m[2] ? `${cnValue(m[1]!)}-${cnValue(m[2])}` : String(cnValue(m[1]!));
      if (!articles.has(key)) articles.set(key, article);
      para = { start: start + m[0].length, children: [] };
      article.children.push(para);
      item = undefined;
      continue;
    }
    if (article === undefined || line.trim() === '') continue;
    const p = start + (line.length - line.trimStart().length);
    if (ML_SUB.test(line.trimStart()) && item) {
      item.children.push({ start: p, children: [] });
    } else if (ML_ITEM.test(line.trimStart()) && para) {
      item = { start: p, children: [] };
      para.children.push(item);
    } else {
      para = { start: p, children: [] };
      article.children.push(para);
      item = undefined;
    }
  }
  return articles;
}

/** The offset a label's target starts at in its file's structure, or undefined when the text has no such unit. */
export function expectedOffset(structure: Map<string, Unit>, e: Expected): number | undefined {
  const article = structure.get(e.article);
  if (article === undefined) return undefined;
  if (e.paragraph === 0 && e.item === 0) return article.start;
  let para: Unit | undefined;
  if (e.paragraph > 0) para = article.children[e.paragraph - 1];
  else para = article.children.find((p) => p.children.length > 0); // 第X条第Y项 with no 款: the paragraph with items
  if (para === undefined) return undefined;
  if (e.item === 0) return para.start;
  const item = para.children[e.item - 1];
  if (item === undefined) return undefined;
  if (e.sub === 0) return item.start;
  return item.children[e.sub - 1]?.start;
}

/** The LSP calls the scoring needs (test/util/lsp-client's LspClient). */
interface Client {
  notify(method: string, params: unknown): void;
  request<R>(method: string, params: unknown): Promise<R>;
}

interface LspLocation {
  readonly uri: string;
  readonly range: { readonly start: { readonly line: number; readonly character: number } };
}

/** Per terminology: labels, positives, their answers right at the article, all answers right, no-link labels and those right. */
export interface ScoreRow {
  readonly name: string;
  readonly labels: number;
  readonly positives: number;
  readonly article: number;
  readonly right: number;
  readonly noLink: number;
  readonly noLinkRight: number;
}

export interface Score {
  readonly rows: ScoreRow[];
  readonly answers: Answer[];
  /** One line per wrong answer. */
  readonly misses: string[];
  readonly negatives: number;
  /** One line per link given on a negative. */
  readonly falseLinks: string[];
}

/** UTF-16 offset ↔ LSP position over one text (a line table, built once). */
class Lines {
  readonly #starts: number[] = [0];
  constructor(text: string) {
    for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 0x0a) this.#starts.push(i + 1);
  }
  position(offset: number): { line: number; character: number } {
    let lo = 0;
    let hi = this.#starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.#starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo, character: offset - this.#starts[lo]! };
  }
  offset(p: { line: number; character: number }): number {
    return (this.#starts[p.line] ?? 0) + p.character;
  }
}

/**
 * Definition over LSP on every label of `labelsText` and on every negative of the labelled files and of `extraFiles`
 * (paths relative to `root`, the folder the server was given as its workspace; `read` reads one of them, `uriOf` /
 * `fileOf` map paths and URIs). Each citing file is opened as it is on disk.
 */
export async function scoreCitations(
  client: Client,
  labelsText: string,
  read: (file: string) => string,
  uriOf: (file: string) => string,
  fileOf: (uri: string) => string,
  extraFiles: readonly string[] = [],
): Promise<Score> {
  const labels = readCitationLabels(labelsText);
  const lines = new Map<string, Lines>();
  const linesOf = (file: string): Lines => {
    let l = lines.get(file);
    if (l === undefined) lines.set(file, (l = new Lines(read(file))));
    return l;
  };
  const structures = new Map<string, Map<string, Unit>>();
  const structureOf = (file: string): Map<string, Unit> => {
    let s = structures.get(file);
    if (s === undefined) structures.set(file, (s = readLawStructure(read(file))));
    return s;
  };
  const opened = new Set<string>();
  const definition = async (file: string, offset: number): Promise<{ file: string | undefined; offset: number | undefined }> => {
    if (!opened.has(file)) {
      client.notify('textDocument/didOpen', { textDocument: { uri: uriOf(file), languageId: 'zh-report', version: 1, text: read(file) } });
      opened.add(file);
    }
    const position = linesOf(file).position(offset + 1);
    const result = await client.request<LspLocation[] | LspLocation | null>('textDocument/definition', { textDocument: { uri: uriOf(file) }, position });
    const first = Array.isArray(result) ? result[0] : (result ?? undefined);
    if (first === undefined) return { file: undefined, offset: undefined };
    const target = fileOf(first.uri);
    return { file: target, offset: linesOf(target).offset(first.range.start) };
  };
  const answers: Answer[] = [];
  for (const l of labels) {
    const got = await definition(l.file, l.offset);
    answers.push(judge(l, got.file, got.offset, structureOf));
  }
  const rows = [['mainland/', 'mainland'], ['taiwan/', 'Taiwan']].map(([prefix, name]): ScoreRow => {
    const a = answers.filter((x) => x.label.file.startsWith(prefix!));
    const pos = a.filter((x) => x.label.expected !== undefined);
    return {
      name: name!, labels: a.length, positives: pos.length, article: pos.filter((x) => x.articleRight).length,
      right: a.filter((x) => x.right).length, noLink: a.length - pos.length, noLinkRight: a.filter((x) => x.label.expected === undefined && x.right).length,
    };
  });
  const misses = answers.filter((x) => !x.right).map((x) => {
    const want = x.label.expected === undefined ? 'no link' : `${x.label.expected.file}@${x.expected}`;
    return `labels.tsv:${x.label.row} ${x.label.file}@${x.label.offset} ${x.label.written}: expected ${want}, got ${x.file === undefined ? 'none' : `${x.file}@${x.offset}`}`;
  });
  let negatives = 0;
  const falseLinks: string[] = [];
  for (const file of [...new Set(labels.map((l) => l.file)), ...extraFiles]) {
    for (const neg of negativesOf(file, read(file))) {
      negatives++;
      const got = await definition(file, neg.offset);
      if (got.file !== undefined) falseLinks.push(`${file}@${neg.offset} ${neg.written} → ${got.file}@${got.offset}`);
    }
  }
  return { rows, answers, misses, negatives, falseLinks };
}

/** A negative: a place that is no citation (第X届 / 第X次 / 第X个, numbers in an amendment history). */
export interface Negative {
  readonly file: string;
  readonly offset: number;
  readonly written: string;
}

const NEG_ANYWHERE = new RegExp(`第${NUM}[届屆次个個]`, 'g');
const NEG_HISTORY = /第 ?[0-9０-９一二三四五六七八九十百千零〇两、～~ ]+ ?[条條]/g;

/**
 * The negatives of a file, found by rule: every 第X届 / 第X次 / 第X个 in the text, and every 第…条/條 in the amendment
 * history (mainland: between the title and `<!-- INFO END -->`; Taiwan: before the first 第 N 條 or 編章節 line).
 */
export function negativesOf(file: string, text: string): Negative[] {
  const out: Negative[] = [];
  for (const m of text.matchAll(NEG_ANYWHERE)) out.push({ file, offset: m.index, written: m[0] });
  const end = text.includes('<!-- INFO END -->') ? text.indexOf('<!-- INFO END -->') : text.search(/^第 ?\S+ ?[編章節條](?: |$)/m);
  const history = text.slice(0, Math.max(0, end));
  for (const m of history.matchAll(NEG_HISTORY)) out.push({ file, offset: m.index, written: m[0] });
  return out.sort((a, b) => a.offset - b.offset);
}

/** What the server answered for one labelled citation. */
export interface Answer {
  readonly label: Label;
  /** The file and offset the server's definition starts at; undefined when it gave none. */
  readonly file: string | undefined;
  readonly offset: number | undefined;
  /** Where the label says it should start (undefined for a negative label). */
  readonly expected: number | undefined;
  readonly right: boolean;
  /** Right at the article (the target lies in the expected article). */
  readonly articleRight: boolean;
}

/** Scores one answer against its label (`structures` by file, `articleOf` the article key holding an offset). */
export function judge(label: Label, file: string | undefined, offset: number | undefined, structures: (file: string) => Map<string, Unit>): Answer {
  if (label.expected === undefined) {
    const right = file === undefined;
    return { label, file, offset, expected: undefined, right, articleRight: right };
  }
  const e = label.expected;
  const structure = structures(e.file);
  const expected = expectedOffset(structure, e);
  const right = file === e.file && offset === expected;
  let articleRight = right;
  if (!right && file === e.file && offset !== undefined) {
    // the article that holds the answer: the last article starting at or before it
    let best: string | undefined;
    let bestStart = -1;
    for (const [key, a] of structure) if (a.start <= offset && a.start > bestStart) [best, bestStart] = [key, a.start];
    articleRight = best === e.article;
  }
  return { label, file, offset, expected, right, articleRight };
}
