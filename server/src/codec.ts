/** The GBK byte codec the analysis core needs for repairing misaligned lines, backed by iconv-lite. */
import * as iconv from 'iconv-lite';
import type { GbkCodec } from './core';

const QUESTION = 0x3f;

export const gbkCodec: GbkCodec = {
  encodeChar(ch: string): ArrayLike<number> | undefined {
    const bytes = iconv.encode(ch, 'gbk');
    // iconv-lite writes "?" for characters GBK lacks
    return bytes.length === 1 && bytes[0] === QUESTION && ch !== '?' ? undefined : bytes;
  },
  decodePair(lead: number, trail: number): string | undefined {
    const s = iconv.decode(Buffer.from([lead, trail]), 'gbk');
    return s.length === 1 && s !== '\uFFFD' ? s : undefined;
  },
};
