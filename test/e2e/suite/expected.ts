// What the seed's outline must look like. Shared by the extension-host suite and the code-server harness (UI checks).
// Lines are 0-based line numbers in seeds/chongqing-minjin-2017-scraped.txt.

export const SEED_FILE = 'chongqing-minjin-2017-scraped.txt';

export interface ExpectedHeading {
  /** The heading's marker as the reader sees it: 一、 or （三）. */
  marker: string;
  /** The full heading text after the marker, repaired (no mojibake, no pinyin glosses). */
  text: string;
  /** 0-based line of the heading in the seed. */
  line: number;
  /**
   * Bytes were lost on this line before the text reached us (a `?` stands where GBK bytes were); the repaired
   * name may hold U+FFFD there. Such a name is checked by its marker and by these phrases, which survive intact.
   */
  lossy?: string[];
  children?: ExpectedHeading[];
}

export const TITLE: ExpectedHeading = {
  marker: '',
  text: '重慶市委會:凝聚共識 匯聚力量為全面建成小康社會作出新貢獻',
  line: 2,
  children: [
    { marker: '一、', text: '主要成效', line: 12 },
    {
      marker: '二、',
      text: '基本做法',
      line: 22,
      children: [
        { marker: '（一）', text: '“五指緊扣”“七措連環”,一盤棋整體推進', line: 24 },
        { marker: '（二）', text: '抓學習,豐富學習實踐活動內涵', line: 28 },
        { marker: '（三）', text: '抓“關鍵少數”,發揮班子成員領學帶動作用', line: 32 },
        { marker: '（四）', text: '抓“會史教育”,彰顯優良傳統資政育人的時代價值', line: 36, lossy: ['彰顯優良傳統資政育人的時代價值'] },
        { marker: '（五）', text: '抓“我身邊的先進”,發揮先進典型的示范作用', line: 40 },
        { marker: '（六）', text: '抓聯系點工作,發揮重點支部的輻射作用', line: 44, lossy: ['發揮重點支部的輻射作用'] },
      ],
    },
    {
      marker: '三、',
      text: '主要創新及亮點',
      line: 48,
      children: [
        { marker: '（一）', text: '開展“網上沙龍”,增強思想政治工作的時代性、針對性', line: 50 },
        { marker: '（二）', text: '深入開展征集“金點子”活動,促進聯系點工作與參政議政履職實踐緊密結合', line: 56 },
        { marker: '（三）', text: '探索“新會員支部”管理方式,實現政治認同和履職活力“雙增進”', line: 60, lossy: ['管理方式'] },
      ],
    },
    { marker: '四、', text: '存在的不足與展望', line: 64 },
  ],
};

/** The seed's last line of body text (「下一步,我們將…」), inside 四、. */
export const LAST_BODY_LINE = 68;

/** All headings in document order with their depth (title = 1). */
export function flatten(root: ExpectedHeading = TITLE, depth = 1): { heading: ExpectedHeading; depth: number }[] {
  return [{ heading: root, depth }, ...(root.children ?? []).flatMap((c) => flatten(c, depth + 1))];
}

/** Width- and space-insensitive form: （三） and (三) compare equal, so do : and ：, indents vanish. */
export function norm(s: string): string {
  return s.normalize('NFKC').replace(/\s+/gu, '');
}

const PINYIN_GLOSS = /\([a-z\u00c0-\u024f]{1,8}\)/iu;
// What is left of a gloss whose '(' went with lost bytes: `抓\uFFFDlián)系點`.
const GLOSS_REMNANT = /[a-z\u00c0-\u024f]{1,8}\)|\([a-z\u00c0-\u024f]{1,8}(?![a-z\u00c0-\u024f])/iu;
// Box drawing and bopomofo only appear in these lines as GBK-decoded-one-byte-late mojibake (┳ ァ ㄈ …).
const MOJIBAKE = /[\u2500-\u257f\u3100-\u312f\u30a0-\u30ff]/u;

/** A pinyin gloss such as (shù), or what is left of one. */
export function hasPinyinGloss(name: string): boolean {
  return PINYIN_GLOSS.test(name) || GLOSS_REMNANT.test(name);
}

/**
 * Checks one outline name against its expected heading. Returns why it does not match, or undefined.
 * A name may be shortened by the server (a prefix of the full heading) but must start with the marker and the
 * heading's first words, and must not contain pinyin glosses or mojibake.
 */
export function headingMismatch(name: string, exp: ExpectedHeading): string | undefined {
  const n = norm(name);
  const marker = norm(exp.marker);
  const full = norm(exp.marker + exp.text);
  if (PINYIN_GLOSS.test(name)) return `contains a pinyin gloss: ${JSON.stringify(name)}`;
  if (GLOSS_REMNANT.test(name)) return `contains the remnant of a pinyin gloss: ${JSON.stringify(name)}`;
  if (MOJIBAKE.test(name)) return `contains mojibake: ${JSON.stringify(name)}`;
  if (!n.startsWith(marker)) return `does not start with ${JSON.stringify(exp.marker)}: ${JSON.stringify(name)}`;
  if (exp.lossy) {
    const missing = exp.lossy.filter((k) => !n.includes(norm(k)));
    if (missing.length > 0) return `lacks ${JSON.stringify(missing)}: ${JSON.stringify(name)}`;
    return undefined;
  }
  if (n.includes('\uFFFD')) return `contains U+FFFD on a line that can be repaired whole: ${JSON.stringify(name)}`;
  const minLength = Math.min(full.length, marker.length + 4);
  if (n.length < minLength || !full.startsWith(n)) {
    return `expected ${JSON.stringify(exp.marker + exp.text)} (or a prefix of it of at least ${minLength} characters), got ${JSON.stringify(name)}`;
  }
  return undefined;
}
