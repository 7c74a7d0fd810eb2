/**
 * The TextMate grammar (syntaxes/zh-report.tmLanguage.json), run with the same engine as VS Code
 * (vscode-textmate + the Oniguruma WebAssembly build) on real lines of the corpus and the seed.
 */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { before, describe, it } from 'node:test';
import * as oniguruma from 'vscode-oniguruma';
import * as textmate from 'vscode-textmate';
import type { MarkerKind } from '../../server/src/core';
import { MARKERS, MARKER_KINDS } from '../../server/src/core/markers';
import { readCorpus, readSeed } from '../util/corpus';
import { REPO_ROOT } from '../util/paths';

const GRAMMAR_PATH = path.join(REPO_ROOT, 'syntaxes', 'zh-report.tmLanguage.json');
const SEED = 'chongqing-minjin-2017-scraped.txt';

let grammar: textmate.IGrammar;

async function loadGrammar(): Promise<textmate.IGrammar> {
  const wasm = readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm'));
  await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
  const registry = new textmate.Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (sources: string[]) => new oniguruma.OnigScanner(sources),
      createOnigString: (text: string) => new oniguruma.OnigString(text),
    }),
    loadGrammar: async (scopeName) =>
      scopeName === 'text.zh-report' ? textmate.parseRawGrammar(readFileSync(GRAMMAR_PATH, 'utf8'), GRAMMAR_PATH) : null,
  });
  const loaded = await registry.loadGrammar('text.zh-report');
  if (loaded === null) {
    throw new Error('the grammar did not load');
  }
  return loaded;
}

interface Token {
  readonly text: string;
  readonly start: number;
  readonly end: number;
  readonly scopes: readonly string[];
}

function tokenize(line: string): Token[] {
  const result = grammar.tokenizeLine(line, textmate.INITIAL);
  return result.tokens.map((t) => ({ text: line.slice(t.startIndex, t.endIndex), start: t.startIndex, end: t.endIndex, scopes: t.scopes }));
}

/** The scopes every character of `needle` (its `nth` occurrence in `line`) carries: tokens covering it must agree. */
function scopesOf(line: string, needle: string, nth = 0): string[] {
  let start = -1;
  for (let i = 0; i <= nth; i++) {
    start = line.indexOf(needle, start + 1);
    assert.ok(start >= 0, `${JSON.stringify(needle)} (occurrence ${nth}) is not in ${JSON.stringify(line)}`);
  }
  const end = start + needle.length;
  const covering = tokenize(line).filter((t) => t.start < end && t.end > start);
  const common = covering[0]?.scopes.filter((scope) => covering.every((t) => t.scopes.includes(scope))) ?? [];
  return common;
}

function assertScope(line: string, needle: string, scope: string, nth = 0): void {
  const scopes = scopesOf(line, needle, nth);
  assert.ok(
    scopes.some((s) => s === scope || s.startsWith(scope + '.') || s.split(' ').includes(scope)),
    `${JSON.stringify(needle)} in ${JSON.stringify(line.slice(0, 60))} should be ${scope}; tokens: ${JSON.stringify(tokenize(line).slice(0, 8).map((t) => [t.text, t.scopes.slice(1)]))}`,
  );
}

function assertNoScope(line: string, needle: string, prefix: string): void {
  const scopes = scopesOf(line, needle);
  assert.ok(!scopes.some((s) => s.startsWith(prefix)), `${JSON.stringify(needle)} in ${JSON.stringify(line.slice(0, 60))} should not be ${prefix}: ${scopes.join(' | ')}`);
}

/** The first line of a document that satisfies `predicate` (the tests use real lines, not retyped ones). */
function lineOf(text: string, predicate: (line: string) => boolean): string {
  const line = text.split('\n').find(predicate);
  assert.ok(line !== undefined, 'no line of the document matches');
  return line;
}

const corpusLine = (name: string, predicate: (line: string) => boolean): string => lineOf(readCorpus(name), predicate);

before(async () => {
  grammar = await loadGrammar();
});

