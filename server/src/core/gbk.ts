/**
 * Repair of lines that were GBK decoded one byte late (see DOMAIN.md, "Web-scrape damage").
 *
 * The core stays pure: the byte codec comes in through this narrow interface (the server passes iconv-lite).
 */
import { doubled } from './arrays';
import { isHan } from './chars';
import { glossAt, isPinyinCode } from './gloss';

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

/** Per codec: the GBK bytes of each code unit, packed (see `packedBytes`), and the character of each byte pair. */
interface CodecCache {
  readonly encoded: Int32Array;
  /** null where the codec has no character for the pair. */
  readonly decoded: Array<string | null | undefined>;
}
const NOT_YET = -2;
const NO_BYTES = -1;
/** More than three bytes: not packed, asked of the codec each time. */
const UNPACKED = -3;
const caches = new WeakMap<GbkCodec, CodecCache>();

function cacheOf(codec: GbkCodec): CodecCache {
  let cache = caches.get(codec);
  if (cache === undefined) caches.set(codec, (cache = { encoded: new Int32Array(0x10000).fill(NOT_YET), decoded: new Array<string | null | undefined>(0x10000) }));
  return cache;
}

/**
 * `codec.encodeChar` of one code unit, remembered: NO_BYTES when it has none, else the count in bits 24–26 and up to
 * three bytes below (first byte highest).
 */
function packedBytes(cache: CodecCache, codec: GbkCodec, c: number): number {
  let v = cache.encoded[c]!;
  if (v === NOT_YET) {
    const enc = codec.encodeChar(String.fromCharCode(c));
    if (enc === undefined) v = NO_BYTES;
    else if (enc.length > 3) v = UNPACKED;
    else {
      v = enc.length << 24;
      for (let k = 0; k < enc.length; k++) v |= (enc[k]! & 0xff) << (8 * (2 - k));
    }
    cache.encoded[c] = v;
  }
  return v;
}

function decodedPair(cache: CodecCache, codec: GbkCodec, lead: number, trail: number): string | undefined {
  const key = ((lead & 0xff) << 8) | (trail & 0xff);
  let s = cache.decoded[key];
  if (s === undefined) cache.decoded[key] = s = codec.decodePair(lead, trail) ?? null;
  return s ?? undefined;
}

/** `codec.decodePair(lead, trail)` (bytes 0–255), remembered per codec: one string per pair, not one per call. */
export function decodePairOf(codec: GbkCodec, lead: number, trail: number): string | undefined {
  return decodedPair(cacheOf(codec), codec, lead, trail);
}

/** The byte stream of a re-decoding: each byte with its flags, and the index in the run of the character it came from. */
const LOST_BYTE = 0x100;
const BOUNDARY = 0x200;
let streamBytes = new Int32Array(1024);
let streamChars = new Int32Array(1024);

function pushByte(n: number, value: number, char: number): void {
  if (n >= streamBytes.length) {
    streamBytes = doubled(streamBytes);
    streamChars = doubled(streamChars);
  }
  streamBytes[n] = value;
  streamChars[n] = char;
}

/**
 * Re-decode `run` (text that was decoded from GBK one byte late) with the lost lead byte `lost` put back.
 * Characters whose bytes were already replaced by "?" (or are not GBK) come back as U+FFFD, never guessed.
 * Decoding stops where it falls back into step with the original text; the rest is kept as it is.
 * (The bytes go into two typed arrays reused from call to call, and the codec's answers are remembered per code unit:
 * a text of misaligned lines re-decodes every one of them, twice.)
 */
export function redecodeShifted(run: string, lost: number, codec: GbkCodec): string {
  const cache = cacheOf(codec);
  let n = 0;
  pushByte(n++, lost & 0xff, -1);
  for (let i = 0; i < run.length; i++) {
    const c = run.charCodeAt(i);
    const packed = c === 0x3f || c === 0xfffd ? NO_BYTES : packedBytes(cache, codec, c);
    if (packed === NO_BYTES) {
      pushByte(n++, 0x3f | LOST_BYTE | BOUNDARY, i);
    } else if (packed === UNPACKED) {
      const enc = codec.encodeChar(run[i]!)!;
      for (let k = 0; k < enc.length; k++) pushByte(n++, (enc[k]! & 0xff) | (k === 0 ? BOUNDARY : 0), i);
    } else {
      const count = packed >>> 24;
      if (count === 0) pushByte(n++, 0x3f | BOUNDARY, i);
      for (let k = 0; k < count; k++) pushByte(n++, ((packed >>> (8 * (2 - k))) & 0xff) | (k === 0 ? BOUNDARY : 0), i);
    }
  }
  const bytes = streamBytes;
  let out = '';
  let endsLost = false; // out ends with U+FFFD
  const add = (piece: string): void => {
    out += piece;
    if (piece.length > 0) endsLost = piece.charCodeAt(piece.length - 1) === 0xfffd;
  };
  let i = 0;
  while (i < n) {
    const v = bytes[i]!;
    if (i > 0 && (v & BOUNDARY) !== 0 && (v & LOST_BYTE) === 0) {
      // back in step with the original decoding: the rest reads as it was
      return out + run.slice(streamChars[i]);
    }
    const b = v & 0xff;
    if ((v & LOST_BYTE) !== 0) {
      if (!endsLost) add(REPLACEMENT);
      i++;
    } else if (b < 0x80) {
      add(String.fromCharCode(b));
      i++;
    } else if (isLead(b) && i + 1 < n && isTrail(bytes[i + 1]! & 0xff) && (bytes[i + 1]! & LOST_BYTE) === 0) {
      add(decodedPair(cache, codec, b, bytes[i + 1]! & 0xff) ?? REPLACEMENT);
      i += 2;
    } else {
      if (!endsLost) add(REPLACEMENT);
      i++;
    }
  }
  return out;
}

