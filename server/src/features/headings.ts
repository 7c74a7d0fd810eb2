/**
 * Helpers shared by the features that walk the heading tree: the tree walk itself and the visible end of a section.
 */
import type { Heading, ReportModel } from '../core';

/**
 * Maps the model's heading tree to a tree of `T` in document order. Uses an explicit stack, not recursion: a
 * large law has tens of thousands of headings. Indices out of range and headings reached twice are skipped, so a
 * malformed model can neither loop forever nor throw here.
 */
export function mapHeadingTree<T>(
  model: ReportModel,
  make: (heading: Heading, depth: number) => T,
  attach: (parent: T, child: T) => void,
): T[] {
  const { headings } = model;
  const roots: T[] = [];
  const seen = new Uint8Array(headings.length);
  const stack: Array<{ readonly index: number; readonly parent: T | undefined; readonly depth: number }> = [];
  for (let i = model.roots.length - 1; i >= 0; i--) {
    stack.push({ index: model.roots[i], parent: undefined, depth: 0 });
  }
  for (let top = stack.pop(); top !== undefined; top = stack.pop()) {
    const { index, parent, depth } = top;
    if (!Number.isInteger(index) || index < 0 || index >= headings.length || seen[index] === 1) {
      continue;
    }
    seen[index] = 1;
    const heading = headings[index];
    const node = make(heading, depth);
    if (parent === undefined) {
      roots.push(node);
    } else {
      attach(parent, node);
    }
    for (let c = heading.children.length - 1; c >= 0; c--) {
      stack.push({ index: heading.children[c], parent: node, depth: depth + 1 });
    }
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
