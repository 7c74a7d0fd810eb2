/**
 * The invariants every input must keep, and the generators of inputs, shared by the property tests
 * (test/unit/properties*.test.ts: small budget, fixed seeds) and the fuzzer (`npm run fuzz:core`: large budget).
 *
 * For any text: analysis, the term index, every check and fix-all never throw; every range lies inside the text with
 * start ≤ end; every fix's edits are in order, inside the text and do not overlap; fix-all applied twice equals
 * fix-all applied once; fix-all changes nothing outside the lines its findings name (and the blank lines after a
 * removed chrome line); and only page-chrome, a GBK re-decoding or a mojibake repair may change Han characters —
 * and those two repairs only where the text was damaged by bytes (see `Allow`).
 */
import { existsSync, readdirSync } from 'node:fs';
import * as path from 'node:path';
import * as iconv from 'iconv-lite';
import fc from 'fast-check';
import { analyze, indexTerms, lineIndexOf, type ReportModel, type TermIndex } from '../../server/src/core';
import { applyEdits, CHECK_CODES, fixAllEdits, fixAllRound, runChecks, SAFE_FIX_CODES, settledFixAllEdits, type Edit, type Finding } from '../../server/src/core/checks';
import { gbkCodec } from '../../server/src/node/codec';
import { scriptTable as scriptTableFromOpenCC } from './host';
import { openccConverter } from '../../server/src/opencc';
import { CORPUS_DIR, corpusFiles, readCorpus, readSeed } from './corpus';

export interface Pipeline {
  readonly model: ReportModel;
  readonly terms: TermIndex;
  readonly findings: Finding[];
}

/** Everything the server computes for a text, with every rule on (script-mixing too). */
export function pipeline(text: string): Pipeline {
  const model = analyze(text, { codec: gbkCodec });
  const terms = indexTerms(text, model, { converter: openccConverter });
  const findings = runChecks(text, model, { codec: gbkCodec, terms, script: scriptTableFromOpenCC() });
  return { model, terms, findings };
}

/** The next round of fix-all as the server runs it: the rules with safe fixes on the fixed text (see fixAllEdits). */
export function recheck(text: string): Finding[] {
  return runChecks(text, analyze(text, { codec: gbkCodec }), { codec: gbkCodec, enabled: (code) => SAFE_FIX_CODES.includes(code) });
}

/** The text after fix-all as `source.fixAll` gives it (settled: `findings` is the array runChecks returned). */
export function fixAll(text: string, findings: readonly Finding[] = pipeline(text).findings): string {
  return applyEdits(text, fixAllEdits(findings));
}

class Violation extends Error {}

function expect(ok: boolean, what: () => string): void {
  if (!ok) throw new Violation(what());
}

function inside(len: number, start: number, end: number, what: string): void {
  expect(Number.isInteger(start) && Number.isInteger(end) && 0 <= start && start <= end && end <= len, () => `${what}: [${start}, ${end}) not inside [0, ${len}]`);
}

function isHanCode(c: number): boolean {
  return (c >= 0x3400 && c <= 0x4dbf) || (c >= 0x4e00 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff) || (c >= 0xd840 && c <= 0xd87f);
}

/** The Han characters of a string (code units of CJK blocks, surrogates of plane 2 and 3 included). */
export function hanOf(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) if (isHanCode(s.charCodeAt(i))) out += s[i];
  return out;
}

/** What a text's history allows fix-all to change besides chrome lines: Han characters of byte-damaged text only. */
export interface Allow {
  /** The text holds GBK decoded one byte late (made by `shiftBytes`): gbk-misaligned may change Han characters. */
  readonly gbk?: boolean;
  /** The text holds UTF-8 read as GBK (made by `utf8AsGbk`): mojibake may change Han characters. */
  readonly mojibake?: boolean;
}

