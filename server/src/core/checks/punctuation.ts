/**
 * Punctuation after heading markers (GB/T 15834-2011 Appendix B.3): 一、 (not 一. 一， 一．), 1. (not 1、),
 * nothing after （一） （1） ①; and the blank after 第X条 / 第X章 where the document otherwise leaves one.
 */
import { isIndent } from '../chars';
import { FORMAL_NUMERALS, KIND_BY_CODE, LAW_BY_CODE, SEPARATOR_BY_CODE } from '../markers';
import type { Heading, MarkerKind } from '../model';
import { keeps } from './bounded';
import { CheckContext, localized, q } from './context';
import { cnComma } from './numbering';
import type { Finding } from './types';

const AFTER_BRACKET_CODES = new Set([...'、，,.．：:'].map((ch) => ch.charCodeAt(0)));

function punctuationFinding(start: number, end: number, found: string, fixed: string, zh: string, en: string): Finding {
  return {
    code: 'marker-punctuation', start, end,
    message: localized(`编号标点：${q(found)}应写作${q(fixed)}（${zh}）。`, `Marker punctuation: ${q(found)} should read ${q(fixed)} (${en}).`),
    fixes: [{ title: localized(`改为${q(fixed)}`, `Change to ${q(fixed)}`), edits: [{ start, end, newText: fixed }], safe: true, preferred: true }],
  };
}

/** Why the standard's separator belongs after a marker (by separator: see MarkerKindInfo.separator in markers.ts). */
const REASONS: Readonly<Record<string, readonly [zh: string, en: string]>> = {
  '、': ['中文数字后用顿号', 'a Chinese numeral takes 、'],
  '.': ['阿拉伯数字后用下脚点', 'an Arabic numeral takes a dot'],
  '': ['括号或带圈数字后不加标点', 'nothing follows a bracketed or circled number'],
};

export function checkMarkerPunctuation(ctx: CheckContext, out: Finding[]): void {
  const { text, model, table } = ctx;
  // (the kinds and offsets read from the heading table: the objects are not read)
  for (let i = 0; i < table.count; i++) {
    // the separator the standard wants after this kind of marker (markers.ts); undefined where it is not checked
    const want = SEPARATOR_BY_CODE[table.kind[i]!];
    if (want === undefined) continue;
    const markerEnd = ctx.markerEndAt(i);
    if (markerEnd < 0) continue;
    const sep = text.charCodeAt(markerEnd - 1);
    // char codes only: the marker's text is made for the few that are reported
    if (want === '、') {
      if (sep !== 0x2e && sep !== 0xff0e) continue;
    } else if (want === '.') {
      if (sep !== 0x3001 || markerEnd - table.headingStart[i]! < 2) continue;
    } else if (!AFTER_BRACKET_CODES.has(text.charCodeAt(markerEnd))) {
      continue;
    }
    const start = table.headingStart[i]!;
    if (!keeps(out, start, markerEnd)) continue;
    const marker = text.slice(start, markerEnd);
    const [zh, en] = REASONS[want]!;
    if (want !== '') {
      out.push(punctuationFinding(start, markerEnd, marker, marker.slice(0, -1) + want, zh, en));
    } else if (markerEnd + 1 < text.length && !isIndent(text.charCodeAt(markerEnd + 1)) && text.charCodeAt(markerEnd + 1) !== 0x0a && text.charCodeAt(markerEnd + 1) !== 0x0d) {
      out.push(punctuationFinding(start, markerEnd + 1, marker + text[markerEnd]!, marker, zh, en));
    }
  }
  // 二，xxx (貳，xxx): a 一、 (壹、) marker written with a comma, where it continues the document's 一、 (壹、) numbering.
  // the lines that start with a numeral and hold no heading come first: in a text whose every line is a 一、 heading
  // there is none, and the two families' lists are never made
  let families: Array<{ list: Heading[]; k: number; last: Heading | undefined }> | undefined;
  let line = 0; // the line of p: the lines ascend with p, so one walk over the line starts finds them all
  for (const p of ctx.scan().numeralLines) {
    while (line + 1 < ctx.lineCount && ctx.lineStart(line + 1) <= p) line++;
    if (ctx.isHeadingLine(line)) continue;
    families ??= (['cn', 'cnFormal'] as const).map((kind) => ({ list: model.headings.filter((h) => h.kind === kind), k: 0, last: undefined as Heading | undefined }));
    if (families.every((f) => f.list.length === 0)) return;
    const family = families[FORMAL_NUMERALS.includes(text[p]!) ? 1 : 0]!;
    const { list } = family;
    if (list.length === 0) continue;
    while (family.k < list.length && list[family.k]!.start <= p) family.last = list[family.k++];
    const end = ctx.contentEnd(line);
    const comma = cnComma(text, p, end);
    if (comma === undefined) continue;
    const next = list[family.k];
    const lastCn = family.last;
    const continues = lastCn !== undefined ? comma.ordinal === (lastCn.ordinal ?? -1) + 1 : comma.ordinal === 1 && next?.ordinal === 2;
    if (!continues || (next !== undefined && next.ordinal !== undefined && next.ordinal <= comma.ordinal)) continue;
    const found = text.slice(p, comma.sep + 1);
    const [zh, en] = REASONS['、']!;
    out.push(punctuationFinding(p, comma.sep + 1, found, found.slice(0, -1) + '、', zh, en));
  }
}

