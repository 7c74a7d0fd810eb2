/**
 * Key terms on real documents: the seed's acceptance cases (and the same answers on its simplified conversion,
 * made with opencc-js), and every corpus document: no exception, well-formed uses, and definitions found where a
 * plain search of the text says they are.
 */
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { analyze, indexTerms, termAt, UseFlag, type Term, type TermIndex } from '../../server/src/core';
import { gbkCodec } from '../../server/src/node/codec';
import { openccConverter } from '../../server/src/opencc';
import { corpusFiles, readCorpus, readSeed } from '../util/corpus';

const SEED = 'chongqing-minjin-2017-scraped.txt';
const GLOSS = '\\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ]+\\)';

function index(text: string): TermIndex {
  return indexTerms(text, analyze(text, { codec: gbkCodec }), { converter: openccConverter });
}

/** The term whose use starts at the `nth` occurrence of `spelling`. */
function termAtText(terms: TermIndex, text: string, spelling: string, nth = 0): Term {
  let at = -1;
  for (let i = 0; i <= nth; i++) at = text.indexOf(spelling, at + 1);
  assert.ok(at >= 0, `${spelling} (${nth}) not in the text`);
  const id = termAt(terms, at + 1);
  assert.ok(id >= 0, `no term at ${spelling}`);
  return terms.terms[id]!;
}

/** Every occurrence of a term's characters with an optional gloss after each, as a plain search finds them. */
function occurrences(text: string, term: string): string[] {
  const pattern = [...term].map((c) => c + `(?:${GLOSS})?`).join('');
  return [...text.matchAll(new RegExp(pattern, 'g'))].map((m) => m[0].replace(new RegExp(`${GLOSS}$`), ''));
}

function spellings(terms: TermIndex, term: Term, text: string): string[] {
  return [...term.uses].map((u) => text.slice(terms.uses.start[u], terms.uses.end[u]));
}

/** Uses sorted, inside the text, and each spelling folds back to its term's key. */
function assertWellFormed(terms: TermIndex, text: string, name: string): void {
  const { start, end, term, count } = terms.uses;
  for (let i = 0; i < count; i++) {
    assert.ok(start[i]! >= 0 && start[i]! < end[i]! && end[i]! <= text.length, `${name}: use ${i} out of bounds`);
    if (i > 0) assert.ok(start[i - 1]! <= start[i]!, `${name}: uses out of order at ${i}`);
    const t = terms.terms[term[i]!]!;
    assert.equal(terms.keyOf(text.slice(start[i], end[i])), t.key, `${name}: use ${i} does not spell ${t.name}`);
  }
  terms.terms.forEach((t, id) => {
    for (let k = 0; k < t.uses.length; k++) assert.equal(term[t.uses[k]!], id, `${name}: ${t.name} lists a use of another term`);
    for (const d of t.definitions) {
      assert.ok(d.termStart < d.termEnd && d.textStart < d.textEnd && d.start <= d.termStart && d.end >= d.textEnd, `${name}: ranges of ${t.name}`);
      assert.ok(d.text.length > 0, `${name}: empty definition of ${t.name}`);
    }
  });
}

