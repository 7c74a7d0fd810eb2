/** Web-page chrome that scraped reports carry before (and after) the text: never a title, never a heading. */

const CHROME_EXACT = new Set([
  '放大', '缩小', '縮小', '下载', '下載', '打印', '全屏', '收藏', '分享', '分享：', '分享:', '加大', '还原', '還原', '减小', '減小',
  '大', '中', '小', '】', '【', '关闭', '關閉', '关闭窗口', '關閉窗口', '打印本页', '打印本頁', '返回顶部', '返回頂部', '来源:', '来源：', '來源:', '來源：',
  '字号', '字號', '【字号：', '【字号:', '【字体：', '【字体:', '【字體：', '【打印】', '【关闭】', '下载 打印 全屏',
  // a link to the rest of the page or to more pages: 查看更多 above a document site's text, 更多 below a page
  '更多', '更多>', '更多>>', '更多»', '查看更多', '阅读更多', '閱讀更多', '查看全文', '阅读全文', '閱讀全文', '展开全文', '展開全文',
  // Taiwan government sites: the accessibility anchor, the mobile menu button, the print icon's text
  ':::', '手機版選單', '手机版菜单', '列印圖示', '列印', '回上頁', '回首頁',
  // a Taiwan law or ruling database's export buttons (去格式引用 轉存PDF 轉存RTF 友善列印)
  '友善列印', '去格式引用', '轉存PDF', '轉存RTF', '轉存ODF', '转存PDF',
  // a site's feedback link, and the accessibility link past its menu (gov.mo, a case database)
  '意见反馈', '意見反饋', '跳過導航', '跳过导航', '跳到主要內容', '跳到主要内容', '跳至主要內容', '跳至主要内容', '跳轉到主要內容', '跳转到主要内容',
  // a model-text site's copy button
  '复制', '複製', '正文复制', '复制全文', '一键复制',
  // a reposted article's link to where it first appeared (WeChat: 查看原文, 阅读原文)
  '查看原文', '阅读原文', '閱讀原文', '查看原文>>',
  // an e-paper page's navigation (本版標題導航 lists the page's headlines below it)
  '本版标题导航', '本版標題導航', '版面导航', '版面導航', '标题导航', '標題導航',
  // a newspaper archive's column field left empty above the headline (第1版(要闻) / 专栏:)
  '专栏:', '专栏：', '專欄:', '專欄：',
  // a Discuz! forum thread's header (the CMS of many Chinese forums): login links, the thread's links and post label
  '找回密码', '找回密碼', '免费注册', '免費註冊', '立即注册', '立即註冊', 'QQ登录', 'QQ登錄', '只需一步,快速开始', '只需一步，快速开始',
  '[复制链接]', '[複製鏈接]', '跳转到指定楼层', '跳轉到指定樓層', '楼主', '樓主', '上一主题', '下一主题', '上一主題', '下一主題',
]);

/** Where a page says the reader is, inside a line (设计说明| 当前位置:园林吧 > 行业热点 > 标题): the word and a colon. */
const POSITION_LABEL = /(?:当前位置|當前位置|您的位置|您现在的位置|您現在的位置|您当前的位置|您當前的位置|您当前位置)\s*[：:]/;
/** The steps of a breadcrumb: 首页 > 新闻 > 正文, 首页 » 政策, 首页＞要闻, 再审 >> 再审研究. */
const CRUMB_SEPARATOR = /\s*(?:>>|＞＞|>|＞|»|›)\s*/;
const CRUMB_ARROW = /[>＞»›]/;
/** A doubled arrow joins a breadcrumb's steps (再审 >> 再审研究), never a sentence's words: two steps are enough. */
const DOUBLE_CRUMB = />>|＞＞|»/;
/** A newspaper page's jump line: (上接15版), （下转第3版）. */
const JUMP_LINE = /^[（(](?:上接|下转|下轉|接上|转下|轉下|接第)[^（）()]{0,8}[版页頁][）)]$/;

