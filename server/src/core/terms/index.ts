/**
 * Key terms: extraction (extract.ts), one key per term whatever the script (normalize.ts), every use in one
 * multi-pattern pass (matcher.ts), and lookups by offset for the LSP features.
 */
import type { ReportModel } from '../model';
import { BUILTIN_EXPANSIONS, isNumberedFormula, planExpansion, planNumber, type BuiltinExpansion } from './builtin';
import { extract, isCodeTermKey, readableText } from './extract';
import { KeyTrie, Matches } from './matcher';
import { foldTable, keyOf, type FoldTable, type ScriptConverter } from './normalize';
import { UseFlag, type Term, type TermDefinition, type TermIndex, type TermKind, type TermUses } from './types';
import { keepLastInstance } from './keepAlive';
import { stopsOf } from '../stops';

export * from './types';
export { foldTable, keyOf, scriptTableCount, type FoldTable, type ScriptConverter } from './normalize';
export { BUILTIN_EXPANSIONS, isNumberedFormula, planNumber, planYears, planExpansion, type BuiltinExpansion } from './builtin';
export { readableText } from './extract';
export { forgetLastMatch } from './keepAlive';

export interface TermOptions {
  /** Traditional → simplified, for one key per term across scripts; without it only width and quotes are folded. */
  readonly converter?: ScriptConverter;
}

const KIND_RANK: Readonly<Record<TermKind, number>> = { defined: 0, plan: 1, formula: 2, title: 3, quoted: 4 };
/** Is this code unit an opening quote or title bracket (“ 「 『 ‘ 《 〈 ")? */
function isOpener(c: number): boolean {
  return c === 0x201c || c === 0x300c || c === 0x300e || c === 0x2018 || c === 0x300a || c === 0x3008 || c === 0x22;
}

/** The use lists of all terms of one index: term t's uses are order[counts[t]] … order[counts[t + 1] - 1]. */
interface UseLists {
  order: Int32Array;
  counts: Int32Array;
}

const NO_USES = new Int32Array(0);

/**
 * A term as the index builds and returns it. Its `uses` view into the index's one buffer is made when first read:
 * with 100,000 distinct terms and more (quoted-distinct at 4 MB) a view per term was that many more objects in the
 * old generation, which every major collection marks, for lists most of which nobody reads.
 */
class TermRecord implements Term {
  definitions: TermDefinition[] = NO_DEFINITIONS;
  builtin: BuiltinExpansion | undefined = undefined;
  readonly #lists: UseLists;
  readonly #id: number;
  #uses: Int32Array | undefined = undefined;

  constructor(
    readonly key: string,
    public name: string,
    public kind: TermKind,
    lists: UseLists,
    id: number,
  ) {
    this.#lists = lists;
    this.#id = id;
  }

  get uses(): Int32Array {
    if (this.#uses === undefined) {
      const { order, counts } = this.#lists;
      this.#uses = counts.length > this.#id + 1 ? order.subarray(counts[this.#id]!, counts[this.#id + 1]!) : NO_USES;
    }
    return this.#uses;
  }
}

/** The definitions of a term that has none, shared (read-only like every Term's). */
const NO_DEFINITIONS: TermDefinition[] = [];

const builtinsByTable = new WeakMap<FoldTable, Map<string, BuiltinExpansion>>();

function builtinsFor(table: FoldTable): Map<string, BuiltinExpansion> {
  let map = builtinsByTable.get(table);
  if (map === undefined) {
    map = new Map(Object.entries(BUILTIN_EXPANSIONS).map(([k, v]) => [keyOf(k, table), v]));
    builtinsByTable.set(table, map);
  }
  return map;
}

function spanKind(kind: 'quoted' | 'title', spelling: string): TermKind {
  if (kind === 'title') return 'title';
  if (planNumber(spelling) !== undefined) return 'plan';
  return isNumberedFormula(spelling) ? 'formula' : 'quoted';
}

class Growable {

  start = new Int32Array(1024);
  end = new Int32Array(1024);
  term = new Int32Array(1024);
  flags = new Uint8Array(1024);
  count = 0;

  constructor() {
    keepLastInstance(this);
  }

  push(start: number, end: number, term: number, flags: number): void {
    if (this.count === this.start.length) {
      const size = this.count * 2;
      const grow = <T extends Int32Array | Uint8Array>(a: T, b: T): T => {
        b.set(a);
        return b;
      };
      this.start = grow(this.start, new Int32Array(size));
      this.end = grow(this.end, new Int32Array(size));
      this.term = grow(this.term, new Int32Array(size));
      this.flags = grow(this.flags, new Uint8Array(size));
    }
    const i = this.count++;
    this.start[i] = start;
    this.end[i] = end;
    this.term[i] = term;
    this.flags[i] = flags;
  }

  freeze(): TermUses {
    const n = this.count;
    return { count: n, start: this.start.slice(0, n), end: this.end.slice(0, n), term: this.term.slice(0, n), flags: this.flags.slice(0, n) };
  }
}

