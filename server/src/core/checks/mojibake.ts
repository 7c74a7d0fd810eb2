/**
 * UTF-8 text that was read as GBK: 发布 (E5 8F 91 E5 B8 83) becomes 鍙戝竷. Such a run starts with a character
 * whose GBK bytes are a UTF-8 lead byte (E2–EF) and a continuation byte (80–BF); those characters are rare in
 * real text and are found with a table lookup. From each one, the run's GBK bytes are decoded as UTF-8, one
 * character at a time, stopping at the first byte that is not UTF-8: a run is reported only when it decodes to
 * at least two Han characters and nothing but Chinese text, so ordinary traditional characters that happen to be
 * in the table are left alone.
 */
import { isHan } from '../chars';
import { oddCharacters, type GbkCodec } from '../gbk';
import { CheckContext, excerpt, localized } from './context';
import { isChineseText } from './damage';
import { gbkCode } from './scan';
import type { Finding } from './types';

interface Decoded {
  /** Characters of the text that decode as a whole. */
  readonly chars: number;
  readonly text: string;
  readonly han: number;
}

/**
 * Decodes the GBK bytes of text[from…] as UTF-8 until the first invalid byte, the line's end or `limit` characters.
 * Only whole characters are taken; a sequence cut short by a U+FFFD (its last byte was lost) becomes one U+FFFD.
 */
function decodeRun(text: string, from: number, codec: GbkCodec, limit: number): Decoded {
  let out = '';
  let han = 0;
  let need = 0;
  let cp = 0;
  let result: Decoded = { chars: 0, text: '', han: 0 };
  for (let i = from; i < text.length && i - from < limit; i++) {
    const ch = text[i]!;
    if (ch === '\n' || ch === '\r') break;
    if (ch === '\uFFFD') {
      if (need > 0) result = { chars: i + 1 - from, text: out + '\uFFFD', han };
      break;
    }
    const code = gbkCode(codec, ch.charCodeAt(0));
    if (code === 0) break;
    let ok = true;
    const count = code < 0x100 ? 1 : 2;
    for (let k = 0; k < count && ok; k++) {
      const b = count === 1 ? code : k === 0 ? code >> 8 : code & 0xff;
      if (need === 0) {
        if (b < 0x80) {
          out += String.fromCharCode(b);
        } else if (b >= 0xe0 && b <= 0xef) {
          need = 2;
          cp = b & 0x0f;
        } else if (b >= 0xc2 && b <= 0xdf) {
          need = 1;
          cp = b & 0x1f;
        } else {
          ok = false;
        }
      } else if (b >= 0x80 && b <= 0xbf) {
        cp = (cp << 6) | (b & 0x3f);
        if (--need === 0) {
          if (!isChineseText(cp)) ok = false;
          else {
            if (cp >= 0x4e00 && cp <= 0x9fff) han++;
            out += String.fromCharCode(cp);
          }
        }
      } else {
        ok = false;
      }
    }
    if (!ok) break;
    if (need === 0) result = { chars: i + 1 - from, text: out, han };
  }
  return result;
}

/** Han characters a run must decode to before it may be applied by fix-all inside Chinese text. */
const CERTAIN_HAN = 3;

/**
 * A decoding fix-all may apply: the run stands on its own (no Han character right before or after it that is not
 * part of another run: UTF-8 read as GBK spoils whole lines or phrases), it decodes to at least three Han
 * characters, or it holds a character that does not read as Chinese prose (姝ｅ湪: the ｅ). A run of two inside Chinese text is offered as a quick fix only: 搴查， inside a sentence decodes to
 * 庲飬, but nothing says it was ever UTF-8.
 */
function isCertain(text: string, start: number, end: number, decoded: Decoded, joined: { before: boolean; after: boolean }): boolean {
  const alone = (joined.before || !isHan(text.charCodeAt(start - 1))) && (joined.after || !isHan(text.charCodeAt(end)));
  return alone || decoded.han >= CERTAIN_HAN || oddCharacters(text, start, end) > 0;
}

export function checkMojibake(ctx: CheckContext, out: Finding[]): void {
  const codec = ctx.options.codec;
  if (codec === undefined) return;
  const { text } = ctx;
  const runs: Array<{ start: number; end: number; decoded: Decoded }> = [];
  let from = 0;
  for (const i of ctx.scan().utf8Leads) {
    if (i < from) continue;
    const decoded = decodeRun(text, i, codec, 2000);
    if (decoded.han < 2 || decoded.chars < 2) continue;
    from = i + decoded.chars;
    runs.push({ start: i, end: from, decoded });
  }
  for (let r = 0; r < runs.length; r++) {
    const { start: i, end, decoded } = runs[r]!;
    const original = text.slice(i, end);
    const fixed = decoded.text;
    // a run right after or before another one is part of the same spoilt stretch
    const joined = { before: r > 0 && runs[r - 1]!.end === i, after: r + 1 < runs.length && runs[r + 1]!.start === end };
    const safe = isCertain(text, i, end, decoded, joined);
    out.push({
      code: 'mojibake', start: i, end,
      message: localized(
        `乱码：UTF-8 文本被当作 GBK 读出（${excerpt(original, 12)}），应为：${excerpt(fixed, 30)}`,
        `Mojibake: UTF-8 text read as GBK (${excerpt(original, 12)}); it reads: ${excerpt(fixed, 30)}`,
      ),
      fixes: [{ title: localized(`按 UTF-8 重新解码为：${excerpt(fixed, 30)}`, `Decode again as UTF-8: ${excerpt(fixed, 30)}`), edits: [{ start: i, end, newText: fixed }], safe, preferred: true }],
    });
  }
}
