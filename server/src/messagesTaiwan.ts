/**
 * The checks' messages (core/checks: one simplified-Chinese and one English text per finding, with parts of the
 * document in them) in traditional Chinese with Taiwan usage, for a client whose display language is zh-tw or zh-hk.
 *
 * Each message shape has a hand-written Taiwan text (位元組, 字元, 還原, 代碼, 回報, 擷取, 全形/半形 …); what the message
 * quotes from the document (「…」 markers, excerpts, glosses, the text a fix inserts) is captured and kept as written —
 * a fix's title must show what it will insert. A message of a shape not in the table (a check added later) falls back
 * to a character conversion of its text outside 「」 quotes; test/unit/localization.test.ts runs every check over the
 * seed and the corpus and fails on a message the table does not know.
 *
 * The patterns are anchored and have at most three lazy groups over one short message: no catastrophic backtracking.
 */
import { converterTo } from './opencc';

type Rewrite = readonly [RegExp, (...groups: string[]) => string];

const SCRIPT: Readonly<Record<string, string>> = { 简体: '簡體', 繁体: '繁體' };
const WIDTH: Readonly<Record<string, string>> = { 全角: '全形', 半角: '半形' };
const PUNCTUATION_RULES: Readonly<Record<string, string>> = {
  中文数字后用顿号: '中文數字後用頓號',
  阿拉伯数字后用下脚点: '阿拉伯數字後用下腳點',
  括号或带圈数字后不加标点: '括號或圓圈數字後不加標點',
};

