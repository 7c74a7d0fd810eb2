/**
 * Web-page chrome that scraped reports carry: 当前位置 breadcrumbs, 【字号：加大 还原 减小】, 下载 打印 全屏,
 * 来源/时间 lines, 责任编辑, 扫一扫, related-link lists, 打印本页 关闭窗口.
 *
 * Real documents are the judge: a word such as 打印 or 大 alone on a line is chrome only in the head of the
 * document (before the first heading, the salutation or the first paragraph) or next to a line that is chrome
 * for certain; lines that cannot be anything else (当前位置…, 打印本页, 责任编辑…) are chrome anywhere. Markdown
 * comments (<!-- INFO END -->) and 公文 front matter are not page chrome.
 */
import { stripGlosses } from '../gloss';
import { kindCode } from '../markers';
import { keeps } from './bounded';
import { CheckContext, excerpt, localized } from './context';
import type { Finding } from './types';

const STRONG_PREFIXES = [
  '当前位置', '當前位置', '您现在的位置', '您現在的位置', '您的位置', '【字号', '【字號', '【字体', '【字體', '字号：', '字號：', '字体：', '字體：',
  '发布时间', '發布時間', '發佈時間', '发布日期', '發布日期', '發佈日期', '浏览次数', '瀏覽次數', '阅读次数', '閱讀次數', '点击数', '點擊數', '点击量',
  '打印本页', '打印本頁', '关闭窗口', '關閉窗口', '扫一扫', '掃一掃', '相关附件>>', '相关链接>>', '相關附件>>', '相關鏈接>>', '相关文章', '分享到',
  '【打印】', '【关闭】', '【關閉】', '【打印本页】', '【关闭窗口】', '返回顶部', '返回頂部', '上一篇', '下一篇',
  '相关报道', '相關報道', '相关新闻', '相關新聞', '相关阅读', '相關閱讀', '延伸阅读', '延伸閱讀',
];

/** The controls at the foot of a page: what follows them to the end of the document is page residue too. */
const END_CONTROLS = new Set(['打印本页', '打印本頁', '关闭窗口', '關閉窗口', '【关闭窗口】', '返回顶部', '返回頂部', '扫一扫在手机打开当前页']);
/** Lines after the foot controls that are still taken for residue (a page title and its description). */
const MAX_AFTER_CONTROLS = 6;
/** Trailing lines of ASCII words after the text: template residue such as Wikisource's "Public domain" / "false". */
const ASCII_RESIDUE = /^[A-Za-z][A-Za-z .-]{0,39}$/;

const WEAK_WORDS = new Set([
  '下载', '下載', '打印', '全屏', '收藏', '分享', '分享：', '分享:', '加大', '还原', '還原', '减小', '減小', '放大', '缩小', '縮小',
  '大', '中', '小', '【', '】', '首页', '首頁', '>', '»', '>>', '字号', '字號', '关闭', '關閉', '默认', '默認',
]);

const LABEL = /^(来源|來源|时间|時間|作者|编辑|編輯|责任编辑|責任編輯|稿源|出处|出處|发布|發布|發佈)\s*[：:]/;
/** Stands for any line too long to be chrome. */
const LONG = '。'.repeat(121);
const HASH_ID = /^[0-9a-f]{24,40}[：:]?$/;
const DATE_TIME = /^(\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?)\s*(\d{1,2}[:时時]\d{1,2}(分|[:]\d{1,2})?)$/;

/** What `classify` says of a line (a byte per line). */
const enum Kind { None, Weak, Strong, Label }

/** First characters of everything `classify` can recognise: most lines are rejected by this one lookup. */
const FIRST = new Uint8Array(0x10000);
/** The strong prefixes by their first character. */
const STRONG_BY_FIRST = new Map<number, string[]>();
for (const p of STRONG_PREFIXES) {
  const c = p.charCodeAt(0);
  const group = STRONG_BY_FIRST.get(c);
  if (group === undefined) STRONG_BY_FIRST.set(c, [p]);
  else group.push(p);
}
/** First characters of the weak words (a line of words is weak only when its first word is one). */
const WEAK_FIRST = new Uint8Array(0x10000);
for (const w of WEAK_WORDS) WEAK_FIRST[w.charCodeAt(0)] = 1;
/** First characters of the labels LABEL matches. */
const LABEL_FIRST = new Uint8Array(0x10000);
for (const ch of '来來时時作编編责責稿出发發') LABEL_FIRST[ch.charCodeAt(0)] = 1;
for (const s of [...STRONG_PREFIXES, ...WEAK_WORDS]) FIRST[s.charCodeAt(0)] = 1;
for (const ch of '来來时時作编編责責稿出发發0123456789abcdef') FIRST[ch.charCodeAt(0)] = 1;

function isHexDigit(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x61 && c <= 0x66);
}

