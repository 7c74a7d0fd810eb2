/** Every rule: its code, its group, its default severity and what it checks (for settings and documentation). */
import type { CheckCode, Localized, Severity } from './types';

export type RuleSeverity = Severity | 'off';

export interface RuleInfo {
  readonly code: CheckCode;
  readonly defaultSeverity: RuleSeverity;
  readonly description: Localized;
}

function rule(code: CheckCode, defaultSeverity: RuleSeverity, zh: string, en: string): RuleInfo {
  return { code, defaultSeverity, description: { zh, en } };
}

export const RULES: readonly RuleInfo[] = [
  rule('numbering-gap', 'warning', '同级编号跳号（一、二、四、）或不从一开始。', 'A gap among sibling numbers (一、 二、 四、), or a list that does not start at one.'),
  rule('numbering-duplicate', 'warning', '同级编号重复（二、二、）。', 'A number repeated among siblings (二、 二、).'),
  rule('numbering-order', 'warning', '同级编号顺序颠倒（三、在二、之前）。', 'Sibling numbers out of order (三、 before 二、).'),
  rule('numbering-level-skip', 'warning', '层级倒挂：低一级编号之下又出现了被跳过的高一级编号（一、→1.→（一））。', 'A level climbs back over a skipped one: a higher marker kind under a lower one (一、 → 1. → （一）).'),
  rule('numbering-missing-parent', 'information', '缺少上一级：文中其他地方「1.」都在「（一）」之下，这里直接在「一、」之下。', 'A child without a parent of the expected kind: elsewhere 1. sits under （一）, here directly under 一、.'),
  rule('numbering-bracket-width', 'information', '同一级编号中全角括号与半角括号混用（（一）与(一)）。', 'Full-width and ASCII brackets mixed within one level (（一） and (一)).'),
  rule('marker-punctuation', 'warning', '编号后的标点不符合 GB/T 15834 附录 B.3：一. 一， → 一、；1、 → 1.；（一）、 （1）. → 括号后不加标点。', 'Marker punctuation per GB/T 15834 B.3: 一. 一， → 一、; 1、 → 1.; nothing after （一） or （1）.'),
  rule('marker-space', 'information', '「第X条」等后面直接接正文，而本文其他地方都空一格。', '第X条 (and 章, 节, 编) followed directly by text where the document otherwise leaves a space.'),
  rule('unbalanced-pair', 'warning', '成对标点不完整：“ 没有 ”、《 没有 》、（ 没有 ）、「 没有 」等（在开始处报告；引号可跨行，不跨节）。', 'Unbalanced pairs: “ without ”, 《 without 》, （ without ）, 「 without 」… (reported at the opening mark; a quote may span lines, not sections).'),
  rule('pinyin-gloss', 'warning', '网页抓取留下的拼音注音，如 發(fā)布（每行报告一次）。', 'Pinyin glosses left by web scraping, such as 發(fā)布 (one report per line).'),
  rule('gbk-misaligned', 'warning', '按 GBK 错位一个字节解码的乱码行（可恢复时提供修复）。', 'A line of GBK decoded one byte late (with a fix where the bytes allow it).'),
  rule('replacement-char', 'warning', '无法恢复的字符：U+FFFD（�）、锟斤拷、烫烫烫、屯屯屯。', 'Characters that cannot be recovered: U+FFFD (�), 锟斤拷, 烫烫烫, 屯屯屯.'),
  rule('mojibake', 'warning', '把 UTF-8 当作 GBK 读出的乱码（鍙戝竷 → 发布）。', 'UTF-8 text read as GBK (鍙戝竷 → 发布).'),
  rule('page-chrome', 'information', '网页残留行：当前位置、字号 加大 减小、打印本页、责任编辑等。', 'Web-page chrome lines: 当前位置, 字号 加大 减小, 打印本页, 责任编辑 …'),
  rule('term-before-definition', 'warning', '简称在定义之前就已使用。', 'An abbreviation used before its definition.'),
  rule('term-redefined', 'warning', '同一术语被定义两次且定义不同。', 'A term defined twice with different definitions.'),
  rule('term-full-form-after-abbreviation', 'information', '已定义简称后又使用了全称。', 'The full form used again after its abbreviation was defined.'),
  rule('toc-mismatch', 'warning', '目录与正文不符：目录列出的标题正文中没有，或正文标题没有列入目录（只看目录列出的那一级）。', 'The table of contents and the body disagree: a listed heading the body lacks, or a heading at a listed level the table leaves out.'),
  rule('citation-missing', 'warning', '引用了本文件没有的条、款、项、章或附件（共 200 条的法律中的第三百条、一条第一款中的「前款」、只有两个附件时的附件3）；引用其他文件的不报告。', 'A citation of an article, paragraph, item, chapter or 附件 this document does not have (第三百条 in a 200-article law, 前款 in an article\'s first paragraph, 附件3 when there are two); citations of other documents are not reported.'),
  rule('script-mixing', 'off', '简繁混用：繁体文档中的简体字，或简体文档中的繁体字（默认关闭）。', 'Script mixing: simplified characters in a traditional document and the reverse (off by default).'),
];

const BY_CODE = new Map(RULES.map((r) => [r.code, r]));

export function ruleInfo(code: CheckCode): RuleInfo {
  return BY_CODE.get(code)!;
}