const CHROME_PREFIXES = [
  '当前位置', '當前位置', '您现在的位置', '您现在所在的位置', '您現在所在的位置', '您的位置', '您当前的位置', '您當前的位置', '您当前位置', '您現在的位置', '首页 >', '首頁 >', '首页>', '首頁>', '【字号', '【字體', '【字体', '字号：', '字號：',
  '发布时间', '發布時間', '發佈時間', '发布日期', '發布日期', '来源：', '来源:', '來源：', '來源:', '时间：', '時間：', '时间:', '時間:',
  // a government site's table of the document's fields (政府信息公开): 索引号: … 组配分类: … / 名称: … 文号:
  '索引号', '索 引 号', '發布機構', '发布机构', '主题分类', '主題分類', '组配分类', '信息分类', '名称:', '名称：', '名 称:', '名 称：',
  '作者：', '作者:', '简介：', '简介:', '簡介：', '簡介:', '责任编辑', '責任編輯', '编辑：', '編輯：', '编辑:', '編輯:', '浏览次数', '瀏覽次數', '点击数', '點擊數', '打印本页', '<!--',
  // a site header's tags and hotline: 标签:行政律师 / 法律热线:010-…
  '标签：', '标签:', '標籤：', '標籤:', '热线：', '热线:', '熱線：', '熱線:', '法律热线', '咨询热线', '諮詢熱線', '服务热线', '服務熱線', '联系电话', '聯絡電話',
];

/** A page's posting line: 小草范文网  发布于:2016-10-23  分类: 劳动合同 (a date after 发布于 / 發佈於). */
const POSTED = /(?:发布于|發佈於|發布於)[：:]\s*\d{4}[-/年]\d{1,2}/;

/** A site's notice on its rights: 证券时报网络版郑重声明…, 本页内容未经书面授权许可,不得转载. */
const RIGHTS_NOTICE = /郑重声明|鄭重聲明|未经[^。]{0,12}(?:授权|许可)[^。]{0,12}不得(?:转载|复制)|未經[^。]{0,12}(?:授權|許可)[^。]{0,12}不得(?:轉載|複製)/;

/** A site's search box: 快捷搜索:论文 合同 演讲, 多个关键词搜索,空格分隔, 请输入关键词. */
const SEARCH_BOX = /^(?:[\u4e00-\u9fff]{0,4}搜索|[\u4e00-\u9fff]{0,4}搜尋)[：:]|关键[词字][^。！？]{0,6}搜索|關鍵[詞字][^。！？]{0,6}搜尋|^请输入关键[词字]|^請輸入關鍵[詞字]/;
/** A site's language or version switch among its header links: 学校网站 ENGLISH 旧版回顾. */
const LANGUAGE_LINK = new Set(['ENGLISH', 'English', 'EN', 'En', '简体', '簡體', '繁体', '繁體', '简体中文', '繁體中文', '简体版', '繁體版', '英文版', 'English版']);
/** A Discuz! thread's counters: 查看: 2525|回复: 0. */
const THREAD_COUNTS = /^查看[：:]\s*\d+\s*[|｜]\s*回[复覆][：:]\s*\d+$/;

/** A site header's links: 联系我们 | 加入收藏, 设为首页 (only a page's header or footer says these). */
const SITE_LINKS = /加入收藏|设为首页|設為首頁|收藏本站|联系我们 *[|｜]|聯絡我們 *[|｜]|网站地图|網站地圖/;
/**
 * A database record's field before the text: 【审理法院】:…, 【案  号】：… (a bracketed name and a colon), or a blank or a
 * code after the name instead (【期刊名称】 《…学报》, 【作者】 唐力【作者单位】 …, 【法宝引证码】CLI.1.304262), or a short
 * value with no punctuation (【时效性】尚未施行).
 */
const FIELD = /^【[^】]{1,10}】(?:\s*[:：]|[ \t\u3000]+\S|[A-Za-z]|[^\s，,。；;：:！？!?、]{1,10}$)/;
/** A row of a site's field table: a short field name and its colon, then a cell bar. */
const TABLE_FIELD = /^[^|｜:：]{1,8}[:：]\s*[|｜]/;

/** 公文 front matter above the title: urgency and secrecy marks, the issuing authority's 红头, the document number. */
const URGENCY = new Set(['特急', '加急', '特提', '平急', '急件']);

/**
 * A 红头's issuer line: an organ's name and 文件 (北京市人民政府文件, 国务院办公厅文件, 中共北京市委文件, 某某公司文件), or a
 * paper's number or meeting (臨立會236/96-97號文件, 內務委員會會議文件).
 * The name ends in what organs are called; 引用文件, 规范性引用文件, 相关文件 are section titles, not issuers.
 */
