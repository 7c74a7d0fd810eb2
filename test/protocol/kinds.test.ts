/**
 * Other kinds of documents over stdio against the built server (dist/server.js): the outline of a real annual report
 * with a table of contents and a real Taiwan judgment, go to definition from a 目录 entry to its heading, the
 * toc-mismatch diagnostic, and hover on a term defined by a 释义 table row.
 */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { ClientCapabilities, Diagnostic, DocumentSymbol, FoldingRange, FullDocumentDiagnosticReport, Hover, Location, MarkupContent } from 'vscode-languageserver-protocol';
import { EDITOR_CAPABILITIES, LspClient } from '../util/lsp-client';
import { readCorpus } from '../util/corpus';
import { REPO_ROOT } from '../util/paths';
import { positionOf, textOf } from '../util/text';

const CAPABILITIES: ClientCapabilities = {
  ...EDITOR_CAPABILITIES,
  textDocument: { ...EDITOR_CAPABILITIES.textDocument, diagnostic: { dynamicRegistration: false } },
};

function names(symbols: readonly DocumentSymbol[], depth = 0, out: string[] = []): string[] {
  for (const s of symbols) {
    out.push('  '.repeat(depth) + s.name);
    names(s.children ?? [], depth + 1, out);
  }
  return out;
}

describe('zh-report on other kinds of documents, over stdio', () => {
  let client: LspClient;
  const report = readCorpus('kinds/cn_annual_report_2024_ping_an_bank_excerpt.txt');
  const judgment = readCorpus('kinds/tw_judgment_2009_kinmen_high_court_wildlife_conservation_appeal.txt');
  const reportUri = 'file:///kinds/annual-report.txt';
  const judgmentUri = 'file:///kinds/judgment.txt';
  const at = (needle: string, offset = 1, nth = 0) => ({ textDocument: { uri: reportUri }, position: positionOf(report, needle, offset, nth) });

  before(async () => {
    client = LspClient.start();
    await client.initialize(CAPABILITIES);
    client.notify('textDocument/didOpen', { textDocument: { uri: reportUri, languageId: 'zh-report', version: 1, text: report } });
    client.notify('textDocument/didOpen', { textDocument: { uri: judgmentUri, languageId: 'zh-report', version: 1, text: judgment } });
  });

  after(async () => {
    await client.dispose();
  });

  it('outline: the 目录 lists headings but is none of them; the running header does not repeat a chapter', async () => {
    const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri: reportUri } });
    const outline = names(symbols);
    assert.equal(outline.filter((n) => n.trim().startsWith('第一章')).length, 1);
    assert.ok(!outline.some((n) => n.includes('....')), 'no dot leaders in the outline');
    assert.deepEqual(symbols[0]!.children!.slice(0, 4).map((s) => s.name), ['重要提示', '备查文件目录', '释义', '行长致辞']);
  });

  it('go to definition on a 目录 entry: the heading it lists', async () => {
    const locations = await client.request<Location[]>('textDocument/definition', at('第二章 会计数据和财务指标', 2));
    assert.equal(locations.length, 1);
    const target = locations[0]!.range;
    assert.equal(textOf(report, target), '第二章 会计数据和财务指标');
    assert.ok(target.start.line > 100, 'the body heading, not the entry');
  });

  it('toc-mismatch: the chapters the excerpt leaves out, as warnings with the code', async () => {
    const result = await client.request<FullDocumentDiagnosticReport>('textDocument/diagnostic', { textDocument: { uri: reportUri } });
    const toc = result.items.filter((d: Diagnostic) => d.code === 'toc-mismatch');
    assert.equal(toc.length, 17);
    assert.equal(textOf(report, toc[0]!.range), '第三章 管理层讨论与分析');
    assert.equal(toc[0]!.severity, 2);
  });

  it('hover on a term a 释义 row defines', async () => {
    const hover = await client.request<Hover>('textDocument/hover', at('本集团报告期', 1));
    assert.ok(hover, 'hover on 本集团');
    assert.ok((hover.contents as MarkupContent).value.includes('平安银行股份有限公司及其全资子公司'));
    const [definition] = await client.request<Location[]>('textDocument/definition', at('本集团报告期', 1));
    assert.equal(definition!.range.start.line, 69, 'the 释义 row');
  });

  it('a Taiwan judgment: 主文 / 事實 / 理由 at the top, 壹、 under 理由, 甲、 under 壹、', async () => {
    const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri: judgmentUri } });
    const top = symbols[0]!.children!.map((s) => s.name);
    assert.deepEqual(top.filter((n) => ['主文', '事實', '理由'].includes(n)), ['主文', '事實', '理由']);
    const reasons = symbols[0]!.children!.find((s) => s.name === '理由')!;
    assert.ok(reasons.children!.some((s) => s.name.startsWith('貳、')));
    const second = reasons.children!.find((s) => s.name.startsWith('貳、'))!;
    assert.ok(second.children!.some((s) => s.name.startsWith('甲、')));
  });

  it('a judgment’s signature block is end matter: 理由 and its fold end before 刑事庭 審判長法官…', async () => {
    const signer = judgment.split('\n').findIndex((l) => l.replace(/[\s\u3000]/g, '').startsWith('刑事庭審判長'));
    assert.ok(signer > 700);
    const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri: judgmentUri } });
    const reasons = symbols[0]!.children!.find((s) => s.name === '理由')!;
    const end = reasons.range.end;
    assert.ok(end.line < signer || (end.line === signer && end.character === 0), `理由 ends at ${end.line}:${end.character}`);
    assert.ok(end.line >= signer - 3, 'and not earlier than the last lines of the reasons');
    const folds = await client.request<FoldingRange[]>('textDocument/foldingRange', { textDocument: { uri: judgmentUri } });
    const fold = folds.find((f) => f.startLine === reasons.range.start.line)!;
    assert.ok(fold.endLine < signer, `the fold of 理由 ends at ${fold.endLine}`);
  });
});