describe('grammar: heading markers', () => {
  it('第X编/章/节 with the rest of the line as a section title, after Markdown #', () => {
    const part = corpusLine('cn_law_criminal_law.md', (l) => l.startsWith('## 第一编'));
    assertScope(part, '##', 'punctuation.definition.heading.markdown.zh-report');
    assertScope(part, '第一编', 'markup.heading.marker.part.zh-report');
    assertScope(part, '总则', 'entity.name.section.zh-report');
    const chapter = corpusLine('cn_law_criminal_law.md', (l) => l.startsWith('### 第一章'));
    assertScope(chapter, '第一章', 'markup.heading.marker.chapter.zh-report');
    assertScope(chapter, '刑法的任务', 'entity.name.section.zh-report');
    const section = corpusLine('cn_law_criminal_law.md', (l) => l.startsWith('#### 第一节'));
    assertScope(section, '第一节', 'markup.heading.marker.section.zh-report');
  });

  it('traditional 編/章/節 with Taiwan spacing', () => {
    const part = corpusLine('tw_law_civil_code.txt', (l) => l.startsWith('第 一 編'));
    assertScope(part, '第 一 編', 'markup.heading.marker.part.zh-report');
    assertScope(part, '總則', 'entity.name.section.zh-report');
    const chapter = corpusLine('tw_law_constitution_roc.txt', (l) => l.startsWith('第 一 章'));
    assertScope(chapter, '第 一 章', 'markup.heading.marker.chapter.zh-report');
    const section = corpusLine('tw_law_civil_code.txt', (l) => l.startsWith('第 一 節'));
    assertScope(section, '第 一 節', 'markup.heading.marker.section.zh-report');
  });

  it('第X条, 第X条之一, 第 1 條 and 第 15-1 條', () => {
    const article = corpusLine('cn_law_copyright_law_2020.md', (l) => l.startsWith('第一条 '));
    assertScope(article, '第一条', 'markup.heading.marker.article.zh-report');
    assertNoScope(article, '为保护文学', 'markup.heading');
    const suffixed = corpusLine('cn_law_criminal_law.md', (l) => l.startsWith('第十七条之一'));
    assertScope(suffixed, '第十七条之一', 'markup.heading.marker.article.zh-report');
    assertScope(corpusLine('tw_law_civil_code.txt', (l) => l === '第 1 條'), '第 1 條', 'markup.heading.marker.article.zh-report');
    assertScope(corpusLine('tw_law_civil_code.txt', (l) => l === '第 15-1 條'), '第 15-1 條', 'markup.heading.marker.article.zh-report');
  });

  it('一、 （一） (一) 1． (1) ① and 3.1 each with their own scope', () => {
    const level1 = corpusLine('cn_prov_2026_beijing_government_work_report.txt', (l) => l.startsWith('一、'));
    assertScope(level1, '一、', 'markup.heading.marker.level1.zh-report');
    const level2 = corpusLine('cn_gwr_2025_national_government_work_report.txt', (l) => l.startsWith('（一）'));
    assertScope(level2, '（一）', 'markup.heading.marker.level2.zh-report');
    const asciiLevel2 = corpusLine('cn_reg_hazardous_chemicals_regulation_2013.md', (l) => l.startsWith('(一)'));
    assertScope(asciiLevel2, '(一)', 'markup.heading.marker.level2.zh-report');
    const level3 = corpusLine('cn_cpc_1921_guangzhou_report.txt', (l) => l.startsWith('1．'));
    assertScope(level3, '1．', 'markup.heading.marker.level3.zh-report');
    const level4 = corpusLine('cn_reg_missile_export_control_2002.md', (l) => l.startsWith('(1)'));
    assertScope(level4, '(1)', 'markup.heading.marker.level4.zh-report');
    const level5 = corpusLine('cn_cpc_1921_guangzhou_report.txt', (l) => l.startsWith('①'));
    assertScope(level5, '①', 'markup.heading.marker.level5.zh-report');
    const decimal = corpusLine('cn_std_injury_assessment_standard_2014.md', (l) => l.startsWith('6.1\u3000'));
    assertScope(decimal, '6.1', 'markup.heading.marker.decimal.zh-report');
    const annex = corpusLine('cn_law_criminal_law.md', (l) => l === '## 附件一');
    assertScope(annex, '附件一', 'markup.heading.marker.annex.zh-report');
  });

  it('gives the levels different colour scopes', () => {
    const lines = ['一、总体要求', '（一）指导思想', '1.坚持稳中求进', '（1）扩大内需', '①消费'];
    const carriers = lines.map((line) => scopesOf(line, line.slice(0, line.search(/[总指坚扩消]/))).at(-1));
    assert.equal(new Set(carriers).size, lines.length, JSON.stringify(carriers));
  });

  it('accepts U+3000 and zero-width indents, full-width digits and 1、', () => {
    assertScope('\u3000\u3000一、主要成效', '一、', 'markup.heading.marker.level1.zh-report');
    assertScope('\u200b（二）坚持改革开放', '（二）', 'markup.heading.marker.level2.zh-report');
    assertScope('１．加强领导', '１．', 'markup.heading.marker.level3.zh-report');
    assertScope('1、加强领导', '1、', 'markup.heading.marker.level3.zh-report');
    assertScope('（１）提高认识', '（１）', 'markup.heading.marker.level4.zh-report');
  });

  it('does not take decimals, cited articles, run-in enumerations or dash items for headings', () => {
    assertNoScope('7.9公分的创口', '7.9', 'markup.heading');
    assertNoScope('20.2026年是“十五五”开局之年', '20.', 'markup.heading');
    assertNoScope('第三章规定的程序', '第三章', 'markup.heading');
    const runIn = corpusLine('cn_gwr_1997_national_government_work_report.txt', (l) => l === '一是');
    assertNoScope(runIn, '一是', 'markup.heading');
    const dash = corpusLine('cn_gwr_2024_national_government_work_report.txt', (l) => l.startsWith('——'));
    assertNoScope(dash, '——', 'markup.heading');
    const cited = corpusLine('cn_si_spc_contract_general_interpretation_2023.md', (l) => l.includes('依据民法典第一百四十二条'));
    assertNoScope(cited, '第一百四十二条', 'markup.heading');
  });

  it('marks headings in the seed', () => {
    const seed = readSeed(SEED);
    const level1 = lineOf(seed, (l) => l.trim().startsWith('一、'));
    assertScope(level1, '一、', 'markup.heading.marker.level1.zh-report');
    const level2 = lineOf(seed, (l) => l.trim().startsWith('(一)'));
    assertScope(level2, '(一)', 'markup.heading.marker.level2.zh-report');
  });
});

