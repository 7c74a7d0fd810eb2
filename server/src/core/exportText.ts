/**
 * Text for people to paste elsewhere: the outline (提纲) in three forms, and the glossary of defined terms as a Markdown
 * table or CSV. Pure formatting of the model; the server sends the result to any client that asks.
 */
import type { ReportModel } from './model';

export type OutlineFormat = 'text' | 'markdownHeadings' | 'markdownList';

/**
 * The outline of `model` — or of the section `root` and everything under it — one heading a line, in document order:
 * - `text`: the heading as written (marker and title), indented with two U+3000 per level below the first, as a
 *   提纲 is typed in a Chinese document;
 * - `markdownHeadings`: `#` per level (levels below the sixth stay at `######`);
 * - `markdownList`: `- ` items indented two spaces per level.
 * Markdown forms escape what would change the meaning: 1. at the start of an item would start a numbered list.
 * Walks the headings once (they are in document order, parents before children); no recursion.
 */
export function outlineText(model: ReportModel, format: OutlineFormat, root?: number): { readonly text: string; readonly items: number } {
  const { headings } = model;
  const first = root ?? 0;
  const last = root === undefined ? headings.length : subtreeEnd(model, root);
  const baseLevel = root === undefined ? 0 : headings[root]?.level ?? 0;
  const lines: string[] = [];
  for (let i = first; i < last; i++) {
    const h = headings[i]!;
    const depth = Math.max(0, h.level - baseLevel);
    const name = flat(h.name) || h.marker;
    switch (format) {
      case 'text':
        lines.push('\u3000\u3000'.repeat(depth) + name);
        break;
      case 'markdownHeadings':
        lines.push(`${'#'.repeat(Math.min(depth + 1, 6))} ${escapeLineStart(name)}`);
        break;
      case 'markdownList':
        lines.push(`${'  '.repeat(depth)}- ${escapeLineStart(name)}`);
        break;
    }
  }
  const separator = format === 'markdownHeadings' ? '\n\n' : '\n';
  return { text: lines.length === 0 ? '' : lines.join(separator) + '\n', items: lines.length };
}

/** One past the last heading under `root` (its descendants follow it directly). */
function subtreeEnd(model: ReportModel, root: number): number {
  const { headings } = model;
  if (root < 0 || root >= headings.length) return root;
  const level = headings[root]!.level;
  let i = root + 1;
  while (i < headings.length && headings[i]!.level > level && headings[i]!.start < headings[root]!.end) i++;
  return i;
}

/** Runs of blanks and line breaks as one space. */
function flat(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

/**
 * A heading's text made safe at the start of a Markdown line: `1.` / `1)` (an ordered list), `#`, `>`, `-`, `+`, `*`
 * (a heading, a quote, a bullet) are escaped; `*`, `_`, `` ` ``, `[` and `\` anywhere.
 */
function escapeLineStart(s: string): string {
  let out = s.replace(/[\\`*_[\]]/g, (c) => '\\' + c);
  let digits = 0;
  while (digits < out.length && out.charCodeAt(digits) >= 0x30 && out.charCodeAt(digits) <= 0x39) digits++;
  if (digits > 0 && (out[digits] === '.' || out[digits] === ')')) out = out.slice(0, digits) + '\\' + out.slice(digits);
  else if ('#>-+'.includes(out[0] ?? ' ')) out = '\\' + out;
  return out;
}

/** One defined term of a glossary. */
export interface GlossaryEntry {
  readonly term: string;
  /** The definition, or an abbreviation's full form. */
  readonly definition: string;
  /** The section that defines it ("二、… › （一）…"), "" before the first heading. */
  readonly section: string;
  /** One-based line of the definition. */
  readonly line: number;
}

/** Column headings, in the user's language. */
export interface GlossaryLabels {
  readonly title: string;
  readonly term: string;
  readonly definition: string;
  readonly section: string;
  readonly line: string;
}

/**
 * The glossary as a Markdown table (a `#` title, then one row per term; `|` and line breaks escaped), or as CSV:
 * RFC 4180 quoting, CRLF line ends and a UTF-8 BOM first, which Excel needs to read the file as UTF-8 rather than in
 * the system's code page.
 */
export function glossaryText(entries: readonly GlossaryEntry[], format: 'markdown' | 'csv', labels: GlossaryLabels): string {
  if (format === 'csv') {
    const rows = [[labels.term, labels.definition, labels.section, labels.line], ...entries.map((e) => [e.term, e.definition, e.section, String(e.line)])];
    return '\ufeff' + rows.map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
  }
  const cell = (s: string): string => flat(s).replace(/[\\|]/g, (c) => '\\' + c);
  const lines = [
    `# ${labels.title}`,
    '',
    `| ${labels.term} | ${labels.definition} | ${labels.section} | ${labels.line} |`,
    '| --- | --- | --- | ---: |',
    ...entries.map((e) => `| ${cell(e.term)} | ${cell(e.definition)} | ${cell(e.section)} | ${e.line} |`),
  ];
  return lines.join('\n') + '\n';
}

function csvField(s: string): string {
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}