/** A test file under test/fixtures/kinds. */
const fixture = (name: string): string => readFileSync(path.join(REPO_ROOT, 'test', 'fixtures', 'kinds', name), 'utf8');

/** A server for the enclosing describe block with these documents open (uri → text); call the result for the client. */
function openSession(documents: Readonly<Record<string, string>>): () => LspClient {
  let client: LspClient | undefined;
  before(async () => {
    client = LspClient.start();
    await client.initialize(CAPABILITIES);
    for (const [uri, text] of Object.entries(documents)) client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'zh-report', version: 1, text } });
  });
  after(async () => {
    await client?.dispose();
  });
  return () => client!;
}

/** Hover and go to definition at the `nth` `needle` of a document: the hover's text and the definition's range. */
async function hoverAndDefinition(client: LspClient, uri: string, text: string, needle: string, nth = 0): Promise<{ hover: string; definition: Location }> {
  const use = { textDocument: { uri }, position: positionOf(text, needle, 1, nth) };
  const hover = await client.request<Hover>('textDocument/hover', use);
  assert.ok(hover, `hover on ${needle}`);
  const [definition] = await client.request<Location[]>('textDocument/definition', use);
  assert.ok(definition, `a definition of ${needle}`);
  return { hover: (hover.contents as MarkupContent).value, definition };
}

describe('zh-report on the fourth pass’s documents, over stdio', () => {
  const budget = fixture('hk_budget_2018_legco_hansard.txt');
  const page = fixture('cn_judgment_2018_shenyang_administrative_second_instance_case_site_scrape.txt');
  const budgetUri = 'file:///kinds/budget.txt';
  const pageUri = 'file:///kinds/judgment-page.txt';
  const client = openSession({ [budgetUri]: budget, [pageUri]: page });

  it('hover and go to definition on a Hong Kong abbreviation 醫院管理局("醫管局")', async () => {
    const { hover, definition } = await hoverAndDefinition(client(), budgetUri, budget, '醫管局', 3);
    assert.ok(hover.includes('醫院管理局'));
    assert.equal(textOf(budget, definition.range), '醫院管理局("醫管局', 'the full form and the abbreviation it defines');
    assert.equal(definition.range.start.line, budget.split('\n').findIndex((l) => l.includes('醫院管理局("醫管局")')));
  });

  it('a case database’s judgment page: its title, and the section names as the outline', async () => {
    const symbols = await client().request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri: pageUri } });
    assert.equal(symbols[0]!.name, '李晶与沈阳市公安局皇姑分局明廉派出所撤销公安行政处罚决定纠纷二审行政判决书');
    assert.deepEqual(symbols[0]!.children!.map((s) => s.name), ['当事人信息', '审理经过', '一审法院查明']);
  });
});

describe('zh-report on the fifth pass’s contracts, over stdio', () => {
  const lease = fixture('cn_contract_finance_lease_platform_jsx_excerpt.txt');
  const loan = fixture('cn_contract_loan_platform_agreement_html_excerpt.txt');
  const leaseUri = 'file:///kinds/lease.txt';
  const loanUri = 'file:///kinds/loan.txt';
  const client = openSession({ [leaseUri]: lease, [loanUri]: loan });

  it('a clause glued to its number (1.2租赁物：指…) defines the term: hover and go to definition from a later clause', async () => {
    const { hover, definition } = await hoverAndDefinition(client(), leaseUri, lease, '租赁物的所有权属于');
    assert.ok(hover.includes('由甲方根据乙方的需求向供应商出资购买'));
    assert.equal(definition.range.start.line, lease.split('\n').findIndex((l) => l.startsWith('1.2租赁物')));
  });

  it('the outline: 1. 定义与解释 holds 1.1 … 1.10, 5.2 holds 5.2.1 … 5.2.3, 6. is back at the top', async () => {
    const symbols = await client().request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri: leaseUri } });
    const parts = symbols[0]!.children!;
    assert.deepEqual(parts.map((s) => s.name.slice(0, 2)), ['1.', '2.', '3.', '4.', '5.', '6.']);
    assert.equal(parts[0]!.children!.length, 10);
    assert.equal(parts[4]!.children![1]!.children!.length, 3);
  });

  it('a definitions list after 本合同中的下列词语和用语含义如下 (1. 本金，指…): hover on 容时期 in 第三条', async () => {
    const { hover, definition } = await hoverAndDefinition(client(), loanUri, loan, '容时期利息和容时期账户管理费');
    assert.ok(hover.includes('借款期满后7天内'));
    assert.equal(definition.range.start.line, loan.split('\n').findIndex((l) => l.startsWith('3. 容时期')));
  });
});

