/**
 * Three display languages, one set of keys: English, simplified Chinese (zh-cn) and traditional Chinese with Taiwan
 * usage (zh-tw, also used for zh-hk). The manifest strings (package.nls*.json), the client's runtime strings
 * (l10n/bundle.l10n.*.json) and the server's message table (server/src/messages.ts) have the same keys in every
 * language; the Taiwan texts use Taiwan words, not mainland words in traditional characters; and every message the
 * checks produce on the seed and the corpus has a hand-written Taiwan form (server/src/messagesTaiwan.ts).
 */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { analyze, indexTerms } from '../../server/src/core';
import { runChecks, type Localized } from '../../server/src/core/checks';
import { gbkCodec } from '../../server/src/node/codec';
import { scriptTable as scriptTableFromOpenCC } from '../util/host';
import { pick } from '../../server/src/messages';
import { DISPLAY_LANGUAGES, displayLanguageOf, MESSAGES } from '../../server/src/messages';
import { taiwanFromTable } from '../../server/src/messagesTaiwan';
import { converterTo, openccConverter } from '../../server/src/opencc';
import { rejectionMessage } from '../../server/src/service/documents';
import { corpusFiles, readCorpus, readSeed } from '../util/corpus';
import { REPO_ROOT } from '../util/paths';

function readJson(relative: string): Record<string, string> {
  return JSON.parse(readFileSync(path.join(REPO_ROOT, relative), 'utf8')) as Record<string, string>;
}

const placeholders = (s: string): string[] => (s.match(/\{\d+\}/g) ?? []).sort();

/**
 * Mainland words and their Taiwan counterparts: a Taiwan text holds none of the left-hand ones (written in traditional
 * characters, as a character conversion leaves them).
 */
const MAINLAND_WORDS: ReadonlyArray<readonly [string, string]> = [
  ['設置', '設定'], ['默認', '預設'], ['信息', '資訊'], ['程序', '程式'], ['搜索', '搜尋'], ['光標', '游標'], ['選中', '選取'],
  ['文本', '文字'], ['字符', '字元'], ['字節', '位元組'], ['全角', '全形'], ['半角', '半形'], ['列表', '清單'], ['保存', '儲存'],
  ['打開', '開啟'], ['創建', '建立'], ['新建', '新增'], ['菜單', '選單'], ['視圖', '檢視'], ['軟件', '軟體'], ['屏幕', '螢幕'],
  ['數據', '資料'], ['鏈接', '連結'], ['支持', '支援'], ['通過', '透過'], ['恢復', '還原'], ['網絡', '網路'], ['單擊', '按一下'],
];

/** Mojibake shown as examples keeps its mainland characters: it is what the broken text looks like. */
const KEPT_AS_WRITTEN = ['锟斤拷', '烫烫烫', '鍙戝竷'];
/**
 * Characters opencc maps to another traditional one although Taiwan writes them as they are: 游 (游標 is the Ministry of
 * Education's form; opencc gives 遊標), 台 (台灣 and 臺灣 are both standard).
 */
const TRADITIONAL_AS_IS = new Set([...'游台']);

function assertTaiwanUsage(text: string, where: string): void {
  for (const [mainland, taiwan] of MAINLAND_WORDS) {
    assert.ok(!text.includes(mainland), `${where}: ${mainland} is mainland usage (Taiwan: ${taiwan}) in ${JSON.stringify(text)}`);
  }
  // no simplified character left: converting each character to Taiwan characters changes none outside the kept examples
  let rest = text;
  for (const kept of KEPT_AS_WRITTEN) rest = rest.split(kept).join('');
  const convert = converterTo('tw');
  const simplified = [...rest].filter((ch) => !TRADITIONAL_AS_IS.has(ch) && convert(ch) !== ch);
  assert.deepEqual(simplified, [], `${where}: simplified characters in ${JSON.stringify(text)}`);
}

describe('localization: the same keys in English, simplified and traditional Chinese', () => {
  it('package.nls.json, package.nls.zh-cn.json and package.nls.zh-tw.json: the same keys, none empty, Taiwan usage', () => {
    const en = readJson('package.nls.json');
    for (const file of ['package.nls.zh-cn.json', 'package.nls.zh-tw.json']) {
      const nls = readJson(file);
      assert.deepEqual(Object.keys(nls).sort(), Object.keys(en).sort(), file);
      for (const [key, value] of Object.entries(nls)) assert.ok(value.trim().length > 0, `${file}: ${key}`);
    }
    for (const [key, value] of Object.entries(readJson('package.nls.zh-tw.json'))) assertTaiwanUsage(value, `package.nls.zh-tw.json ${key}`);
  });

  it('l10n bundles: zh-cn and zh-tw translate the same strings with the same placeholders, zh-tw in Taiwan usage', () => {
    const cn = readJson('l10n/bundle.l10n.zh-cn.json');
    const tw = readJson('l10n/bundle.l10n.zh-tw.json');
    assert.deepEqual(Object.keys(tw).sort(), Object.keys(cn).sort());
    for (const [source, translation] of Object.entries(tw)) {
      assert.deepEqual(placeholders(translation), placeholders(source), source);
      assertTaiwanUsage(translation, `bundle.l10n.zh-tw.json "${source}"`);
    }
  });

  it('the server’s message table: every key in the three languages, with the same placeholders', () => {
    assert.ok(Object.keys(MESSAGES).length >= 30);
    for (const [key, texts] of Object.entries(MESSAGES)) {
      for (const lang of DISPLAY_LANGUAGES) assert.ok(texts[lang].trim().length > 0, `${key} (${lang})`);
      assert.deepEqual(placeholders(texts['zh-cn']), placeholders(texts.en), key);
      assert.deepEqual(placeholders(texts['zh-tw']), placeholders(texts.en), key);
      assertTaiwanUsage(texts['zh-tw'], `messages.ts ${key}`);
    }
  });

  it('the display language from VS Code’s locale: zh-tw and zh-hk traditional, other zh simplified, else English', () => {
    assert.equal(displayLanguageOf('zh-tw'), 'zh-tw');
    assert.equal(displayLanguageOf('zh-TW'), 'zh-tw');
    assert.equal(displayLanguageOf('zh-hk'), 'zh-tw');
    assert.equal(displayLanguageOf('zh-Hant'), 'zh-tw');
    assert.equal(displayLanguageOf('zh-cn'), 'zh-cn');
    assert.equal(displayLanguageOf('zh-sg'), 'zh-cn');
    assert.equal(displayLanguageOf(undefined), 'zh-cn');
    assert.equal(displayLanguageOf('en-us'), 'en');
    assert.equal(displayLanguageOf('ja'), 'en');
  });
});

