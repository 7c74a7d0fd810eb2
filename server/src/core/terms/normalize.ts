/**
 * One key per term, whatever the script: a character table that folds full/half width, quote styles and
 * traditional → simplified characters, built once per converter and applied to terms and, character by
 * character, to the text while matching (the document itself is never converted).
 *
 * - Width: full-width ASCII U+FF01–U+FF5E → U+0021–U+007E and U+3000 → space, by an explicit one-to-one map (never
 *   NFKC: it changes lengths and loses heading levels).
 * - Quotes: 「」 → “”, 『』 → ‘’ (Taiwan and mainland quoting read the same).
 * - Script: the injected t2cn-style converter (opencc-js in the server) is run once over every BMP Han character,
 *   each on its own line, so that only one-to-one character conversions enter the table (phrase rules like
 *   乾隆 → 乾隆 cannot apply to single characters). Keys therefore fold characters, not phrases: 網上沙龍 = 网上沙龙,
 *   行政處分 = 行政处分; both scripts fold the same way, so keys agree even where a phrase rule would differ.
 * - Pinyin glosses are not characters: `keyOf` strips them, and the matcher steps over them in the text.
 */
import { stripGlosses } from '../gloss';

/** A traditional → simplified converter over whole strings (opencc-js `Converter({ from: 'tw', to: 'cn' })`). */
export interface ScriptConverter {
  toSimplified(text: string): string;
}

/** Ranges of BMP Han characters the script table covers: CJK Unified, Extension A, Compatibility Ideographs. */
const HAN_RANGES: ReadonlyArray<readonly [number, number]> = [
  [0x3400, 0x4dbf],
  [0x4e00, 0x9fff],
  [0xf900, 0xfaff],
];

/** A code-unit → code-unit table: index by `charCodeAt`, read the folded code unit. */
export type FoldTable = Uint16Array;

let plainTable: FoldTable | undefined;
const scriptTables = new WeakMap<ScriptConverter, FoldTable>();
let scriptTablesBuilt = 0;

function widthAndQuoteTable(): FoldTable {
  const table = new Uint16Array(0x10000);
  for (let c = 0; c < 0x10000; c++) table[c] = c;
  for (let c = 0xff01; c <= 0xff5e; c++) table[c] = c - 0xfee0;
  table[0x3000] = 0x20;
  table[0x300c] = 0x201c; // 「 → “
  table[0x300d] = 0x201d; // 」 → ”
  table[0x300e] = 0x2018; // 『 → ‘
  table[0x300f] = 0x2019; // 』 → ’
  return table;
}

/**
 * The fold table for `converter` (width and quotes only without one). Built on first use and kept for the
 * process: the converter runs once, over ~28,000 characters.
 */
export function foldTable(converter: ScriptConverter | undefined): FoldTable {
  plainTable ??= widthAndQuoteTable();
  if (converter === undefined) return plainTable;
  const cached = scriptTables.get(converter);
  if (cached !== undefined) return cached;
  const table = plainTable.slice();
  let source = '';
  const codes: number[] = [];
  for (const [from, to] of HAN_RANGES) {
    for (let c = from; c <= to; c++) {
      codes.push(c);
      source += String.fromCharCode(c) + '\n';
    }
  }
  const converted = converter.toSimplified(source);
  const parts = converted.split('\n');
  if (parts.length === codes.length + 1) {
    for (let i = 0; i < codes.length; i++) {
      const part = parts[i]!;
      if (part.length === 1) table[codes[i]!] = part.charCodeAt(0);
    }
  }
  scriptTables.set(converter, table);
  scriptTablesBuilt++;
  return table;
}

/** How many script tables this process has built (the bench checks that it stays at one, and at zero before terms are asked for). */
export function scriptTableCount(): number {
  return scriptTablesBuilt;
}

/** The key of a term as written: glosses stripped, every code unit folded, surrounding blanks dropped. */
export function keyOf(spelling: string, table: FoldTable): string {
  const s = stripGlosses(spelling);
  // most spellings fold to themselves (simplified Chinese): no string is built for them
  let i = 0;
  while (i < s.length && table[s.charCodeAt(i)] === s.charCodeAt(i)) i++;
  if (i === s.length) return s.trim();
  let out = s.slice(0, i);
  for (; i < s.length; i++) out += String.fromCharCode(table[s.charCodeAt(i)]!);
  return out.trim();
}
