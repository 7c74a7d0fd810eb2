/**
 * The headings of a model as columns of typed arrays: kind (a byte, see `kindCode`), parent, line, offsets, number,
 * and the tree as links (first child, next sibling). A pass over every heading object reads one to three cache lines
 * per heading (a text of headings at 1 MB is 18 MB of objects, and one pass over them costs 3 ms); a pass over these
 * columns reads a few bytes per heading. The analysis fills the table as it builds the tree (it reads each heading
 * there anyway); the checks read it for their passes over all headings and read the objects only of the headings
 * they report.
 */
import { kindCode } from './markers';
import type { Heading, ReportModel } from './model';

export class HeadingTable {
  readonly count: number;
  /** By heading: its kind's code (KIND_BY_CODE[code] is the kind). */
  readonly kind: Uint8Array;
  readonly parent: Int32Array;
  readonly line: Int32Array;
  readonly start: Int32Array;
  readonly headingStart: Int32Array;
  /** The heading's number, NaN where it has none. */
  readonly ordinal: Float64Array;
  /** 1 where the heading line was repaired (its marker is not in the text as read). */
  readonly repaired: Uint8Array;
  /** First child by parent; the slot `count` holds the first root. */
  readonly #first: Int32Array;
  readonly #next: Int32Array;
  readonly #last: Int32Array;

  constructor(count: number) {
    this.count = count;
    this.kind = new Uint8Array(count);
    this.parent = new Int32Array(count);
    this.line = new Int32Array(count);
    this.start = new Int32Array(count);
    this.headingStart = new Int32Array(count);
    this.ordinal = new Float64Array(count);
    this.repaired = new Uint8Array(count);
    this.#first = new Int32Array(count + 1).fill(-1);
    this.#next = new Int32Array(count).fill(-1);
    this.#last = new Int32Array(count + 1);
  }

  /** The table of a list of headings whose tree is built (a model not made by `analyze`). */
  static of(headings: readonly Heading[]): HeadingTable {
    const table = new HeadingTable(headings.length);
    for (let i = 0; i < headings.length; i++) table.set(i, headings[i]!);
    return table;
  }

  /** Records heading `i` (its parent set) and links it after the children of its parent added before it. */
  set(i: number, h: Heading): void {
    this.kind[i] = kindCode(h.kind);
    this.parent[i] = h.parent;
    this.line[i] = h.line;
    this.start[i] = h.start;
    this.headingStart[i] = h.headingStart;
    this.ordinal[i] = h.ordinal ?? NaN;
    this.repaired[i] = h.repaired ? 1 : 0;
    this.add(h.parent, i);
  }

  /** Links `child` after the children of `parent` (-1: the roots) added before it. */
  add(parent: number, child: number): void {
    const p = parent < 0 ? this.count : parent;
    if (this.#first[p]! < 0) this.#first[p] = child;
    else this.#next[this.#last[p]!] = child;
    this.#last[p] = child;
    this.#next[child] = -1;
  }

  /** The first child of `parent` (-1: the first root), or -1. */
  first(parent: number): number {
    return this.#first[parent < 0 ? this.count : parent]!;
  }

  /** The sibling after heading `i`, or -1. */
  next(i: number): number {
    return this.#next[i]!;
  }

  /** The children of `parent` in order (the shared empty list for none). */
  list(parent: number, none: number[]): number[] {
    let k = this.first(parent);
    if (k < 0) return none;
    const out: number[] = [];
    for (; k >= 0; k = this.#next[k]!) out.push(k);
    return out;
  }

  /** Forgets the links (the tree is built again). */
  clear(): void {
    this.#first.fill(-1);
    this.#next.fill(-1);
  }
}

/** The tables of the models `analyze` made (filled as it built them). */
const TABLES = new WeakMap<ReportModel, HeadingTable>();

export function keepHeadingTable(model: ReportModel, table: HeadingTable): void {
  TABLES.set(model, table);
}

/** The heading table of a model: the one `analyze` filled, or one made from its headings (once per model). */
export function headingTable(model: ReportModel): HeadingTable {
  let table = TABLES.get(model);
  if (table === undefined || table.count !== model.headings.length) {
    table = HeadingTable.of(model.headings);
    TABLES.set(model, table);
  }
  return table;
}
