/**
 * The marker table (server/src/core/markers.ts) through every consumer: every marker kind of ../shared/DOMAIN.md, by
 * the table's own examples, is recognised by its scanner, put in the outline by the parser, numbered by the numbering
 * check, punctuated by the punctuation check, read as a list item by the terms extractor, shown with its symbol kind
 * and label in the outline, and counted (or not) by the client's report detection. Then the Taiwan-style 壹、貳、參、
 * (and 壹、贰、叁、) headings in each of them on a small judgment, and the Kinmen judgment of the corpus.
 */
import { strict as assert } from 'node:assert';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { SymbolKind } from 'vscode-languageserver';
import { reportSignals } from '../../client/src/detect';
import { analyze, indexTerms, type MarkerKind, type ReportModel } from '../../server/src/core';
import { cnNumeralCodes } from '../../server/src/core/chars';
import { runChecks, type Finding } from '../../server/src/core/checks';
import {
  FORMAL_NUMERALS, LAW_UNIT_CHARS, LspSymbolKind, MARKERS, MARKER_KINDS, MARKER_LABELS, MARKER_SYMBOL_KINDS, STEMS,
  fixedRank, gbLevel, matchMarker, nestsByOrder, restyleMarker,
} from '../../server/src/core/markers';
import { KIND_LABELS, SYMBOL_KINDS } from '../../server/src/service/symbols';
import { MARKER_CHARS } from '../../server/src/protocol/markers';
import { CORPUS_DIR } from '../util/corpus';

/** A line headed by `marker`: law structure and 3.1 take a blank before their title, list markers none. */
function line(kind: MarkerKind, marker: string, title = '总体要求'): string {
  const family = MARKERS[kind].family;
  const blank = family === 'law' || family === 'section' || kind === 'appendix' ? ' ' : '';
  return `${marker}${blank}${title}`;
}

function doc(...lines: string[]): string {
  return `关于测试的报告\n\n${lines.join('\n')}\n`;
}

/**
 * `lines` in the context their kind needs (MarkerKindInfo.accept), and the line number of the first of them:
 * 第 一 款 / 第 一 目 groups in a Taiwan law, below a 節 (and a 款), each above an article; I. II. in a run from I.
 */
function inContext(kind: MarkerKind, ...lines: string[]): { text: string; first: number } {
  const accept = MARKERS[kind].accept;
  if (accept === 'group') {
    const head = ['民法', '', '第 一 章 通則', '', '第 一 節 法例', ...(kind === 'subgroup' ? ['', '第 一 款 通則'] : []), ''];
    let n = 0;
    const body = lines.flatMap((l) => (l === '正文。' ? [] : [l, `第 ${++n} 條`, '本法之規定，於前項情形準用之。']));
    return { text: [...head, ...body].join('\n') + '\n', first: head.length };
  }
  if (accept === 'run') {
    // the run up to the first line's number (or the II. after a lone I.)
    const first = matchMarker(lines[0]!, 0, lines[0]!.length)!;
    const marker = lines[0]!.slice(first.start, first.end);
    const before = Array.from({ length: first.ordinal! - 1 }, (_, i) => [line(kind, restyleMarker(marker, kind, i + 1)!, '背景'), '正文。']).flat();
    const after = lines.length === 1 && first.ordinal === 1 ? ['正文。', line(kind, restyleMarker(marker, kind, 2)!, '其他事项')] : [];
    return { text: doc(...before, ...lines, ...after), first: 2 + before.length };
  }
  return { text: doc(...lines), first: 2 };
}

const numbered = MARKER_KINDS.filter((k) => MARKERS[k].scanner !== 'none');

/** The kinds the client's report detection counts as structural headings (a `1.` item, 第一、, 附件 do not count). */
const DETECTED = new Set<MarkerKind>(['part', 'subpart', 'chapter', 'section', 'article', 'cn', 'cnFormal', 'stem', 'cnParen', 'numParen', 'circled', 'roman', 'decimal']);