function classify(line: string): Kind {
  if (line.length === 0) return Kind.None;
  const c = line.charCodeAt(0);
  if (FIRST[c] !== 1) return line.length <= 40 && (line.includes('责任编辑') || line.includes('責任編輯')) ? Kind.Strong : Kind.None;
  if (line.startsWith('<!--')) return Kind.None;
  // (each test below can match only lines that start with one of its first characters)
  const strong = STRONG_BY_FIRST.get(c);
  if (strong !== undefined) for (const p of strong) if (line.startsWith(p)) return Kind.Strong;
  if (line.length <= 40 && (line.includes('责任编辑') || line.includes('責任編輯'))) return Kind.Strong;
  if (isHexDigit(c) && HASH_ID.test(line)) return Kind.Strong;
  if (WEAK_WORDS.has(line)) return Kind.Weak;
  if (WEAK_FIRST[c] === 1 && line.length <= 24 && /\s/.test(line)) {
    const words = line.split(/\s+/);
    if (words.length > 1 && words.every((w) => WEAK_WORDS.has(w))) return words.length >= 3 ? Kind.Strong : Kind.Weak;
  }
  if (LABEL_FIRST[c] === 1 && line.length <= 40 && LABEL.test(line)) return Kind.Label;
  if (c >= 0x30 && c <= 0x39 && DATE_TIME.test(line)) return Kind.Weak;
  return Kind.None;
}

/** True when [start, end) holds 责 or 責 (a line that does not start like chrome is chrome only with 责任编辑 in it). */
function hasEditorChar(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x8d23 || c === 0x8cac) return true;
  }
  return false;
}

/** The first line of the body: a heading other than the title, a salutation (各位代表：) or a paragraph. */
function bodyStart(ctx: CheckContext, lineText: (l: number) => string): number {
  const firstHeading = ctx.model.headings.find((h) => h.kind !== 'title');
  const limit = Math.min(ctx.lineCount, firstHeading === undefined ? ctx.lineCount : firstHeading.line, 60);
  for (let l = 0; l < limit; l++) {
    const s = lineText(l);
    if (s.length > 50 || /[。；]$/.test(s) || (/[：:]$/.test(s) && s.length <= 12 && !LABEL.test(s) && classify(s) === Kind.None)) return l;
  }
  return limit;
}

const TITLE = kindCode('title');

