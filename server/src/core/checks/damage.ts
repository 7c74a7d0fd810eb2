/**
 * Scrape damage the model found (pinyin glosses, GBK-misaligned lines) and characters nothing can bring back
 * (U+FFFD, 锟斤拷, 烫烫烫, 屯屯屯, and a "?" left where a misaligned byte was lost).
 *
 * Glosses are reported once per line, listing every gloss on it, so that a damaged document is not buried under
 * a hundred squiggles; the fix removes them all from that line. A gloss whose "(" was lost with a misaligned
 * byte leaves "�lián)" behind: the remnant is part of the line's report, and its fix keeps the �.
 */
import { isHan } from '../chars';
import { judgeRepair, type RepairVerdict } from '../gbk';
import { isPinyinCode, isTonedCode } from '../gloss';
import type { Damage } from '../model';
import { keeps } from './bounded';
import { CheckContext, excerpt, localized } from './context';
import type { Edit, Finding, Fix } from './types';

/** "lián)" after a U+FFFD at `p` (the U+FFFD itself not included): the end of the remnant, or -1. */
function remnantAt(text: string, p: number): number {
  let q = p;
  let toned = false;
  while (q < text.length && q - p < 7 && isPinyinCode(text.charCodeAt(q))) {
    if (isTonedCode(text.charCodeAt(q))) toned = true;
    q++;
  }
  return q > p && toned && text.charCodeAt(q) === 0x29 ? q + 1 : -1;
}

export function checkGlosses(ctx: CheckContext, out: Finding[]): void {
  const { text, model } = ctx;
  // each gloss as its start and end (a text of glosses has hundreds of thousands: no object per gloss); the character a
  // gloss follows (發 of 發(fā)) is the one before its start
  let count = 0;
  for (const d of model.damage) if (d.kind === 'pinyinGloss') count++;
  if (count === 0) return;
  let starts = new Int32Array(count);
  let ends = new Int32Array(count);
  count = 0;
  for (const d of model.damage) {
    if (d.kind !== 'pinyinGloss') continue;
    starts[count] = d.start;
    ends[count++] = d.end;
  }
  // remnants of glosses whose "(" went with a misaligned byte: �lián), ?yún)
  const { replacements, questions } = ctx.scan();
  const remnants: Array<[number, number]> = [];
  for (const list of [replacements, questions]) {
    for (const i of list) {
      const end = remnantAt(text, i + 1);
      if (end > 0) remnants.push([i + 1, end]);
    }
  }
  if (remnants.length > 0) {
    // into document order (no remnant starts where a gloss does: one starts at a letter, the other at "(")
    remnants.sort((a, b) => a[0] - b[0]);
    const s2 = new Int32Array(starts.length + remnants.length);
    const e2 = new Int32Array(starts.length + remnants.length);
    let r = 0;
    let n = 0;
    for (let g = 0; g <= starts.length; g++) {
      while (r < remnants.length && (g === starts.length || remnants[r]![0] < starts[g]!)) {
        s2[n] = remnants[r]![0];
        e2[n++] = remnants[r++]![1];
      }
      if (g < starts.length) {
        s2[n] = starts[g]!;
        e2[n++] = ends[g]!;
      }
    }
    starts = s2;
    ends = e2;
  }
  const base = (g: number): string => (starts[g]! > 0 ? text[starts[g]! - 1]! : '');
  let i = 0;
  while (i < starts.length) {
    const line = ctx.lineOf(starts[i]!);
    const lineEnd = ctx.lineEnd(line);
    const first = i++;
    while (i < starts.length && starts[i]! < lineEnd) i++;
    if (!keeps(out, starts[first]!, ends[first]!)) continue;
    const n = i - first;
    const shownParts: string[] = [];
    for (let g = first; g < Math.min(i, first + 12); g++) shownParts.push(base(g) + text.slice(starts[g]!, ends[g]!));
    const shown = shownParts.join('、') + (n > 12 ? '…' : '');
    const edits: Edit[] = [];
    for (let g = first; g < i; g++) edits.push({ start: starts[g]!, end: ends[g]!, newText: '' });
    out.push({
      code: 'pinyin-gloss', start: starts[first]!, end: ends[first]!,
      message: localized(`本行有 ${n} 处拼音注音（网页抓取残留）：${shown}`, `${n} pinyin gloss${n > 1 ? 'es' : ''} on this line (left by web scraping): ${shown}`),
      fixes: [{
        title: localized(`删除本行的 ${n} 处拼音注音`, `Remove the ${n} pinyin gloss${n > 1 ? 'es' : ''} on this line`),
        edits, safe: true, preferred: true,
      }],
    });
  }
}

