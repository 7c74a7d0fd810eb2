/**
 * Simplified ↔ traditional conversion edits (the conversion command), and the character tables of the script-mixing
 * rule (the checks). The converters and the legacy encodings come from the host (`host.scripts`, `host.codec`): one
 * converter per target per process, built on first use.
 */
import type { Edit, ScriptTable } from '../core/checks';
import type { ConvertTarget } from '../protocol';
import type { HostCodec, HostScripts } from './host';

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
export function conversionEdits(scripts: HostScripts, text: string, start: number, end: number, target: ConvertTarget): Edit[] {
  const source = text.slice(start, end);
  const converted = scripts.converterTo(target)(source);
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

const scriptTables = new WeakMap<HostScripts, ScriptTable>();

/** A CJK ideograph's GBK bytes are in the GB2312 hanzi area (rows B0–F7): a character simplified text uses. */
function inGb2312(codec: HostCodec, ch: string): boolean {
  const bytes = codec.gbk.encodeChar(ch);
  return bytes !== undefined && bytes.length === 2 && bytes[0]! >= 0xb0 && bytes[0]! <= 0xf7 && bytes[1]! >= 0xa1;
}

/**
 * The script-mixing tables, built once: a character is simplified-only when OpenCC writes it differently in
 * traditional, keeps it in simplified, and Big5 does not have it (发, not 后 or 体); traditional-only when OpenCC
 * simplifies it, keeps it in traditional, and GB2312 does not have it (發, not 著).
 */
export function scriptTableOf(scripts: HostScripts, codec: HostCodec): ScriptTable {
  const cached = scriptTables.get(scripts);
  if (cached !== undefined) return cached;
  const chars: string[] = [];
  for (let c = 0x4e00; c <= 0x9fff; c++) chars.push(String.fromCharCode(c));
  const joined = chars.join('\n');
  const toTraditional = scripts.converterTo('tw')(joined).split('\n');
  const toSimplified = scripts.converterTo('cn')(joined).split('\n');
  const classes = new Uint8Array(0x10000);
  const counterpart = new Map<string, string>();
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i]!;
    const t = toTraditional[i];
    const s = toSimplified[i];
    // simplified-only: written differently in traditional, left alone by simplification, and not in Big5 (爲 is a
    // traditional variant OpenCC normalises, not a simplified character)
    if (t !== undefined && t !== ch && t.length === 1 && s === ch && !codec.encodes(ch, 'big5')) {
      classes[ch.charCodeAt(0)] = 1;
      counterpart.set(ch, t);
    } else if (s !== undefined && s !== ch && s.length === 1 && t === ch && !inGb2312(codec, ch)) {
      classes[ch.charCodeAt(0)] = 2;
      counterpart.set(ch, s);
    }
  }
  const table: ScriptTable = { classes, counterpart: (ch) => counterpart.get(ch) };
  scriptTables.set(scripts, table);
  return table;
}
