#!/usr/bin/env node
// @ts-check
// Adversarial inputs (see bench/README.md, "Adversarial inputs"): each pattern is a text that once made a part of the
// analysis slower than linear (or is built to try), generated at 100 KB, 1 MB and 4 MB (UTF-8 bytes). For each size the
// bench times what the server does for a document the first time it is asked about it — analyze (with the GBK codec),
// indexTerms, the checks with the default rules and the default cap on diagnostics (citation-missing among them: every
// citation indexed and resolved) and the word count (document and per-line totals) — and prints the time per MB and
// the growth exponent log(t4MB / t1MB) / log 4 (1 for linear time, 2 for quadratic).
//
//   node bench/adversarial.mjs                          all patterns, 100k,1m,4m
//   node bench/adversarial.mjs --only=chrome-weak-tail,quote-run --sizes=100k,1m
//   node bench/adversarial.mjs --budget=20              a size taking more than 20 s stops that pattern's larger sizes
//   node bench/adversarial.mjs --features               the editor's next requests instead: semantic tokens, outline,
//                                                       folding, term list, on a model and term index already built
//   node bench/adversarial.mjs --against=../main        another build (a checkout with its out/ built) in the same
//                                                       process, its samples alternating with this one's: both rows
//                                                       and the ratio this ÷ that per size
//
// It asserts nothing about time (the exit code is non-zero only when it cannot run); the marks compare with the
// targets: exponent ≤ 1.15 from 1 MB to 4 MB and ≤ 200 ms per MB. Results: bench/out/adversarial.json.

