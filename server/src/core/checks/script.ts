/**
 * Script mixing (off by default): simplified-only characters in a traditional document and the reverse. The
 * document's script is the one most of its script-specific characters belong to; the others are reported, one
 * finding per line, with a fix that writes each in the document's script (a character-by-character guess, so
 * never applied by fix-all).
 */
import { CheckContext, localized } from './context';
import type { DamagedRange } from './pairs';
import type { Edit, Finding } from './types';

/** `damaged`: sorted mojibake ranges, whose characters say nothing about the document's script. */
export function checkScriptMixing(ctx: CheckContext, out: Finding[], damaged: readonly DamagedRange[]): void {
  const table = ctx.options.script;
  if (table === undefined) return;
  const { text } = ctx;
  const { classes } = table;
  let simplified = 0;
  let traditional = 0;
  for (let i = 0; i < text.length; i++) {
    const c = classes[text.charCodeAt(i)]!;
    if (c === 1) simplified++;
    else if (c === 2) traditional++;
  }
  if (simplified === traditional || simplified === 0 || traditional === 0) return;
  const minority = simplified < traditional ? 1 : 2;
  const docZh = minority === 1 ? '繁体' : '简体';
  const otherZh = minority === 1 ? '简体' : '繁体';
  const docEn = minority === 1 ? 'traditional' : 'simplified';
  const otherEn = minority === 1 ? 'simplified' : 'traditional';
  let i = 0;
  let d = 0;
  while (i < text.length) {
    if (classes[text.charCodeAt(i)] !== minority) {
      i++;
      continue;
    }
    while (d < damaged.length && damaged[d]!.end <= i) d++;
    if (d < damaged.length && damaged[d]!.start <= i) {
      i = damaged[d]!.end;
      continue;
    }
    const line = ctx.lineOf(i);
    const lineEnd = ctx.lineEnd(line);
    const edits: Edit[] = [];
    const chars: string[] = [];
    let dk = d;
    for (let k = i; k < lineEnd; k++) {
      if (classes[text.charCodeAt(k)] !== minority) continue;
      while (dk < damaged.length && damaged[dk]!.end <= k) dk++;
      if (dk < damaged.length && damaged[dk]!.start <= k) continue;
      const ch = text[k]!;
      const other = table.counterpart(ch);
      if (!chars.includes(ch)) chars.push(ch);
      if (other !== undefined) edits.push({ start: k, end: k + 1, newText: other });
    }
    const shown = chars.slice(0, 10).join('、') + (chars.length > 10 ? '…' : '');
    const converted = chars.slice(0, 10).map((ch) => table.counterpart(ch) ?? ch).join('、');
    out.push({
      code: 'script-mixing', start: i, end: i + 1,
      message: localized(`${docZh}文档中有${otherZh}字：${shown}`, `${otherEn[0]!.toUpperCase()}${otherEn.slice(1)} characters in a ${docEn} document: ${shown}`),
      fixes: edits.length === 0 ? [] : [{
        title: localized(`本行改为${docZh}：${converted}`, `Write them in ${docEn} on this line: ${converted}`), edits, safe: false, preferred: true,
      }],
    });
    i = lineEnd + 1;
  }
}