/** Shapes of the checks' messages, fix titles and related-information texts, most specific first. */
export const TAIWAN_MESSAGES: readonly Rewrite[] = [
  // damage: pinyin glosses, GBK misalignment, lost bytes, UTF-8 read as GBK
  [/^本行有 (\d+) 处拼音注音（网页抓取残留）：(.*)$/s, (n, s) => `本行有 ${n} 處拼音注音（網頁擷取殘留）：${s}`],
  [/^删除本行的 (\d+) 处拼音注音$/, (n) => `刪除本行的 ${n} 處拼音注音`],
  [/^乱码：此行是按 GBK 错位一个字节解码的，可恢复为：(.*?)(?:（其中 (\d+) 个字符的字节已丢失，保留为 �）)?$/s,
    (s, lost) => `亂碼：此行是以 GBK 錯位一個位元組解碼的，可還原為：${s}${lost ? `（其中 ${lost} 個字元的位元組已遺失，保留為 �）` : ''}`],
  [/^乱码：(.*)是按 GBK 错位一个字节解码的，应为(.*)。$/s, (a, b) => `亂碼：${a}是以 GBK 錯位一個位元組解碼的，應為${b}。`],
  [/^恢复为：(.*)$/s, (s) => `還原為：${s}`],
  [/^无法恢复的字符：(.*)（原来的字节已经丢失，需要对照原文补正）。$/s, (s) => `無法還原的字元：${s}（原本的位元組已遺失，需要對照原文補正）。`],
  [/^本行有 (\d+) 处无法恢复的字符（共 (\d+) 个），如 (.*)，需要对照原文补正。$/s,
    (n, c, s) => `本行有 ${n} 處無法還原的字元（共 ${c} 個），如 ${s}，需要對照原文補正。`],
  [/^乱码：UTF-8 文本被当作 GBK 读出（(.*)），应为：(.*)$/s, (a, b) => `亂碼：UTF-8 文字被當作 GBK 讀出（${a}），應為：${b}`],
  [/^按 UTF-8 重新解码为：(.*)$/s, (s) => `以 UTF-8 重新解碼為：${s}`],
  [/^网页残留：(.*)（不是正文）。$/s, (s) => `網頁殘留：${s}（不是正文）。`],
  [/^删除网页残留行：(.*)$/s, (s) => `刪除網頁殘留行：${s}`],
  // numbering
  [/^编号没有从(.*)开始：这一组的第一个是(.*)。$/s, (a, b) => `編號沒有從${a}開始：這一組的第一個是${b}。`],
  [/^编号重复：(.*)在第 (\d+) 行已经出现过。$/s, (m, l) => `編號重複：${m}在第 ${l} 行已經出現過。`],
  [/^第一次出现的(.*)$/s, (m) => `第一次出現的${m}`],
  [/^编号顺序颠倒：(.*)出现在(.*)之后。$/s, (a, b) => `編號順序顛倒：${a}出現在${b}之後。`],
  [/^前一个编号(.*)$/s, (m) => `前一個編號${m}`],
  [/^编号跳号：(.*)之后是(.*)，缺少(.*)。$/s, (a, b, c) => `編號跳號：${a}之後是${b}，缺少${c}。`],
  [/^重新编号这一组（(.*)，共 (\d+) 项）$/s, (r, n) => `重新編號這一組（${r}，共 ${n} 項）`],
  [/^层级倒挂：(.*)是高一级的编号，却出现在低一级的(.*)之下（公文层次依次为 一、（一） 1\. （1） ①）。$/s,
    (a, b) => `層級倒掛：${a}是高一層的編號，卻出現在低一層的${b}之下（公文層次依序為 一、（一） 1. （1） ①）。`],
  [/^上一级(.*)$/s, (m) => `上一層${m}`],
  [/^缺少上一级：(.*)直接位于(.*)之下，而本文其他地方这一级都在(.*)这一级之下。$/s,
    (a, b, c) => `缺少上一層：${a}直接位於${b}之下，而本文其他地方這一層都在${c}這一層之下。`],
  [/^缺少上一级：(.*)之上没有(.*)这一级，而本文其他地方都有。$/s, (a, b) => `缺少上一層：${a}之上沒有${b}這一層，而本文其他地方都有。`],
  [/^括号全角半角不一致：(.*)。$/s, (m) => `括號全形半形不一致：${m}。`],
  [/^同一级编号括号宽度不一致：(.*)用(全角|半角)括号，本文这一级多用(全角|半角)括号(.*)。$/s,
    (m, w, majority, example) => `同一層編號括號寬度不一致：${m}用${WIDTH[w]}括號，本文這一層多用${WIDTH[majority]}括號${example}。`],
  // punctuation after markers, the blank after 第X条
  [/^编号标点：(.*)应写作(.*)（(中文数字后用顿号|阿拉伯数字后用下脚点|括号或带圈数字后不加标点)）。$/s,
    (a, b, rule) => `編號標點：${a}應寫作${b}（${PUNCTUATION_RULES[rule]}）。`],
  [/^改为(.*)$/s, (m) => `改為${m}`],
  [/^(.*)后面直接接正文，本文其他 (\d+) 处都空一格。$/s, (m, n) => `${m}後面直接接正文，本文其他 ${n} 處都空一格。`],
  [/^在(.*)后加(全角空格|空格)$/s, (m, blank) => `在${m}後加${blank === '全角空格' ? '全形空格' : '空格'}`],
  // pairs
  [/^(.*)前面没有对应的(.*)。$/s, (a, b) => `${a}前面沒有對應的${b}。`],
  [/^(.*)没有对应的(.*)。$/s, (a, b) => `${a}沒有對應的${b}。`],
  // script mixing
  [/^(简体|繁体)文档中有(简体|繁体)字：(.*)$/s, (doc, other, s) => `${SCRIPT[doc]}文件中有${SCRIPT[other]}字：${s}`],
  [/^本行改为(简体|繁体)：(.*)$/s, (doc, s) => `本行改為${SCRIPT[doc]}：${s}`],
  // terms
  [/^简称(.*)在定义之前就已使用：它在第 (\d+) 行才定义为(.*)的简称。$/s, (t, l, f) => `簡稱${t}在定義之前就已使用：它在第 ${l} 行才定義為${f}的簡稱。`],
  [/^(.*)被再次定义，且与第 (\d+) 行的定义不同：(.*)$/s, (t, l, s) => `${t}被再次定義，且與第 ${l} 行的定義不同：${s}`],
  [/^已定义简称(.*)（第 (\d+) 行），这里又用了全称(.*)。$/s, (t, l, f) => `已定義簡稱${t}（第 ${l} 行），這裡又用了全稱${f}。`],
  [/^改用简称(.*)$/s, (t) => `改用簡稱${t}`],
  [/^第一次定义$/, () => '第一次定義'],
  [/^(「.*」)的定义$/s, (t) => `${t}的定義`],
  // table of contents
  [/^目录列出了「(.*)」，正文中没有这个标题。$/s, (t) => `目錄列出了「${t}」，正文中沒有這個標題。`],
  [/^目录中没有列出标题「(.*)」（同级的其他标题都已列出）。$/s, (t) => `目錄中沒有列出標題「${t}」（同層的其他標題都已列出）。`],
  // citations: what was written, then why it points at nothing
  [/^「(.*?)」指向不存在的内容：(.*)$/s, (w, reason) => `「${w}」指向不存在的內容：${citationReason(reason)}`],
];