const ISSUER_FILE = /(?:[号號]|会议|會議|政府|委员会|委員會|[委会會]|办公厅|辦公廳|办公室|辦公室|[厅廳局部院署处處科所]|中央|党组|黨組|公司|集团|集團|中心)文件$/;

/** True for a line (already trimmed) of 公文 front matter: 特急, 机密★1年, 北京市人民政府文件, 京政发〔2025〕1号, 签发人：. */
export function isOfficialFrontMatter(line: string): boolean {
  if (URGENCY.has(line) || line.includes('★') || /^(绝密|機密|机密|秘密|絕密)/.test(line)) return true;
  if (line.length <= 30 && ISSUER_FILE.test(line)) return true; // 红头: 北京市人民政府文件 (not a standard's 引用文件)
  if (/〔\d{4}〕|\[\d{4}\]|［\d{4}］/.test(line) && /[号號]$/.test(line)) return true; // 京政发〔2025〕1号
  if (/^(檔號|档号|檔案編號|档案编号)[：:]/.test(line)) return true; // 檔號:PLC/HC/1 (a Hong Kong paper's file reference)
  // a listed company's filing: 公司代码:600718 公司简称:东软集团 / 证券代码: / 债券代码: / 公告编号:2025-078
  if (/^(公司代码|公司代碼|证券代码|證券代碼|股票代码|股票代碼|债券代码|債券代碼|公司简称|公司簡稱|证券简称|證券簡稱|股票简称|股票簡稱|债券简称|債券簡稱|公告编号|公告編號)[：:]/.test(line)) return true;
  return /^(签发人|簽發人)[：:]/.test(line);
}

/**
 * True for a line (already trimmed) that is web-page chrome (a scrape's 打印 / 当前位置 / 来源：…). 公文 front matter
 * is the document's own and not chrome: see isOfficialFrontMatter, and isAboveText for both.
 */
export function isChromeLine(line: string): boolean {
  if (CHROME_EXACT.has(line)) return true;
  for (const p of CHROME_PREFIXES) if (line.startsWith(p)) return true;
  if (isBreadcrumb(line)) return true;
  if (line.length <= 80 && SITE_LINKS.test(line)) return true;
  if (FIELD.test(line)) return true;
  if (line.length <= 40 && (SEARCH_BOX.test(line) || THREAD_COUNTS.test(line))) return true;
  if (line.length <= 200 && RIGHTS_NOTICE.test(line)) return true;
  if (line.length <= 80 && POSTED.test(line)) return true;
  // a site's table of the document's fields, one row a line: 索 引 号: | 000014349/2023-91150 | 信息分类: | |
  if (TABLE_FIELD.test(line)) return true;
  const first = line.charCodeAt(0);
  if ((first === 0xff08 || first === 0x28) && JUMP_LINE.test(line)) return true;
  // an e-paper's page line and links (第A01版:澳聞 4下一版, 3上一篇  下一篇4), its date fields (今日日期: / 當前報紙日期:)
  if (line.length <= 40 && (line.includes('上一') || line.includes('下一')) && /[上下]一[版篇页頁](?!章)/.test(line)) return true;
  if (first === 0x7b2c /* 第 */ && /^第[A-Za-z]?\d+版/.test(line)) return true;
  if ((first === 0x4eca || first === 0x7576 || first === 0x5f53) && /^(?:今日日期|當前報紙日期|当前报纸日期)/.test(line)) return true;
  // "下载 打印 全屏" style runs of short chrome words
  if (line.length <= 24 && line.includes(' ')) {
    const words = line.split(/ +/);
    // every word a button (下载 打印 全屏), or a link of two characters or more first (意见反馈 手机随时随地看行情); not
    // a spaced-out title whose first character is a font-size button (中 华 人 民 …)
    if (words.length > 1 && (words.every((w) => CHROME_EXACT.has(w)) || (words[0]!.length >= 2 && CHROME_EXACT.has(words[0]!)))) return true;
  }
  // a header's links with a language switch among them (学校网站 ENGLISH 旧版回顾): short words, no sentence
  if (line.length <= 40 && line.includes(' ') && !/[，。；,;：:]/.test(line)) {
    const words = line.split(/ +/);
    if (words.length >= 2 && words.length <= 6 && words.some((w) => LANGUAGE_LINK.has(w)) && words.every((w) => w.length <= 8)) return true;
  }
  return false;
}

