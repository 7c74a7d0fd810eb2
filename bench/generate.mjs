// @ts-check
// Builds long synthetic reports from real text: paragraphs, heading titles and law articles are taken
// from the corpus; only the structure (numbering, nesting, size) is synthetic. Deterministic for a seed.
//
// Each generated report comes in two forms with the same lines:
//   text      the report as a user would have it (markers only, no Markdown);
//   markdown  the same text with every heading line prefixed by `#`s by its nesting level (title = #),
//             which is the input of the Markdown baseline.
// `headings` lists every heading the generator wrote (line, kind, level), so a benchmark can tell
// whether an analyser found them.

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { toChineseNumeral as cn } from './cn-numeral.mjs';

/** mulberry32: a small, fast, seedable PRNG (deterministic across platforms). */
export function createRandom(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    /** Integer in [lo, hi], both inclusive. */
    int: (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)),
    chance: (p) => next() < p,
    pick: (list) => list[Math.floor(next() * list.length)],
  };
}

const CN_NUM = '[一二三四五六七八九十百千零〇○两]+';
// Anything that starts like a heading (ours or Markdown's) must not be used as a body paragraph.
const HEADING_START = new RegExp(
  `^(?:第\\s*(?:${CN_NUM}|\\d+)\\s*[编編章节節条條款]|${CN_NUM}[、是]|[（(](?:${CN_NUM}|\\d+)[）)]|[0-9０-９]+\\s*[.．、]|[①-⑳㈠-㈩⑴-⒇]|附件|附录)`,
);
const BODY_FIRST_CHAR = /^[\u4e00-\u9fff“《—]/;
const BODY_LAST_CHAR = /[。！？；”」）]$/;
const LEADING_DIGIT = /^[\s\u3000]*[0-9０-９]/;
const NOISE = /维基|Wikisource|wikisource|责任编辑|当前位置|字号|打印|https?:/;

const REPORT_FILE = /^cn_(?:gwr|prov|cpc)_.*\.txt$/;
const LAW_FILE = /^cn_(?:law|reg)_.*\.md$/;

function lines(path) {
  // eslint-disable-next-line no-misleading-character-class -- \u200d is listed alone (a stray joiner), not joining
  return readFileSync(path, 'utf8').split('\n').map((l) => l.replace(/[\s\u3000\u200b\u200d\ufeff]+$/u, ''));
}

/** Pull reusable pieces of real text out of the corpus. Pools keep corpus order (files sorted by name). */
export function loadCorpus(dir) {
  const files = readdirSync(dir).sort();
  const paragraphs = [];
  const titles = []; // standalone heading titles (marker stripped), e.g. 深入落实城市总体规划，推动京津冀协同发展走深走实
  const runInTitles = []; // first sentences of run-in headings, without the final 。
  const chapterTitles = [];
  const sectionTitles = [];
  const articles = []; // article bodies (marker stripped)
  const lawTitles = [];
  const standalone = new RegExp(`^[\\s\\u3000]*(?:${CN_NUM}、|[（(]${CN_NUM}[）)]|\\d+[.．]|[（(]\\d+[）)])\\s*(.+)$`);
  const runIn = new RegExp(`^[\\s\\u3000]*[（(]${CN_NUM}[）)]([^。]{4,40})。(.{20,})$`);
  const lawTitle = /^#\s+(\S.*)$/;
  const chapter = new RegExp(`^#*\\s*第${CN_NUM}章\\s+(\\S.*)$`);
  const section = new RegExp(`^#*\\s*第${CN_NUM}节\\s+(\\S.*)$`);
  const article = new RegExp(`^第${CN_NUM}条(?:之${CN_NUM})?\\s+(\\S.*)$`);

  for (const name of files) {
    const path = join(dir, name);
    if (REPORT_FILE.test(name)) {
      for (const raw of lines(path)) {
        const line = raw.replace(/^[\s\u3000]+/u, '');
        if (line.length === 0 || NOISE.test(line)) continue;
        // Titles that start with a digit are left out: after a `1.` marker, "1.2024年…" reads as a
        // decimal, not a heading, and the count of headings written would no longer be exact.
        const r = runIn.exec(line);
        if (r) {
          if (!LEADING_DIGIT.test(r[1])) runInTitles.push(r[1]);
          continue;
        }
        const s = standalone.exec(line);
        if (s) {
          const t = s[1].trim();
          if (t.length >= 4 && t.length <= 40 && !/[。：:；]/.test(t) && !LEADING_DIGIT.test(t)) titles.push(t);
          continue;
        }
        if (line.length >= 30 && line.length <= 600 && !HEADING_START.test(line) && BODY_FIRST_CHAR.test(line) && BODY_LAST_CHAR.test(line)) {
          paragraphs.push(line);
        }
      }
    } else if (LAW_FILE.test(name)) {
      for (const raw of lines(path)) {
        const line = raw.replace(/^[\s\u3000]+/u, '');
        let m;
        if ((m = lawTitle.exec(line))) lawTitles.push(m[1]);
        else if ((m = chapter.exec(line))) chapterTitles.push(m[1]);
        else if ((m = section.exec(line))) sectionTitles.push(m[1]);
        else if ((m = article.exec(line))) {
          const body = m[1];
          if (!HEADING_START.test(body) && !NOISE.test(body)) articles.push(body);
        }
      }
    }
  }
  const pools = { paragraphs, titles, runInTitles, chapterTitles, sectionTitles, articles, lawTitles };
  for (const [key, pool] of Object.entries(pools)) {
    if (pool.length === 0) throw new Error(`corpus ${dir}: found no ${key}; is this the zh-report corpus?`);
  }
  return pools;
}