describe('the marker table: every kind through every consumer', () => {
  it('covers every marker kind of DOMAIN.md with examples', () => {
    const examples = numbered.flatMap((k) => MARKERS[k].examples);
    for (const m of ['一、', '（一）', '(一)', '1.', '1．', '（1）', '(1)', '①', '第一编', '第一章', '第一节', '第一条', '第十五条之一', '第 1 條', '3.1', '3.1.2', '附件', '壹、', '貳、', '參、', '贰、', '叁、', '第一篇', '第一部分', '１．', '（１）', '甲、', '第一、']) {
      assert.ok(examples.includes(m), `no example ${m}`);
    }
    for (const k of numbered) assert.ok(MARKERS[k].examples.length > 0, k);
  });

  for (const kind of numbered) {
    for (const marker of MARKERS[kind].examples) {
      const text = line(kind, marker);
      it(`${kind} ${marker}: scanner, outline, symbol, detection`, () => {
        // the scanner
        const m = matchMarker(text, 0, text.length);
        assert.equal(m?.kind, kind, text);
        assert.equal(text.slice(m.start, m.end).trim(), marker.trim());
        // the parser: the line is a heading of this kind in the outline
        const context = inContext(kind, text);
        const model = analyze(context.text);
        const h = model.headings.find((x) => x.line === context.first);
        assert.equal(h?.kind, kind, model.headings.map((x) => `${x.kind} ${x.name}`).join(' | '));
        assert.equal(h.marker, marker.trim());
        // the outline's symbol kind and label (features/documentSymbols.ts reads the same)
        assert.equal(SYMBOL_KINDS[kind], MARKER_SYMBOL_KINDS[kind]);
        assert.equal(KIND_LABELS[kind], MARKER_LABELS[kind]);
        // the client's report detection
        assert.equal(reportSignals(text).headings, DETECTED.has(kind) ? 1 : 0, text);
        // acceptance: a marker that needs text is no heading alone on its line (一、 and 壹、 alike)
        if (MARKERS[kind].accept === 'text' || MARKERS[kind].accept === 'run') {
          const bare = analyze(doc(marker, '正文。'));
          assert.equal(bare.headings.find((x) => x.line === 2), undefined, `${marker} alone`);
        }
      });

      const restyle = MARKERS[kind].restyle;
      if (restyle !== undefined && m0(text)?.ordinal !== undefined) {
        it(`${kind} ${marker}: renumbered in its own style`, () => {
          for (const n of [1, 2, 3, 9, 10, 11]) {
            const other = restyleMarker(marker, kind, n);
            if (other === undefined) continue;
            const s = line(kind, other);
            const m = matchMarker(s, 0, s.length);
            assert.equal(m?.kind, kind, s);
            // 3.1 → 3.n: a decimal's number is its last component (the scanner's ordinal is its first)
            if (kind === 'decimal') assert.ok(other.replace(/[０-９．]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0)).endsWith(`.${n}`), other);
            else assert.equal(m.ordinal, n, s);
          }
        });
      }
    }
  }

  for (const kind of numbered.filter((k) => MARKERS[k].gbLevel > 0 || k === 'cnFormal' || k === 'stem')) {
    for (const marker of MARKERS[kind].examples) {
      it(`${kind} ${marker}: numbering gap, punctuation, terms list`, () => {
        const at = (n: number): string => restyleMarker(marker, kind, n) ?? assert.fail(`${marker} cannot hold ${n}`);
        // the numbering check names the missing marker in the list's own style
        const gap = doc(line(kind, at(1), '总体要求'), '正文。', line(kind, at(2), '主要任务'), '正文。', line(kind, at(4), '保障措施'), '正文。');
        const findings = runChecks(gap, analyze(gap)).filter((f) => f.code === 'numbering-gap');
        assert.equal(findings.length, 1, findings.map((f) => f.message.zh).join(' | '));
        assert.ok(findings[0]!.message.zh.includes(`「${at(3)}」`), findings[0]!.message.zh);
        // the punctuation check: the separator the table names, and a fix to it
        const sep = MARKERS[kind].separator;
        const c = marker.charCodeAt(0);
        const enclosedChar = marker.length === 1 && c >= 0x2460;
        if (sep === '、' && kind !== 'stem') {
          const wrong = marker.slice(0, -1) + '．';
          assert.deepEqual(punctuation(doc(line(kind, wrong))), [`${wrong}→${marker}`]);
        } else if (sep === '.' && !enclosedChar) {
          const wrong = marker.slice(0, -1) + '、';
          assert.deepEqual(punctuation(doc(line(kind, wrong))), [`${wrong}→${marker.slice(0, -1)}.`]);
        } else if (sep === '') {
          assert.deepEqual(punctuation(doc(`${marker}、总体要求`)), [`${marker}、→${marker}`]);
        }
        // the terms extractor: a 下列用语的含义 list numbered with these markers defines its terms
        const list = `第九十八条 本法下列用语的含义：\n${at(1)}危险物品，是指易燃易爆、有毒有害的物品；\n${at(2)}重大事故，是指造成重大损失的事故。\n第九十九条 储存危险物品。\n`;
        assert.deepEqual(listTerms(list), ['危险物品', '重大事故'], list);
      });
    }
  }

  for (const kind of numbered.filter((k) => MARKERS[k].gbLevel === 0 && k !== 'cnFormal' && k !== 'stem')) {
    for (const marker of MARKERS[kind].examples) {
      const at = (n: number): string | undefined => restyleMarker(marker, kind, n);
      if (at(1) === undefined) continue; // 附件 with no number
      it(`${kind} ${marker}: a numbering gap named in the marker's own style`, () => {
        const gap = inContext(kind, line(kind, at(1)!, '总体要求'), '正文。', line(kind, at(2)!, '主要任务'), '正文。', line(kind, at(4)!, '保障措施'), '正文。').text;
        const findings = runChecks(gap, analyze(gap)).filter((f) => f.code === 'numbering-gap');
        assert.equal(findings.length, 1, findings.map((f) => f.message.zh).join(' | '));
        assert.ok(findings[0]!.message.zh.includes(`「${at(3)}」`), findings[0]!.message.zh);
        // the same digits (１ or 1) and numerals (一 or 1) as the marker
        assert.equal(/[０-９]/.test(at(3)!), /[０-９]/.test(marker), at(3));
        assert.equal(/[0-9]/.test(at(3)!), /[0-9]/.test(marker), at(3));
      });
    }
  }

  it('one name, one meaning: GB/T levels, nesting by order and fixed ranks', () => {
    assert.deepEqual(MARKER_KINDS.filter((k) => gbLevel(k) > 0).sort((a, b) => gbLevel(a) - gbLevel(b)), ['cn', 'cnParen', 'num', 'numParen', 'circled']);
    for (const k of MARKER_KINDS) {
      // a kind either nests by the order in which kinds appear or has a fixed rank (title and Markdown: neither)
      const ranked = fixedRank({ kind: k, depth: 1, marker: 'x' }) !== undefined;
      assert.ok(!(ranked && nestsByOrder(k)), k);
      if (MARKERS[k].family === 'list') assert.ok(nestsByOrder(k), k);
      if (MARKERS[k].family === 'law') assert.ok(ranked, k);
    }
    assert.equal(fixedRank({ kind: 'decimal', depth: 2, marker: '3.1' }), 12);
    assert.equal(fixedRank({ kind: 'appendix', depth: 0, marker: '' }), 0.75);
  });

  it('LSP symbol kinds are LSP’s own numbers', () => {
    for (const [name, value] of Object.entries(LspSymbolKind)) assert.equal(SymbolKind[name as keyof typeof SymbolKind], value, name);
  });

  it('the protocol’s marker characters (the client’s detection) are the core table’s', () => {
    assert.equal(MARKER_CHARS.formal, FORMAL_NUMERALS);
    assert.equal(MARKER_CHARS.stems, STEMS);
    assert.equal(MARKER_CHARS.lawUnits, LAW_UNIT_CHARS);
    const core = new Set(cnNumeralCodes().map((c) => String.fromCharCode(c)));
    for (const ch of MARKER_CHARS.numerals) assert.ok(core.has(ch), ch);
    // every numeral the core reads is either plain, formal, or a variant the client need not know (Ｏ 兩 万 萬)
    for (const ch of core) assert.ok(MARKER_CHARS.numerals.includes(ch) || MARKER_CHARS.formal.includes(ch) || 'Ｏ兩万萬'.includes(ch), ch);
  });
});