/**
 * Characters that do not belong in Chinese prose and that GBK read one byte out of step is full of: the symbol rows
 * A4–A9 (kana, bopomofo, Greek, Cyrillic, pinyin letters, box drawing), full-width Latin letters, math operators,
 * radicals, CJK Extension A and compatibility ideographs, private-use code points (cp936's FE row), controls — and a
 * single ASCII letter between two Han characters (瓣P鍵, 趯W習: a trail byte 0x40–0x7E read on its own).
 */
function isOddCode(c: number): boolean {
  return (
    (c < 0x20 && c !== 0x09) ||
    (c >= 0x7f && c <= 0x9f) ||
    (c >= 0xc0 && c <= 0x24f) || // Latin letters with diacritics (pinyin outside a gloss)
    (c >= 0x370 && c <= 0x4ff) || // Greek, Cyrillic
    (c >= 0x2200 && c <= 0x23ff) || // math operators, technical symbols
    (c >= 0x2500 && c <= 0x259f) || // box drawing, block elements
    (c >= 0x2e80 && c <= 0x2fff) || // radicals, ideographic description
    (c >= 0x3040 && c <= 0x30ff) || // kana
    (c >= 0x3100 && c <= 0x312f) || (c >= 0x31a0 && c <= 0x31bf) || // bopomofo
    (c >= 0x3400 && c <= 0x4dbf) || // Extension A
    (c >= 0xe000 && c <= 0xf8ff) || // private use
    (c >= 0xf900 && c <= 0xfaff) || // compatibility ideographs
    (c >= 0xff21 && c <= 0xff3a) || (c >= 0xff41 && c <= 0xff5a) // full-width Latin letters
  );
}

function isAsciiLetter(c: number): boolean {
  return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
}

/**
 * How many characters of s[from…to) do not read as Chinese prose (see `isOddCode`); pinyin glosses (發(fā)) and their
 * remnants (lián) after a lost "(") are skipped, U+FFFD is not counted (a lost character, the same before and after a
 * re-decoding).
 */
export function oddCharacters(s: string, from = 0, to = s.length): number {
  let odd = 0;
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i);
    const gloss = c === 0x28 ? glossAt(s, i) : -1;
    if (gloss > 0) {
      i = gloss - 1;
    } else if (isOddCode(c)) {
      if (!(isPinyinCode(c) && remnantAround(s, i))) odd++;
    } else if (isAsciiLetter(c) && isHan(s.charCodeAt(i - 1)) && isHan(s.charCodeAt(i + 1))) {
      odd++;
    }
  }
  return odd;
}

/** Pinyin letters from s[i] on that end in ")": what is left of a gloss whose "(" was lost (lián)). */
function remnantAround(s: string, i: number): boolean {
  let q = i;
  while (q < s.length && q - i <= 7 && isPinyinCode(s.charCodeAt(q))) q++;
  return s.charCodeAt(q) === 0x29;
}

/**
 * How sure a re-decoding is: 'certain' when the text it replaces holds characters that do not read as Chinese and the
 * re-decoded text holds none, with at least two such characters (or one and another sign of the damage, `evidence`:
 * the "?!" a lost 0xA1 leaves); 'possible' when the re-decoded text is clean but the evidence is thinner (a quick fix
 * the user chooses, never fix-all); 'none' when the re-decoded text reads worse, or the text already reads as normal
 * Chinese (it is never re-decoded). Only the part that differs is judged (the two share the rest of the line).
 */
export type RepairVerdict = 'certain' | 'possible' | 'none';

export function judgeRepair(original: string, repaired: string, evidence = 0): RepairVerdict {
  let p = 0;
  const max = Math.min(original.length, repaired.length);
  while (p < max && original.charCodeAt(p) === repaired.charCodeAt(p)) p++;
  let s = 0;
  while (s < max - p && original.charCodeAt(original.length - 1 - s) === repaired.charCodeAt(repaired.length - 1 - s)) s++;
  const before = oddCharacters(original, p, original.length - s);
  const after = oddCharacters(repaired, p, repaired.length - s);
  if (after > 0 || before === 0) return 'none';
  return before + evidence >= 2 ? 'certain' : 'possible';
}