/**
 * The term index of one version of a document: terms from definitions, quotes and titles, and all their uses.
 * Linear in the text: one extraction pass, one matching pass.
 */
export function indexTerms(text: string, model: ReportModel, options: TermOptions = {}): TermIndex {
  const table = foldTable(options.converter);
  const { spans, definitions } = extract(text, model);
  const builders: TermRecord[] = [];
  const lists: UseLists = { order: NO_USES, counts: NO_USES };
  const ids = new Map<string, number>();

  // (No map from spelling to term in front of `ids`: folding a spelling costs about what looking it up did, and with
  // 100,000 distinct quoted terms and more (quoted-distinct at 4 MB) a second map of them was one more lookup and one
  // more insertion per term in a table far larger than the caches.)
  const termFor = (spelling: string, kind: TermKind): number => {
    const key = keyOf(spelling, table);
    if (key.length < 2) return -1;
    let id = ids.get(key);
    if (id === undefined) {
      id = builders.length;
      ids.set(key, id);
      builders.push(new TermRecord(key, spelling, kind, lists, id));
    }
    const b = builders[id]!;
    if (KIND_RANK[kind] < KIND_RANK[b.kind]) b.kind = kind;
    return id;
  };

  // The definitions in the order of their terms (extract's order), as parallel arrays of numbers rather than maps
  // keyed by position: read alongside the matches below, which come in start order too. The abbreviations' full
  // forms likewise (occurrences inside them are part of the full name, not uses), sorted by start.
  const defStart: number[] = [];
  const defEnd: number[] = [];
  const defTerm: number[] = [];
  const exStart: number[] = [];
  const exEnd: number[] = [];
  const exTerm: number[] = [];
  for (const d of definitions) {
    const id = termFor(d.spelling, 'defined');
    if (id < 0) continue;
    const b = builders[id]!;
    const definition: TermDefinition = {
      kind: d.kind,
      termStart: d.termStart,
      termEnd: d.termEnd,
      textStart: d.textStart,
      textEnd: d.textEnd,
      text: readableText(text, d.textStart, d.textEnd),
      fullForm: d.fullForm,
      start: d.start,
      end: d.end,
    };
    // a list of one made at its size: a push onto an empty array reserves 17 slots, for most terms 16 too many
    if (b.definitions.length === 0) {
      b.name = d.spelling;
      b.definitions = [definition];
    } else {
      b.definitions.push(definition);
    }
    defStart.push(d.termStart);
    defEnd.push(d.termEnd);
    defTerm.push(id);
    if (d.kind === 'abbreviation') {
      exStart.push(d.textStart);
      exEnd.push(d.textEnd);
      exTerm.push(id);
    }
  }
  sortByStart(defStart, defEnd, defTerm);
  sortByStart(exStart, exEnd, exTerm);
  for (let k = 0; k < spans.spelling.length; k++) termFor(spans.spelling[k]!, spanKind(spans.title[k] === 1 ? 'title' : 'quoted', spans.spelling[k]!));

  // One pass over the text for every key.
  const trie = new KeyTrie();
  let keyChars = 0;
  for (const b of builders) keyChars += b.key.length;
  trie.reserve(keyChars); // sized once rather than rehashed by doubling (an edge per character at most)
  for (let id = 0; id < builders.length; id++) trie.add(builders[id]!.key, id);
  // A use inside a longer use of another term is part of that term (非公務機關 is not a use of 公務機關, 公开领域技术
  // not one of 技术), except inside a title: 《开展“网上沙龙”…》 does use 网上沙龙. `cover` is the furthest end of the
  // non-title uses so far.
  // a Latin term (ESI, WTO) is used only where it stands as a word: not inside ESIGN or WTO2
  const TITLE = 1;
  const CODE = 2;
  const traits = new Uint8Array(builders.length);
  for (let id = 0; id < builders.length; id++) {
    const b = builders[id]!;
    traits[id] = (b.kind === 'title' ? TITLE : 0) | (isCodeTermKey(b.key) ? CODE : 0);
  }
  const uses = new Growable();
  let longest = 0;
  let ex = 0;
  let def = 0;
  // (the stops of the text are known: the extraction found them, and with them every "(" a gloss may start at)
  const stops = stopsOf(text, model);
  const matches = trie.scan(text, table, new Matches(), 0, text.length, stops.parens.subarray(0, stops.parenCount));
  let cover = -1;
  for (let m = 0; m < matches.count; ) {
    // the matches at one start, shortest first: taken longest first
    const start = matches.start[m]!;
    let last = m;
    while (last + 1 < matches.count && matches.start[last + 1] === start) last++;
    while (ex < exStart.length && exEnd[ex]! <= start) ex++;
    // the term defined at this start; where two start at one position (a glossary entry of a 、 list defines its
    // first part and the whole), the longer one, which is the use found there
    while (def < defStart.length && defStart[def]! < start) def++;
    let defined = -1;
    for (let k = def, far = -1; k < defStart.length && defStart[k] === start; k++) {
      if (defEnd[k]! > far) {
        far = defEnd[k]!;
        defined = defTerm[k]!;
      }
    }
    for (let g = last; g >= m; g--) {
      const end = matches.end[g]!;
      const id = matches.id[g]!;
      if (end <= cover) continue;
      const trait = traits[id]!;
      if ((trait & CODE) !== 0 && (isWordCode(text.charCodeAt(start - 1)) || isWordCode(text.charCodeAt(end)))) continue;
      if (insideFullForm(exStart, exEnd, exTerm, ex, start, end, id)) continue;
      let flags = 0;
      if (defined === id) flags |= UseFlag.Definition;
      if (start > 0 && isOpener(text.charCodeAt(start - 1))) flags |= UseFlag.Quoted;
      uses.push(start, end, id, flags);
      if (end - start > longest) longest = end - start;
      if ((trait & TITLE) === 0) cover = end;
    }
    m = last + 1;
  }
  const frozen = uses.freeze();

  // Per-term use lists: a counting sort into one buffer.
  const counts = new Int32Array(builders.length + 1);
  for (let i = 0; i < frozen.count; i++) counts[frozen.term[i]! + 1]!++;
  for (let t = 0; t < builders.length; t++) counts[t + 1]! += counts[t]!;
  const order = new Int32Array(frozen.count);
  const fill = counts.slice(0, builders.length);
  for (let i = 0; i < frozen.count; i++) order[fill[frozen.term[i]!]!++] = i;

  // The builders become the terms (no second object per term).
  const builtins = builtinsFor(table);
  for (let id = 0; id < builders.length; id++) {
    const b = builders[id]!;
    const plan = b.kind === 'plan' ? planNumber(b.name) : undefined;
    b.builtin = builtins.get(b.key) ?? (plan === undefined ? undefined : planExpansion(plan));
  }
  lists.order = order;
  lists.counts = counts;
  const terms: Term[] = builders;
  return { terms, uses: frozen, longestUse: longest, termOfKey: (key) => ids.get(key) ?? -1, keyOf: (spelling) => keyOf(spelling, table) };
}

