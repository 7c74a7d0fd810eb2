/**
 * toc-mismatch: the table of contents (目录) and the body disagree — an entry lists a heading the body does not have,
 * or the body has a heading at a level the table lists that the table leaves out. Reported at the entry or the
 * heading; no fix (which side is right is the author's call).
 */
import type { Heading, TableOfContents } from '../model';
import { namesToc } from '../toc';
import type { CheckContext } from './context';
import type { Finding } from './types';

export function checkToc(ctx: CheckContext, out: Finding[]): void {
  const toc = ctx.model.toc;
  if (toc === undefined) return;
  const headings = ctx.model.headings;
  const listed = new Set<number>();
  for (const entry of toc.entries) {
    if (entry.target >= 0) {
      listed.add(entry.target);
      continue;
    }
    if (namesToc(entry)) continue;
    out.push({
      code: 'toc-mismatch', start: entry.start, end: entry.end, fixes: [],
      message: {
        zh: `目录列出了「${entry.text}」，正文中没有这个标题。`,
        en: `The table of contents lists “${entry.text}”, but the body has no such heading.`,
      },
    });
  }
  for (const i of unlisted(toc, headings, ctx.model.roots, listed)) {
    const h = headings[i]!;
    out.push({
      code: 'toc-mismatch', start: h.headingStart, end: h.headingEnd, fixes: [],
      message: {
        zh: `目录中没有列出标题「${h.name}」（同级的其他标题都已列出）。`,
        en: `The table of contents does not list the heading “${h.name}” (it lists the other headings at this level).`,
      },
    });
  }
}

/**
 * Headings the table should list but does not: a sibling of a listed heading, of the same kind, after the table —
 * a table that lists some of a section's children (第三章's 3.1 … 3.9) is expected to list all of them; children of
 * a section it does not open (1.1 under 第一章) are not expected.
 */
function unlisted(toc: TableOfContents, headings: readonly Heading[], roots: readonly number[], listed: ReadonlySet<number>): number[] {
  const out: number[] = [];
  const seen = new Set<string>();
  for (const i of listed) {
    const h = headings[i]!;
    const key = `${h.parent}:${h.kind}:${h.depth}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const siblings = h.parent >= 0 ? headings[h.parent]!.children : roots;
    for (const s of siblings) {
      const sh = headings[s]!;
      if (!listed.has(s) && sh.kind === h.kind && sh.depth === h.depth && sh.start > toc.end) out.push(s);
    }
  }
  return out.sort((a, b) => a - b);
}
