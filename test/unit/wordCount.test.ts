/**
 * 字数 as Word and WPS count it (core/wordCount.ts): inline texts counted by hand, the seed (with its 109 pinyin
 * glosses) and Markdown laws.
 *
 * The whole-document figures below were cross-checked with an independent count written in Python (unicodedata's
 * East Asian width and regular expressions, not this scan): one each for East Asian wide/full-width characters and for
 * ambiguous-width marks, symbols and private-use characters; Western words as blank-separated tokens holding a letter
 * or digit after those are removed; glosses removed by a regular expression when a document has three or more;
 * Markdown `#`, `**` and HTML comments removed. Both give the same 字数, 中文字符, 非中文单词 and 字符数 on all 36
 * corpus documents without YAML front matter (the script leaves front matter in, the scan leaves it out).
 */
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { analyze, countText, WordCounter, type WordCount } from '../../server/src/core';
import { gbkCodec } from '../../server/src/node/codec';
import { corpusFiles, readCorpus, readSeed } from '../util/corpus';

function counter(text: string, markdown = false): WordCounter {
  return new WordCounter(text, analyze(text, { codec: gbkCodec }), { markdown });
}

function count(text: string, markdown = false): WordCount {
  return counter(text, markdown).document();
}

/** The parts a test names, from a count. */
function pick(c: WordCount, ...keys: Array<keyof WordCount>): Partial<WordCount> {
  return Object.fromEntries(keys.map((k) => [k, c[k]]));
}

describe('字数: the rules, on texts counted by hand', () => {
  it('counts each Han character and each full-width mark one', () => {
    // 一 、 总 体 要 求: five Han characters and a full-width 、
    assert.deepEqual(pick(count('一、总体要求'), 'words', 'cjk', 'nonCjkWords', 'chars', 'han', 'charsWithoutPunctuation'), {
      words: 6, cjk: 6, nonCjkWords: 0, chars: 6, han: 5, charsWithoutPunctuation: 5,
    });
    // “ 两 重 ” | 《 纲 要 》 | （ 一 ） | — — | … … : 4 + 4 + 3 + 2 + 2, each one
    assert.equal(count('“两重”《纲要》（一）——……').words, 15);
  });

  it('counts a run of Latin letters or digits as one word, with what is attached to it', () => {
    // 2025 | 年 | GDP | 增 长 | 5.0% | 左 右 | 。 → 3 words + 6 characters; 17 characters in all, the . and 。 punctuation
    assert.deepEqual(pick(count('2025年GDP增长5.0%左右。'), 'words', 'cjk', 'nonCjkWords', 'chars', 'han', 'charsWithoutPunctuation'), {
      words: 9, cjk: 6, nonCjkWords: 3, chars: 17, han: 5, charsWithoutPunctuation: 15,
    });
    // Hello, | world | - | ok: a lone hyphen is no word; 14 characters, 17 with the three spaces
    assert.deepEqual(pick(count('Hello, world - ok'), 'words', 'chars', 'charsWithSpaces', 'charsWithoutPunctuation'), {
      words: 3, chars: 14, charsWithSpaces: 17, charsWithoutPunctuation: 12,
    });
  });

  it('counts half-width marks as characters but not as 字, full-width ones as both', () => {
    assert.deepEqual(pick(count('(一)'), 'words', 'chars'), { words: 1, chars: 3 });
    assert.deepEqual(pick(count('（一）'), 'words', 'chars'), { words: 3, chars: 3 });
    // full-width digits are East Asian characters: ２ ０ ２ ５ 年
    assert.deepEqual(pick(count('２０２５年'), 'words', 'han'), { words: 5, han: 1 });
  });

  it('counts blanks only in 字符数(计空格), line ends nowhere, and non-empty lines as paragraphs', () => {
    // two U+3000 of indent, 第一条, U+3000, 总则; then an empty line
    assert.deepEqual(pick(count('　　第一条　总则\n\n为了规范。\n'), 'words', 'chars', 'charsWithSpaces', 'paragraphs'), {
      words: 10, chars: 10, charsWithSpaces: 13, paragraphs: 2,
    });
    // zero-width spaces and the BOM (left by scraping) are invisible
    assert.deepEqual(pick(count('\ufeff发展\u200b改革'), 'words', 'chars', 'charsWithSpaces'), { words: 4, chars: 4, charsWithSpaces: 4 });
  });

  it('counts a character outside the BMP once, a Hangul word once', () => {
    assert.deepEqual(pick(countText('𠀀字'), 'words', 'chars', 'han'), { words: 2, chars: 2, han: 2 });
    assert.deepEqual(pick(countText('한국어 단어'), 'words', 'cjk', 'chars'), { words: 2, cjk: 2, chars: 5 });
  });

  it('leaves pinyin glosses out when the document is damaged by them, and keeps a textbook’s', () => {
    // three glosses: the model takes them as scrape damage; 發布會，網上沙龍 remains (7 Han characters and ，)
    assert.deepEqual(pick(count('發(fā)布會(huì)，網(wǎng)上沙龍'), 'words', 'chars', 'han', 'glosses'), { words: 8, chars: 8, han: 7, glosses: 3 });
    // one gloss is a textbook's: 发 + the word (fā)
    assert.deepEqual(pick(count('发(fā)'), 'words', 'chars', 'glosses'), { words: 2, chars: 5, glosses: 0 });
  });

  it('leaves out Markdown syntax in a Markdown document, and only there', () => {
    const md = '# 第一章 总则\n\n**第一条** 为了……\n<!-- INFO END -->\n> 引文\n- 项目\n';
    // 第一章 总则 (5) + 第一条 为了…… (7) + 引文 (2) + 项目 (2)
    assert.equal(count(md, true).words, 16);
    // as plain text: the comment's INFO and END are two more words; # ** > - are characters but no 字
    assert.equal(count(md, false).words, 18);
    assert.equal(count(md, false).chars - count(md, true).chars, '#****<!--INFOEND-->>-'.length);
  });
});

