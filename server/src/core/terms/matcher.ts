/**
 * Every occurrence of every key in one pass over the text: a trie of folded keys, walked only from positions where
 * the raw characters may begin a key (one byte of a 64 KB table per position, indexed by a hash of a pair of
 * characters, filled with every spelling of the keys' characters through the fold's variants: see `scan`), as far as
 * the text follows the trie. The walk is bounded by the longest key, so the pass is linear in the text.
 *
 * The text is folded character by character through the same table as the keys (width, quotes, script) while
 * walking, and the walk steps over pinyin glosses (網(wǎng)上沙龍 matches 網上沙龍), so offsets stay those of the
 * document. Edges live in one open-addressing hash table (node, code) → child, in one typed array of four ints per
 * slot (parent + 1, code, child, the child's key id), so that a probe reads one cache line: with 100,000 keys and more
 * the table outgrows the CPU caches and every step of a walk is a memory access (three separate arrays and a terminal
 * table made it four). The root's edges live there too: a direct 64 K table for them cost more to allocate and clear
 * per index than the few lookups it saved.
 */
import { glossAt } from '../gloss';
import type { FoldTable } from './normalize';
import { doubled } from '../arrays';
import { lowerBound } from '../lines';
import { keepLastInstance } from './keepAlive';

const OPEN_PAREN = 0x28;

const variantTables = new WeakMap<FoldTable, Map<number, number[]>>();

/** For each folded code, the other codes that fold to it (網 for 网, ＋ for +), built once per table. */
function variantsOf(table: FoldTable): Map<number, number[]> {
  let variants = variantTables.get(table);
  if (variants === undefined) {
    variants = new Map();
    for (let c = 0; c < 0x10000; c++) {
      const f = table[c]!;
      if (f === c) continue;
      const list = variants.get(f);
      if (list === undefined) variants.set(f, [c]);
      else list.push(c);
    }
    variantTables.set(table, variants);
  }
  return variants;
}

const spellingTables = new WeakMap<FoldTable, Map<number, readonly number[]>>();

/** Every raw code that folds to `folded` (网: 网, 網), kept per table and code: the lists are read for every index. */
function spellingsOf(table: FoldTable, folded: number): readonly number[] {
  let cache = spellingTables.get(table);
  if (cache === undefined) {
    cache = new Map();
    spellingTables.set(table, cache);
  }
  let list = cache.get(folded);
  if (list === undefined) {
    const others = variantsOf(table).get(folded) ?? [];
    list = table[folded] === folded ? [folded, ...others] : others;
    cache.set(folded, list);
  }
  return list;
}

/**
 * The starts from..to-2 one and two before a "(" that starts a gloss, ascending (duplicates possible, adjacent).
 * `parens`, when given, are the offsets of every "(" in the text, ascending (stops.ts finds them): read instead of
 * searching the text.
 */
function glossStarts(text: string, from: number, to: number, parens?: Int32Array): number[] {
  const out: number[] = [];
  const glossAfter = (p: number): void => {
    if (glossAt(text, p) < 0) return;
    if (p - 2 >= from) out.push(p - 2);
    out.push(p - 1);
  };
  if (parens === undefined) {
    for (let p = text.indexOf('(', from + 1); p >= 0 && p < to; p = text.indexOf('(', p + 1)) glossAfter(p);
  } else {
    for (let k = lowerBound(parens, from + 1); k < parens.length && parens[k]! < to; k++) glossAfter(parens[k]!);
  }
  return out;
}

function slotOf(node: number, code: number): number {
  return (Math.imul(node + 1, 0x9e3779b1) ^ Math.imul(code, 0x85ebca6b)) >>> 7;
}

/** A pair of raw code units hashed to 16 bits: a shift and an xor, cheap enough to run at every position. */
function pairSlot(a: number, b: number): number {
  return ((a << 5) ^ b) & 0xffff;
}

/** Three raw code units hashed to 16 bits (only where their first two passed the pair filter). */
function tripleSlot(a: number, b: number, c: number): number {
  return (Math.imul(a, 0x9e3779b1) ^ Math.imul(b, 0x85ebca6b) ^ Math.imul(c, 0xc2b2ae35)) >>> 16;
}

/** What a byte of the raw-pair table says about the pairs that hash to it. */
const enum PairBit {
  /** Some two-character key is such a pair. */
  Whole = 1,
  /** Some key of three or more has such a pair as its second and third characters. */
  Second = 2,
}

/** Matches as parallel typed arrays that grow by doubling. */
export class Matches {
  start: Int32Array = new Int32Array(1024);
  end: Int32Array = new Int32Array(1024);
  id: Int32Array = new Int32Array(1024);
  count = 0;

