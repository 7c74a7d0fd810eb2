/**
 * The GBK byte codec the analysis core needs for repairing misaligned lines, backed by iconv-lite.
 *
 * Both directions are remembered per character / per byte pair: a damaged line asks for the same few hundred
 * characters again and again, and one iconv-lite call (a Buffer and a decoder each) cost more than the whole rest of
 * the repair — a text full of misaligned lines took 2.5 s per MB.
 */
import * as iconv from 'iconv-lite';
import type { GbkCodec } from '../core';

const QUESTION = 0x3f;

/** By UTF-16 code unit: its GBK bytes, null when GBK has none, undefined until asked. */
const encoded: Array<readonly number[] | null | undefined> = new Array<readonly number[] | null | undefined>(0x10000);
/** By (lead << 8 | trail): the decoded code unit, NONE when unassigned, 0 until asked. */
const decoded = new Uint16Array(0x10000);
const NONE = 0xffff;

function encodeUncached(ch: string): readonly number[] | undefined {
  const bytes = iconv.encode(ch, 'gbk');
  // iconv-lite writes "?" for characters GBK lacks
  return bytes.length === 1 && bytes[0] === QUESTION && ch !== '?' ? undefined : Array.from(bytes);
}

export const gbkCodec: GbkCodec = {
  encodeChar(ch: string): ArrayLike<number> | undefined {
    if (ch.length !== 1) return encodeUncached(ch);
    const c = ch.charCodeAt(0);
    let bytes = encoded[c];
    if (bytes === undefined) encoded[c] = bytes = encodeUncached(ch) ?? null;
    return bytes ?? undefined;
  },
  decodePair(lead: number, trail: number): string | undefined {
    const key = ((lead & 0xff) << 8) | (trail & 0xff);
    let code = decoded[key]!;
    if (code === 0) {
      const s = iconv.decode(Buffer.from([lead, trail]), 'gbk');
      code = s.length === 1 && s !== '\uFFFD' && s.charCodeAt(0) !== NONE ? s.charCodeAt(0) : NONE;
      decoded[key] = code;
    }
    return code === NONE ? undefined : String.fromCharCode(code);
  },
};

/**
 * Whether `ch` has bytes in the legacy encoding: GBK through the remembered table above, Big5 without the Hong Kong
 * extension (code page 950) through iconv-lite, which writes "?" for a character it lacks.
 */
export function encodes(ch: string, encoding: 'gbk' | 'big5'): boolean {
  if (encoding === 'gbk') return gbkCodec.encodeChar(ch) !== undefined;
  const bytes = iconv.encode(ch, 'cp950');
  return ch === '?' || !(bytes.length === 1 && bytes[0] === QUESTION);
}
