/**
 * Term checks over the key-term index (core/terms): an abbreviation used before its definition; a term defined twice
 * with different definitions; the full form used again after its abbreviation was defined (information).
 *
 * What real documents do decides the limits:
 * - where an abbreviation is the head noun of its own full form (新建…的建设项目（以下简称建设项目）), an earlier use
 *   may be the full form written again with an insertion; the document's title may name what the body abbreviates;
 * - laws define a term again for other articles (第十五條…所稱同意，指… / 第十六條…所稱同意，指…): only abbreviations,
 *   quoted, colon, 即 and glossary definitions are compared, not 所称…是指 ones;
 * - a heading, or a title on a line of its own, may carry the full name (an annex titled with the list's full name).
 */
import { lowerBound } from '../lines';
import { kindCode } from '../markers';
import { KeyTrie, Matches } from '../terms/matcher';
import type { TermDefinition, TermIndex } from '../terms/types';
import { CheckContext, excerpt, localized, q } from './context';
import type { Edit, Finding } from './types';

/** Definition kinds whose texts are compared for term-redefined. */
const COMPARED = new Set(['abbreviation', 'quotedMeaning', 'colon', 'namely', 'glossary']);

/** Use flag: the use is the term at one of its definitions (terms/types.ts UseFlag.Definition). */
const DEFINITION_FLAG = 1;

function plain(s: string): string {
  return s.replace(/^[“「『《〈"]+|[”」』》〉"]+$/g, '');
}

/** What a definition says, compared loosely: no blanks, no punctuation, no quotes. */
function gist(d: TermDefinition): string {
  return (d.kind === 'abbreviation' ? plain(d.fullForm ?? d.text) : d.text).replace(/[\s\p{P}]/gu, '');
}

const TITLE = kindCode('title');