describe('grammar: quoted terms, titles and definitions', () => {
  it('“…” and 「…」 are strings, 《…》 is a title', () => {
    const resolution = corpusLine('cn_npc_2025_resolution_on_gwr.txt', (l) => l.includes('“两个确立”'));
    assertScope(resolution, '“两个确立”', 'string.quoted.double.zh-report');
    assertScope(resolution, '“四个意识”', 'string.quoted.double.zh-report');
    const corner = corpusLine('cn_gwr_1954_national_government_work_report.txt', (l) => l.includes('「東南亞集體防務條約」'));
    assertScope(corner, '「東南亞集體防務條約」', 'string.quoted.corner.zh-report');
    const title = corpusLine('cn_law_constitution.md', (l) => l.includes('《中华人民共和国宪法修正案》'));
    assertScope(title, '《中华人民共和国宪法修正案》', 'entity.name.type.title.zh-report');
    assertScope(title, '《', 'punctuation.definition.title.begin.zh-report');
  });

  it('chained quoted terms in the seed, with the pinyin gloss marked inside', () => {
    const line = lineOf(readSeed(SEED), (l) => l.includes('“四個意識”“五種能力”'));
    assertScope(line, '“四個意識”', 'string.quoted.double.zh-report');
    assertScope(line, '“五種能力”', 'string.quoted.double.zh-report');
    const gloss = lineOf(readSeed(SEED), (l) => l.includes('發(fā)布'));
    assertScope(gloss, '(fā)', 'comment.other.pinyin-gloss.zh-report');
    assertNoScope(gloss, '發', 'comment');
    const quotedGloss = lineOf(readSeed(SEED), (l) => l.includes('“關鍵少數(shù)”'));
    assertScope(quotedGloss, '“關鍵少數(shù)”', 'string.quoted.double.zh-report');
    assertScope(quotedGloss, '(shù)', 'comment.other.pinyin-gloss.zh-report');
  });

  it('leaves an unclosed quote or title alone', () => {
    assertNoScope('他说：“这件事以后再议，', '这件事', 'string');
    assertNoScope('见《中华人民共和国', '中华人民', 'entity.name.type');
  });

  it('（以下简称X） （以下简称《X》） and (以下简称X)', () => {
    const beijing = corpusLine('cn_prov_2026_beijing_government_work_report.txt', (l) => l.includes('（以下简称《纲要草案》）'));
    assertScope(beijing, '以下简称', 'keyword.other.definition.zh-report');
    assertScope(beijing, '纲要草案', 'variable.other.definition.zh-report');
    const regulation = corpusLine('cn_reg_hazardous_chemicals_regulation_2013.md', (l) => l.includes('(以下简称建设项目)'));
    assertScope(regulation, '以下简称', 'keyword.other.definition.zh-report');
    assertScope(regulation, '建设项目', 'variable.other.definition.zh-report', 1);
    assertScope('陆地污染源（简称陆源），是指', '陆源', 'variable.other.definition.zh-report');
  });

  it('本条例所称X，是指 / 本法所称的X即 / 稱X者，謂 / “X”：', () => {
    const regulation = corpusLine('cn_reg_hazardous_chemicals_regulation_2013.md', (l) => l.includes('本条例所称危险化学品，是指'));
    assertScope(regulation, '本条例所称', 'keyword.other.definition.zh-report');
    assertScope(regulation, '危险化学品', 'variable.other.definition.zh-report');
    assertScope(regulation, '是指', 'keyword.other.definition.zh-report');
    const copyright = corpusLine('cn_law_copyright_law_2020.md', (l) => l.includes('本法所称的著作权即版权'));
    assertScope(copyright, '著作权', 'variable.other.definition.zh-report');
    const taiwan = corpusLine('tw_law_official_document_formats_act.txt', (l) => l.startsWith('稱公文者'));
    assertScope(taiwan, '公文', 'variable.other.definition.zh-report');
    assertScope(taiwan, '謂', 'keyword.other.definition.zh-report');
    const glossary = corpusLine('cn_reg_missile_export_control_2002.md', (l) => l.startsWith('1．“公开领域技术”是指'));
    assertScope(glossary, '公开领域技术', 'variable.other.definition.zh-report');
    assertScope(glossary, '1．', 'markup.heading.marker.level3.zh-report');
    const seed = lineOf(readSeed(SEED), (l) => l.includes('“五指緊扣”:'));
    assertScope(seed, '五指緊扣', 'variable.other.definition.zh-report');
  });
});