/** Checks every invariant on `text`; throws a Violation saying which. Returns the text after fix-all. */
export function checkInvariants(text: string, allow: Allow = {}): string {
  const len = text.length;
  const { model, terms, findings } = pipeline(text);
  for (const h of model.headings) {
    inside(len, h.start, h.end, `heading ${h.kind} on line ${h.line}`);
    inside(len, h.headingStart, h.headingEnd, `heading ${h.kind} on line ${h.line} (selection)`);
    expect(h.start <= h.headingStart && h.headingEnd <= h.end, () => `heading on line ${h.line}: selection [${h.headingStart}, ${h.headingEnd}) outside its section [${h.start}, ${h.end})`);
    void h.name;
  }
  for (const d of model.damage) inside(len, d.start, d.end, `damage ${d.kind}`);
  for (const t of terms.terms) {
    for (const d of t.definitions) {
      inside(len, d.start, d.end, `definition of ${t.name}`);
      inside(len, d.termStart, d.termEnd, `defined term ${t.name}`);
    }
  }
  for (let i = 0; i < terms.uses.count; i++) inside(len, terms.uses.start[i]!, terms.uses.end[i]!, 'term use');
  checkFindings(text, findings);
  // fix-all round by round: each round's edits stay inside the lines of their findings and keep Han characters
  let current = text;
  let round = findings;
  for (let r = 0; r < 6; r++) {
    const edits = fixAllRound(round);
    if (edits.length === 0) break;
    checkFixAllRound(current, round, edits, allow, r);
    current = applyEdits(current, edits);
    round = recheck(current);
  }
  const settled = fixAllEdits(findings);
  expect(JSON.stringify(settled) === JSON.stringify(settledFixAllEdits(text, findings, recheck)), () => 'fix-all does not settle the way its rounds do');
  let last = 0;
  for (const e of settled) {
    inside(len, e.start, e.end, 'settled fix-all edit');
    expect(e.start >= last, () => `settled fix-all edits overlap at ${e.start}`);
    last = e.end;
  }
  const once = applyEdits(text, settled);
  expect(once === current, () => `settled fix-all differs from its rounds: ${describeDiff(current, once)}`);
  const twice = fixAll(once);
  expect(twice === once, () => `fix-all is not idempotent: ${describeDiff(once, twice)}`);
  return once;
}

function checkFindings(text: string, findings: readonly Finding[]): void {
  const len = text.length;
  for (const f of findings) {
    expect((CHECK_CODES as readonly string[]).includes(f.code), () => `unknown code ${f.code}`);
    inside(len, f.start, f.end, `finding ${f.code}`);
    for (const r of f.related ?? []) inside(len, r.start, r.end, `related of ${f.code}`);
    expect(f.message.zh.length > 0 && f.message.en.length > 0, () => `finding ${f.code} without a message`);
    for (const fix of f.fixes) {
      let last = 0;
      for (const e of fix.edits) {
        inside(len, e.start, e.end, `edit of ${f.code}`);
        expect(e.start >= last, () => `edits of ${f.code} overlap or are out of order at ${e.start}`);
        last = e.end;
      }
    }
  }
}

function checkFixAllRound(text: string, findings: readonly Finding[], edits: readonly Edit[], allow: Allow, round: number): void {
  const len = text.length;
  const lineStarts = analyze(text).lineStarts;
  const lineSpan = (start: number, end: number): [number, number] => {
    const first = lineIndexOf(lineStarts, start);
    const last = lineIndexOf(lineStarts, Math.max(start, end - 1));
    return [lineStarts[first]!, last + 1 < lineStarts.length ? lineStarts[last + 1]! : len];
  };
  const owner = new Map<string, Finding>();
  for (const f of findings) for (const fix of f.fixes) if (fix.safe) for (const e of fix.edits) owner.set(`${e.start}:${e.end}`, f);
  let last = 0;
  const where = round === 0 ? 'fix-all' : `fix-all (round ${round + 1})`;
  for (const e of edits) {
    inside(len, e.start, e.end, `${where} edit`);
    expect(e.start >= last, () => `${where} edits overlap at ${e.start}`);
    last = e.end;
    const f = owner.get(`${e.start}:${e.end}`);
    expect(f !== undefined, () => `${where} edit [${e.start}, ${e.end}) belongs to no safe fix`);
    const [from, to] = lineSpan(f!.start, f!.end);
    // page-chrome takes the blank lines after the removed line with it
    const beyond = text.slice(Math.max(e.start, to), e.end);
    expect(e.start >= from && (e.end <= to || (f!.code === 'page-chrome' && /^\s*$/.test(beyond))), () => `${where} edit of ${f!.code} [${e.start}, ${e.end}) leaves the lines of its finding [${from}, ${to}): ${JSON.stringify(text.slice(e.start, e.end).slice(0, 80))}`);
    const old = text.slice(e.start, e.end);
    const mayChangeHan = f!.code === 'page-chrome' || (f!.code === 'gbk-misaligned' && allow.gbk === true) || (f!.code === 'mojibake' && allow.mojibake === true);
    expect(mayChangeHan || hanOf(old) === hanOf(e.newText), () => `${where} edit of ${f!.code} changes Han characters: ${JSON.stringify(old.slice(0, 80))} → ${JSON.stringify(e.newText.slice(0, 80))}`);
  }
}

