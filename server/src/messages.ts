/**
 * The server's words for people, in the display language of the client: English, simplified Chinese (mainland usage)
 * or traditional Chinese (Taiwan usage: 設定, 檔案, 資訊, 預設, 游標 …, written by hand, not converted).
 *
 * The language comes from `InitializeParams.locale` (VS Code sends its display language: en, zh-cn, zh-tw …).
 * zh-tw, zh-hk, zh-mo and zh-Hant get traditional Chinese; any other zh, or no locale at all, simplified Chinese (the
 * documents are Chinese); anything else English.
 *
 * Messages with a `{0}` take arguments. Every key has all three languages (the type says so; a unit test checks that
 * none is empty and that the Taiwan text has no mainland words).
 */
import type { Localized } from './core/checks';
import { taiwanMessage } from './messagesTaiwan';

export type DisplayLanguage = 'en' | 'zh-cn' | 'zh-tw';

export const DISPLAY_LANGUAGES: readonly DisplayLanguage[] = ['en', 'zh-cn', 'zh-tw'];

export function displayLanguageOf(locale: string | undefined): DisplayLanguage {
  const l = (locale ?? '').toLowerCase();
  if (l === '' || l === 'zh') return 'zh-cn';
  if (!l.startsWith('zh')) return 'en';
  return /^zh[-_](?:tw|hk|mo|hant)/.test(l) ? 'zh-tw' : 'zh-cn';
}

export type Texts = Readonly<Record<DisplayLanguage, string>>;

