/**
 * Where the term extraction and the citation scan stop, found in one pass of the regular-expression engine over the
 * text and shared by both through the model (one list per version of a document).
 *
 * Each of them used to run a regular expression of its own over every character: at 1 MB each pass cost about twice the
 * bench's regex floor (which looks at line starts only), and together they were a fifth of headings + terms +
 * citations. One expression with the union of their characters stops where either would (about 3,000 stops in the
 * 1 MB bench report) and costs one pass.
 *
 * - term cues (terms/extract.ts): opening quotes and title brackets “ 「 『 ‘ 《; 称/稱 (以下简称, 所称); 即 (，即); 如 and 列
 *   (定义如下, 下列用语的含义);
 * - citation triggers (citations.ts): 第, 附, 《, 专/專, and 本/前/同 followed by a unit, a count (前两款) or the first
 *   character of a word naming this document (本法, 本条例 …).
 *
 * No match can begin inside another: the second character of a 本/前/同 match is never a character a match starts
 * with. So a scan of the list that resumes at an offset finds the stops a regular expression resumed there would.
 */
import type { ReportModel } from './model';

/** Words that name this document after 本: 本法第X条, 本条例第X条 … (citations.ts) */
export const SELF_WORDS = [
  '法典', '宪法', '憲法', '法', '条例', '條例', '规定', '規定', '办法', '辦法', '细则', '細則', '规则', '規則', '解释', '解釋', '决定', '決定', '章程', '通则', '通則',
  '准则', '準則', '标准', '標準', '公约', '公約', '协定', '協定', '规程', '規程', '条约', '條約',
];

/** The term cues: opening quotes and title brackets, then 称 稱 即 如 列. */
export const QUOTE_OPENERS = '“「『‘《';
const CUE_CHARS = QUOTE_OPENERS + '称稱即如列';

/** Characters after 本/前/同 that make a citation trigger of them (bench: 3,526 stops at 本/前/同 in the 1 MB report, 1,566 with the second character asked for). */
const AFTER_RELATIVE = [...new Set('条條款项項目章节節编編两兩二三四五六七八九' + SELF_WORDS.map((w) => w[0]).join(''))].join('');

/**
 * Alternatives of one or two characters: no backtracking. 指 is asked for too, for the term extraction's 释义 rows
 * (本公司<TAB>指<TAB>…), and kept apart from the stops: it had a pass of its own (an indexOf loop over the whole text,
 * about a fifth of the extraction at 1 MB), where one more character in this class costs little (0.07 ms at 1 MB).
 * Not so "(": with that ASCII character in the class the pass took twice as long.
 */
const STOP = new RegExp(`[${CUE_CHARS}第附专專指]|[本前同][${AFTER_RELATIVE}]`, 'g');
const ZHI = 0x6307; // 指

/** The offsets where a stop starts, ascending. */
export interface Stops {
  readonly at: Int32Array;
  readonly count: number;
  /** The offsets of 指, ascending (not stops: the term extraction reads them on their own). */
  readonly pointers: Int32Array;
  readonly pointerCount: number;
}

interface Cached extends Stops {
  readonly text: string;
}

const byModel = new WeakMap<ReportModel, Cached>();

/** The stops of `text`, whose model is `model`: found on the first call for a model, then read from it. */
export function stopsOf(text: string, model: ReportModel): Stops {
  const cached = byModel.get(model);
  if (cached !== undefined && cached.text === text) return cached;
  let at: Int32Array = new Int32Array(1024);
  let count = 0;
  let pointers: Int32Array = new Int32Array(64);
  let pointerCount = 0;
  const re = new RegExp(STOP.source, 'g');
  // `test` rather than `exec`: no match array per stop. A match is one character, or two (本/前/同 + the next).
  while (re.test(text)) {
    // a one-character match is a stop character (or 指); otherwise the match is 本/前/同 and the character after it
    const last = re.lastIndex - 1;
    const c = text.charCodeAt(last);
    if (c === ZHI) {
      if (pointerCount === pointers.length) pointers = doubled(pointers);
      pointers[pointerCount++] = last;
      continue;
    }
    if (count === at.length) at = doubled(at);
    at[count++] = ONE_CHAR.has(c) ? last : last - 1;
  }
  const stops = { text, at, count, pointers, pointerCount };
  byModel.set(model, stops);
  return stops;
}

/** A copy of `list` in an array twice its length. */
export function doubled(list: Int32Array): Int32Array {
  const grown = new Int32Array(list.length * 2);
  grown.set(list);
  return grown;
}

/** The characters of one-character stops (none of them can follow 本/前/同 in a two-character one). */
const ONE_CHAR: ReadonlySet<number> = new Set([...(CUE_CHARS + '第附专專')].map((c) => c.charCodeAt(0)));

/** One byte per BMP code unit, 1 for the cue characters: asked at every stop by both users (a Set lookup cost more). */
const CUE = new Uint8Array(0x10000);
for (let i = 0; i < CUE_CHARS.length; i++) CUE[CUE_CHARS.charCodeAt(i)] = 1;

/** Is a stop starting with this code unit a term cue (“ 「 『 ‘ 《 称 稱 即 如 列)? Every other stop is a citation trigger only. */
export function isCue(c: number): boolean {
  return CUE[c] === 1;
}