export function checkTerms(ctx: CheckContext, out: Finding[], index: TermIndex): void {
  const { text, model } = ctx;
  // (found in the heading table: a search of the heading objects read every one of them in a text without a title)
  const titleAt = ctx.table.kind.indexOf(TITLE);
  const title = titleAt < 0 ? undefined : model.headings[titleAt];
  const before = ctx.wants('term-before-definition');
  const twice = ctx.wants('term-redefined');
  const fullAfter = ctx.wants('term-full-form-after-abbreviation');
  let fullForms: Map<string, FullFormHits> | undefined;
  for (const term of index.terms) {
    const defs = term.definitions;
    if (defs.length === 0) continue;
    const first = defs[0]!;
    const abbreviation = first.kind === 'abbreviation' ? first : undefined;
    const fullForm = abbreviation?.fullForm === undefined ? undefined : plain(abbreviation.fullForm);

    if (before && abbreviation !== undefined && fullForm !== undefined) {
      // where the abbreviation is the head noun of its full form, an earlier use may be that full form written again
      // with an insertion (对新建、改建…危险化学品(包括…，下同)的建设项目): its opening words come shortly before
      const opening = fullForm.endsWith(term.name) ? fullForm.slice(0, Math.min(4, fullForm.length - term.name.length)) : '';
      for (const u of term.uses) {
        const start = index.uses.start[u]!;
        if (start >= abbreviation.termStart) break;
        if ((index.uses.flags[u]! & DEFINITION_FLAG) !== 0) continue;
        if (title !== undefined && start >= title.headingStart && start < title.headingEnd) continue;
        if (opening.length > 0 && text.slice(Math.max(ctx.lineStart(ctx.lineOf(start)), start - 80), start).includes(opening)) continue;
        const end = index.uses.end[u]!;
        const line = ctx.lineOf(abbreviation.termStart) + 1;
        out.push({
          code: 'term-before-definition', start, end, fixes: [],
          message: localized(
            `简称${q(term.name)}在定义之前就已使用：它在第 ${line} 行才定义为${q(excerpt(fullForm, 30))}的简称。`,
            `The abbreviation ${q(term.name)} is used before its definition: line ${line} defines it as short for ${q(excerpt(fullForm, 30))}.`,
          ),
          related: [{ start: abbreviation.termStart, end: abbreviation.termEnd, message: localized(`${q(term.name)}的定义`, `the definition of ${q(term.name)}`) }],
        });
        break;
      }
    }

    if (twice) {
      const compared = defs.filter((d) => COMPARED.has(d.kind));
      const base = compared[0];
      // one compared definition has nothing to differ from (no gist: a regular expression over its text per term)
      if (base !== undefined && compared.length > 1) {
        const seen = gist(base);
        const other = compared.find((d) => gist(d) !== seen && gist(d).length > 0);
        if (other !== undefined) {
          const line = ctx.lineOf(base.termStart) + 1;
          out.push({
            code: 'term-redefined', start: other.termStart, end: other.termEnd, fixes: [],
            message: localized(
              `${q(term.name)}被再次定义，且与第 ${line} 行的定义不同：${q(excerpt(base.kind === 'abbreviation' ? plain(base.fullForm ?? '') : base.text, 30))}／${q(excerpt(other.kind === 'abbreviation' ? plain(other.fullForm ?? '') : other.text, 30))}。`,
              `${q(term.name)} is defined again, differently from line ${line}: ${q(excerpt(base.kind === 'abbreviation' ? plain(base.fullForm ?? '') : base.text, 30))} / ${q(excerpt(other.kind === 'abbreviation' ? plain(other.fullForm ?? '') : other.text, 30))}.`,
            ),
            related: [{ start: base.termStart, end: base.termEnd, message: localized('第一次定义', 'the first definition') }],
          });
        }
      }
    }

    if (fullAfter && abbreviation !== undefined && fullForm !== undefined && fullForm.length > term.name.length) {
      const hits = (fullForms ??= fullFormOccurrences(text, index)).get(fullForm);
      // the occurrences after the definition, without overlaps (as successive indexOf calls find them); where several
      // abbreviations share a full form, each occurrence is reported once, for the latest definition before it
      const after = hits === undefined ? [] : hits.from(abbreviation.end, abbreviation.end);
      const own = ownSpans(defs);
      for (const k of after) {
        const end = k + fullForm.length;
        if (own.overlaps(k, end)) continue; // the full form of a later definition
        const line = ctx.lineOf(k);
        // a heading, or a line of its own (an annex's title under 附件：), may carry the full name
        if (ctx.isHeadingLine(line) || (ctx.contentStart(line) === k && ctx.contentEnd(line) === end)) continue;
        if (/^[（(]\s*(以下|下稱|下称|简称|簡稱)/.test(text.slice(end, end + 6))) continue;
        const edit: Edit = { start: k, end, newText: term.name };
        out.push({
          code: 'term-full-form-after-abbreviation', start: k, end,
          message: localized(
            `已定义简称${q(term.name)}（第 ${ctx.lineOf(abbreviation.termStart) + 1} 行），这里又用了全称${q(excerpt(fullForm, 30))}。`,
            `${q(term.name)} was defined as its abbreviation (line ${ctx.lineOf(abbreviation.termStart) + 1}), yet the full form ${q(excerpt(fullForm, 30))} is used here.`,
          ),
          fixes: [{ title: localized(`改用简称${q(term.name)}`, `Use the abbreviation ${q(term.name)}`), edits: [edit], safe: false, preferred: true }],
          related: [{ start: abbreviation.termStart, end: abbreviation.termEnd, message: localized(`${q(term.name)}的定义`, `the definition of ${q(term.name)}`) }],
        });
      }
    }
  }
}

/**
 * Where one full form occurs (ascending starts), handed out to the abbreviations that share it: each occurrence goes to
 * the latest definition before it, so the work over all of them is linear in the occurrences.
 */
class FullFormHits {
  readonly starts: number[] = [];
  readonly #length: number;
  /** The definition ends of the abbreviations with this full form, ascending (see `from`). */
  readonly owners: number[] = [];

  constructor(length: number) {
    this.#length = length;
  }

  /**
   * The occurrences at or after `from` (an abbreviation's end) that no later abbreviation with the same full form
   * claims, without overlaps; `owner` is that abbreviation's end (the terms may ask in any order: each takes its share).
   */
  from(from: number, owner: number): number[] {
    const i = lowerBound(this.owners, owner + 1);
    const until = i < this.owners.length ? this.owners[i]! : Infinity;
    const out: number[] = [];
    let nextFrom = from;
    for (let k = lowerBound(this.starts, from); k < this.starts.length && this.starts[k]! < until; k++) {
      const start = this.starts[k]!;
      if (start < nextFrom) continue;
      out.push(start);
      nextFrom = start + this.#length;
    }
    return out;
  }
}

let identity: Uint16Array | undefined;

/**
 * Every occurrence of every abbreviation's full form, in one pass over the text (a trie of the full forms: one
 * indexOf per abbreviation over the rest of the text was quadratic in a text with many definitions). Exact matches only.
 */
function fullFormOccurrences(text: string, index: TermIndex): Map<string, FullFormHits> {
  const hits = new Map<string, FullFormHits>();
  const trie = new KeyTrie();
  const forms: string[] = [];
  for (const term of index.terms) {
    const first = term.definitions[0];
    if (first?.kind !== 'abbreviation' || first.fullForm === undefined) continue;
    const form = plain(first.fullForm);
    if (form.length <= term.name.length) continue;
    let entry = hits.get(form);
    if (entry === undefined) {
      entry = new FullFormHits(form.length);
      hits.set(form, entry);
      if (form.length === 1) {
        for (let k = text.indexOf(form); k >= 0; k = text.indexOf(form, k + 1)) entry.starts.push(k);
      } else {
        trie.add(form, forms.length);
        forms.push(form);
      }
    }
    entry.owners.push(first.end);
  }
  if (forms.length === 0) return hits;
  if (identity === undefined) {
    identity = new Uint16Array(0x10000);
    for (let c = 0; c < 0x10000; c++) identity[c] = c;
  }
  const matches = trie.scan(text, identity, new Matches());
  for (let m = 0; m < matches.count; m++) {
    const form = forms[matches.id[m]!]!;
    const start = matches.start[m]!;
    // the trie steps over pinyin glosses; the check wants the full form as written
    if (text.startsWith(form, start)) hits.get(form)!.starts.push(start);
  }
  for (const entry of hits.values()) entry.owners.sort((a, b) => a - b);
  return hits;
}

/** A term's own abbreviation definitions, asked whether [start, end) overlaps one of them (binary search). */
function ownSpans(defs: readonly TermDefinition[]): { overlaps(start: number, end: number): boolean } {
  const own = defs.filter((d) => d.kind === 'abbreviation').sort((a, b) => a.start - b.start);
  // the greatest end among the definitions up to each one (definitions may nest)
  const maxEnd: number[] = [];
  for (const d of own) maxEnd.push(Math.max(d.end, maxEnd[maxEnd.length - 1] ?? -1));
  const starts = own.map((d) => d.start);
  return {
    overlaps(start, end) {
      const j = lowerBound(starts, end) - 1; // the last definition that starts before `end`
      return j >= 0 && maxEnd[j]! > start;
    },
  };
}