/** Sorts the parallel arrays by `start` (already sorted in almost every document: then left as they are). */
function sortByStart(start: number[], end: number[], term: number[]): void {
  let sorted = true;
  for (let k = 1; k < start.length && sorted; k++) sorted = start[k - 1]! <= start[k]!;
  if (sorted) return;
  const order = start.map((_, k) => k).sort((a, b) => start[a]! - start[b]! || a - b);
  const s = order.map((k) => start[k]!);
  const e = order.map((k) => end[k]!);
  const t = order.map((k) => term[k]!);
  for (let k = 0; k < order.length; k++) {
    start[k] = s[k]!;
    end[k] = e[k]!;
    term[k] = t[k]!;
  }
}

/** An ASCII or full-width letter or digit (NaN, off the text, is not). */
export function isWordCode(c: number): boolean {
  const a = c >= 0xff10 && c <= 0xff5a ? c - 0xfee0 : c;
  return (a >= 0x30 && a <= 0x39) || ((a | 0x20) >= 0x61 && (a | 0x20) <= 0x7a);
}

/** Is this match inside a full form of its own term (城市规划区国有土地 before （以下简称国有土地）)? */
function insideFullForm(exStart: readonly number[], exEnd: readonly number[], exTerm: readonly number[], from: number, start: number, end: number, id: number): boolean {
  for (let k = from; k < exStart.length && exStart[k]! <= start; k++) {
    if (exTerm[k] === id && start >= exStart[k]! && end <= exEnd[k]!) return true;
  }
  return false;
}

/**
 * The use at `offset`: the innermost use containing it (start ≤ offset < end), else one ending at it (the cursor just
 * after a term). Binary search by start, then back over at most the longest use. Returns the use index or -1.
 */
export function useAt(index: TermIndex, offset: number): number {
  const { start, end, count } = index.uses;
  let lo = 0;
  let hi = count - 1;
  let last = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (start[mid]! <= offset) {
      last = mid;
      lo = mid + 1;
    } else {
      hi = mid - 1;
    }
  }
  let inside = -1;
  let touching = -1;
  for (let i = last; i >= 0 && start[i]! >= offset - index.longestUse; i--) {
    const e = end[i]!;
    if (offset < e) {
      if (inside < 0 || e - start[i]! < end[inside]! - start[inside]!) inside = i;
    } else if (offset === e && touching < 0) {
      touching = i;
    }
  }
  return inside >= 0 ? inside : touching;
}

/** The term used at `offset`, or -1. */
export function termAt(index: TermIndex, offset: number): number {
  const use = useAt(index, offset);
  return use < 0 ? -1 : index.uses.term[use]!;
}

/** The term's main definition (the first in the document), if any. */
export function mainDefinition(term: Term): TermDefinition | undefined {
  return term.definitions[0];
}