/**
 * A breadcrumb anywhere in a short line (设计说明| 当前位置:园林吧 > 行业热点 > 标题: the position word and a colon),
 * or three or more short steps joined by > / ＞ / » (首页 > 新闻中心 > 正文). A sentence never chains short phrases
 * with arrows, and 我国产业的当前位置 without a colon is no breadcrumb.
 */
export function isBreadcrumb(line: string): boolean {
  if (line.length > 120) return false;
  if (POSITION_LABEL.test(line)) return true;
  // no arrow, no breadcrumb (most lines: no split made)
  if (!CRUMB_ARROW.test(line)) return false;
  const steps = line.split(CRUMB_SEPARATOR);
  return (steps.length >= 3 || (steps.length === 2 && DOUBLE_CRUMB.test(line))) && steps.every((s) => s.length > 0 && s.length <= 40 && !/[。！？；]/.test(s));
}

/** A breadcrumb's last step (当前位置:文秘家园>> 领导讲话>> 党委党建 → 党委党建), the page's column. */
export function breadcrumbLastStep(line: string): string {
  const steps = line.split(CRUMB_SEPARATOR);
  return steps[steps.length - 1]!.trim();
}

/** An e-paper's list of the page's headlines starts below this line (本版標題導航). */
export function isNavigationHeader(line: string): boolean {
  return /(?:标题导航|標題導航|版面导航|版面導航)$/.test(line);
}

/** True for a line (already trimmed) that is never a title or a heading: page chrome or 公文 front matter. */
export function isAboveText(line: string): boolean {
  return isChromeLine(line) || isOfficialFrontMatter(line);
}

/** The end of a site's name: 某某市政府网, 中国政府网, 新华网, 某某门户网站, or a Latin host name. */
const SITE_NAME_END = /(?:网|網|网站|網站|门户|門戶|政府|官网|官網|首页|首頁|频道|頻道|平台|平臺)$/;
const LATIN_SITE = /^[A-Za-z0-9][A-Za-z0-9 .:/-]*$/;

export function isSiteName(part: string): boolean {
  const t = part.trim();
  return t.length > 0 && t.length <= 30 && (SITE_NAME_END.test(t) || LATIN_SITE.test(t));
}

/** A Latin host name standing as a word: gongwenhui.com, www.gov.cn (not a file name: 报告.doc). */
const HOST_NAME = /(?:^|[\s(（])(?:www\.)?[a-z0-9][a-z0-9-]*\.(?:com|cn|net|org|cc|top|gov\.cn|com\.cn|org\.cn)(?=[\s,，)）/]|$)/i;

/** A site's banner on a line of its own: 中国城市规划学会官方网站, 某某市人民政府门户网站, 某某官网. */
const SITE_BANNER = /^[^，。；：,;:]{2,24}(?:网站|網站|官网|官網|门户|門戶)$/;

/**
 * A browser tab's title saved as a page's first line: `标题_某某市政府网`, `标题 - site`, `site | 标题`, or the site's
 * banner alone (中国城市规划学会官方网站). The page's own title follows further down, so this line is never the
 * document's title.
 */
export function isSiteTitle(line: string): boolean {
  if (SITE_BANNER.test(line)) return true;
  // a site's tagline that names its host (公文汇 gongwenhui.com ,汇集致辞讲话…): the page's header
  if (line.length <= 80 && HOST_NAME.test(line)) return true;
  if (line.startsWith('|') || line.startsWith('｜')) return true; // `| 2023年10月11日 星期三`: the tab title's tail
  for (const sep of ['|', '｜', '_', ' - ', ' – ', ' — ', '-']) {
    const at = line.indexOf(sep);
    if (at <= 0) continue;
    const last = line.lastIndexOf(sep);
    const head = line.slice(0, at);
    const tail = line.slice(last + sep.length);
    if (tail.length > 0 && isSiteName(tail)) return true;
    if (sep !== '-' && isSiteName(head)) return true;
  }
  return false;
}
