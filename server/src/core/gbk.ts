/**
 * Repair of lines that were GBK decoded one byte late (see DOMAIN.md, "Web-scrape damage").
 *
 * The core stays pure: the byte codec comes in through this narrow interface (the server passes iconv-lite).
 */

export interface GbkCodec {
  /** GBK bytes of one character, or undefined when GBK has none. */
  encodeChar(ch: string): ArrayLike<number> | undefined;
  /** The character of one double-byte GBK code (lead, trail), or undefined when unassigned. */
  decodePair(lead: number, trail: number): string | undefined;
}

const REPLACEMENT = '\uFFFD';

function isLead(b: number): boolean {
  return b >= 0x81 && b <= 0xfe;
}

function isTrail(b: number): boolean {
  return (b >= 0x40 && b <= 0x7e) || (b >= 0x80 && b <= 0xfe);
}

/**
 * Re-decode `run` (text that was decoded from GBK one byte late) with the lost lead byte `lost` put back.
 * Characters whose bytes were already replaced by "?" (or are not GBK) come back as U+FFFD, never guessed.
 * Decoding stops where it falls back into step with the original text; the rest is kept as it is.
 */
export function redecodeShifted(run: string, lost: number, codec: GbkCodec): string {
  const bytes: number[] = [lost];
  const lostByte: boolean[] = [false];
  /** byte index → true where an original character starts */
  const boundary: boolean[] = [false];
  /** byte index → index in `run` of the character that byte came from */
  const charAt: number[] = [-1];
  for (let i = 0; i < run.length; i++) {
    const ch = run[i]!;
    const enc = ch === '?' || ch === REPLACEMENT ? undefined : codec.encodeChar(ch);
    const bs = enc && enc.length > 0 ? Array.from(enc) : [0x3f];
    for (let k = 0; k < bs.length; k++) {
      bytes.push(bs[k]!);
      lostByte.push(enc === undefined);
      boundary.push(k === 0);
      charAt.push(i);
    }
  }
  let out = '';
  let i = 0;
  while (i < bytes.length) {
    if (i > 0 && boundary[i] && !lostByte[i]) {
      // back in step with the original decoding: the rest reads as it was
      return out + run.slice(charAt[i]);
    }
    const b = bytes[i]!;
    if (lostByte[i]) {
      if (!out.endsWith(REPLACEMENT)) out += REPLACEMENT;
      i++;
    } else if (b < 0x80) {
      out += String.fromCharCode(b);
      i++;
    } else if (isLead(b) && i + 1 < bytes.length && isTrail(bytes[i + 1]!) && !lostByte[i + 1]) {
      out += codec.decodePair(b, bytes[i + 1]!) ?? REPLACEMENT;
      i += 2;
    } else {
      if (!out.endsWith(REPLACEMENT)) out += REPLACEMENT;
      i++;
    }
  }
  return out;
}
