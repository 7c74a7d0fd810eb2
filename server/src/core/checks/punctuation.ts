/**
 * Punctuation after heading markers (GB/T 15834-2011 Appendix B.3): 一、 (not 一. 一， 一．), 1. (not 1、),
 * nothing after （一） （1） ①; and the blank after 第X条 / 第X章 where the document otherwise leaves one.
 */
import { isCnNumeralCode, isIndent } from '../chars';
import type { Heading, MarkerKind } from '../model';
import { CheckContext, localized, q } from './context';
import { cnComma } from './numbering';
import type { Finding } from './types';

const AFTER_BRACKET = new Set(['、', '，', ',', '.', '．', '：', ':']);

/** Chinese numeral characters by code unit (a lookup per line). */
const CN_NUMERAL = new Uint8Array(0x10000);
for (let c = 0; c < 0x10000; c++) if (isCnNumeralCode(c)) CN_NUMERAL[c] = 1;

function punctuationFinding(start: number, end: number, found: string, fixed: string, zh: string, en: string): Finding {
  return {
    code: 'marker-punctuation', start, end,
    message: localized(`编号标点：${q(found)}应写作${q(fixed)}（${zh}）。`, `Marker punctuation: ${q(found)} should read ${q(fixed)} (${en}).`),
    fixes: [{ title: localized(`改为${q(fixed)}`, `Change to ${q(fixed)}`), edits: [{ start, end, newText: fixed }], safe: true, preferred: true }],
  };
}

export function checkMarkerPunctuation(ctx: CheckContext, out: Finding[]): void {
  const { text, model } = ctx;
  let lastCn: Heading | undefined;
  for (const h of model.headings) {
    const kind = h.kind;
    if (kind !== 'cn' && kind !== 'num' && kind !== 'cnParen' && kind !== 'numParen' && kind !== 'circled') continue;
    const sep = h.marker[h.marker.length - 1]!;
    const markerEnd = h.headingStart + h.marker.length;
    // the cheap tests first; the marker's place in the text only for the few that fail them
    if (kind === 'cn') {
      if (sep !== '.' && sep !== '．') continue;
    } else if (kind === 'num') {
      if (sep !== '、' || h.marker.length < 2) continue;
    } else if (!AFTER_BRACKET.has(text[markerEnd] ?? '')) {
      continue;
    }
    const range = ctx.markerRange(h);
    if (range === undefined) continue;
    if (kind === 'cn') {
      out.push(punctuationFinding(range.start, range.end, h.marker, h.marker.slice(0, -1) + '、', '中文数字后用顿号', 'a Chinese numeral takes 、'));
    } else if (kind === 'num') {
      out.push(punctuationFinding(range.start, range.end, h.marker, h.marker.slice(0, -1) + '.', '阿拉伯数字后用下脚点', 'an Arabic numeral takes a dot'));
    } else if (range.end + 1 < text.length && !isIndent(text.charCodeAt(range.end + 1)) && text[range.end + 1] !== '\n') {
      const after = text[range.end]!;
      out.push(punctuationFinding(range.start, range.end + 1, h.marker + after, h.marker, '括号或带圈数字后不加标点', 'nothing follows a bracketed or circled number'));
    }
  }
  // 二，xxx: a 一、 marker written with a comma, where it continues the document's 一、 numbering.
  const cnHeadings = model.headings.filter((h) => h.kind === 'cn');
  if (cnHeadings.length === 0) return;
  let k = 0;
  for (let line = 0; line < ctx.lineCount; line++) {
    // cheap test first: the first character after the indent is a Chinese numeral
    let p = ctx.lineStart(line);
    while (p < text.length && isIndent(text.charCodeAt(p))) p++;
    if (CN_NUMERAL[text.charCodeAt(p)] !== 1) continue;
    while (k < cnHeadings.length && cnHeadings[k]!.start <= p) lastCn = cnHeadings[k++];
    if (ctx.isHeadingLine(line)) continue;
    const end = ctx.contentEnd(line);
    const comma = cnComma(text, p, end);
    if (comma === undefined) continue;
    const next = cnHeadings[k];
    const continues = lastCn !== undefined ? comma.ordinal === (lastCn.ordinal ?? -1) + 1 : comma.ordinal === 1 && next?.ordinal === 2;
    if (!continues || (next !== undefined && next.ordinal !== undefined && next.ordinal <= comma.ordinal)) continue;
    const found = text.slice(p, comma.sep + 1);
    out.push(punctuationFinding(p, comma.sep + 1, found, found.slice(0, -1) + '、', '中文数字后用顿号', 'a Chinese numeral takes 、'));
  }
}

const SPACED_KINDS: readonly MarkerKind[] = ['part', 'chapter', 'section', 'article'];

/** 第X条 followed directly by text where most markers of its kind in the document are followed by a blank. */
export function checkMarkerSpace(ctx: CheckContext, out: Finding[]): void {
  const { text, model } = ctx;
  const glued = new Map<MarkerKind, Array<{ h: Heading; end: number }>>();
  const blanks = new Map<MarkerKind, Map<string, number>>();
  for (const h of model.headings) {
    if (!SPACED_KINDS.includes(h.kind)) continue;
    const next = text[h.headingStart + h.marker.length];
    if (next === undefined || next === '\n' || next === '\r') continue;
    const range = ctx.markerRange(h);
    if (range === undefined) continue;
    if (next === undefined || next === '\n' || next === '\r') continue;
    if (isIndent(next.charCodeAt(0))) {
      let m = blanks.get(h.kind);
      if (m === undefined) blanks.set(h.kind, (m = new Map()));
      m.set(next, (m.get(next) ?? 0) + 1);
    } else if (!/[（(：:，,。之]/.test(next)) {
      let g = glued.get(h.kind);
      if (g === undefined) glued.set(h.kind, (g = []));
      g.push({ h, end: range.end });
    }
  }
  for (const [kind, list] of glued) {
    const counts = blanks.get(kind);
    if (counts === undefined) continue;
    let spaced = 0;
    for (const n of counts.values()) spaced += n;
    if (spaced <= list.length) continue;
    const blank = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]![0];
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
