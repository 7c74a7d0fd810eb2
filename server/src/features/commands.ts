/**
 * workspace/executeCommand `zh-report.server.convertScript`: converts a document, or the given ranges of it, between
 * simplified and traditional and asks the client to apply the result (workspace/applyEdit) as one undoable edit.
 */
import type { CancellationToken, Range } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Edit } from '../core/checks';
import { CONVERT_TARGETS, type ConvertScriptArgs, type ConvertTarget } from '../protocol';
import { pick, type DisplayLanguage } from '../messages';
import { conversionEdits } from '../service/convert';
import { invalidParams } from '../service/errors';
import type { HostScripts } from '../service/host';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isPosition(value: unknown): value is Range['start'] {
  return isRecord(value) && Number.isInteger(value['line']) && Number.isInteger(value['character'])
    && (value['line'] as number) >= 0 && (value['character'] as number) >= 0;
}

function isRange(value: unknown): value is Range {
  return isRecord(value) && isPosition(value['start']) && isPosition(value['end']);
}

/** The command's single argument, checked. */
export function convertArgs(args: readonly unknown[] | undefined): ConvertScriptArgs {
  const arg = args?.[0];
  if (!isRecord(arg) || typeof arg['uri'] !== 'string' || arg['uri'].length === 0) {
    throw invalidParams('zh-report.server.convertScript takes one argument { uri, target, ranges? }.');
  }
  const target = arg['target'];
  if (typeof target !== 'string' || !(CONVERT_TARGETS as readonly string[]).includes(target)) {
    throw invalidParams(`target must be one of ${CONVERT_TARGETS.join(', ')}.`);
  }
  const ranges = arg['ranges'];
  if (ranges !== undefined && (!Array.isArray(ranges) || !ranges.every(isRange))) {
    throw invalidParams('ranges must be an array of { start, end } positions.');
  }
  return { uri: arg['uri'], target: target as ConvertTarget, ...(ranges === undefined ? {} : { ranges: ranges as Range[] }) };
}

/** The edits converting the ranges (non-empty ones; the whole document when there are none), in document order. */
export function convertEdits(scripts: HostScripts, document: TextDocument, args: ConvertScriptArgs, _token?: CancellationToken): Edit[] {
  const text = document.getText();
  const spans = (args.ranges ?? [])
    .map((r): [number, number] => {
      const a = document.offsetAt(r.start);
      const b = document.offsetAt(r.end);
      return a <= b ? [a, b] : [b, a];
    })
    .filter(([a, b]) => b > a)
    .sort((x, y) => x[0] - y[0]);
  const merged: Array<[number, number]> = [];
  for (const [a, b] of spans) {
    const last = merged[merged.length - 1];
    if (last !== undefined && a <= last[1]) last[1] = Math.max(last[1], b);
    else merged.push([a, b]);
  }
  if (merged.length === 0) merged.push([0, text.length]);
  return merged.flatMap(([a, b]) => conversionEdits(scripts, text, a, b, args.target));
}

const LABELS: Record<ConvertTarget, { zh: string; en: string; tw: string }> = {
  cn: { zh: '转换为简体', en: 'Convert to simplified Chinese', tw: '轉換為簡體' },
  tw: { zh: '转换为繁体（台湾）', en: 'Convert to traditional Chinese (Taiwan)', tw: '轉換為繁體（臺灣）' },
  twp: { zh: '转换为繁体（台湾，含用词）', en: 'Convert to traditional Chinese (Taiwan, with phrases)', tw: '轉換為繁體（臺灣，含臺灣用詞）' },
  hk: { zh: '转换为繁体（香港）', en: 'Convert to traditional Chinese (Hong Kong)', tw: '轉換為繁體（香港）' },
};

export function convertLabel(target: ConvertTarget, lang: DisplayLanguage): string {
  return pick(LABELS[target], lang);
}