function m0(s: string): ReturnType<typeof matchMarker> {
  return matchMarker(s, 0, s.length);
}

function punctuation(text: string): string[] {
  const model = analyze(text);
  return runChecks(text, model).filter((f: Finding) => f.code === 'marker-punctuation')
    .map((f) => `${text.slice(f.start, f.end)}→${f.fixes[0]?.edits[0]?.newText}`);
}

function listTerms(text: string): string[] {
  const model: ReportModel = analyze(text);
  return indexTerms(text, model).terms.filter((t) => t.definitions.some((d) => d.kind === 'list')).map((t) => t.name).sort();
}

describe('Taiwan-style 壹、貳、參、 (and 壹、贰、叁、) headings in every consumer', () => {
  const judgment = (one: string, two: string, three: string, four: string): string => [
    '臺灣高等法院刑事判決', '', '主  文', '上訴駁回。', '', '理  由',
    `${one}、程序部分`, '一、本件被告經合法傳喚，無正當理由不到庭。', '二、爰不待其陳述，逕行判決。',
    `${two}、實體部分`, '一、原告主張略以：被告應負賠償責任。', '二、被告則以：其並無過失等語置辯。',
    `${three}、論罪科刑`, '一、核被告所為，係犯刑法第二百七十七條第一項之傷害罪。',
    `${four}、結論`, '據上論斷，應依刑事訴訟法第三百六十八條，判決如主文。', '',
  ].join('\n');
  const traditional = judgment('壹', '貳', '參', '肆');
  const simplified = judgment('壹', '贰', '叁', '肆');

  for (const [script, text] of [['traditional', traditional], ['simplified', simplified]] as const) {
    it(`${script}: the outline nests 一、 under 壹、 (the same tree as the judgment's own 一、 levels)`, () => {
      const model = analyze(text);
      const formal = model.headings.filter((h) => h.kind === 'cnFormal');
      assert.deepEqual(formal.map((h) => h.ordinal), [1, 2, 3, 4]);
      const under = (h: typeof formal[number]): string[] => h.children.map((i) => model.headings[i]!.marker);
      assert.deepEqual(formal.map(under), [['一、', '二、'], ['一、', '二、'], ['一、'], []]);
    });

    it(`${script}: no numbering finding (壹、 and 一、 are two families); a gap named in formal numerals`, () => {
      assert.deepEqual(runChecks(text, analyze(text)).filter((f) => f.code.startsWith('numbering')).map((f) => f.message.zh), []);
      const gap = text.replace(/^[參叁]、論罪科刑[^]*?(?=^肆)/m, '');
      const found = runChecks(gap, analyze(gap)).filter((f) => f.code === 'numbering-gap').map((f) => f.message.zh);
      assert.equal(found.length, 1, found.join(' | '));
      assert.ok(found[0]!.includes(script === 'traditional' ? '「參、」' : '「叁、」'), found[0]);
    });

    it(`${script}: 參． and 肆， are fixed to 參、 and 肆、`, () => {
      const three = script === 'traditional' ? '參' : '叁';
      const wrong = text.replace(`${three}、論罪科刑`, `${three}．論罪科刑`).replace('肆、結論', '肆，結論');
      assert.deepEqual(punctuation(wrong), [`${three}．→${three}、`, '肆，→肆、']);
    });

    it(`${script}: the client's report detection counts the four headings like 一、`, () => {
      const plain = text.replace(/^[壹貳贰參叁肆]、/gm, 'X、');
      assert.equal(reportSignals(text).headings - reportSignals(plain).headings, 4);
    });
  }

  it('a 下列用语的含义 list numbered 壹、贰、 or 壹、貳、 yields the terms the list numbered 一、二、 does', () => {
    const list = (a: string, b: string): string => `第二条 下列用语的含义：\n${a}、数据处理者，是指自主决定处理目的的组织。\n${b}、重要数据，是指可能危害国家安全的数据。\n第三条 本规定自发布之日起施行。\n`;
    const plain = listTerms(list('一', '二'));
    assert.deepEqual(plain, ['数据处理者', '重要数据']);
    assert.deepEqual(listTerms(list('壹', '贰')), plain);
    assert.deepEqual(listTerms(list('壹', '貳')), plain);
  });

  it('the Kinmen judgment (kinds/): 壹、 貳、 參、 in the outline, no numbering finding on them, counted by the detection', () => {
    const file = path.join(CORPUS_DIR, 'kinds', 'tw_judgment_2009_kinmen_high_court_wildlife_conservation_appeal.txt');
    if (!existsSync(file)) assert.fail(`missing ${file}: the tests need ../shared/corpus`);
    const text = readFileSync(file, 'utf8');
    const model = analyze(text);
    assert.deepEqual(model.headings.filter((h) => h.kind === 'cnFormal').map((h) => h.marker), ['壹、', '貳、', '參、']);
    const formalFindings = runChecks(text, model).filter((f) => /[壹貳參]/.test(text.slice(f.start, f.end)));
    assert.deepEqual(formalFindings.map((f) => f.code), []);
    const withoutFormal = text.replace(/^([ \u3000]*)[壹貳參]、/gm, '$1X、');
    assert.equal(reportSignals(text).headings - reportSignals(withoutFormal).headings, 3);
  });
});