/** Share of U+FFFD beyond which a re-decoding is not offered as a fix: it would mostly guess. */
const MAX_UNRECOVERED_SHARE = 0.25;

export function checkGbkMisaligned(ctx: CheckContext, out: Finding[]): void {
  for (const d of ctx.model.damage) {
    if (d.kind !== 'gbkMisaligned' || d.repair === undefined) continue;
    out.push(gbkFinding(d, d.repair, judgeRepair(ctx.text.slice(d.start, d.end), d.repair)));
  }
}

/**
 * `verdict`: how sure the re-decoding is (core/gbk.ts `judgeRepair`); only a certain one is part of fix-all, a possible
 * one is a quick fix the user chooses.
 */
function gbkFinding(d: Damage, repair: string, verdict: RepairVerdict): Finding {
  let lost = 0;
  for (let i = 0; i < repair.length; i++) if (repair.charCodeAt(i) === 0xfffd) lost++;
  const consistent = repair.length > 0 && lost <= repair.length * MAX_UNRECOVERED_SHARE && verdict !== 'none';
  const shown = excerpt(repair, 30);
  const lostZh = lost > 0 ? `（其中 ${lost} 个字符的字节已丢失，保留为 �）` : '';
  const lostEn = lost > 0 ? ` (${lost} character${lost > 1 ? 's' : ''} lost with ${lost > 1 ? 'their' : 'its'} bytes; shown as �)` : '';
  const fixes: Fix[] = consistent
    ? [{ title: localized(`恢复为：${shown}`, `Recover as: ${shown}`), edits: [{ start: d.start, end: d.end, newText: repair }], safe: verdict === 'certain', preferred: true }]
    : [];
  return {
    code: 'gbk-misaligned', start: d.start, end: d.end, fixes,
    message: localized(
      `乱码：此行是按 GBK 错位一个字节解码的，可恢复为：${shown}${lostZh}`,
      `Mojibake: this line was decoded from GBK one byte late; it reads: ${shown}${lostEn}`,
    ),
  };
}

/** Runs that mark bytes already lost: U+FFFD, 锟斤拷 (U+FFFD U+FFFD through GBK), 烫烫烫 / 屯屯屯 (uninitialised memory). */
const LOST_RUNS = ['锟斤拷', '烫烫烫', '屯屯屯'];

/** `lost`: positions of "?" that stand for a character whose bytes are gone (see misaligned.ts). */
export function checkReplacementChars(ctx: CheckContext, out: Finding[], lost: readonly number[]): void {
  const { text } = ctx;
  const runs: Array<[number, number]> = lost.map((i) => [i, i + 1]);
  const { replacements, lostRuns } = ctx.scan();
  let covered = -1;
  for (const i of replacements) {
    if (i < covered) continue;
    let e = i;
    while (e < text.length && text.charCodeAt(e) === 0xfffd) e++;
    runs.push([i, e]);
    covered = e;
  }
  covered = -1;
  for (const i of lostRuns) {
    if (i < covered) continue;
    const run = LOST_RUNS.find((r) => text.startsWith(r, i));
    if (run === undefined) continue;
    const unit = run === '锟斤拷' ? run : run[0]!;
    let e = i + run.length;
    while (text.startsWith(unit, e)) e += unit.length;
    runs.push([i, e]);
    covered = e;
  }
  if (runs.length === 0) return;
  runs.sort((a, b) => a[0] - b[0]);
  let k = 0;
  while (k < runs.length) {
    const line = ctx.lineOf(runs[k]![0]);
    const lineEnd = ctx.lineEnd(line);
    const first = runs[k]!;
    let last = first;
    let chars = 0;
    let count = 0;
    while (k < runs.length && runs[k]![0] < lineEnd) {
      last = runs[k]!;
      chars += last[1] - last[0];
      count++;
      k++;
    }
    const sample = excerpt(text.slice(first[0], first[1]), 9);
    out.push({
      code: 'replacement-char', start: first[0], end: count === 1 ? first[1] : last[1], fixes: [],
      message: count === 1
        ? localized(`无法恢复的字符：${sample}（原来的字节已经丢失，需要对照原文补正）。`, `Characters that cannot be recovered: ${sample} (their bytes are lost; compare with the original).`)
        : localized(`本行有 ${count} 处无法恢复的字符（共 ${chars} 个），如 ${sample}，需要对照原文补正。`, `${count} runs of unrecoverable characters on this line (${chars} in all), such as ${sample}; compare with the original.`),
    });
  }
}

/** True when the character could be Chinese text (used by the mojibake test). */
export function isChineseText(c: number): boolean {
  return isHan(c) || (c >= 0x3000 && c <= 0x303f) || (c >= 0xff00 && c <= 0xffef) || (c >= 0x2010 && c <= 0x2027);
}