/** Why a citation points at nothing (core/citationTargets.ts): the document's own words (units, labels) kept. */
const CITATION_REASONS: readonly Rewrite[] = [
  [/^「(.*?)」没有可指的内容：这里之前没有(足够的)?(.*)$/s, (w, enough, unit) => `「${w}」沒有可指的內容：這裡之前沒有${enough ? '足夠的' : ''}${unit}`],
  [/^本文件没有专栏(.*)（共 (\d+) 个专栏）$/s, (v, n) => `本文件沒有專欄${v}（共 ${n} 個專欄）`],
  [/^本文件没有(.*)（共 (\d+) 条）$/s, (l, n) => `本文件沒有${l}（共 ${n} 條）`],
  [/^本文件没有(.*)（共 (\d+) 个(.*)）$/s, (l, n, w) => `本文件沒有${l}（共 ${n} 個${w}）`],
  [/^本文件没有(.*)$/s, (l) => `本文件沒有${l}`],
  [/^(.*)没有(第.*)（只有 (\d+) (.*)）$/s, (o, u, n, name) => `${o}沒有${u}（只有 ${n} ${name}）`],
];

/** The Taiwan text of a citation's reason, or the reason converted when its shape is not in the table. */
function citationReason(zh: string): string {
  return rewrite(CITATION_REASONS, zh) ?? converterTo('tw')(zh);
}

/** The first shape of `table` that `zh` has, rewritten; undefined when it has none. */
function rewrite(table: readonly Rewrite[], zh: string): string | undefined {
  for (const [pattern, write] of table) {
    const match = pattern.exec(zh);
    if (match !== null) return write(...match.slice(1).map((g) => g ?? ''));
  }
  return undefined;
}

/** The Taiwan text of a checks message, or undefined when its shape is not in the table. */
export function taiwanFromTable(zh: string): string | undefined {
  return rewrite(TAIWAN_MESSAGES, zh);
}

/** A checks message in Taiwan Chinese: from the table, else converted character by character outside 「」 quotes. */
export function taiwanMessage(zh: string): string {
  const known = taiwanFromTable(zh);
  if (known !== undefined) return known;
  const convert = converterTo('tw');
  let out = '';
  let p = 0;
  while (p < zh.length) {
    const open = zh.indexOf('「', p);
    const close = open < 0 ? -1 : zh.indexOf('」', open + 1);
    if (open < 0 || close < 0) {
      out += convert(zh.slice(p));
      break;
    }
    out += convert(zh.slice(p, open)) + zh.slice(open, close + 1);
    p = close + 1;
  }
  return out;
}
