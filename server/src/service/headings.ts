/**
 * What the heading features share: the tree walk, the visible end of a section, and the heading whose marker is under
 * an offset (hover, references).
 */
import { headingAt, type Heading, type ReportModel } from '../core';

/**
 * Maps the model's heading tree to a tree of `T` in document order. One forward pass over the headings, which are in
 * document order with every parent before its children (no recursion and no stack: a large law has tens of thousands
 * of headings). A heading whose parent index is not an earlier heading that was mapped is skipped, so a malformed
 * model can neither loop forever nor throw here.
 */
export function mapHeadingTree<T>(
  model: ReportModel,
  make: (heading: Heading, depth: number, index: number) => T,
  attach: (parent: T, child: T) => void,
): T[] {
  const { headings } = model;
  const roots: T[] = [];
  const nodes: Array<T | undefined> = new Array<T | undefined>(headings.length);
  const depths = new Int32Array(headings.length);
  for (const [i, heading] of headings.entries()) {
    const parent = heading.parent;
    if (parent < 0) {
      const node = make(heading, 0, i);
      nodes[i] = node;
      roots.push(node);
      continue;
    }
    const parentNode = Number.isInteger(parent) && parent < i ? nodes[parent] : undefined;
    if (parentNode === undefined) {
      continue;
    }
    const depth = (depths[parent] ?? 0) + 1;
    depths[i] = depth;
    const node = make(heading, depth, i);
    nodes[i] = node;
    attach(parentNode, node);
  }
  return roots;
}

/**
 * Where the section of `heading` visibly ends: its end offset moved back over trailing blank lines and
 * whitespace, but never before the end of the heading itself (so the heading's range stays inside the section's).
 */
export function contentEnd(text: string, heading: Heading): number {
  const floor = Math.min(Math.max(heading.headingEnd, heading.headingStart, heading.start, 0), text.length);
  let end = Math.min(Math.max(heading.end, floor), text.length);
  while (end > floor && isBlank(text.charCodeAt(end - 1))) {
    end--;
  }
  return end;
}

/** Whitespace that makes a line blank, including the ideographic space U+3000 used to indent Chinese paragraphs. */
function isBlank(code: number): boolean {
  return code <= 0x20 || code === 0x3000 || code === 0xa0 || code === 0xfeff || code === 0x85 || code === 0x2028 || code === 0x2029;
}

/** The index of the heading whose marker is under `offset` (for a heading recovered from mojibake: anywhere on the heading), or -1. */
export function headingMarkerAt(model: ReportModel, text: string, offset: number): number {
  const index = headingAt(model, offset);
  if (index < 0) return -1;
  // headingAt gives the innermost section holding the offset: its own heading is the only candidate
  const h = model.headings[index]!;
  if (offset < h.headingStart) return -1;
  if (h.repaired) return offset < h.headingEnd ? index : -1;
  if (h.marker === '' || !text.startsWith(h.marker, h.headingStart)) return -1;
  return offset < h.headingStart + h.marker.length ? index : -1;
}