describe('字数: real documents', () => {
  it('the seed: 2,826 字 with its 109 pinyin glosses left out', () => {
    const c = count(readSeed('chongqing-minjin-2017-scraped.txt'));
    assert.deepEqual(pick(c, 'words', 'cjk', 'nonCjkWords', 'chars', 'han', 'glosses'), {
      words: 2826, cjk: 2793, nonCjkWords: 33, chars: 3023, han: 2532, glosses: 109,
    });
    // a count that does not know the glosses has each (fā) as 3–8 more characters and (mostly) one more word
    const text = readSeed('chongqing-minjin-2017-scraped.txt');
    const raw = countText(text);
    const glossChars = analyze(text, { codec: gbkCodec }).damage.filter((d) => d.kind === 'pinyinGloss').reduce((n, d) => n + d.end - d.start, 0);
    assert.equal(raw.chars - c.chars, glossChars);
    assert.ok(raw.nonCjkWords - c.nonCjkWords > 100);
  });

  it('a Markdown regulation (the seed’s 危险化学品安全管理条例) and a Markdown law (著作权法)', () => {
    assert.deepEqual(pick(count(readSeed('cn_reg_hazardous_chemicals_regulation_2013.md'), true), 'words', 'cjk', 'nonCjkWords', 'chars', 'han'), {
      words: 20100, cjk: 20034, nonCjkWords: 66, chars: 20412, han: 18626,
    });
    assert.deepEqual(pick(count(readCorpus('cn_law_copyright_law_2020.md'), true), 'words', 'cjk', 'nonCjkWords', 'chars', 'han'), {
      words: 10535, cjk: 10497, nonCjkWords: 38, chars: 10579, han: 9496,
    });
  });

  it('a Taiwan law: 9,147 字', () => {
    assert.equal(count(readSeed('tw_law_personal_data_protection_act.txt')).words, 9147);
  });

  it('a section of a law counted by hand: 第一条 of 著作权法', () => {
    const text = readCorpus('cn_law_copyright_law_2020.md');
    const model = analyze(text, { codec: gbkCodec });
    const index = model.headings.findIndex((h) => h.name.startsWith('第一条'));
    const words = new WordCounter(text, model, { markdown: true }).sectionWords(index);
    // 第一条 (3) + the article's one paragraph: 84 Han characters and 7 marks (，，、，，， 。), no Latin, no digits
    assert.equal(words, 94);
    assert.equal(words, countText(text.slice(model.headings[index]!.start, model.headings[index]!.end)).words);
  });

  it('section sizes from per-line totals equal a direct count of each section on glossed text (the seed, and glossed headings)', () => {
    const headings = Array.from({ length: 300 }, (_, i) => `${'一二三四五六七八九'[i % 9]}、發(fā)布會(huì)標題\n網(wǎng)上沙龍發(fā)布，word${i} 正文。\n`).join('');
    for (const text of [readSeed('chongqing-minjin-2017-scraped.txt'), headings]) {
      const model = analyze(text, { codec: gbkCodec });
      assert.ok(model.damage.filter((d) => d.kind === 'pinyinGloss').length >= 109);
      const c = new WordCounter(text, model);
      model.headings.forEach((h, i) => assert.equal(c.sectionWords(i), c.count(h.start, h.end).words, h.name));
    }
  });

  it('section sizes from per-line totals equal a direct count of each section, on every corpus document', () => {
    for (const name of corpusFiles()) {
      const text = readCorpus(name);
      const c = counter(text, name.endsWith('.md'));
      const model = analyze(text, { codec: gbkCodec });
      model.headings.forEach((h, i) => assert.equal(c.sectionWords(i), c.count(h.start, h.end).words, `${name}: ${h.name}`));
      // the top-level sections and what lies before them add up to the document
      const roots = model.roots.reduce((sum, r) => sum + c.sectionWords(r), 0);
      const before = model.roots.length > 0 ? c.count(0, model.headings[model.roots[0]!]!.start).words : c.document().words;
      assert.equal(roots + before, c.document().words, name);
    }
  });
});