describe('grammar: numbers with units', () => {
  it('percentages, 亿元, 万人, years in full-width digits, 第3季度', () => {
    const gwr2013 = corpusLine('cn_gwr_2013_national_government_work_report.txt', (l) => l.includes('26.6万亿元'));
    assertScope(gwr2013, '26.6万亿元', 'constant.numeric.zh-report');
    assertScope(gwr2013, '万亿元', 'keyword.other.unit.zh-report');
    const gwr2025 = corpusLine('cn_gwr_2025_national_government_work_report.txt', (l) => l.includes('1256万人'));
    assertScope(gwr2025, '1256万人', 'constant.numeric.zh-report');
    const percent = corpusLine('cn_gwr_2025_national_government_work_report.txt', (l) => /\d%/.test(l));
    const match = /[0-9.]+%/.exec(percent);
    assert.ok(match !== null);
    assertScope(percent, match[0], 'constant.numeric.zh-report');
    const gwr1997 = corpusLine('cn_gwr_1997_national_government_work_report.txt', (l) => l.includes('１９９６年'));
    assertScope(gwr1997, '１９９６年', 'constant.numeric.zh-report');
    assertScope('今年第3季度增长12.5%', '第3季度', 'constant.numeric.zh-report');
    assertScope('今年第3季度增长12.5%', '12.5%', 'constant.numeric.zh-report');
    const old = corpusLine('cn_gwr_1954_national_government_work_report.txt', (l) => l.includes('百分之三十六點九') || l.includes('百分之三十六点九'));
    assertScope(old, '百分之三十六', 'constant.numeric.zh-report');
  });

  it('does not colour digits inside Latin words', () => {
    assertNoScope('GB18667 道路交通事故', '18667', 'constant.numeric');
  });
});