describe('localization: the checks’ messages in Taiwan Chinese', () => {
  it('shapes written by hand keep what they quote from the document as written', () => {
    const gap: Localized = { zh: '编号跳号：「一、」之后是「三、」，缺少「二、」。', en: '' };
    assert.equal(pick(gap, 'zh-tw'), '編號跳號：「一、」之後是「三、」，缺少「二、」。');
    // a fix title shows what the fix inserts: simplified text stays simplified
    assert.equal(pick({ zh: '恢复为：（三）抓“关键少数”', en: '' }, 'zh-tw'), '還原為：（三）抓“关键少数”');
    assert.equal(pick({ zh: '本行有 2 处拼音注音（网页抓取残留）：发(fā)、网(wǎng)', en: '' }, 'zh-tw'), '本行有 2 處拼音注音（網頁擷取殘留）：发(fā)、网(wǎng)');
    assert.equal(pick({ zh: 'x', en: 'y', tw: 'z' }, 'zh-tw'), 'z');
  });

  it('the warning for a document the server does not analyse, in each language, naming the setting', () => {
    const tooLarge = { reason: 'tooLarge', bytes: 30 * 1024 * 1024, limit: 20 * 1024 * 1024 } as const;
    assert.match(rejectionMessage('file:///r/big.txt', tooLarge, 'zh-tw'), /^zh-report：big\.txt 有 30\.0 MB，超過 20\.0 MB 的上限（VS Code 中的設定 zh-report\.maxFileSizeMB/);
    assert.match(rejectionMessage('file:///r/big.txt', tooLarge, 'zh-cn'), /超过 20\.0 MB 的上限（VS Code 中的设置 zh-report\.maxFileSizeMB/);
    assert.match(rejectionMessage('file:///r/big.txt', tooLarge), /over the 20\.0 MB limit/);
    assert.match(rejectionMessage('file:///r/a.bin', { reason: 'binary' }, 'zh-tw'), /二進位檔案/);
  });

  it('every message, fix title and related text the checks give on the seeds and the corpus has a Taiwan form', () => {
    const script = scriptTableFromOpenCC();
    const shapes = new Set<string>();
    const documents = [
      ...corpusFiles().map((name) => readCorpus(name)),
      // a table of contents that lists chapters the excerpt stops before (toc-mismatch)
      readCorpus('kinds/cn_annual_report_2024_ping_an_bank_excerpt.txt'),
      ...['chongqing-minjin-2017-scraped.txt', 'cn_reg_hazardous_chemicals_regulation_2013.md', 'tw_law_personal_data_protection_act.txt'].map(readSeed),
      // shapes real documents rarely show: a gap, a duplicate, an order, brackets, punctuation, pairs, terms, mojibake
      '一、甲\n三、乙\n三、丙\n二、丁\n（一）、戊\n(二)己\n1、庚\n（1）.辛\n“未完\n本办法所称“甲方”（以下简称“甲”）\n甲与甲方\n鍙戝竷\n',
      '第一条 总则\n第二条 细则\n第三条细则\n我们的發展\n',
      // citations of what the document lacks: an article, a paragraph, a previous article, a 专栏, an 附件
      '第一条 前款规定的事项。\n第二条 依照第九条、前两条和专栏3的规定，见附件2。\n',
    ];
    for (const text of documents) {
      const model = analyze(text, { codec: gbkCodec });
      const findings = runChecks(text, model, { codec: gbkCodec, script, terms: indexTerms(text, model, { converter: openccConverter }), enabled: () => true });
      for (const finding of findings) {
        const texts = [finding.message, ...finding.fixes.map((f) => f.title), ...(finding.related ?? []).map((r) => r.message)];
        for (const t of texts) {
          assert.notEqual(taiwanFromTable(t.zh), undefined, `no Taiwan form for ${finding.code}: ${t.zh}`);
          shapes.add(finding.code);
        }
      }
    }
    assert.ok(shapes.size >= 12, `checks seen: ${[...shapes].join(', ')}`);
  });
});
