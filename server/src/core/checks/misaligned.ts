/**
 * GBK misalignment inside a line. The tool that inserted the pinyin glosses worked on GBK bytes; where it broke a
 * character it left a "?" for the lost lead byte, and the bytes after it were decoded one byte late until the
 * decoding fell back into step: 理性?！对趯W習 is 理性。《在學習 (the lead byte 0xA1 of 。 went missing). The model
 * repairs such lines when they are headings; here the same damage is found inside body lines.
 *
 * A run is offered for repair only when the re-decoding is consistent: every byte pair decodes, the decoding falls
 * back into step (at a character whose second byte is ASCII, or at a U+FFFD where the decoder dropped a lead byte
 * it could not pair, which stays U+FFFD), and the recovered text starts with full-width punctuation (the
 * characters whose GBK lead bytes 0xA1/0xA3 were lost) — and only in a document that shows scrape damage already
 * (glosses, misaligned lines, U+FFFD). It must also be sure of itself (core/gbk.ts `judgeRepair`): the run reads
 * out of step and the recovered text reads as Chinese; fix-all applies it only when that is certain and only one
 * lost lead byte gives a clean reading (A1 BA 『 or A3 BA ：: the first character would be a guess). Any other "?"
 * between Chinese characters in such a document marks a character whose bytes are gone: it is reported, never guessed.
 */
import { isHan } from '../chars';
import { decodePairOf, judgeRepair, type GbkCodec, type RepairVerdict } from '../gbk';
import { keeps } from './bounded';
import { CheckContext, excerpt, localized } from './context';
import type { DamagedRange } from './pairs';
import { gbkCode } from './scan';
import type { Finding } from './types';

const LOST_LEADS = [0xa1, 0xa3];

/**
 * GBK bytes of a character code as lead << 8 | trail (a single byte below 0x100), 0 when it has none. Decoders that
 * follow Windows code page 936 give the codes FE50–FEA0 as the private-use characters U+E815–U+E864 in order (FE86 →
 * U+E84A, seen in the seed); the codec, which follows GB18030, cannot encode those, so they are mapped back here.
 */
function gbkBytes(c: number, codec: GbkCodec): number {
  if (c >= 0xe815 && c <= 0xe864) {
    const n = c - 0xe815;
    return (0xfe << 8) | (n < 47 ? 0x50 + n : 0x80 + n - 47);
  }
  return gbkCode(codec, c);
}
/** A run read out of step goes on until a byte puts it back in step: in simplified text, often the end of the line. */
const MAX_RUN = 4000;

/** Re-decodes text[from…end) with the lost lead byte put back; the recovered text and the characters it replaces. */
export function shiftedRun(text: string, from: number, end: number, lost: number, codec: GbkCodec): { recovered: string; consumed: number } | undefined {
  let pending = lost;
  let out = '';
  for (let i = from; i < end && i - from < MAX_RUN; i++) {
    const c = text.charCodeAt(i);
    if (pending < 0) return out.length > 0 ? { recovered: out, consumed: i - from } : undefined; // back in step
    // the decoder gave up on the lead byte left over before a byte that cannot follow it (an ASCII digit): that
    // character is lost, and the text is back in step after it
    if (c === 0xfffd) return out.length > 0 ? { recovered: out + '\uFFFD', consumed: i + 1 - from } : undefined;
    if (c === 0x3f) return undefined;
    const code = gbkBytes(c, codec);
    if (code === 0) return undefined;
    // one byte (below 0x100) or two
    for (let k = code < 0x100 ? 1 : 0; k < 2; k++) {
      const b = k === 0 ? code >> 8 : code & 0xff;
      if (pending < 0) {
        if (b < 0x80) out += String.fromCharCode(b);
        else pending = b;
      } else {
        const decoded = decodePairOf(codec, pending, b);
        if (decoded === undefined) return undefined;
        out += decoded;
        pending = -1;
      }
    }
  }
  return undefined;
}

function isFullWidthPunctuation(c: number): boolean {
  return (c >= 0x3000 && c <= 0x303f) || (c >= 0xff01 && c <= 0xff5e) || (c >= 0x2014 && c <= 0x2026);
}

/** The punctuation whose GBK lead byte is 0xA1 or 0xA3 and that prose is made of (not ｊ or Ｒ, which share those leads). */
const PROSE_PUNCTUATION = new Set([...'\u3000、。·—～‖…‘’“”〔〕〈〉《》「」『』【】！＂＃％＆＇（）＊＋，－．／０１２３４５６７８９：；＜＝＞？［］＿｛｜｝'].map((ch) => ch.charCodeAt(0)));

function isPunctuationStart(s: string): boolean {
  return PROSE_PUNCTUATION.has(s.charCodeAt(0));
}

function isChinese(c: number): boolean {
  return isHan(c) || isFullWidthPunctuation(c);
}

export interface MisalignedResult {
  /** Ranges of text decoded out of step (the model's lines and the runs found here), with what they read as. */
  readonly damaged: readonly DamagedRange[];
  /** Positions of "?" that stand for a lost character. */
  readonly lost: readonly number[];
}