/** Where two texts first differ, with context. */
export function describeDiff(a: string, b: string): string {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  let j = 0;
  while (j < a.length - i && j < b.length - i && a[a.length - 1 - j] === b[b.length - 1 - j]) j++;
  const from = Math.max(0, i - 20);
  return `at ${i}: ${JSON.stringify(a.slice(from, a.length - j + 10))} → ${JSON.stringify(b.slice(from, b.length - j + 10))}`;
}

// ---------------------------------------------------------------------------------------------------------------
// Generators

/** Pieces of report text and of its damage: random text made of these reaches the rules' corners. */
const PIECES = [
  '一', '二', '三', '四', '十', '百', '千', '万', '零', '、', '，', '。', '；', '：', '.', '．', '（', '）', '(', ')', '“', '”', '《', '》', '「', '」',
  '第', '条', '條', '章', '节', '编', '篇', '之一', '-1', ' ', '\u3000', '\t', '\n', '\n', '\n', '\r', '\r\n', '1', '2', '3', '１', '①', '㈠', '⑴', '⒈',
  '#', '## ', '**', '?', '?!', '!', '\uFFFD', '锟斤拷', '烫烫', 'ā', 'fā', '(fā)', '(lián)', '(ǒ)', '(ú)', '(à)', '当前位置：', '首页', '>', '打印本页',
  '【字号：大 中 小】', '责任编辑：', '来源：', '发布时间：2024-01-01', '下载', '打印', '以下简称', '是指', '本法所称', '“十四五”', '附件', '名词解释',
  '各位代表：', '推进', '改革', '關', '統', '發', '國', '有', 'ㄈ', '┳', 'ァ', '瓣', 'P', '鍵', '鍙戝竷', '涓浗', '\uFEFF', '\0', '\u0001', '\u001b',
  '\uD800', '\uDC00', '\uD842\uDFB7', '\u2028', '\u0085', '﻿', 'a', 'Z', '0', 'Public domain', '3.1', '5.1.2',
];

/** Pieces that are byte damage (GBK out of step, UTF-8 read as GBK): fix-all may change their Han characters. */
const BYTE_DAMAGE = new Set(['ㄈ', '┳', 'ァ', '瓣', 'P', '鍵', '鍙戝竷', '涓浗', '锟斤拷', '烫烫']);
/** More Han and prose, so that clean text reads as Chinese. */
const PROSE = ['我们', '国家', '发展', '經濟', '社會', '工作', '人民', '建设', '會議', '是', '的', '了', '和', '在', '中国', '政府', '报告'];

/** Text from report pieces (markers, punctuation, glosses, chrome, byte damage, line ends). */
export const pieceText = (maxLength = 60): fc.Arbitrary<string> => fc.array(fc.constantFrom(...PIECES), { maxLength }).map((a) => a.join(''));

/**
 * Text from the same pieces without byte damage, with more prose: its Han characters must survive fix-all (glosses,
 * "?" and "!" included: 有(ǒ)?關(ú)統(à) is correct text with glosses, not GBK out of step).
 */
export const cleanPieceText = (maxLength = 60): fc.Arbitrary<string> =>
  fc.array(fc.constantFrom(...PIECES.filter((p) => !BYTE_DAMAGE.has(p)), ...PROSE), { maxLength }).map((a) => a.join(''));

