/**
 * Simplified ↔ traditional conversion edits, and the character tables of the script-mixing rule. The converters
 * come from ../opencc.ts (the one opencc-js loader; lazy, one converter per target).
 */
import * as iconv from 'iconv-lite';
import type { Edit, ScriptTable } from '../core/checks';
import type { ConvertTarget } from '../protocol';
import { converterTo } from '../opencc';

/** True for a target whose conversion may change lengths: converted only as a whole-range replacement. */
export function changesLength(target: ConvertTarget): boolean {
  return target === 'twp';
}

function isHighSurrogate(c: number): boolean {
  return c >= 0xd800 && c <= 0xdbff;
}

/**
 * The edits that convert text[start, end) to `target`: one edit per run of changed characters when the conversion
 * keeps the length (so that the rest of the text, and the cursor in it, stay put), else one replacement of the range.
 */
export function conversionEdits(text: string, start: number, end: number, target: ConvertTarget): Edit[] {
  const source = text.slice(start, end);
  const converted = converterTo(target)(source);
  if (converted === source) return [];
  if (changesLength(target) || converted.length !== source.length) return [{ start, end, newText: converted }];
  const edits: Edit[] = [];
  let i = 0;
  while (i < source.length) {
    if (source.charCodeAt(i) === converted.charCodeAt(i)) {
      i++;
      continue;
    }
    let a = i;
    if (a > 0 && isHighSurrogate(source.charCodeAt(a - 1))) a--;
    let b = i + 1;
    while (b < source.length && source.charCodeAt(b) !== converted.charCodeAt(b)) b++;
    if (b < source.length && isHighSurrogate(source.charCodeAt(b - 1))) b++;
    edits.push({ start: start + a, end: start + b, newText: converted.slice(a, b) });
    i = b;
  }
  return edits;
}

let scriptTable: ScriptTable | undefined;

/** A CJK ideograph's GBK bytes are in the GB2312 hanzi area (rows B0–F7): a character simplified text uses. */
function inGb2312(ch: string): boolean {
  const bytes = iconv.encode(ch, 'gbk');
  return bytes.length === 2 && bytes[0]! >= 0xb0 && bytes[0]! <= 0xf7 && bytes[1]! >= 0xa1;
}

/** Big5 (code page 950, without the Hong Kong extension) has the character: traditional text may use it. */
function inBig5(ch: string): boolean {
  const bytes = iconv.encode(ch, 'cp950');
  return !(bytes.length === 1 && bytes[0] === 0x3f);
}

/**
 * The script-mixing tables, built once: a character is simplified-only when OpenCC writes it differently in
 * traditional, keeps it in simplified, and Big5 does not have it (发, not 后 or 体); traditional-only when OpenCC
 * simplifies it, keeps it in traditional, and GB2312 does not have it (發, not 著).
 */
export function scriptTableFromOpenCC(): ScriptTable {
  if (scriptTable !== undefined) return scriptTable;
  const chars: string[] = [];
  for (let c = 0x4e00; c <= 0x9fff; c++) chars.push(String.fromCharCode(c));
  const joined = chars.join('\n');
  const toTraditional = converterTo('tw')(joined).split('\n');
  const toSimplified = converterTo('cn')(joined).split('\n');
  const classes = new Uint8Array(0x10000);
  const counterpart = new Map<string, string>();
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i]!;
    const t = toTraditional[i];
    const s = toSimplified[i];
    // simplified-only: written differently in traditional, left alone by simplification, and not in Big5 (爲 is a
    // traditional variant OpenCC normalises, not a simplified character)
    if (t !== undefined && t !== ch && t.length === 1 && s === ch && !inBig5(ch)) {
      classes[ch.charCodeAt(0)] = 1;
      counterpart.set(ch, t);
    } else if (s !== undefined && s !== ch && s.length === 1 && t === ch && !inGb2312(ch)) {
      classes[ch.charCodeAt(0)] = 2;
      counterpart.set(ch, s);
    }
  }
  scriptTable = { classes, counterpart: (ch) => counterpart.get(ch) };
  return scriptTable;
}