/** What may follow 第X条 directly without a blank: （ ( ： : ， , 。 之. */
const GLUE_OK = new Set([...'（(：:，,。之'].map((ch) => ch.charCodeAt(0)));

/** 第X条 followed directly by text where most markers of its kind in the document are followed by a blank. */
export function checkMarkerSpace(ctx: CheckContext, out: Finding[]): void {
  const { text, model, table } = ctx;
  const glued = new Map<MarkerKind, Array<{ h: Heading; end: number }>>();
  /** By kind: how often each blank (by char code, in order of first use) follows a marker. */
  const blanks = new Map<MarkerKind, Map<number, number>>();
  for (let i = 0; i < table.count; i++) {
    if (LAW_BY_CODE[table.kind[i]!] !== 1) continue;
    const kind = KIND_BY_CODE[table.kind[i]!]!;
    const markerEnd = ctx.markerEndAt(i);
    if (markerEnd < 0 || markerEnd >= text.length) continue;
    const next = text.charCodeAt(markerEnd);
    if (next === 0x0a || next === 0x0d) continue;
    if (isIndent(next)) {
      let m = blanks.get(kind);
      if (m === undefined) blanks.set(kind, (m = new Map()));
      m.set(next, (m.get(next) ?? 0) + 1);
    } else if (!GLUE_OK.has(next)) {
      let g = glued.get(kind);
      if (g === undefined) glued.set(kind, (g = []));
      g.push({ h: model.headings[i]!, end: markerEnd });
    }
  }
  for (const [kind, list] of glued) {
    const counts = blanks.get(kind);
    if (counts === undefined) continue;
    let spaced = 0;
    for (const n of counts.values()) spaced += n;
    if (spaced <= list.length) continue;
    const blank = String.fromCharCode([...counts.entries()].sort((a, b) => b[1] - a[1])[0]![0]);
    const shown = blank === '\u3000' ? '全角空格' : '空格';
    for (const { h, end } of list) {
      out.push({
        code: 'marker-space', start: h.headingStart, end,
        message: localized(`${q(h.marker)}后面直接接正文，本文其他 ${spaced} 处都空一格。`, `${q(h.marker)} is followed directly by text; the other ${spaced} in this document leave a blank.`),
        fixes: [{
          title: localized(`在${q(h.marker)}后加${shown}`, `Insert a ${blank === '\u3000' ? 'full-width ' : ''}space after ${q(h.marker)}`),
          edits: [{ start: end, end, newText: blank }], safe: true, preferred: true,
        }],
      });
    }
  }
}