describe('terms: the seed (traditional, glossed, scraped) and its simplified conversion', () => {
  const traditional = readSeed(SEED);
  // one conversion for the document and the phrases the tests look for
  const phrases = ['五指緊扣', '市委會機關“四處一室”從制度機制入手', '形成合力。', '七措連環', '大宣傳工作理念和工作格局', '四個自信', '上沙龍', '網上沙龍', '金點子'];
  const [simplified = '', ...converted] = openccConverter.toSimplified([traditional, ...phrases].join('\u0000')).split('\u0000');
  const toCn = (s: string): string => {
    const i = phrases.indexOf(s);
    assert.ok(i >= 0 && converted[i] !== undefined, `${s} was not converted`);
    return converted[i];
  };

  for (const [label, text, convert] of [
    ['traditional', traditional, (s: string) => s],
    ['simplified', simplified, toCn],
  ] as const) {
    describe(label, () => {
      const terms = index(text);

      it('is well formed', () => assertWellFormed(terms, text, `seed (${label})`));

      it('五指緊扣 in the （一） heading: its colon definition', () => {
        const heading = text.indexOf('(一)“' + convert('五指緊扣'));
        assert.ok(heading >= 0, 'the (一) heading');
        const term = termAtText(terms, text, convert('五指緊扣'));
        assert.ok(term.uses.length >= 2);
        assert.equal(terms.uses.start[term.uses[0]!], heading + 4, 'the first use is the one in the heading');
        const d = term.definitions[0];
        assert.equal(d?.kind, 'colon');
        assert.ok(d.text.startsWith(convert('市委會機關“四處一室”從制度機制入手')), d.text);
        assert.ok(d.text.endsWith(convert('形成合力。')), d.text);
      });

      it('七措連環: its 即 definition', () => {
        const term = termAtText(terms, text, convert('七措連環'));
        const d = term.definitions[0];
        assert.equal(d?.kind, 'namely');
        assert.ok(d.text.startsWith('采取'), `the defining text is what follows 即: ${d.text}`); // the seed writes 采取 in both scripts
        assert.ok(d.text.includes(convert('大宣傳工作理念和工作格局')), d.text);
        assert.doesNotMatch(d.text, new RegExp(GLOSS), 'glosses are stripped from the text shown');
      });

      it('四個自信: no definition in the document, the built-in expansion', () => {
        const term = termAtText(terms, text, convert('四個自信'));
        assert.equal(term.definitions.length, 0);
        assert.equal(term.kind, 'formula');
        assert.equal(term.builtin?.text, '道路自信、理论自信、制度自信、文化自信');
      });

      it('網上沙龍: every use, the glossed 網(wǎng)上沙龍 spellings included', () => {
        const term = termAtText(terms, text, convert('上沙龍'));
        const expected = occurrences(text, convert('網上沙龍'));
        assert.ok(expected.length >= 4, `a plain search finds ${expected.length}`);
        assert.deepEqual(spellings(terms, term, text), expected);
        assert.ok(expected.some((s) => new RegExp(GLOSS).test(s)), 'the seed writes it with a gloss');
      });

      it('金點子: all of its uses, quoted or not', () => {
        const term = termAtText(terms, text, convert('金點子'));
        const expected = occurrences(text, convert('金點子'));
        assert.equal(term.uses.length, expected.length);
        const quoted = [...term.uses].filter((u) => (terms.uses.flags[u]! & UseFlag.Quoted) !== 0).length;
        assert.ok(quoted > 0 && quoted < term.uses.length, 'some quoted, some not (邀請金點子提供者)');
      });
    });
  }

  it('both scripts give the same terms, keys and use counts', () => {
    const a = index(traditional);
    const b = index(simplified);
    const summary = (t: TermIndex): string[] => t.terms.map((x) => `${x.key}:${x.kind}:${x.uses.length}:${x.definitions.map((d) => d.kind).join(',')}`).sort();
    assert.deepEqual(summary(b), summary(a));
  });
});