  constructor() {
    keepLastInstance(this);
  }

  push(start: number, end: number, id: number): void {
    if (this.count === this.start.length) {
      const size = this.count * 2;
      const grow = (a: Int32Array): Int32Array => {
        const b = new Int32Array(size);
        b.set(a);
        return b;
      };
      this.start = grow(this.start);
      this.end = grow(this.end);
      this.id = grow(this.id);
    }
    const k = this.count++;
    this.start[k] = start;
    this.end[k] = end;
    this.id[k] = id;
  }
}

/**
 * The scan's tables (72 KB), shared by every trie and filled for the one that scans (scans never nest): most tries
 * scan once (a document's terms, a check's full forms), and a pair of tables per trie was 72 KB of short-lived
 * memory per document, which over a workspace of 1,000 files left the server's RSS 40 MB higher. A trie that scans
 * again right after itself (the workspace's mention scanner) finds them still filled.
 */
const RAW_TABLES: {
  /** One byte per raw-pair slot: PairBits of the pairs that hash to it. */
  readonly pairs: Uint8Array;
  /** Raw-triple bits of the first three characters of the keys of three or more. */
  readonly triples: Int32Array;
  /** The id of the trie they were filled for (an id rather than the trie: they keep no trie alive). */
  owner: number;
  table: FoldTable | undefined;
  version: number;
} = { pairs: new Uint8Array(0x10000), triples: new Int32Array(0x10000 >>> 5), owner: -1, table: undefined, version: -1 };
let trieIds = 0;

export class KeyTrie {
  /** Per node: the id given with the key that ends there, or -1. */
  #terminal: Int32Array = new Int32Array(64).fill(-1);
  #nodes = 1;
  /** Edge table, four ints per slot: parent node + 1 (0 = empty slot), character code, child node, child's id or -1. */
  #slots: Int32Array = new Int32Array(256 * 4);
  #edges = 0;
  #mask = 255;
  /** The two folded codes of every two-character key: [a0, b0, …]. */
  readonly #wholePairList: number[] = [];
  /** The first three folded codes of every key of three or more: [a0, b0, c0, …]. */
  readonly #tripleList: number[] = [];
  #longest = 0;
  /** Counts the keys added: the scan tables (RAW_TABLES) are this trie's while their version is this. */
  #version = 0;
  readonly #id = trieIds++;

  constructor() {
    keepLastInstance(this);
  }

  get size(): number {
    return this.#nodes;
  }

  /** The longest key, in code units. */
  get longest(): number {
    return this.#longest;
  }