describe('grammar: regular expressions stay linear', () => {
  /** Every "match", "begin" and "end" of the grammar. */
  function regexes(node: unknown, found: string[] = []): string[] {
    if (Array.isArray(node)) {
      node.forEach((child) => regexes(child, found));
    } else if (typeof node === 'object' && node !== null) {
      for (const [key, value] of Object.entries(node)) {
        if ((key === 'match' || key === 'begin' || key === 'end') && typeof value === 'string') {
          found.push(value);
        } else {
          regexes(value, found);
        }
      }
    }
    return found;
  }

  /** True when a group that is itself repeated contains an unbounded quantifier (the shape of catastrophic backtracking). */
  function hasNestedUnboundedQuantifier(source: string): boolean {
    const groups: boolean[] = [];
    let inClass = false;
    for (let i = 0; i < source.length; i++) {
      const ch = source.charAt(i);
      if (ch === '\\') {
        i++;
        continue;
      }
      if (inClass) {
        inClass = ch !== ']';
        continue;
      }
      const next = source.charAt(i + 1);
      if (ch === '[') {
        inClass = true;
      } else if (ch === '(') {
        groups.push(false);
      } else if (ch === ')') {
        const innerUnbounded = groups.pop() ?? false;
        const repeated = next === '*' || next === '+' || next === '{' || next === '?';
        if (repeated && innerUnbounded && next !== '?') {
          return true;
        }
        if (groups.length > 0 && innerUnbounded) {
          groups[groups.length - 1] = true;
        }
      } else if ((ch === '*' || ch === '+' || (ch === '{' && /^\{\d+,\}/.test(source.slice(i)))) && groups.length > 0) {
        groups[groups.length - 1] = true;
      }
    }
    return false;
  }

  it('has no repeated group containing an unbounded quantifier', () => {
    const all = regexes(JSON.parse(readFileSync(GRAMMAR_PATH, 'utf8')));
    assert.ok(all.length > 20);
    assert.equal(hasNestedUnboundedQuantifier('(a+)+'), true);
    assert.equal(hasNestedUnboundedQuantifier('(?:[.][0-9]{1,3})?'), false);
    for (const source of all) {
      assert.equal(hasNestedUnboundedQuantifier(source), false, source);
    }
  });

  it('tokenizes long pathological lines quickly', () => {
    const lines = ['“'.repeat(20_000), '第'.repeat(20_000), '（以下简称'.repeat(4_000), '本法所称'.repeat(5_000), '1.'.repeat(10_000), '\u3000'.repeat(20_000) + '一、'];
    for (const line of lines) {
      const start = process.hrtime.bigint();
      tokenize(line);
      const ms = Number(process.hrtime.bigint() - start) / 1e6;
      assert.ok(ms < 1500, `${ms.toFixed(0)} ms for a ${line.length}-character line starting with ${JSON.stringify(line.slice(0, 6))}`);
    }
  });
});

describe('grammar: every kind of the marker table (server/src/core/markers.ts)', () => {
  /** The grammar's scope for each kind the outline numbers (壹、 and 甲、 are first levels of Taiwan judgments). */
  const SCOPES: Partial<Record<MarkerKind, string>> = {
    part: 'part', subpart: 'part', chapter: 'chapter', section: 'section', group: 'section', subgroup: 'section', article: 'article',
    cn: 'level1', cnFormal: 'level1', stem: 'level1', cnParen: 'level2', stemParen: 'level2', num: 'level3', numParen: 'level4', numHalf: 'level4', circled: 'level5',
    roman: 'level1', decimal: 'decimal', appendix: 'annex',
  };
  for (const kind of MARKER_KINDS) {
    const scope = SCOPES[kind];
    if (scope === undefined) continue;
    for (const marker of MARKERS[kind].examples) {
      it(`${kind} ${marker}`, () => {
        const family = MARKERS[kind].family;
        const line = `${marker}${family === 'law' || family === 'section' || kind === 'appendix' ? ' ' : ''}总体要求`;
        assertScope(line, marker, `markup.heading.marker.${scope}.zh-report`);
      });
    }
  }

  it('not a stem list inside a sentence (甲、乙双方) nor a sentence that starts with 附表', () => {
    assertNoScope('甲、乙双方约定如下', '甲、', 'markup.heading');
    assertNoScope('附表所列项目按年度更新', '附表', 'markup.heading');
    // a mainland 第二款 cited at a line start, an English "I." and a letter item i) are not markers
    assertNoScope('第二款规定的情形除外。', '第二款', 'markup.heading');
    assertNoScope('I. M. Pei designed the tower.', 'I.', 'markup.heading');
    assertNoScope('i)外伤性脑梗死，伴神经系统症状和体征。', 'i)', 'markup.heading');
  });
});