export const MESSAGES = {
  // hover on a term: its kind
  'term.defined': { en: 'Defined term', 'zh-cn': '术语', 'zh-tw': '術語' },
  'term.plan': { en: 'Five-year plan', 'zh-cn': '五年规划', 'zh-tw': '五年規劃' },
  'term.formula': { en: 'Numbered formula', 'zh-cn': '数字化缩略语', 'zh-tw': '數字縮略語' },
  'term.title': { en: 'Title', 'zh-cn': '书名', 'zh-tw': '書名' },
  'term.quoted': { en: 'Quoted term', 'zh-cn': '引号术语', 'zh-tw': '引號術語' },
  'term.abbreviation': { en: 'Abbreviation', 'zh-cn': '简称', 'zh-tw': '簡稱' },
  'term.listed': { en: 'Defined term (list)', 'zh-cn': '用语定义', 'zh-tw': '用語定義' },
  'term.glossary': { en: 'Glossary term', 'zh-cn': '名词解释', 'zh-tw': '名詞解釋' },
  // hover on a term: its lines
  'hover.fullForm': { en: 'Full form', 'zh-cn': '全称', 'zh-tw': '全稱' },
  'hover.definition': { en: 'Definition', 'zh-cn': '定义', 'zh-tw': '定義' },
  'hover.definedIn': { en: 'Defined in', 'zh-cn': '出处', 'zh-tw': '出處' },
  'hover.moreDefinitions': { en: '{0} more definition(s)', 'zh-cn': '另有 {0} 处定义', 'zh-tw': '另有 {0} 處定義' },
  'hover.builtin': { en: 'Built-in', 'zh-cn': '内置释义', 'zh-tw': '內建釋義' },
  'hover.builtinNote': {
    en: 'Not defined in this document; the publicly stated expansion',
    'zh-cn': '文中未定义，按公开表述补充',
    'zh-tw': '文中未定義，依公開說法補充',
  },
  'hover.firstUse': { en: 'First use', 'zh-cn': '首次出现', 'zh-tw': '首次出現' },
  'hover.at': { en: 'At', 'zh-cn': '位置', 'zh-tw': '位置' },
  'hover.line': { en: 'line {0}', 'zh-cn': '第 {0} 行', 'zh-tw': '第 {0} 行' },
  'hover.uses': { en: 'Uses', 'zh-cn': '用例', 'zh-tw': '出現次數' },
  'hover.variants': { en: 'Variants', 'zh-cn': '写法', 'zh-tw': '寫法' },
  // hover on a citation
  'citation.label': { en: 'Citation', 'zh-cn': '引用', 'zh-tw': '引用' },
  'citation.other': { en: 'Cites another document', 'zh-cn': '引用其他文件', 'zh-tw': '引用其他檔案' },
  'citation.notInWorkspace': { en: 'Not in the workspace', 'zh-cn': '工作区中没有这份文件', 'zh-tw': '工作區中沒有這份檔案' },
  // completion of a term: its uses
  'completion.uses': { en: '{0} uses', 'zh-cn': '{0} 处', 'zh-tw': '{0} 處' },
  // hover on a heading marker
  'hover.path': { en: 'Path', 'zh-cn': '位置', 'zh-tw': '位置' },
  'hover.size': { en: 'Size', 'zh-cn': '篇幅', 'zh-tw': '篇幅' },
  'hover.words': { en: '{0} 字 (as Word counts)', 'zh-cn': '{0} 字', 'zh-tw': '{0} 字' },
  'hover.subsections': { en: '{0} sub-sections', 'zh-cn': '{0} 个小节', 'zh-tw': '{0} 個小節' },
  'hover.subsectionsNested': { en: '{0} sub-sections, {1} in all', 'zh-cn': '{0} 个下级小节，共 {1} 个', 'zh-tw': '{0} 個下層小節，共 {1} 個' },
  'hover.repaired': { en: 'recovered from GBK mojibake', 'zh-cn': '此标题由乱码修复', 'zh-tw': '此標題由亂碼修復' },
  // the outline's detail with zh-report.outline.showWordCount
  'outline.words': { en: '{0} 字', 'zh-cn': '{0} 字', 'zh-tw': '{0} 字' },
  // workspace symbols: progress while report files are first read
  'progress.indexing': { en: 'Indexing the workspace: {0} report files to read', 'zh-cn': '正在索引工作区：需读取 {0} 个报告文件', 'zh-tw': '正在索引工作區：需讀取 {0} 個報告檔案' },
  'hover.workspaceDefinition': { en: 'Defined in the workspace', 'zh-cn': '工作区中的定义', 'zh-tw': '工作區中的定義' },
  'hover.workspaceDefinitions': { en: '{0} differing definitions in the workspace', 'zh-cn': '工作区中有 {0} 处不同的定义', 'zh-tw': '工作區中有 {0} 處不同的定義' },
  'rename.unreadable': {
    en: 'Cannot rename: {0} uses the term more often than the workspace index records and could not be read to find every use; rename it in each file.',
    'zh-cn': '无法重命名：{0} 中该术语的用法多于工作区索引所记录的，且无法读取该文件以找出全部用法；请逐个文件重命名。',
    'zh-tw': '無法重新命名：{0} 中該術語的用法多於工作區索引所記錄的，且無法讀取該檔案以找出全部用法；請逐一檔案重新命名。',
  },
  'rename.legacyEncoding': {
    en: 'Cannot rename: {0} is stored in GB18030 (GBK), and the editor may read it in another encoding, which would put the edits in the wrong places. Open it (Reopen with Encoding → GB18030) and rename again: open files are edited as the editor reads them.',
    'zh-cn': '无法重命名：{0} 以 GB18030（GBK）编码保存，编辑器可能按其他编码读取它，编辑会落在错误的位置。请先打开该文件（通过编码重新打开 → GB18030），再重命名：已打开的文件按编辑器读到的文本修改。',
    'zh-tw': '無法重新命名：{0} 以 GB18030（GBK）編碼儲存，編輯器可能以其他編碼讀取，編輯會落在錯誤的位置。請先開啟該檔案（以編碼重新開啟 → GB18030），再重新命名：已開啟的檔案依編輯器讀到的文字修改。',
  },
  'progress.readingReports': { en: 'reading {0} report files', 'zh-cn': '正在读取 {0} 个报告文件', 'zh-tw': '正在讀取 {0} 個報告檔案' },
  // a document the server does not analyse (window/showMessage)
  'warning.tooLarge': {
    en: 'zh-report: {0} is {1} MB, over the {2} MB limit (setting zh-report.maxFileSizeMB in VS Code, maxDocumentSizeMB for other clients); the outline, terms and checks are off for this file.',
    'zh-cn': 'zh-report：{0} 有 {1} MB，超过 {2} MB 的上限（VS Code 中的设置 zh-report.maxFileSizeMB，其他客户端为 maxDocumentSizeMB）；此文件不提供大纲、术语和检查。',
    'zh-tw': 'zh-report：{0} 有 {1} MB，超過 {2} MB 的上限（VS Code 中的設定 zh-report.maxFileSizeMB，其他用戶端為 maxDocumentSizeMB）；此檔案不提供大綱、術語和檢查。',
  },
  'warning.binary': {
    en: 'zh-report: {0} looks like a binary file (it contains NUL characters); the outline, terms and checks are off for this file.',
    'zh-cn': 'zh-report：{0} 看起来是二进制文件（含有 NUL 字符）；此文件不提供大纲、术语和检查。',
    'zh-tw': 'zh-report：{0} 看起來是二進位檔案（含有 NUL 字元）；此檔案不提供大綱、術語和檢查。',
  },
  // the glossary export
  'glossary.title': { en: 'Glossary', 'zh-cn': '术语表', 'zh-tw': '術語表' },
  'glossary.term': { en: 'Term', 'zh-cn': '术语', 'zh-tw': '術語' },
  'glossary.definition': { en: 'Definition', 'zh-cn': '释义', 'zh-tw': '釋義' },
  'glossary.section': { en: 'Defined in', 'zh-cn': '出处', 'zh-tw': '出處' },
  'glossary.line': { en: 'Line', 'zh-cn': '行', 'zh-tw': '行' },
} as const satisfies Record<string, Texts>;

export type MessageKey = keyof typeof MESSAGES;

/** The message in `lang`, `{0}`, `{1}` … replaced by the arguments. */
export function message(key: MessageKey, lang: DisplayLanguage, ...args: ReadonlyArray<string | number>): string {
  const text: string = MESSAGES[key][lang];
  return args.length === 0 ? text : text.replace(/\{(\d)\}/g, (m, i: string) => (Number(i) < args.length ? String(args[Number(i)]) : m));
}

/** Digits grouped as both languages write them in running text: 12,345. */
export function formatNumber(n: number): string {
  return n.toLocaleString('en-US');
}

/** The client's display language, set once from the initialize params. */
export class UiLanguage {
  #lang: DisplayLanguage = 'zh-cn';

  get lang(): DisplayLanguage {
    return this.#lang;
  }

  set(locale: string | undefined): void {
    this.#lang = displayLanguageOf(locale);
  }
}

/** A text written in both Chinese and English (the checks' messages, titles), in `lang`; in traditional Chinese the `tw` text where one is written, else the Taiwan table's. */
export function pick(text: Localized & { readonly tw?: string }, lang: DisplayLanguage): string {
  if (lang === 'en') return text.en;
  return lang === 'zh-tw' ? (text.tw ?? taiwanMessage(text.zh)) : text.zh;
}
