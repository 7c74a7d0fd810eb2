/**
 * Is a document that shows many U+FFFD really Chinese text in GB18030 (GBK, GB2312) opened as UTF-8? Old reports
 * and files saved by Windows tools are often GBK, and VS Code opens files as UTF-8 unless told otherwise
 * (`files.autoGuessEncoding`): every Chinese character then shows as �. Pure (no vscode), so it is unit-tested.
 */

/** The editor's text is looked at up to here. */
export const HINT_SAMPLE_CHARS = 64 * 1024;
/** The file's bytes are looked at up to here. */
export const HINT_SAMPLE_BYTES = 256 * 1024;
/** At least this many U+FFFD in the sample, and at least this share of its characters, before the bytes are read. */
const MIN_REPLACEMENTS = 8;
const MIN_REPLACEMENT_SHARE = 0.01;
/** Share of Han characters among the non-blank characters of the bytes decoded as GB18030. */
const MIN_HAN_SHARE = 0.3;

/** How many U+FFFD the editor's text has in its first `HINT_SAMPLE_CHARS` characters, if enough to look further. */
export function replacementsWorthChecking(text: string): number {
  const n = Math.min(text.length, HINT_SAMPLE_CHARS);
  let count = 0;
  for (let i = 0; i < n; i++) if (text.charCodeAt(i) === 0xfffd) count++;
  return count >= MIN_REPLACEMENTS && count >= n * MIN_REPLACEMENT_SHARE ? count : 0;
}

/**
 * True when `bytes` (the start of the file) are not UTF-8 but read cleanly as GB18030, into text that is mostly Han
 * characters. Undefined when this runtime cannot decode GB18030 (no ICU data).
 */
export function isGb18030Text(bytes: Uint8Array): boolean | undefined {
  let gb: InstanceType<typeof TextDecoder>;
  try {
    gb = new TextDecoder('gb18030', { fatal: true });
  } catch {
    return undefined;
  }
  const sample = trimPartialCharacter(bytes.subarray(0, HINT_SAMPLE_BYTES), bytes.length > HINT_SAMPLE_BYTES);
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(sample);
    return false; // valid UTF-8: the � are in the file itself
  } catch {
    // not UTF-8: go on
  }
  let text: string;
  try {
    text = gb.decode(sample);
  } catch {
    return false;
  }
  let han = 0;
  let visible = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c <= 0x20 || c === 0x3000) continue;
    visible++;
    if (c >= 0x4e00 && c <= 0x9fff) han++;
  }
  return visible > 0 && han >= visible * MIN_HAN_SHARE;
}

/** A sample cut from a longer file may end inside a two-byte character: drop a trailing lead byte. */
function trimPartialCharacter(bytes: Uint8Array, cut: boolean): Uint8Array {
  if (!cut) return bytes;
  let end = bytes.length;
  // count the trailing bytes ≥ 0x81: an odd run ends with a lone lead byte (GBK pairs are lead 0x81–0xFE + trail)
  let run = 0;
  while (end - run > 0 && bytes[end - run - 1]! >= 0x81) run++;
  if (run % 2 === 1) end--;
  return bytes.subarray(0, end);
}