export function checkPageChrome(ctx: CheckContext, out: Finding[]): void {
  const glossed = ctx.model.damage.some((d) => d.kind === 'pinyinGloss');
  const n = ctx.lineCount;
  const text = ctx.text;
  // each line's text is made only where a rule reads it (most lines are told apart by their first character and
  // length): `lens` holds the lengths; a glossed text (its lines stripped of glosses) keeps the strings
  const lens = new Int32Array(n);
  const glossedLines: string[] | undefined = glossed ? new Array<string>(n) : undefined;
  const kinds = new Uint8Array(n);
  const headingLine = new Uint8Array(n);
  const table = ctx.table;
  for (let i = 0; i < table.count; i++) if (table.kind[i] !== TITLE) headingLine[table.line[i]!] = 1;
  /** The line as the rules read it: LONG for a heading and a line too long to be chrome. */
  let made: Array<string | undefined> | undefined;
  const lineText = (l: number): string => {
    if (glossedLines !== undefined) return glossedLines[l]!;
    if (lens[l] === LONG.length) return LONG; // (every other line is at most 120 long)
    if (lens[l] === 0) return '';
    // (made once: the rules below read a line and its neighbours again as chrome spreads)
    made ??= new Array<string | undefined>(n);
    return (made[l] ??= text.slice(ctx.contentStart(l), ctx.contentEnd(l)));
  };
  let any = false;
  for (let l = 0; l < n; l++) {
    // a heading is never chrome (and is not blank); chrome lines are short: long lines are only told apart from
    // blank ones (and end the head of the document)
    if (headingLine[l] === 1 || ctx.nextLineStart(l) - ctx.lineStart(l) > 240) {
      lens[l] = LONG.length;
      if (glossedLines !== undefined) glossedLines[l] = LONG;
      continue;
    }
    const start = ctx.contentStart(l);
    const end = ctx.contentEnd(l);
    if (end - start > 120) {
      lens[l] = LONG.length;
      if (glossedLines !== undefined) glossedLines[l] = LONG;
      continue;
    }
    let k: Kind;
    if (glossedLines !== undefined) {
      const s = stripGlosses(text.slice(start, end));
      glossedLines[l] = s;
      lens[l] = s.length;
      k = s.length > 80 ? Kind.None : classify(s);
    } else {
      // (a line of blanks has its content start past its content end)
      lens[l] = end > start ? end - start : 0;
      // (what classify says of a line that does not start like chrome, without making its string)
      if (end <= start || end - start > 80 || (FIRST[text.charCodeAt(start)] !== 1 && (end - start > 40 || !hasEditorChar(text, start, end)))) k = Kind.None;
      else k = classify(text.slice(start, end));
    }
    kinds[l] = k;
    if (k !== Kind.None) any = true;
  }
  // trailing ASCII residue: the last non-blank lines, back to the first that is not such a line
  for (let l = n - 1; l >= 0; l--) {
    if (lens[l] === 0) continue;
    if (headingLine[l] === 1 || !ASCII_RESIDUE.test(lineText(l))) break;
    kinds[l] = Kind.Strong;
    any = true;
  }
  if (!any) return;
  const head = bodyStart(ctx, lineText);
  const chrome = new Uint8Array(n);
  // the nearest non-blank line before and after each line (-1: none)
  const prevOf = new Int32Array(n);
  const nextOf = new Int32Array(n);
  for (let l = 0, last = -1; l < n; l++) {
    prevOf[l] = last;
    if (lens[l]! > 0) last = l;
  }
  for (let l = n - 1, last = -1; l >= 0; l--) {
    nextOf[l] = last;
    if (lens[l]! > 0) last = l;
  }
  const isLabelOnly = (l: number): boolean => l >= 0 && chrome[l] === 1 && LABEL.test(lineText(l)) && /[：:]$/.test(lineText(l));
  const isCrumbSeparator = (l: number): boolean => l >= 0 && kinds[l] === Kind.Weak && /^(>|»|>>)$/.test(lineText(l));
  for (let l = 0; l < n; l++) {
    const k = kinds[l]!;
    if ((k === Kind.Strong || (l < head && k !== Kind.None)) && headingLine[l] !== 1) chrome[l] = 1;
  }
  // Propagate to neighbours: weak words and labels next to chrome, the value after a label, breadcrumb items
  // between ">" lines, link titles after their hash ids. Every condition only grows with `chrome`, so the result is
  // the same in any order: each line is visited once, and again only when a neighbour has just become chrome
  // (linear time; a sweep repeated until nothing changes was quadratic on a long run of weak lines).
  const pending: number[] = [];
  const visit = (l: number): void => {
    if (l < 0 || chrome[l] === 1 || lens[l] === 0 || headingLine[l] === 1) return;
    const p = prevOf[l]!;
    const q = nextOf[l]!;
    const k = kinds[l]!;
    // a plain line becomes chrome only next to a chrome line, a label, a ">" or a hash id (which all have a kind):
    // nothing to read here otherwise
    if (k === Kind.None && !(p >= 0 && (chrome[p] === 1 || kinds[p] !== Kind.None)) && !(q >= 0 && kinds[q] !== Kind.None)) return;
    const s = lineText(l);
    const nearChrome = (p >= 0 && chrome[p] === 1) || (q >= 0 && chrome[q] === 1);
    const short = s.length <= 20 && !/[。，；,;]/.test(s);
    const crumb = s.length <= 12 && short && (isCrumbSeparator(p) || isCrumbSeparator(q)) && l < Math.max(head, 30);
    const value = short && isLabelOnly(p);
    const linkTitle = p >= 0 && kinds[p] === Kind.Strong && HASH_ID.test(lineText(p)) && s.length <= 80;
    if ((k !== Kind.None && nearChrome) || value || crumb || linkTitle) {
      chrome[l] = 1;
      pending.push(q, p);
    }
  }
  for (let l = 0; l < n; l++) {
    visit(l);
    while (pending.length > 0) visit(pending.pop()!);
  }
  // what follows the foot controls (打印本页, 关闭窗口) to the end of the document, if it is only a few lines
  let foot = -1;
  for (let l = n - 1; l >= 0 && headingLine[l] !== 1; l--) {
    if (chrome[l] === 1 && END_CONTROLS.has(lineText(l))) {
      foot = l;
      break;
    }
  }
  if (foot >= 0) {
    const after: number[] = [];
    for (let l = foot + 1; l < n; l++) if (lens[l]! > 0 && chrome[l] !== 1) after.push(l);
    if (after.length <= MAX_AFTER_CONTROLS) for (const l of after) chrome[l] = 1;
  }
  for (let l = 0; l < n; l++) {
    if (chrome[l] !== 1) continue;
    const start = ctx.lineStart(l);
    let end = ctx.nextLineStart(l);
    // take the blank lines after it too, so that removing chrome leaves no holes
    let k = l + 1;
    while (k < n && lens[k] === 0 && chrome[k] !== 1) {
      end = ctx.nextLineStart(k);
      k++;
    }
    if (!keeps(out, ctx.contentStart(l), ctx.contentEnd(l))) continue;
    const shown = excerpt(lineText(l), 20);
    out.push({
      code: 'page-chrome', start: ctx.contentStart(l), end: ctx.contentEnd(l),
      message: localized(`网页残留：${shown}（不是正文）。`, `Web-page chrome: ${shown} (not part of the text).`),
      fixes: [{ title: localized(`删除网页残留行：${shown}`, `Remove the page-chrome line: ${shown}`), edits: [{ start, end, newText: '' }], safe: true, preferred: true }],
    });
  }
}