/**
 * Generate a report of at least `targetBytes` UTF-8 bytes (it stops at the first article boundary past it).
 * About 70% of it is a government-work-report-like body (一、 > （一） > 1. > （1） > ①, standalone and
 * run-in headings), the rest is 附件 holding laws (第X章 > 第X节 > 第X条, articles numbered consecutively).
 */
export function generateReport(pools, targetBytes, seed) {
  const rnd = createRandom(seed);
  const out = []; // text lines
  const md = []; // markdown lines
  const headings = [];
  let bytes = 0;

  const push = (line) => {
    out.push(line);
    md.push(line);
    bytes += Buffer.byteLength(line, 'utf8') + 1;
  };
  const heading = (line, kind, level, runIn = false) => {
    headings.push({ line: out.length, kind, level, runIn });
    out.push(line);
    md.push(`${'#'.repeat(Math.min(level + 1, 6))} ${line}`);
    bytes += Buffer.byteLength(line, 'utf8') + 1;
  };
  const para = () => push(rnd.pick(pools.paragraphs));
  const paras = (lo, hi) => {
    for (let n = rnd.int(lo, hi); n > 0; n--) para();
  };
  const title = () => rnd.pick(rnd.chance(0.5) ? pools.titles : pools.runInTitles);
  /** A heading line, either standalone (followed by paragraphs) or run in to its first paragraph. */
  const item = (marker, kind, level, runInChance, after) => {
    if (rnd.chance(runInChance)) {
      heading(`${marker}${title()}。${rnd.pick(pools.paragraphs)}`, kind, level, true);
      paras(0, after - 1);
    } else {
      heading(`${marker}${title()}`, kind, level);
      paras(1, after);
    }
  };

  // Title block, as in the national reports.
  heading('政府工作报告', 'title', 0);
  push('——在人民代表大会会议上（性能测试合成稿）');
  push('各位代表：');
  para();

  const reportBudget = targetBytes * 0.7;
  for (let s1 = 1; bytes < reportBudget; s1++) {
    item(`${cn(s1)}、`, 'cn', 1, 0, 3);
    for (let s2 = 1, n2 = rnd.int(2, 6); s2 <= n2; s2++) {
      item(`（${cn(s2)}）`, 'cnParen', 2, 0.5, 2);
      if (!rnd.chance(0.5)) continue;
      for (let s3 = 1, n3 = rnd.int(2, 5); s3 <= n3; s3++) {
        item(`${s3}.`, 'num', 3, 0.6, 2);
        if (!rnd.chance(0.35)) continue;
        for (let s4 = 1, n4 = rnd.int(2, 4); s4 <= n4; s4++) {
          item(`（${s4}）`, 'numParen', 4, 0.5, 1);
          if (!rnd.chance(0.3)) continue;
          for (let s5 = 1, n5 = rnd.int(2, 4); s5 <= n5; s5++) {
            item(String.fromCharCode(0x245f + s5), 'circled', 5, 0.7, 1); // ① is U+2460
          }
        }
      }
    }
  }

  // Appendices: laws with consecutive chapter and article numbers; sections restart in each chapter.
  for (let annex = 1; bytes < targetBytes; annex++) {
    heading(`附件${annex}`, 'appendix', 1);
    push(rnd.pick(pools.lawTitles).replace(/^#+\s*/, ''));
    const articleCount = rnd.int(800, 1400);
    let article = 0;
    for (let chapter = 1; article < articleCount && bytes < targetBytes; chapter++) {
      heading(`第${cn(chapter)}章 ${rnd.pick(pools.chapterTitles)}`, 'chapter', 2);
      const sections = rnd.chance(0.4) ? rnd.int(2, 5) : 0;
      for (let section = 1; section <= Math.max(sections, 1); section++) {
        const level = sections > 0 ? 4 : 3;
        if (sections > 0) heading(`第${cn(section)}节 ${rnd.pick(pools.sectionTitles)}`, 'section', 3);
        for (let n = rnd.int(4, 25); n > 0 && article < articleCount && bytes < targetBytes; n--) {
          article++;
          heading(`第${cn(article)}条 ${rnd.pick(pools.articles)}`, 'article', level, true);
          if (rnd.chance(0.2)) para();
        }
      }
    }
  }

  const text = out.join('\n') + '\n';
  const markdown = md.join('\n') + '\n';
  return { text, markdown, headings, lineCount: out.length, bytes: Buffer.byteLength(text, 'utf8') };
}

/** Headings per kind, for printing next to the counts an analyser finds. */
export function countByKind(headings) {
  const counts = {};
  for (const h of headings) counts[h.kind] = (counts[h.kind] ?? 0) + 1;
  return counts;
}