/** Any UTF-16 code units, lone surrogates included. */
export const unitText = (maxLength = 80): fc.Arbitrary<string> =>
  fc.array(fc.oneof(fc.integer({ min: 0, max: 0xffff }), fc.constantFrom(0x0a, 0x0d, 0x3f, 0x4e00, 0x3001, 0xff08)), { maxLength }).map((a) => String.fromCharCode(...a));

/** Line-structured text: lines of pieces, with a random line end each. */
export const linedText = (maxLines = 14): fc.Arbitrary<string> =>
  fc.array(fc.tuple(pieceText(12), fc.constantFrom('\n', '\r\n', '\r')), { maxLength: maxLines }).map((ls) => ls.map(([l, e]) => l + e).join(''));

// ----- documents and their mutations

let documents: Array<{ name: string; text: string }> | undefined;

/** The corpus documents (and kinds/) and the seeds: the real texts mutations start from. */
export function realDocuments(): Array<{ name: string; text: string }> {
  if (documents !== undefined) return documents;
  documents = corpusFiles().map((name) => ({ name, text: readCorpus(name) }));
  for (const name of kindFiles()) documents.push({ name: `kinds/${name}`, text: readCorpus(`kinds/${name}`) });
  for (const name of ['chongqing-minjin-2017-scraped.txt', 'cn_gwr_2025_national_government_work_report.txt', 'cn_prov_2026_sichuan_government_work_report.txt', 'cn_reg_hazardous_chemicals_regulation_2013.md', 'tw_law_personal_data_protection_act.txt']) {
    documents.push({ name: `seeds/${name}`, text: readSeed(name) });
  }
  return documents;
}

function kindFiles(): string[] {
  const dir = path.join(CORPUS_DIR, 'kinds');
  return existsSync(dir) ? readdirSync(dir).filter((f) => /\.(txt|md)$/.test(f) && f !== 'README.md').sort() : [];
}

const TONES = ['fā', 'lián', 'ǒ', 'ú', 'à', 'guó', 'zhōng', 'wǎng', 'jì', 'huì', 'lǜ', 'ér'];
const PAIRS = '“”‘’「」『』《》〈〉（）()【】〔〕';
const CHROME = ['当前位置：首页 > 新闻', '打印本页', '关闭窗口', '【字号：大 中 小】', '下载 打印 全屏', '责任编辑：张三', '来源：新华社', '分享到', '扫一扫'];

export type Mutation =
  | { op: 'gloss'; at: number; tone: number }
  | { op: 'question'; at: number }
  | { op: 'deletePair'; at: number }
  | { op: 'duplicateLine'; line: number }
  | { op: 'moveLine'; line: number; to: number }
  | { op: 'joinLines'; line: number }
  | { op: 'deleteLine'; line: number }
  | { op: 'chrome'; line: number; which: number }
  | { op: 'renumber'; at: number; numeral: number }
  | { op: 'bracketWidth'; at: number }
  | { op: 'markerPunct'; at: number }
  | { op: 'unit'; at: number; code: number }
  | { op: 'lineEnds'; style: number };

/** Byte damage, kept apart because it may change Han characters (see `Allow`). */
export type ByteMutation = { op: 'shiftBytes'; line: number; at: number } | { op: 'utf8AsGbk'; line: number; at: number; length: number };