  /** Makes room for `edges` more edges at once (the sum of the keys' lengths is enough), instead of growing by doubling. */
  reserve(edges: number): void {
    let size = this.#mask + 1;
    while ((this.#edges + edges) * 2 > size) size *= 2;
    // one table of the final size (doubling step by step made and zeroed every size on the way: 64 MB for 1,000,000 edges)
    if (size > this.#mask + 1) this.#grow(size);
    const nodes = this.#nodes + edges;
    if (nodes > this.#terminal.length) {
      const terminal = new Int32Array(nodes).fill(-1);
      terminal.set(this.#terminal.subarray(0, this.#nodes));
      this.#terminal = terminal;
    }
  }

  /** Adds a folded key with its id; returns the id already stored for that key, if any (the key is not replaced). */
  add(key: string, id: number): number {
    if (key.length === 0) return -1;
    let node = 0;
    let edge = -1;
    for (let i = 0; i < key.length; i++) {
      edge = this.#edgeOrNew(node, key.charCodeAt(i));
      node = this.#slots[edge + 2]!;
    }
    if (key.length === 2) this.#wholePairList.push(key.charCodeAt(0), key.charCodeAt(1));
    if (key.length > 2) this.#tripleList.push(key.charCodeAt(0), key.charCodeAt(1), key.charCodeAt(2));
    this.#version++;
    if (key.length > this.#longest) this.#longest = key.length;
    const existing = this.#terminal[node]!;
    if (existing >= 0) return existing;
    this.#terminal[node] = id;
    this.#slots[edge + 3] = id;
    return -1;
  }

  /** The id stored for exactly this folded key, or -1. */
  get(key: string): number {
    let node = 0;
    for (let i = 0; i < key.length && node >= 0; i++) node = this.#child(node, key.charCodeAt(i));
    return node > 0 ? this.#terminal[node]! : -1;
  }

  /**
   * Every occurrence of every key in text[from, to), nested and overlapping ones included, in order of start (and of
   * length at the same start), appended to `out`. `end` includes a gloss right after the last character (it belongs
   * to that character). (Matches go into typed arrays rather than to a callback: optimised code that inlines a
   * per-call closure is thrown away when the garbage collector frees that closure, and the next scan would run
   * unoptimised.) `parens`: the offsets of every "(" in the text, ascending, when the caller has them (stops.ts).
   */
  scan(text: string, table: FoldTable, out: Matches, from = 0, to = text.length, parens?: Int32Array): Matches {
    if (from >= to) return out;
    this.#rawTablesFor(table);
    const pairs = RAW_TABLES.pairs;
    const triples = RAW_TABLES.triples;
    // Which starts s to walk from is decided with the three raw characters a b c at s, s+1, s+2 in view, by one byte
    // of a 64 KB table per position, read for the pair (b, c) (PairBit): a two-character key may be a b (the Whole bit
    // read one position earlier, for the pair then in view), or a longer key may have b c as its second and third
    // characters and, checked only then, a b c as its first three (a bit set by raw triples). The second and third
    // characters rather than the first two: a term's first two are often a common word of their own (发展, 建设, 社会
    // before 社会主义公有制): in the 1 MB bench report the keys' first pairs occur at 14,326 places, their second and
    // third at 3,553, and each place that passes costs a branch and a triple lookup. Most positions fail, so the fold
    // table is only read where a key may start.
    //
    // A gloss (網(wǎng)上沙龍) in b or c hides the key's characters from the tables: the starts one and two before each
    // gloss are walked too (`glossStarts`: an indexOf loop, 0.07–0.15 ms at 1 MB, where comparing every character with
    // "(" in this loop cost about 0.17 ms; none when the caller has the offsets of every "(", `parens`), merged in
    // order with the others. (A "(" that starts no gloss needs nothing: a key with "(" in it is in the tables like any
    // other character.) The starts are walked after the pass, not inside it: the loop without a call in it measured
    // 5–10% faster at 1 MB, and steadier from process to process.
    if (to - from < 2) return out;
    let starts: Int32Array = new Int32Array(1024);
    let found = 0;
    let a = text.charCodeAt(from);
    let b = text.charCodeAt(from + 1);
    let whole = pairs[pairSlot(a, b)]! & PairBit.Whole;
    for (let i = from + 2; i < to; i++) {
      const c = text.charCodeAt(i);
      const bits = pairs[pairSlot(b, c)]!;
      if ((whole | (bits & PairBit.Second)) !== 0) {
        let walk = whole !== 0;
        if (!walk) {
          const t = tripleSlot(a, b, c);
          walk = (triples[t >>> 5]! & (1 << (t & 31))) !== 0;
        }
        if (walk) {
          if (found === starts.length) starts = doubled(starts);
          starts[found++] = i - 2;
        }
      }
      whole = bits & PairBit.Whole;
      a = b;
      b = c;
    }
    // the last start, two characters before the end: a two-character key only
    if (whole !== 0) {
      if (found === starts.length) starts = doubled(starts);
      starts[found++] = to - 2;
    }
    const forced = glossStarts(text, from, to, parens);
    let f = 0;
    let last = -1;
    for (let k = 0; k <= found; ) {
      let s: number;
      if (f < forced.length && (k === found || forced[f]! <= starts[k]!)) s = forced[f++]!;
      else if (k < found) s = starts[k++]!;
      else break;
      if (s === last) continue;
      last = s;
      const node = this.#child(0, table[text.charCodeAt(s)]!);
      if (node > 0) this.#walk(text, table, out, s, node, to);
    }
    return out;
  }

  /** From the node after text[i], as far as the text follows the trie, reporting every key that ends on the way. */
  #walk(text: string, table: FoldTable, out: Matches, i: number, node: number, to: number): void {
    const mask = this.#mask;
    const slots = this.#slots;
    let j = i + 1;
    // the first node is a child of the root (few, and read often); the ids of the next ones come with their edges
    let id = this.#terminal[node]!;
    while (node > 0) {
      if (id >= 0) {
        let end = j;
        if (end < text.length && text.charCodeAt(end) === OPEN_PAREN) {
          const g = glossAt(text, end);
          if (g > 0) end = g;
        }
        out.push(i, end, id);
      }
      if (j >= to) return;
      let raw = text.charCodeAt(j);
      if (raw === OPEN_PAREN) {
        const g = glossAt(text, j);
        if (g > 0) {
          j = g;
          if (j >= to) return;
          raw = text.charCodeAt(j);
        }
      }
      const code = table[raw]!;
      let child = 0;
      for (let s = slotOf(node, code) & mask; ; s = (s + 1) & mask) {
        const p = slots[s << 2]!;
        if (p === 0) break;
        if (p === node + 1 && slots[(s << 2) + 1] === code) {
          child = slots[(s << 2) + 2]!;
          id = slots[(s << 2) + 3]!;
          break;
        }
      }
      node = child;
      j++;
    }
  }

  /**
   * Bytes by pairs of raw (unfolded) codes, hashed into 64 K slots: every spelling (网上, 網上 … through the fold's
   * variants) of every two-character key and of the second and third characters of every longer key; and bits by
   * raw triples for the first three characters of the longer keys. False positives only cost a walk.
   */
  /** Fills the shared scan tables for this trie's keys and `table`, unless they hold them already. */
  #rawTablesFor(table: FoldTable): void {
    const raw = RAW_TABLES;
    if (raw.owner !== this.#id || raw.table !== table || raw.version !== this.#version) {
      const pairs = raw.pairs.fill(0);
      const spellings = (folded: number): readonly number[] => spellingsOf(table, folded);
      for (let k = 0; k < this.#wholePairList.length; k += 2) {
        for (const a of spellings(this.#wholePairList[k]!)) for (const b of spellings(this.#wholePairList[k + 1]!)) pairs[pairSlot(a, b)]! |= PairBit.Whole;
      }
      const triples = raw.triples.fill(0);
      for (let k = 0; k < this.#tripleList.length; k += 3) {
        const second = spellings(this.#tripleList[k + 1]!);
        const third = spellings(this.#tripleList[k + 2]!);
        for (const b of second) for (const c of third) pairs[pairSlot(b, c)]! |= PairBit.Second;
        for (const a of spellings(this.#tripleList[k]!)) for (const b of second) for (const c of third) {
          const t = tripleSlot(a, b, c);
          triples[t >>> 5]! |= 1 << (t & 31);
        }
      }
      raw.owner = this.#id;
      raw.table = table;
      raw.version = this.#version;
    }
  }

  #child(node: number, code: number): number {
    const s = this.#slotOfEdge(node, code);
    return s < 0 ? -1 : this.#slots[s + 2]!;
  }

  /** The index in `#slots` of the edge (node, code), or -1. */
  #slotOfEdge(node: number, code: number): number {
    const mask = this.#mask;
    const slots = this.#slots;
    for (let s = slotOf(node, code) & mask; ; s = (s + 1) & mask) {
      const p = slots[s << 2]!;
      if (p === 0) return -1;
      if (p === node + 1 && slots[(s << 2) + 1] === code) return s << 2;
    }
  }

  /**
   * The index in `#slots` of the edge (node, code), made (to a new node) when missing, in one probe sequence: a lookup
   * and then an insertion probed the table twice (three times for a key's last edge), and with 100,000 keys and more
   * (quoted-distinct, titles-distinct at 4 MB) the table is far larger than the caches.
   */
  #edgeOrNew(node: number, code: number): number {
    const mask = this.#mask;
    const slots = this.#slots;
    let s = slotOf(node, code) & mask;
    for (; ; s = (s + 1) & mask) {
      const p = slots[s << 2]!;
      if (p === 0) break;
      if (p === node + 1 && slots[(s << 2) + 1] === code) return s << 2;
    }
    if ((this.#edges + 1) * 2 > mask + 1) {
      this.#grow();
      return this.#edgeOrNew(node, code);
    }
    const child = this.#nodes++;
    if (child >= this.#terminal.length) {
      const terminal = new Int32Array(this.#terminal.length * 2).fill(-1);
      terminal.set(this.#terminal);
      this.#terminal = terminal;
    }
    slots[s << 2] = node + 1;
    slots[(s << 2) + 1] = code;
    slots[(s << 2) + 2] = child;
    slots[(s << 2) + 3] = -1;
    this.#edges++;
    return s << 2;
  }

  #insert(node: number, code: number, child: number, id: number): void {
    const mask = this.#mask;
    const slots = this.#slots;
    let s = slotOf(node, code) & mask;
    while (slots[s << 2] !== 0) s = (s + 1) & mask;
    slots[s << 2] = node + 1;
    slots[(s << 2) + 1] = code;
    slots[(s << 2) + 2] = child;
    slots[(s << 2) + 3] = id;
  }

  /** Rehashes the edges into a table of `size` slots (twice the current size by default). */
  #grow(size = (this.#mask + 1) * 2): void {
    const old = this.#slots;
    this.#mask = size - 1;
    this.#slots = new Int32Array(size * 4);
    for (let b = 0; b < old.length; b += 4) {
      if (old[b] !== 0) this.#insert(old[b]! - 1, old[b + 1]!, old[b + 2]!, old[b + 3]!);
    }
  }
}