import { createRequire } from 'node:module';
import { existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { toChineseNumeral as cn } from './cn-numeral.mjs';
import { CLOCK, clockMs, median } from './measure.mjs';

const require = createRequire(import.meta.url);
const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = join(ROOT, 'out', 'server', 'src');

export const TARGETS = { exponent: 1.15, msPerMB: 200 };
const SIZES = { '100k': 100 * 1024, '1m': 1024 * 1024, '4m': 4 * 1024 * 1024 };

/** Distinct names of Han characters for the i-th term (三 to 五 characters, never a prefix of another). */
const HAN = '甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥金木水火土山川河海风云雷电霜雪春夏秋冬东南西北';
function name(i) {
  let s = '';
  let n = i;
  do {
    s += HAN[n % HAN.length];
    n = Math.floor(n / HAN.length);
  } while (n > 0);
  return '项' + s.padEnd(3, '〇') + '制';
}
function hex(i) {
  return (i * 2654435761 >>> 0).toString(16).padStart(8, '0').repeat(4);
}

/**
 * Each pattern: `head` once, `unit(i)` for i = 0, 1, … until the size is reached, then `tail` (or `make(bytes)`, the
 * whole text, for a pattern whose parts depend on its size). `why` says what it
 * aims at (issue 10 named the first ones; the rest came from the in-process generation described in the README).
 */
export const PATTERNS = [
  // named in issue 10
  { name: 'chrome-weak-tail', why: 'page chrome: weak chrome lines after the body, made chrome one neighbour at a time', head: '政府工作报告\n\n各位代表：\n\n正文第一段，讲工作。\n', unit: (i) => ['打印\n', '下载\n', '全屏\n', '收藏\n'][i % 4], tail: '当前位置：首页\n' },
  { name: 'chrome-hash-ids', why: 'page chrome: lines of hash-like ids, each followed by a link title', head: '政府工作报告\n\n正文第一段，讲工作。\n', unit: (i) => `${hex(i)}\n链接标题${i}\n` },
  { name: 'abbrev-distinct', why: 'terms: many different abbreviation definitions （以下简称“X”）', unit: (i) => `第${i}个专门工作机构（以下简称“${name(i)}”）负责此事。\n` },
  { name: 'abbrev-same', why: 'terms: the same abbreviation defined again and again', unit: () => '国家发展和改革委员会（以下简称“发改委”）负责。\n' },
  { name: 'level-skips', why: 'numbering: a run of level skips (一、 then （1） without （一） and 1.)', unit: (i) => `${cn(i + 1)}、标题\n（1）内容。\n` },
  { name: 'semicolon-list', why: 'analyze: one long list of ；-separated items', unit: (i) => `第${i}项工作；` },
  { name: 'semicolon-lines', why: 'analyze: many lines of ；-separated items', unit: (i) => `${i % 50 === 0 ? '\n' : ''}（${cn((i % 50) + 1)}）项目${i}；` },
  { name: 'flat-cn-headings', why: 'numbering: a flat run of 一、 headings', unit: (i) => `${cn(i + 1)}、标题${i}\n` },
  { name: 'quote-run', why: 'pairs and terms: one run of opening quotation marks', unit: () => '“' },
  { name: 'quote-pairs-run', why: 'terms: one run of empty quotation pairs', unit: () => '“”' },
  { name: 'paren-flood', why: 'diagnostics: 4 MB of （ is 1.4 million findings', unit: () => '（' },
  // the same classes with one-byte and mixed marks (4 MB of a one-byte mark is four million of them)
  { name: 'ascii-quote-run', why: 'pairs and terms: one run of ASCII double quotes (4.2 million marks at 4 MB)', unit: () => '"' },
  { name: 'quote-mixed-run', why: 'pairs and terms: a run of every kind of opening and closing quotation mark in turn (“ ” ‘ ’ 「 」 『 』 " \')', unit: (i) => '“”‘’「」『』"\''[i % 10] },
  { name: 'ascii-paren-flood', why: 'diagnostics: 4 MB of ( (4.2 million unmatched brackets)', unit: () => '(' },
  { name: 'close-paren-flood', why: 'diagnostics: 4 MB of ） with nothing opened', unit: () => '）' },
  { name: 'title-mark-run', why: 'pairs and citations: one run of 《 never closed', unit: () => '《' },
  // found by generation
  { name: 'gloss-line', why: 'damage: one line of pinyin glosses', unit: () => '發(fā)布' },
  { name: 'gloss-lines', why: 'damage: glossed lines', unit: () => '網(wǎng)上沙龍發(fā)布會。\n' },
  { name: 'term-uses', why: 'terms: one defined term used very often', head: '“数字经济”是指以数据为关键要素的经济形态。\n', unit: () => '发展数字经济。' },
  { name: 'quoted-distinct', why: 'terms: many different quoted terms', unit: (i) => `“${name(i)}”，` },
  { name: 'titles-distinct', why: 'terms: many different 《titles》', unit: (i) => `《${name(i)}条例》` },
  { name: 'so-called', why: 'terms: 本法所称X，是指… repeated with different X', unit: (i) => `本法所称${name(i)}，是指某一类事物。\n` },
  { name: 'namely-defs', why: 'terms: many X，即Y。 definitions (quadratic in the term index before)', unit: (i) => `甲${i}，即乙${i}。` },
  { name: 'colon-defs', why: 'terms: many “X”：… glossary-like definitions', unit: (i) => `“词${i}”：是某物。\n` },
  { name: 'abbrev-open-run', why: 'terms: a run of unclosed （以下简称“', unit: () => '（以下简称“' },
  { name: 'abbrev-unopened', why: 'terms: 机构”（以下简称X） with no opening quote anywhere before', unit: (i) => `机构${i}”（以下简称甲${i}）。` },
  { name: 'so-called-unclosed', why: 'terms: 本法所称X（ with no closing bracket after', unit: (i) => `本法所称甲${i}（乙，` },
  { name: 'gloss-in-marker', why: 'numbering: headings whose marker carries a gloss (第二節(à))', unit: (i) => `第${'一二三四五六七八九'[i % 9]}節(à) 标题\n` },
  { name: 'chrome-labels', why: 'page chrome: label lines and their values', head: '标题\n', unit: () => '来源：\n新华社\n' },
  { name: 'misparent', why: 'numbering: children without their usual parent level', unit: (i) => `${'一二三四五六七八九'[i % 9]}、甲\n（1）乙\n1.丙\n` },
  { name: 'deep-nesting', why: 'analyze: every level, nested, again and again', unit: () => '一、甲\n（一）乙\n1.丙\n（1）丁\n①戊\n' },
  { name: 'mingci', why: 'terms: a 名词解释 glossary with many entries', head: '名词解释\n', unit: (i) => `${i + 1}.“词${i}”：解释。\n` },
  { name: 'glossary', why: 'terms: a 下列用语的含义 list with many entries', head: '下列用语的含义：\n', unit: (i) => `（${cn(i + 1)}）${name(i)}，是指某一类事物。\n` },
  { name: 'articles', why: 'numbering: a flat run of 第X条', unit: (i) => `第${cn(i + 1)}条 本条内容。\n` },
  { name: 'duplicate-headings', why: 'numbering: the same heading number again and again', unit: () => '一、标题\n' },
  { name: 'num-headings', why: 'numbering: a flat run of 1. headings', unit: (i) => `${i + 1}. 内容\n` },
  { name: 'markdown-headings', why: 'analyze: Markdown # headings', unit: (i) => `${'#'.repeat((i % 6) + 1)} 标题${i}\n` },
  { name: 'blank-lines', why: 'every rule: nothing but line ends', unit: () => '\n' },
  { name: 'cr-lines', why: 'line arithmetic: lone CR line ends', unit: (i) => `${cn((i % 9) + 1)}、标题\r正文。\r` },
  { name: 'one-long-line', why: 'every rule: one line of plain text, no line end', unit: () => '我们要继续推进改革开放，' },
  { name: 'gbk-misaligned', why: 'damage: lines of GBK decoded one byte late', unit: () => ' ?。ㄈ┳ァ瓣P鍵少數(shù)”\n' },
  { name: 'gbk-midline', why: 'damage: GBK misaligned runs inside glossed body lines', unit: (i) => (i % 2 === 0 ? '發(fā)布会上讲理性?！对趯W習，' : '網(wǎng)上沙龍?。ㄈ┳ァ瓣P鍵少數(shù)”正文。\n') },
  { name: 'question-marks', why: 'damage: one long glossed line with a “?” between Chinese characters every few characters', head: '發(fā)布\n', unit: () => '理?学习工作' },
  { name: 'mojibake', why: 'damage: UTF-8 read as GBK', unit: () => '鍙戝竷' },
  { name: 'replacement-chars', why: 'damage: U+FFFD', unit: () => '\uFFFD' },
  { name: 'lone-surrogates', why: 'every rule: lone surrogates', unit: () => '\uD800' },
  { name: 'bracket-soup', why: 'pairs: mixed unmatched brackets and quotes', unit: (i) => '（“《「【〔『'[i % 7] },
  // added with the citation index, the 目录 detector, speech sub-headings and the word count
  { name: 'one-han-char', why: 'every rule: one Han character repeated, no line end', unit: () => '国' },
  { name: 'articles-cited', why: 'citations: every article cites an earlier one, a paragraph and 前款', unit: (i) => `第${cn(i + 1)}条 依照第${cn(Math.max(1, i))}条第二款和前款的规定。\n` },
  { name: 'citation-chains', why: 'citations: long chains of 第X条、第Y条至第Z条 in one paragraph', head: '第一条 总则。\n', unit: (i) => `第${cn((i % 300) + 1)}条第${cn((i % 5) + 1)}款、` },
  { name: 'laws-cited', why: 'citations: many different documents cited by 《》 and article', unit: (i) => `依照《${name(i)}法》第${cn((i % 50) + 1)}条第${cn((i % 5) + 1)}款和该法第二条的规定，` },
  { name: 'laws-unbracketed', why: 'citations: a law named without 《》 (和刑法第二条) after many different laws named in 《》 (it was compared with every one of them)', unit: (i) => `依照《${name(i)}法》第一条和刑法第二条，` },
  { name: 'bare-after-laws', why: 'citations: a bare 第九项 after a sentence of citations of other laws (its sentence was searched from every one of them)', head: '第一条 总则：', unit: (i) => `依照《${name(i)}法》第一条、`, tail: '，第九项。\n第二条 其他。\n' },
  { name: 'chapters-cited', why: 'citations: every chapter cites itself and 前章 (each was searched for in the list of all chapters)', unit: (i) => `第${cn(i + 1)}章 标题${i}\n第${cn(i + 1)}条 依照第${cn(i + 1)}章和前章的规定。\n` },
  { name: 'sections-cited', why: 'citations: every section cites itself and 前节 (each was searched for in the list of all sections)', unit: (i) => `第${cn(i + 1)}节 标题${i}\n第${cn(i + 1)}条 依照第${cn(i + 1)}节和前节的规定。\n` },
  { name: 'paren-then-cite', why: 'citations: ）第X条 with no （ anywhere before (the short form\'s parenthesis was searched for back to the start)', unit: (i) => `规定）第${cn((i % 9) + 1)}条，` },
  { name: 'quote-then-cite', why: 'citations: ”第X条 with no “ anywhere before (the quoted name was searched for back to the start)', unit: (i) => `规定”第${cn((i % 9) + 1)}条，` },
  { name: 'relative-refs', why: 'citations: 前款 / 前两款 / 本条 / 同条 on every line of one long article', head: '第一条 总则。\n', unit: () => '前款规定的情形，依照前两款和本条、同条第二项处理。\n' },
  { name: 'toc-lines', why: 'table of contents: every line a 目录 entry with its page number', head: '目录\n', unit: (i) => `第${cn(i + 1)}章 标题${i}……………………${i + 1}\n` },
  { name: 'toc-then-body', why: 'table of contents: a long 目录 whose entries all link to headings', head: '目录\n', unit: (i) => (i % 2 === 0 ? `${cn((i >> 1) + 1)}、标题${i >> 1}\t${i}\n` : `${cn((i >> 1) + 1)}、标题${i >> 1}\n正文。\n`) },
  { name: 'short-lines', why: 'speech sub-headings: many short stand-alone lines between paragraphs', head: '各位代表：\n', unit: (i) => (i % 2 === 0 ? `坚持改革开放${i}\n` : '我们要继续推进改革，加快发展，保障和改善民生。\n') },
  { name: 'crlf-lines', why: 'line arithmetic: CRLF line ends everywhere', unit: (i) => `${cn((i % 9) + 1)}、标题\r\n正文，第${cn((i % 9) + 1)}条。\r\n` },
  { name: 'numbered-law-lines', why: 'numbering: 第X条 lines with growing numbers and no body', unit: (i) => `第${cn(i + 1)}条\n` },
  { name: 'footnotes', why: 'pairs and terms: many footnote markers ［1］', unit: (i) => `正文内容［${i + 1}］，继续。` },
  { name: 'titles-unclosed', why: 'pairs and citations: many 《 never closed', unit: (i) => `《${name(i)}，` },
  { name: 'bracket-nest', why: 'pairs: deep nesting of brackets, closed', unit: () => '（（（（（（（（〔〔【【《《“甲”》》】】〕〕））））））））' },
  { name: 'mixed-scripts', why: 'script and terms: simplified and traditional alternating', unit: (i) => (i % 2 === 0 ? '国家发展改革委员会，' : '國家發展改革委員會，') },
  { name: 'latin-words', why: 'word count: Latin words, digits and Han mixed', unit: (i) => `word${i} 123.45 abc-def 汉字 ` },
  // added for the heading and numbering classes of issue 10's outside checker (the parser's nesting, the checks' passes
  // over every heading, the table of contents)
  { name: 'families-mixed', why: 'nesting: every marker family in turn, numbers growing (list, formal, stem, law, Roman, decimal, appendix, #)', unit: (i) => FAMILIES[i % FAMILIES.length](Math.floor(i / FAMILIES.length) + 1) },
  { name: 'reverse-nesting', why: 'nesting: the levels in reverse order (① then （1） … 一、), each kind opening under the one before and closing back: a level skip per heading', unit: () => '①甲\n（1）乙\n1.丙\n（一）丁\n一、戊\n' },
  { name: 'level-seesaw', why: 'nesting: the top level and the lowest alternating (一、 ① 二、 ② …), each top heading closing the deep one', unit: (i) => (i % 2 === 0 ? `${cn((i >> 1) % 99 + 1)}、甲\n` : `${'①②③④⑤⑥⑦⑧⑨⑩'[(i >> 1) % 10]}乙\n`) },
  { name: 'long-heading-lines', why: 'headings: 一、 lines of 6,000 characters with no sentence end (their titles and names are the whole line)', unit: (i) => `${cn((i % 99) + 1)}、${'标题内容很长'.repeat(1000)}\n` },
  { name: 'glossed-markers', why: 'numbering: markers with a pinyin gloss inside ((五(wǔ)) 第二節(jié) 三(sān)、) in a glossed text', unit: (i) => [`（${cn((i % 9) + 1)}(wǔ)）标题\n`, `第${cn((i % 9) + 1)}節(jié) 标题\n`, `${cn((i % 9) + 1)}(sān)、标题\n`][i % 3] },
  { name: 'appendix-run', why: 'headings: thousands of 附件N and 附表N, each with a line of text', unit: (i) => (i % 2 === 0 ? `附件${(i >> 1) + 1}\n说明文字。\n` : `附表${(i >> 1) + 1}\n表格内容。\n`) },
  { name: 'toc-page-numbers', why: 'table of contents: one 目录 whose entries end in dot leaders and page numbers thousands of digits long', head: '目录\n', unit: (i) => `第${cn(i + 1)}章 标题${i}${'…'.repeat(200)}${'9'.repeat(2000)}\n` },
  { name: 'toc-mismatch', why: 'table of contents: a 目录 as long as the body, every other entry naming a heading the body calls otherwise', make: (bytes) => tocMismatch(bytes) },
  { name: 'numbering-slips', why: 'numbering: a number skipped every other line (1. 2. 4. 5. 7. …): a gap per two headings', unit: (i) => `${i + 1 + (i >> 1)}. 标题\n` },
  { name: 'cn-slips', why: 'numbering: 一、 headings with a number repeated or skipped every other line', unit: (i) => `${cn(((i >> 1) * 3 + (i % 2 === 0 ? 1 : 1 + ((i >> 1) % 2) * 2)) % 9999 + 1)}、标题\n` },
  { name: 'marker-only-lines', why: 'headings: lines holding a marker and nothing else (一、 （一） 1. ① 第一条 附件 第一部分)', unit: (i) => `${cn((i % 99) + 1)}、\n（${cn((i % 20) + 1)}）\n${(i % 50) + 1}.\n①\n第${cn(i + 1)}条\n附件\n第${cn((i % 9) + 1)}部分\n` },
  { name: 'marker-line', why: 'every rule: one line of markers, no line end (一、（一）1.（1）① again and again)', unit: () => '一、（一）1.（1）①' },
  { name: 'cr-dense-headings', why: 'line arithmetic: every level nested, lines ended by a lone CR', unit: () => '一、甲\r（一）乙\r1.丙\r（1）丁\r①戊\r' },
  { name: 'law-structure', why: 'nesting: 编 章 节 条 dense, numbers growing through the law', unit: (i) => `第${cn((i % 9) + 1)}编 总则\n第${cn((i % 30) + 1)}章 一般规定\n第${cn((i % 5) + 1)}节 通则\n第${cn(i + 1)}条 内容。\n` },
  { name: 'attachment-notes', why: 'headings: many 附件： notes listing 1. 2. above a date (each note was spliced out of the list of candidates: quadratic)', unit: (i) => `附件：\n1. 文件${i}\n${i % 3 === 0 ? '2. 名单\n' : ''}${i % 2 === 0 ? '某某办公室\n' : ''}2024年1月${(i % 28) + 1}日\n` },
  { name: 'decimal-deep', why: 'nesting: decimal sections four deep (3.1.2.4), numbers growing', unit: (i) => `${(i >> 6) + 1}.${((i >> 4) & 3) + 1}.${((i >> 2) & 3) + 1}.${(i & 3) + 1} 标题内容\n` },
];

/** One heading of each family by turn (families-mixed), with number n. */
const FAMILIES = [
  (n) => `${cn(n)}、甲\n`, (n) => `（${cn(n)}）乙\n`, (n) => `${n}. 丙\n`, (n) => `（${n}）丁\n`, (n) => `${'①②③④⑤⑥⑦⑧⑨⑩'[(n - 1) % 10]}戊\n`,
  (n) => `${['壹', '贰', '叁', '肆', '伍', '陆', '柒', '捌', '玖'][(n - 1) % 9]}、己\n`, (n) => `${'甲乙丙丁戊己庚辛壬癸'[(n - 1) % 10]}、庚\n`, (n) => `第${cn(n)}章 辛\n`,
  (n) => `第${cn(n)}节 壬\n`, (n) => `第${cn(n)}条 癸。\n`, (n) => `${['I', 'II', 'III', 'IV', 'V'][(n - 1) % 5]}. Title\n`, (n) => `${n}.1 子\n`, (n) => `附件${n}\n`, (n) => `## 丑${n}\n`,
];

/** toc-mismatch: a 目录 listing half the bytes' worth of 一、 headings, then the body, every other heading renamed. */
function tocMismatch(bytes) {
  const toc = ['目录\n'];
  const body = [];
  let size = Buffer.byteLength(toc[0]);
  for (let i = 0; size < bytes; i++) {
    const entry = `${cn(i + 1)}、标题${i}……${i + 1}\n`;
    const heading = `${cn(i + 1)}、${i % 2 === 0 ? '标题' : '别名'}${i}\n正文。\n`;
    toc.push(entry);
    body.push(heading);
    size += Buffer.byteLength(entry) + Buffer.byteLength(heading);
  }
  return toc.join('') + body.join('');
}

/** The text of `pattern` at about `bytes` UTF-8 bytes. */
export function buildPattern(pattern, bytes) {
  if (pattern.make !== undefined) return pattern.make(bytes);
  const parts = [pattern.head ?? ''];
  let size = Buffer.byteLength(parts[0]);
  const tail = pattern.tail ?? '';
  const tailBytes = Buffer.byteLength(tail);
  for (let i = 0; size + tailBytes < bytes; i++) {
    const u = pattern.unit(i);
    parts.push(u);
    size += Buffer.byteLength(u);
  }
  parts.push(tail);
  return parts.join('');
}

function load(out = OUT) {
  const OUT = out;
  const files = { core: join(OUT, 'core', 'index.js'), checks: join(OUT, 'core', 'checks', 'index.js'), codec: join(OUT, 'node', 'codec.js'), opencc: join(OUT, 'opencc.js') };
  for (const f of Object.values(files)) if (!existsSync(f)) throw new Error(`${f} is missing: run npm run build first`);
  const core = require(files.core);
  const checks = require(files.checks);
  const { gbkCodec } = require(files.codec);
  const { openccConverter } = require(files.opencc);
  const enabled = (code) => checks.ruleInfo(code).defaultSeverity !== 'off';
  /** What the server does on the first pull of a version: the model, the terms, the capped checks. */
  return (text) => {
    const model = core.analyze(text, { codec: gbkCodec });
    const terms = core.indexTerms(text, model, { converter: openccConverter });
    // a build from before the cap (bench an older commit for comparison): every finding, as that server did
    if (checks.runChecksCapped === undefined) return checks.runChecks(text, model, { enabled, codec: gbkCodec, terms }).length;
    const found = checks.runChecksCapped(text, model, { enabled, codec: gbkCodec, terms }, 1000);
    // the status bar's 字数 and the outline's section sizes (per-line totals), as the server counts once per version
    let words = 0;
    if (core.WordCounter !== undefined) {
      const counter = new core.WordCounter(text, model);
      words = counter.document().cjk + counter.sectionWords(0);
    }
    return found.findings.length + found.omitted + words;
  };
}

/**
 * --features: what the editor asks for next, on a model and a term index already built (the workspace keeps them per
 * version): semantic tokens (full), the outline (documentSymbol), folding ranges and the Report Terms list.
 */
function loadFeatures() {
  const core = require(join(OUT, 'core', 'index.js'));
  const { gbkCodec } = require(join(OUT, 'node', 'codec.js'));
  const { openccConverter } = require(join(OUT, 'opencc.js'));
  const feature = (name) => require(join(OUT, 'features', `${name}.js`));
  const { provideSemanticTokens } = feature('semanticTokens');
  const { provideDocumentSymbols } = feature('documentSymbols');
  const { provideFoldingRanges } = feature('folding');
  const { provideTermList } = feature('termList');
  const { TextDocument } = require(join(ROOT, 'node_modules', 'vscode-languageserver-textdocument'));
  const token = { isCancellationRequested: false, onCancellationRequested: () => ({ dispose() {} }) };
  const built = new Map();
  return (text) => {
    let doc = built.get(text);
    if (doc === undefined) {
      const document = TextDocument.create('file:///bench/adversarial.txt', 'zh-report', 1, text);
      const model = core.analyze(text, { codec: gbkCodec });
      doc = { document, model, terms: core.indexTerms(text, model, { converter: openccConverter }) };
      built.set(text, doc);
      document.positionAt(0); // the line table, built once per version in the server too
    }
    const uri = { textDocument: { uri: doc.document.uri } };
    return (
      provideSemanticTokens(doc, uri, token).data.length +
      provideDocumentSymbols(doc, uri, token).length +
      provideFoldingRanges(doc, uri, token).length +
      provideTermList(doc, { uri: doc.document.uri }, token).length
    );
  };
}

function parseArgs(argv) {
  const opt = { sizes: ['100k', '1m', '4m'], only: undefined, budget: 30, features: false, against: undefined };
  for (const a of argv) {
    const [k, v] = a.split('=');
    if (k === '--sizes') opt.sizes = v.split(',');
    else if (k === '--only') opt.only = new Set(v.split(','));
    else if (k === '--budget') opt.budget = Number(v);
    else if (k === '--features') opt.features = true;
    else if (k === '--against') opt.against = resolve(v);
    else throw new Error(`unknown option ${a}`);
  }
  return opt;
}

/** One run, in ms on the bench's clock (wall time, or with ZH_REPORT_BENCH_CLOCK=cpu this process's CPU time). */
function timeOnce(pipeline, text) {
  const t0 = clockMs();
  pipeline(text);
  return clockMs() - t0;
}

/**
 * Samples of each size; the sizes alternate (small, large, large, small, …) so that a busy moment lands on both. With
 * `other` (--against), each sample of this build is paired with one of the other, in alternating order.
 */
function sampleSizes(pipeline, texts, runs, budgetMs, other, otherSamples) {
  const samples = texts.map(() => []);
  const over = texts.map(() => false);
  for (let r = 0; r < runs; r++) {
    const order = texts.map((_, i) => i);
    if (r % 2 === 1) order.reverse();
    for (const i of order) {
      if (over[i]) continue;
      if (other !== undefined && r % 2 === 1) otherSamples[i].push(timeOnce(other, texts[i]));
      const ms = timeOnce(pipeline, texts[i]);
      if (other !== undefined && r % 2 === 0) otherSamples[i].push(timeOnce(other, texts[i]));
      samples[i].push(ms);
      // a size over the budget is not sampled again, and the larger ones not at all
      if (ms > budgetMs) for (let j = i; j < texts.length; j++) over[j] = true;
    }
  }
  return samples;
}

const summary = (samples) => (samples.length === 0 ? undefined : { median: median(samples), min: Math.min(...samples), runs: samples.length, samples });

/** Median of the per-pair ratios large ÷ small (samples taken side by side). */
function pairedRatio(small, large) {
  const n = Math.min(small.length, large.length);
  if (n === 0) return undefined;
  const ratios = [];
  for (let r = 0; r < n; r++) ratios.push(large[r] / small[r]);
  return median(ratios);
}

const RUNS = 5;

export function runAdversarial(argv = []) {
  const opt = parseArgs(argv);
  const pipeline = opt.features ? loadFeatures() : load();
  if (opt.against !== undefined && opt.features) throw new Error('--against times the first pull only (not with --features)');
  const other = opt.against === undefined ? undefined : load(join(opt.against, 'out', 'server', 'src'));
  const budgetMs = opt.budget * 1000;
  // warm-up: every pattern once at a small size, so the rules run as optimised code
  for (const p of PATTERNS) {
    pipeline(buildPattern(p, 16 * 1024));
    other?.(buildPattern(p, 16 * 1024));
  }
  const results = [];
  const fmt = (ms) => (ms === undefined ? '–' : ms >= 100 ? ms.toFixed(0) : ms.toFixed(1));
  console.log(`adversarial patterns: ${opt.features ? 'semantic tokens + documentSymbol + folding + term list on a built model and term index' : 'analyze + indexTerms + checks (capped at 1000, citations resolved) + word count'}; median of ${RUNS} runs per size, the sizes alternating; exponent from the median of the per-pair ratios 4m ÷ 1m; clock: ${CLOCK === 'cpu' ? 'CPU time of this process' : 'wall'}`);
  console.log(['pattern'.padEnd(20), ...opt.sizes.map((s) => `${s} ms`.padStart(10)), 'ms/MB 1m'.padStart(9), 'ms/MB 4m'.padStart(9), 'exp 1m→4m'.padStart(10), ' '].join(' '));
  for (const p of PATTERNS) {
    if (opt.only !== undefined && !opt.only.has(p.name)) continue;
    const row = { name: p.name, why: p.why, sizes: {} };
    const texts = opt.sizes.map((size) => buildPattern(p, SIZES[size]));
    const otherSamples = texts.map(() => []);
    const samples = sampleSizes(pipeline, texts, RUNS, budgetMs, other, otherSamples);
    opt.sizes.forEach((size, i) => {
      const t = summary(samples[i]);
      if (t !== undefined) row.sizes[size] = { bytes: Buffer.byteLength(texts[i]), chars: texts[i].length, ...t };
    });
    const skipped = opt.sizes.some((size) => row.sizes[size] === undefined);
    const ms = (s) => row.sizes[s]?.median;
    const perMB = (s) => (ms(s) === undefined ? undefined : ms(s) / (row.sizes[s].bytes / SIZES['1m']));
    row.msPerMB1m = perMB('1m');
    row.msPerMB4m = perMB('4m');
    const i1 = opt.sizes.indexOf('1m');
    const i4 = opt.sizes.indexOf('4m');
    const ratio = i1 >= 0 && i4 >= 0 ? pairedRatio(samples[i1], samples[i4]) : undefined;
    // t4 / t1 = (bytes4 / bytes1) ^ exponent (the sizes are 4× apart to within one unit of the pattern)
    row.exponent = ratio === undefined ? undefined : Math.log(ratio) / Math.log(row.sizes['4m'].bytes / row.sizes['1m'].bytes);
    const worst = Math.max(row.msPerMB1m ?? 0, row.msPerMB4m ?? 0);
    row.met = row.exponent !== undefined && row.exponent <= TARGETS.exponent && worst <= TARGETS.msPerMB;
    results.push(row);
    const mark = row.exponent === undefined ? (skipped ? '✗ over budget' : '–') : row.met ? '✓' : '✗';
    console.log([p.name.padEnd(20), ...opt.sizes.map((s) => fmt(ms(s)).padStart(10)), fmt(row.msPerMB1m).padStart(9), fmt(row.msPerMB4m).padStart(9), (row.exponent === undefined ? '–' : row.exponent.toFixed(2)).padStart(10), mark].join(' '));
    if (other !== undefined) {
      // the other build's row, and this ÷ that by size (median of the per-pair ratios)
      const theirs = (i) => (otherSamples[i].length === 0 ? undefined : median(otherSamples[i]));
      const perMB = (i) => (theirs(i) === undefined ? undefined : theirs(i) / (Buffer.byteLength(texts[i]) / SIZES['1m']));
      const ratio = i1 >= 0 && i4 >= 0 ? pairedRatio(otherSamples[i1], otherSamples[i4]) : undefined;
      const exponent = ratio === undefined ? undefined : Math.log(ratio) / Math.log(Buffer.byteLength(texts[i4]) / Buffer.byteLength(texts[i1]));
      const thisOverThat = opt.sizes.map((_, i) => {
        const n = Math.min(samples[i].length, otherSamples[i].length);
        return n === 0 ? undefined : median(samples[i].slice(0, n).map((v, k) => v / otherSamples[i][k]));
      });
      row.against = { build: opt.against, ms: opt.sizes.map((_, i) => theirs(i)), msPerMB1m: i1 >= 0 ? perMB(i1) : undefined, msPerMB4m: i4 >= 0 ? perMB(i4) : undefined, exponent, thisOverThat };
      console.log(['  against'.padEnd(20), ...opt.sizes.map((_, i) => fmt(theirs(i)).padStart(10)), fmt(row.against.msPerMB1m).padStart(9), fmt(row.against.msPerMB4m).padStart(9), (exponent === undefined ? '–' : exponent.toFixed(2)).padStart(10), ` this ÷ that: ${thisOverThat.map((r) => (r === undefined ? '–' : r.toFixed(2))).join(' / ')}`].join(' '));
    }
  }
  const measured = results.filter((r) => r.exponent !== undefined || Object.keys(r.sizes).length > 0);
  const missed = measured.filter((r) => !r.met);
  console.log(`\ntargets: exponent ≤ ${TARGETS.exponent} (1 MB → 4 MB) and ≤ ${TARGETS.msPerMB} ms per MB: ${measured.length - missed.length} of ${measured.length} patterns met${missed.length ? `; missed: ${missed.map((r) => r.name).join(', ')}` : ''}`);
  console.log(`(load ${readLoad()}; on a shared 2-core machine the medians move by tens of percent — compare rows of one run)`);
  const outDir = join(ROOT, 'bench', 'out');
  mkdirSync(outDir, { recursive: true });
  const stamp = existsSync(join(OUT, 'core', 'index.js')) ? statSync(join(OUT, 'core', 'index.js')).mtime.toISOString() : undefined;
  writeFileSync(join(outDir, opt.features ? 'adversarial-features.json' : 'adversarial.json'), JSON.stringify({ node: process.version, built: stamp, clock: CLOCK, targets: TARGETS, results }, (k, v) => (k === 'result' ? undefined : v), 2));
  return results;
}

function readLoad() {
  try {
    return require('node:fs').readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
  } catch {
    return '?';
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  try {
    runAdversarial(process.argv.slice(2));
  } catch (error) {
    console.error(String(error?.stack ?? error));
    process.exit(1);
  }
}
