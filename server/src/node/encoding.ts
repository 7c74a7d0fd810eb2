/**
 * Decoding report files from bytes: UTF-8 (with or without BOM), UTF-16 with a BOM, and otherwise GB18030.
 *
 * Chinese reports saved by older tools and scraped from the web are often GBK; GB18030 is a superset of GBK
 * and of GB2312, so it decodes all three. A file is taken as UTF-8 only when it is valid UTF-8 throughout:
 * GBK text is almost never valid UTF-8, while UTF-8 Chinese read as GBK gives plausible-looking mojibake, so
 * trying UTF-8 first (strictly) is the safe order.
 */
import * as iconv from 'iconv-lite';

export type DetectedEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';

export interface DecodedText {
  readonly text: string;
  readonly encoding: DetectedEncoding;
  /** True when the bytes started with a byte order mark (which is not part of `text`). */
  readonly bom: boolean;
}

/** Encodings a caller may force instead of detecting (names as iconv-lite knows them). */
export function isSupportedEncoding(name: string): boolean {
  return iconv.encodingExists(name);
}

/** Decodes `bytes`, detecting the encoding as described in the file comment. */
export function decodeBytes(bytes: Uint8Array): DecodedText {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: decodeUtf8(bytes.subarray(3), false), encoding: 'utf-8', bom: true };
  }
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: iconv.decode(bytes.subarray(2), 'utf-16le', { stripBOM: false }), encoding: 'utf-16le', bom: true };
  }
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { text: iconv.decode(bytes.subarray(2), 'utf-16be', { stripBOM: false }), encoding: 'utf-16be', bom: true };
  }
  const utf8 = tryDecodeUtf8(bytes);
  if (utf8 !== undefined) {
    return { text: utf8, encoding: 'utf-8', bom: false };
  }
  return { text: iconv.decode(bytes, 'gb18030', { stripBOM: false }), encoding: 'gb18030', bom: false };
}

/** Decodes `bytes` with a named encoding (e.g. "gbk", "big5"), stripping a leading BOM. Throws on an unknown name. */
export function decodeBytesAs(bytes: Uint8Array, encoding: string): string {
  if (!iconv.encodingExists(encoding)) {
    throw new Error(`unknown encoding: ${encoding}`);
  }
  return iconv.decode(bytes, encoding, { stripBOM: true });
}

/**
 * A file's bytes as the report service reads them (HostCodec.decode): detected as described in the file comment, or
 * with `encoding` when the caller names one.
 */
export function decodeFile(bytes: Uint8Array, encoding?: string): { readonly text: string; readonly encoding: string; readonly bom: boolean } {
  return encoding === undefined ? decodeBytes(bytes) : { text: decodeBytesAs(bytes, encoding), encoding, bom: false };
}

/** The text when `bytes` is valid UTF-8, otherwise undefined. */
function tryDecodeUtf8(bytes: Uint8Array): string | undefined {
  try {
    return decodeUtf8(bytes, true);
  } catch {
    return undefined;
  }
}

function decodeUtf8(bytes: Uint8Array, fatal: boolean): string {
  return new TextDecoder('utf-8', { fatal, ignoreBOM: true }).decode(bytes);
}