describe('zh-report on the ninth pass’s judgments, over stdio', () => {
  const bbs = fixture('cn_judgment_2004_guangzhou_maritime_ship_mortgage_loan_bbs_post_scrape.txt');
  const ruling = fixture('cn_ruling_2021_supreme_court_enforcement_supervision_cbi360_scrape.txt');
  const fjud = fixture('tw_judgment_2025_hualien_high_court_construction_appeal_fjud_scrape.txt');
  const bbsUri = 'file:///kinds/bbs-judgment.txt';
  const rulingUri = 'file:///kinds/ruling.txt';
  const fjudUri = 'file:///kinds/fjud.txt';
  const client = openSession({ [bbsUri]: bbs, [rulingUri]: ruling, [fjudUri]: fjud });

  it('(以下简称"顺华隆公司") in ASCII quotes: hover and go to definition from a later use', async () => {
    const { hover, definition } = await hoverAndDefinition(client(), bbsUri, bbs, '顺华隆公司所属', 0);
    assert.ok(hover.includes('深圳市顺华隆船务有限公司'));
    assert.equal(definition.range.start.line, bbs.split('\n').findIndex((l) => l.includes('以下简称"顺华隆公司"')));
  });

  it('a ruling’s （以下简称恒宇公司）: hover and go to definition from a later use', async () => {
    const { hover, definition } = await hoverAndDefinition(client(), rulingUri, ruling, '恒宇公司共同承担', 0);
    assert.ok(hover.includes('湖南恒宇石油安装有限公司'));
    assert.equal(definition.range.start.line, ruling.split('\n').findIndex((l) => l.includes('(以下简称恒宇公司)')));
  });

  it('a judgment database page (裁判書系統): the judgment’s head line is the title, 主文 / 事實及理由 > 壹、 the outline', async () => {
    const symbols = await client().request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri: fjudUri } });
    assert.equal(symbols[0]!.name, '臺灣高等法院花蓮分院民事判決');
    assert.deepEqual(symbols[0]!.children!.map((s) => s.name), ['主文', '事實及理由']);
    assert.equal(symbols[0]!.children![1]!.children![0]!.name, '壹、程序方面');
  });
});

describe('zh-report on the eighth pass’s documents, over stdio', () => {
  const lease = fixture('cn_contract_house_lease_model_essay_site_kuwen_scrape.txt');
  const plan = fixture('cn_plan_2005_national_grain_emergency_plan_letter_govcn_crawl.txt');
  const prospectus = fixture('cn_prospectus_summary_2010_kaiyuan_tourism_bond_definitions_xueke_scrape.txt');
  const leaseUri = 'file:///kinds/lease-compilation.txt';
  const planUri = 'file:///kinds/grain-plan.txt';
  const prospectusUri = 'file:///kinds/prospectus.txt';
  const client = openSession({ [leaseUri]: lease, [planUri]: plan, [prospectusUri]: prospectus });

  it('a prospectus’s 释义 rows under their intro (主承销商:指华林证券有限责任公司。): hover and go to definition from a later row', async () => {
    const { hover, definition } = await hoverAndDefinition(client(), prospectusUri, prospectus, '由主承销商为本期');
    assert.ok(hover.includes('华林证券有限责任公司'), hover);
    assert.equal(definition.range.start.line, prospectus.split('\n').findIndex((l) => l.includes('主承销商:指')));
  });

  it('a form’s 出租方:_______(以下简称甲方) defines 甲方 as 出租方, not as the blank: hover and go to definition from 1、', async () => {
    const { hover, definition } = await hoverAndDefinition(client(), leaseUri, lease, '甲方将其拥有的');
    assert.ok(hover.includes('出租方') && !hover.includes('____'), hover);
    assert.equal(definition.range.start.line, lease.split('\n').findIndex((l) => l.includes('(以下简称甲方)')));
  });

  it('a compilation page’s copies (房屋租赁合同1, 房屋租赁合同2) hold the contract’s sections', async () => {
    const symbols = await client().request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri: leaseUri } });
    const copies = symbols[0]!.children!;
    assert.deepEqual(copies.map((s) => s.name), ['房屋租赁合同1', '房屋租赁合同2']);
    assert.deepEqual(copies[0]!.children!.map((s) => s.name.slice(0, 2)), ['一、', '二、', '三、', '四、']);
  });

  it('an emergency plan’s 本预案所称粮食应急状态，是指…: hover and go to definition from a later use', async () => {
    const { hover, definition } = await hoverAndDefinition(client(), planUri, plan, '粮食应急状态下，对原粮');
    assert.ok(hover.includes('因各类突发公共事件'), hover);
    assert.equal(definition.range.start.line, plan.split('\n').findIndex((l) => l.startsWith('本预案所称粮食应急状态')));
  });
});
