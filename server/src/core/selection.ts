import type { ReportModel } from './model';

/**
 * The chain of ranges that grows a selection at `offset`: sentence → paragraph → section → parent sections.
 * Innermost first; each range contains the previous one. (Stub: replaced by the real implementation.)
 */
export function selectionRanges(_text: string, _model: ReportModel, _offset: number): Array<[number, number]> {
  return [];
}