describe('terms: every corpus document', () => {
  for (const name of corpusFiles()) {
    it(`${name}: no exception, well-formed uses`, () => {
      const text = readCorpus(name);
      const terms = index(text);
      assertWellFormed(terms, text, name);
    });
  }

  /** The term of that name, with its definitions. */
  function defined(terms: TermIndex, name: string): Term {
    const id = terms.termOfKey(terms.keyOf(name));
    assert.ok(id >= 0, `${name} is not a term`);
    const t = terms.terms[id]!;
    assert.ok(t.definitions.length > 0, `${name} is not defined`);
    return t;
  }

  it('hazardous chemicals regulation: each 本条例所称X，是指 and each (以下简称/统称X)', () => {
    const text = readCorpus('cn_reg_hazardous_chemicals_regulation_2013.md');
    const terms = index(text);
    const meanings = [...text.matchAll(/本条例所称([^，。]+)，是指/g)].map((m) => m[1]!);
    assert.deepEqual(meanings, ['危险化学品', '重大危险源']);
    for (const m of meanings) assert.equal(defined(terms, m).definitions[0]!.kind, 'meaning');
    const abbreviations = [...text.matchAll(/[（(]以下(?:简称|统称)([^）)]+)[）)]/g)].map((m) => m[1]!);
    assert.equal(abbreviations.length, 7);
    for (const a of abbreviations) assert.equal(defined(terms, a).definitions[0]!.kind, 'abbreviation');
    assert.equal(defined(terms, '危险化学品单位').definitions[0]!.fullForm, '生产、储存、使用、经营、运输危险化学品的单位');
  });

  it('Sichuan report: every 名词解释 entry, and the body uses the abbreviations it explains', () => {
    const text = readCorpus('cn_prov_2026_sichuan_government_work_report.txt');
    const terms = index(text);
    const glossary = text.slice(text.indexOf('\n名词解释\n'));
    const entries = glossary.split('\n').filter((line) => /^\d+\./.test(line));
    const found = terms.terms.flatMap((t) => t.definitions.filter((d) => d.kind === 'glossary'));
    assert.equal(found.length, entries.length, `${entries.length} numbered entries`);
    const twoHeavy = defined(terms, '两重');
    assert.equal(twoHeavy.definitions[0]!.text, '是指国家重大战略实施和重点领域安全能力建设。');
    assert.ok(twoHeavy.uses.length >= 2, 'used in the body too');
    const bodyUse = [...twoHeavy.uses].some((u) => terms.uses.start[u]! < text.indexOf('\n名词解释\n'));
    assert.ok(bodyUse, '两重 is used before its glossary entry');
    // an entry whose text runs over lines broken by removed links
    assert.match(defined(terms, '双向揭榜挂帅').definitions[0]!.text, /^企业找技术、成果找市场“双向揭榜挂帅”的简称/);
  });

  it('Taiwan civil code: each 稱X者，謂/為…', () => {
    const text = readCorpus('tw_law_civil_code.txt');
    const terms = index(text);
    // one-character terms (稱家者，謂…) are left out on purpose: a single character would match everywhere (國家)
    const called = [...text.matchAll(/^稱([^，。者]{2,})者，[謂為]/gm)].map((m) => m[1]!);
    assert.ok(called.length >= 40, `${called.length}`);
    for (const c of called) assert.equal(defined(terms, c).definitions[0]!.kind, 'called');
  });

  it('Taiwan personal data act: the 定義如下 list, nine terms', () => {
    const text = readCorpus('tw_law_personal_data_protection_act.txt');
    const terms = index(text);
    const listed = terms.terms.filter((t) => t.definitions[0]?.kind === 'list').map((t) => t.name);
    assert.deepEqual(listed, ['個人資料', '個人資料檔案', '蒐集', '處理', '利用', '國際傳輸', '公務機關', '非公務機關', '當事人']);
  });

  it('criminal law: each 本法所称X，是指', () => {
    const text = readCorpus('cn_law_criminal_law.md');
    const terms = index(text);
    const meanings = [...text.matchAll(/本法所称的?([^，。]+)，是指/g)].map((m) => m[1]!);
    assert.ok(meanings.length >= 10, `${meanings.length}`);
    for (const m of meanings) assert.equal(defined(terms, m).definitions[0]!.kind, 'meaning');
  });

  it('Beijing report: 《纲要草案》 abbreviates the title before it', () => {
    const text = readCorpus('cn_prov_2026_beijing_government_work_report.txt');
    const t = defined(index(text), '纲要草案');
    assert.equal(t.definitions[0]!.fullForm, '《北京市国民经济和社会发展第十五个五年规划纲要（草案）》');
    assert.ok(t.uses.length >= 3);
  });
});
