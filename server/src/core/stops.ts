/**
 * Where the term extraction and the citation scan stop, found in one pass over the text and shared by both through the
 * model (one list per version of a document).
 *
 * Each of them used to run a regular expression of its own over every character: at 1 MB each pass cost about twice the
 * bench's regex floor (which looks at line starts only), and together they were a fifth of headings + terms +
 * citations. One pass over the union of their characters stops where either would (about 3,000 stops in the 1 MB bench
 * report).
 *
 * - term cues (terms/extract.ts): opening quotes and title brackets “ 「 『 ‘ 《; 称/稱 (以下简称, 所称); 即 (，即); 如 and 列
 *   (定义如下, 下列用语的含义);
 * - citation triggers (citations.ts): 第, 附, 《, 专/專, and 本/前/同 followed by a unit, a count (前两款) or the first
 *   character of a word naming this document (本法, 本条例 …).
 *
 * No stop can begin inside another: the second character of a 本/前/同 stop is never a character a stop starts with.
 * So a scan of the list that resumes at an offset finds the stops a regular expression resumed there would.
 */
import { doubled } from './arrays';
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

/** What a code unit starts (STOP_CHAR): nothing, a one-character stop, 本/前/同 (a stop when AFTER_RELATIVE follows), 指, an ASCII "(". */
const enum StopChar {
  None = 0,
  One = 1,
  Relative = 2,
  Pointer = 3,
  Paren = 4,
}

/**
 * One byte per BMP code unit. 指 is asked for too, for the term extraction's 释义 rows (本公司<TAB>指<TAB>…), and kept
 * apart from the stops: it had a pass of its own (an indexOf loop over the whole text, about a fifth of the extraction
 * at 1 MB), where one more entry in this table costs nothing.
 */
const STOP_CHAR = new Uint8Array(0x10000);
for (const c of CUE_CHARS + '第附专專') STOP_CHAR[c.charCodeAt(0)] = StopChar.One;
for (const c of '本前同') STOP_CHAR[c.charCodeAt(0)] = StopChar.Relative;
STOP_CHAR['指'.charCodeAt(0)] = StopChar.Pointer;
// the term index's key scan walks from before every pinyin gloss 網(wǎng): its "(" had an indexOf loop of its own (a
// search for the byte 0x28, which every 256th Han character has too)
STOP_CHAR[0x28] = StopChar.Paren;
const AFTER = new Uint8Array(0x10000);
for (const c of AFTER_RELATIVE) AFTER[c.charCodeAt(0)] = 1;

/** The offsets where a stop starts, ascending. */
export interface Stops {
  readonly at: Int32Array;
  readonly count: number;
  /** The offsets of 指, ascending (not stops: the term extraction reads them on their own). */
  readonly pointers: Int32Array;
  readonly pointerCount: number;
  /** The offsets of ASCII "(", ascending (not stops: where pinyin glosses may start, for the term index's key scan). */
  readonly parens: Int32Array;
  readonly parenCount: number;
}

interface Cached extends Stops {
  readonly text: string;
}

const byModel = new WeakMap<ReportModel, Cached>();

/** Stops as the pass fills them. */
interface Filling {
  readonly text: string;
  at: Int32Array;
  count: number;
  pointers: Int32Array;
  pointerCount: number;
  parens: Int32Array;
  parenCount: number;
}

/**
 * The stops of `text`, whose model is `model`: found on the first call for a model, then read from it. One loop over
 * the code units with a byte table: a regular expression of the same characters ([“「『‘《称稱即如列第附专專指]|[本前同][…])
 * took 1.5 ms on the 1 MB bench report where a loop of one code unit a step took 1.0–1.3 ms. The loop reads two code
 * units a step and asks once whether either is anything (most are not): 0.9 ms (CPU clock, paired runs; a copy of
 * the code units into a Uint16Array on the way, for the key scan to read, cost this loop what it saved that one).
 */
export function stopsOf(text: string, model: ReportModel): Stops {
  const cached = byModel.get(model);
  if (cached !== undefined && cached.text === text) return cached;
  const stops: Filling = { text, at: new Int32Array(1024), count: 0, pointers: new Int32Array(64), pointerCount: 0, parens: new Int32Array(64), parenCount: 0 };
  const n = text.length;
  let i = 0;
  for (; i + 1 < n; i += 2) {
    const one = STOP_CHAR[text.charCodeAt(i)]!;
    const two = STOP_CHAR[text.charCodeAt(i + 1)]!;
    if ((one | two) === StopChar.None) continue;
    if (one !== StopChar.None) note(stops, i, one);
    if (two !== StopChar.None) note(stops, i + 1, two);
  }
  if (i < n) {
    const last = STOP_CHAR[text.charCodeAt(i)]!;
    if (last !== StopChar.None) note(stops, i, last);
  }
  byModel.set(model, stops);
  return stops;
}

/** Notes a code unit of kind `kind` (not None) at `i`: a pointer, a "(", a stop, or nothing (本/前/同 before anything else). */
function note(stops: Filling, i: number, kind: StopChar): void {
  if (kind === StopChar.Paren) {
    if (stops.parenCount === stops.parens.length) stops.parens = doubled(stops.parens);
    stops.parens[stops.parenCount++] = i;
    return;
  }
  if (kind === StopChar.Pointer) {
    if (stops.pointerCount === stops.pointers.length) stops.pointers = doubled(stops.pointers);
    stops.pointers[stops.pointerCount++] = i;
    return;
  }
  // 本/前/同 is a stop only before AFTER_RELATIVE (off the end, charCodeAt is NaN and AFTER[NaN] undefined)
  if (kind === StopChar.Relative && AFTER[stops.text.charCodeAt(i + 1)] !== 1) return;
  if (stops.count === stops.at.length) stops.at = doubled(stops.at);
  stops.at[stops.count++] = i;
  // (no stop starts with the character after 本/前/同: the next one is looked at like any other, and never is one)
}

/** One byte per BMP code unit, 1 for the cue characters: asked at every stop by both users (a Set lookup cost more). */
const CUE = new Uint8Array(0x10000);
for (let i = 0; i < CUE_CHARS.length; i++) CUE[CUE_CHARS.charCodeAt(i)] = 1;

/** Is a stop starting with this code unit a term cue (“ 「 『 ‘ 《 称 稱 即 如 列)? Every other stop is a citation trigger only. */
export function isCue(c: number): boolean {
  return CUE[c] === 1;
}