export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ op: fc.constant('gloss' as const), at: fc.nat(), tone: fc.nat(TONES.length - 1) }),
  fc.record({ op: fc.constant('question' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('deletePair' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('duplicateLine' as const), line: fc.nat() }),
  fc.record({ op: fc.constant('moveLine' as const), line: fc.nat(), to: fc.nat() }),
  fc.record({ op: fc.constant('joinLines' as const), line: fc.nat() }),
  fc.record({ op: fc.constant('deleteLine' as const), line: fc.nat() }),
  fc.record({ op: fc.constant('chrome' as const), line: fc.nat(), which: fc.nat(CHROME.length - 1) }),
  fc.record({ op: fc.constant('renumber' as const), at: fc.nat(), numeral: fc.integer({ min: 1, max: 12 }) }),
  fc.record({ op: fc.constant('bracketWidth' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('markerPunct' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('lineEnds' as const), style: fc.nat(5) }),
  fc.record({ op: fc.constant('unit' as const), at: fc.nat(), code: fc.oneof(fc.constantFrom(0, 0x0d, 0xfeff, 0xfffd, 0xd800, 0xdc00, 0x3f, 0x2028), fc.integer({ min: 0, max: 0xffff })) }),
);

export const byteMutation: fc.Arbitrary<ByteMutation> = fc.oneof(
  fc.record({ op: fc.constant('shiftBytes' as const), line: fc.nat(), at: fc.nat() }),
  fc.record({ op: fc.constant('utf8AsGbk' as const), line: fc.nat(), at: fc.nat(), length: fc.integer({ min: 2, max: 30 }) }),
);

function lines(text: string): string[] {
  return text.split(/(?<=\r\n|\n|\r(?!\n))/);
}

/** The index-th position of a character matching `test` (modulo their count), or -1. */
function nth(text: string, index: number, test: (ch: string, i: number) => boolean): number {
  const at: number[] = [];
  for (let i = 0; i < text.length; i++) if (test(text[i]!, i)) at.push(i);
  return at.length === 0 ? -1 : at[index % at.length]!;
}

const CN = '一二三四五六七八九十十一十二';

export function mutate(text: string, m: Mutation | ByteMutation): string {
  const ls = lines(text);
  const n = ls.length;
  switch (m.op) {
    case 'gloss': {
      const i = nth(text, m.at, (ch) => isHanCode(ch.charCodeAt(0)));
      return i < 0 ? text : text.slice(0, i + 1) + `(${TONES[m.tone]!})` + text.slice(i + 1);
    }
    case 'question': {
      const i = n === 0 ? 0 : m.at % (text.length + 1);
      return text.slice(0, i) + '?' + text.slice(i);
    }
    case 'deletePair': {
      const i = nth(text, m.at, (ch) => PAIRS.includes(ch));
      return i < 0 ? text : text.slice(0, i) + text.slice(i + 1);
    }
    case 'duplicateLine':
      return n === 0 ? text : [...ls.slice(0, (m.line % n) + 1), ls[m.line % n]!, ...ls.slice((m.line % n) + 1)].join('');
    case 'moveLine': {
      if (n < 2) return text;
      const l = ls.splice(m.line % n, 1)[0]!;
      ls.splice(m.to % n, 0, l.endsWith('\n') || l.endsWith('\r') ? l : l + '\n');
      return ls.join('');
    }
    case 'joinLines': {
      if (n < 2) return text;
      const l = m.line % (n - 1);
      ls[l] = ls[l]!.replace(/\r?\n$|\r$/, '');
      return ls.join('');
    }
    case 'deleteLine':
      return n === 0 ? text : [...ls.slice(0, m.line % n), ...ls.slice((m.line % n) + 1)].join('');
    case 'chrome': {
      const l = n === 0 ? 0 : m.line % (n + 1);
      return [...ls.slice(0, l), CHROME[m.which]! + '\n', ...ls.slice(l)].join('');
    }
    case 'renumber': {
      const i = nth(text, m.at, (ch, k) => CN.includes(ch) && (k === 0 || /[\n\r\u3000 （(第]/.test(text[k - 1]!)));
      return i < 0 ? text : text.slice(0, i) + formatSmall(m.numeral) + text.slice(i + 1);
    }
    case 'bracketWidth': {
      const i = nth(text, m.at, (ch) => '（）()'.includes(ch));
      if (i < 0) return text;
      const swapped = { '（': '(', '）': ')', '(': '（', ')': '）' }[text[i]!]!;
      return text.slice(0, i) + swapped + text.slice(i + 1);
    }
    case 'markerPunct': {
      const i = nth(text, m.at, (ch, k) => '、.．'.includes(ch) && k > 0 && /[一二三四五六七八九十0-9０-９]/.test(text[k - 1]!));
      if (i < 0) return text;
      const swapped = { '、': '.', '.': '、', '．': '，' }[text[i]!]!;
      return text.slice(0, i) + swapped + text.slice(i + 1);
    }
    case 'unit': {
      const i = m.at % (text.length + 1);
      return text.slice(0, i) + String.fromCharCode(m.code) + text.slice(i);
    }
    case 'lineEnds': {
      // 0 LF, 1 CRLF, 2 CR, 3–5 mixed (each line's end picked by its index)
      const ends = ['\n', '\r\n', '\r'];
      return ls.map((l, k) => l.replace(/\r\n$|\n$|\r$/, (e) => (e === '' ? e : ends[m.style < 3 ? m.style : (k * m.style) % 3]!))).join('');
    }
    case 'shiftBytes':
      return n === 0 ? text : [...ls.slice(0, m.line % n), shiftLine(ls[m.line % n]!, m.at), ...ls.slice((m.line % n) + 1)].join('');
    case 'utf8AsGbk': {
      if (n === 0) return text;
      const l = ls[m.line % n]!;
      const body = l.replace(/[\r\n]+$/, '');
      const from = body.length === 0 ? 0 : m.at % body.length;
      const span = body.slice(from, from + m.length);
      const damaged = iconv.decode(Buffer.from(span, 'utf8'), 'gbk');
      return [...ls.slice(0, m.line % n), body.slice(0, from) + damaged + body.slice(from + span.length) + l.slice(body.length), ...ls.slice((m.line % n) + 1)].join('');
    }
  }
}

function formatSmall(n: number): string {
  return ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二'][n - 1]!;
}

/**
 * The damage the seed shows: a tool that worked on GBK bytes lost the lead byte of a full-width punctuation mark
 * (0xA1 or 0xA3), left "?" in its place, and the bytes after it were decoded one byte late.
 */
export function shiftLine(line: string, at: number): string {
  const body = line.replace(/[\r\n]+$/, '');
  const ending = line.slice(body.length);
  const i = nth(body, at, (ch) => {
    const b = iconv.encode(ch, 'gbk');
    return b.length === 2 && (b[0] === 0xa1 || b[0] === 0xa3) && ch !== '?';
  });
  if (i < 0) return line;
  const bytes = iconv.encode(body.slice(i), 'gbk');
  const shifted = Buffer.concat([Buffer.from('?'), bytes.subarray(1)]);
  return body.slice(0, i) + iconv.decode(shifted, 'gbk') + ending;
}

/** The document the seed's damage comes from: GBK out of step is part of it (fix-all may repair its Han characters). */
const SCRAPED = 'seeds/chongqing-minjin-2017-scraped.txt';

/**
 * A window of a real document: up to `maxLines` lines from a random line (whole documents are slow to shrink), and
 * whether the document is the scraped seed (which holds GBK out of step of its own).
 */
export const documentWindow = (maxLines = 40): fc.Arbitrary<{ text: string; scraped: boolean }> =>
  fc.tuple(fc.nat(), fc.nat(), fc.integer({ min: 1, max: maxLines })).map(([d, from, count]) => {
    const docs = realDocuments();
    const doc = docs[d % docs.length]!;
    const ls = lines(doc.text);
    const start = from % ls.length;
    return { text: ls.slice(start, start + count).join(''), scraped: doc.name === SCRAPED };
  });

/**
 * How many runs and which seed: CI's small fixed budget, or the fuzzer's (FUZZ_RUNS, FUZZ_SEED), at most `maxRuns`
 * for a property whose cases are slow (a huge line).
 */
export function budget(ciRuns: number, ciSeed: number, maxRuns = Infinity): { numRuns: number; seed: number; includeErrorInReport: boolean } {
  const runs = Number(process.env.FUZZ_RUNS ?? '');
  const seed = Number(process.env.FUZZ_SEED ?? '');
  return {
    numRuns: Number.isFinite(runs) && runs > 0 ? Math.min(runs, maxRuns) : ciRuns,
    seed: Number.isFinite(seed) && process.env.FUZZ_SEED !== undefined ? seed : ciSeed,
    includeErrorInReport: true,
  };
}

export { Violation };
export type { Edit };