export function checkMidlineMisalignment(ctx: CheckContext, out: Finding[] | undefined): MisalignedResult {
  const { text, model } = ctx;
  const fromModel: DamagedRange[] = model.damage.filter((d) => d.kind === 'gbkMisaligned').map((d) => ({ start: d.start, end: d.end, ...(d.repair === undefined ? {} : { repair: d.repair }) }));
  // the model's ranges and the runs found here, in order (merged as the scan goes: an insertion into the model's list
  // moved its whole tail each time, quadratic in a text with many damaged lines)
  const damaged: DamagedRange[] = [];
  const lost: number[] = [];
  const codec = ctx.options.codec;
  const scraped = model.damage.length > 0 || ctx.scan().replacements.length > 0;
  let k = 0;
  let after = -1;
  for (const i of ctx.scan().questions) {
    if (i < after) continue;
    while (k < fromModel.length && fromModel[k]!.end <= i) damaged.push(fromModel[k++]!);
    if (k < fromModel.length && fromModel[k]!.start <= i) continue;
    const next = i + 1 < text.length ? text.charCodeAt(i + 1) : 0;
    const prev = i > 0 ? text.charCodeAt(i - 1) : 0;
    if (next < 0x80 && !isChinese(prev)) continue;
    let repaired = false;
    // "?!" then the shifted run: the "!" is the lost lead byte 0xA1 with its high bit gone, the "?" the byte before it
    const bang = text[i + 1] === '!';
    const runStart = bang ? i + 2 : i + 1;
    if (codec !== undefined && scraped && runStart < text.length && text.charCodeAt(runStart) >= 0x80) {
      const end = ctx.lineEnd(ctx.lineOf(i));
      const found: Array<{ recovered: string; stop: number; verdict: RepairVerdict }> = [];
      for (const lead of bang ? [0xa1] : LOST_LEADS) {
        const run = shiftedRun(text, runStart, end, lead, codec);
        // consistent: the run gives back punctuation first (the character whose lead byte was lost), then nothing
        // undecodable, and reads differently from what is there (a run already recovered is left alone)
        if (run === undefined || !isPunctuationStart(run.recovered) || run.recovered.slice(0, -1).includes('\uFFFD')) continue;
        // and what is there reads out of step: a Han character, or one whose second byte is the lead byte (0xA1/0xA3)
        // of the next punctuation (！ = A3 A1 is 。's second byte and “'s first) — not a 《 that is simply right
        const first = text.charCodeAt(runStart);
        const trail = gbkCode(codec, first) & 0xff;
        if (!isHan(first) && trail !== 0xa1 && trail !== 0xa3) continue;
        const stop = runStart + run.consumed;
        // sure of itself only when the run reads out of step and the recovered text reads as Chinese (core/gbk.ts)
        // (with the characters around the run, which the judge reads as context: 趯W習)
        const around = (t: string): string => text.slice(runStart - 1, runStart) + t + text.slice(stop, stop + 1);
        const verdict = judgeRepair(around(text.slice(runStart, stop)), around(run.recovered), bang ? 1 : 0);
        if (verdict !== 'none') found.push({ recovered: run.recovered, stop, verdict });
      }
      if (found.length > 0) {
        // Either lost lead byte may give a clean reading (A1 BA 』 or A3 BA ：): the first character is then a guess,
        // and the user chooses between the two — never fix-all.
        const ambiguous = found.length > 1 && found.some((f) => f.recovered !== found[0]!.recovered || f.stop !== found[0]!.stop);
        const start = bang ? i + 1 : i;
        const best = found[0]!;
        damaged.push({ start, end: best.stop, repair: best.recovered });
        repaired = true;
        // past the cap the finding is only counted: its message and fixes are not built
        if (out !== undefined && keeps(out, start, best.stop)) out.push({
          code: 'gbk-misaligned', start, end: best.stop,
          message: localized(
            `乱码：${q2(text.slice(start, best.stop))}是按 GBK 错位一个字节解码的，应为${q2(best.recovered)}${ambiguous ? '（第一个字符无法确定）' : ''}。`,
            `Mojibake: ${q2(text.slice(start, best.stop))} was decoded from GBK one byte late; it reads ${q2(best.recovered)}${ambiguous ? ' (its first character is uncertain)' : ''}.`,
          ),
          fixes: (ambiguous ? found : [best]).map((f, n) => ({
            title: localized(`恢复为：${excerpt(f.recovered)}`, `Recover as: ${excerpt(f.recovered)}`),
            edits: [{ start, end: f.stop, newText: f.recovered }], safe: !ambiguous && f.verdict === 'certain', preferred: n === 0,
          })),
        });
        if (bang) lost.push(i);
        after = best.stop;
      }
    }
    if (!repaired && scraped && (isChinese(prev) || isChinese(next) || next === 0x21)) lost.push(i);
  }
  while (k < fromModel.length) damaged.push(fromModel[k++]!);
  return { damaged, lost };
}

function q2(s: string): string {
  return `「${s}」`;
}
