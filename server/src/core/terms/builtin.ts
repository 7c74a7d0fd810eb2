/**
 * Numbered formulas (数字化缩略语) and five-year plans: telling them apart, and the expansions that public text
 * states explicitly (../shared/DOMAIN.md). A document's own definition always wins over these: a formula's
 * meaning can depend on who writes (三个认同 in a 民进 report).
 */
import { isHan } from '../chars';

/** Numerals a numbered formula starts with. */
const FORMULA_NUMERALS = '一二三四五六七八九十两兩双雙百千万萬';

export interface BuiltinExpansion {
  /** The expansion, e.g. 道路自信、理论自信、制度自信、文化自信. */
  readonly text: string;
  /** Where it applies or where it comes from, e.g. 总体布局; may be "". */
  readonly note: string;
}

/** Simplified spellings; looked up by folded key (the caller folds these keys with its own table). */
export const BUILTIN_EXPANSIONS: Readonly<Record<string, BuiltinExpansion>> = {
  四个意识: { text: '政治意识、大局意识、核心意识、看齐意识', note: '' },
  四个自信: { text: '道路自信、理论自信、制度自信、文化自信', note: '' },
  五位一体: { text: '经济建设、政治建设、文化建设、社会建设、生态文明建设', note: '总体布局' },
  四个全面: { text: '全面建成小康社会、全面深化改革、全面依法治国、全面从严治党', note: '2015 年的表述' },
  六稳: { text: '稳就业、稳金融、稳外贸、稳外资、稳投资、稳预期', note: '' },
  六保: { text: '保居民就业、保基本民生、保市场主体、保粮食能源安全、保产业链供应链稳定、保基层运转', note: '' },
  三去一降一补: { text: '去产能、去库存、去杠杆、降成本、补短板', note: '' },
  放管服: { text: '简政放权、放管结合、优化服务', note: '' },
  新发展理念: { text: '创新、协调、绿色、开放、共享', note: '' },
  三个认同: { text: '目标认同、道路认同、价值认同', note: '民进等参政党语境；含义可能因组织而异' },
};

const PLAN_NUMBERS: Readonly<Record<string, number>> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** The number of a five-year plan written 十四五 / 十五五 (11–19), or undefined. */
export function planNumber(name: string): number | undefined {
  if (name.length !== 3 || name[0] !== '十' || name[2] !== '五') return undefined;
  const units = PLAN_NUMBERS[name[1]!];
  return units === undefined ? undefined : 10 + units;
}

/** First and last year of the n-th five-year plan (the 3rd began in 1966 after the 1963–1965 adjustment). */
export function planYears(n: number): [number, number] {
  const start = n === 1 ? 1953 : n === 2 ? 1958 : 1966 + (n - 3) * 5;
  return [start, start + 4];
}

const NUMERAL_WORDS = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** The built-in expansion of a five-year plan: 十四五 → 第十四个五年规划（2021—2025 年）. */
export function planExpansion(n: number): BuiltinExpansion {
  const [from, to] = planYears(n);
  const ordinal = n < 10 ? NUMERAL_WORDS[n]! : `十${NUMERAL_WORDS[n - 10]!}`;
  return { text: `第${ordinal}个五年规划（${from}—${to} 年）`, note: '五年规划' };
}

/** A numbered formula: a numeral followed by 1–7 Han characters, all Han (四个自信, 三农, 两个维护, 一带一路). */
export function isNumberedFormula(name: string): boolean {
  if (name.length < 2 || name.length > 8 || !FORMULA_NUMERALS.includes(name[0]!)) return false;
  for (let i = 0; i < name.length; i++) if (!isHan(name.charCodeAt(i))) return false;
  return planNumber(name) === undefined;
}
