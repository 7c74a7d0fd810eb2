/**
 * Every occurrence of every key in one pass over the text: a trie of folded keys, entered only at positions whose
 * folded character starts some key (a 64 K-entry bitmap), walked as far as the text allows. The walk is bounded by
 * the longest key, so the pass is linear in the text; most positions cost one table read and one bitmap read.
 *
 * The text is folded character by character through the same table as the keys (width, quotes, script), and the
 * walk steps over pinyin glosses (網(wǎng)上沙龍 matches 網上沙龍), so offsets stay those of the document.
 * Edges live in one open-addressing hash table (node, code) → child, in typed arrays.
 */
import { glossAt } from '../gloss';
import type { FoldTable } from './normalize';

const OPEN_PAREN = 0x28;

export class KeyTrie {
  /** Per node: the id given with the key that ends there, or -1. */
  #terminal: Int32Array = new Int32Array(64).fill(-1);
  #nodes = 1;
  /** Edge table: parent node + 1 (0 = empty slot), character code, child node. */
  #edgeParent: Int32Array = new Int32Array(256);
  #edgeCode: Uint16Array = new Uint16Array(256);
  #edgeChild: Int32Array = new Int32Array(256);
  #edges = 0;
  #mask = 255;
  /** Folded codes that start some key. */
  readonly #first = new Uint8Array(0x10000);
  #longest = 0;

  get size(): number {
    return this.#nodes;
  }

  /** The longest key, in code units. */
  get longest(): number {
    return this.#longest;
  }

  /** Adds a folded key with its id; returns the id already stored for that key, if any (the key is not replaced). */
  add(key: string, id: number): number {
    if (key.length === 0) return -1;
    let node = 0;
    for (let i = 0; i < key.length; i++) {
      const code = key.charCodeAt(i);
      let child = this.#child(node, code);
      if (child < 0) child = this.#addEdge(node, code);
      node = child;
    }
    this.#first[key.charCodeAt(0)] = 1;
    if (key.length > this.#longest) this.#longest = key.length;
    const existing = this.#terminal[node]!;
    if (existing >= 0) return existing;
    this.#terminal[node] = id;
    return -1;
  }

  /** The id stored for exactly this folded key, or -1. */
  get(key: string): number {
    let node = 0;
    for (let i = 0; i < key.length && node >= 0; i++) node = this.#child(node, key.charCodeAt(i));
    return node > 0 ? this.#terminal[node]! : -1;
  }

  /**
   * Calls `found(start, end, id)` for every occurrence of every key in text[from, to), nested and overlapping ones
   * included, in order of start (and of length at the same start). `end` includes a gloss right after the last
   * character (it belongs to that character).
   */
  scan(text: string, table: FoldTable, found: (start: number, end: number, id: number) => void, from = 0, to = text.length): void {
    const first = this.#first;
    const terminal = this.#terminal;
    for (let i = from; i < to; i++) {
      const c0 = table[text.charCodeAt(i)]!;
      if (first[c0] === 0) continue;
      let node = this.#child(0, c0);
      let j = i + 1;
      while (node > 0) {
        const id = terminal[node]!;
        if (id >= 0) {
          let end = j;
          if (end < text.length && text.charCodeAt(end) === OPEN_PAREN) {
            const g = glossAt(text, end);
            if (g > 0) end = g;
          }
          found(i, end, id);
        }
        if (j >= to) break;
        let code = text.charCodeAt(j);
        if (code === OPEN_PAREN) {
          const g = glossAt(text, j);
          if (g > 0) {
            j = g;
            if (j >= to) break;
            code = text.charCodeAt(j);
          }
        }
        node = this.#child(node, table[code]!);
        j++;
      }
    }
  }

  #slot(node: number, code: number): number {
    return (Math.imul(node + 1, 0x9e3779b1) ^ Math.imul(code, 0x85ebca6b)) >>> 7;
  }

  #child(node: number, code: number): number {
    const mask = this.#mask;
    const parents = this.#edgeParent;
    for (let s = this.#slot(node, code) & mask; ; s = (s + 1) & mask) {
      const p = parents[s]!;
      if (p === 0) return -1;
      if (p === node + 1 && this.#edgeCode[s] === code) return this.#edgeChild[s]!;
    }
  }

  #addEdge(node: number, code: number): number {
    if ((this.#edges + 1) * 2 > this.#mask + 1) this.#grow();
    const child = this.#nodes++;
    if (child >= this.#terminal.length) {
      const terminal = new Int32Array(this.#terminal.length * 2).fill(-1);
      terminal.set(this.#terminal);
      this.#terminal = terminal;
    }
    this.#insert(node, code, child);
    this.#edges++;
    return child;
  }

  #insert(node: number, code: number, child: number): void {
    const mask = this.#mask;
    let s = this.#slot(node, code) & mask;
    while (this.#edgeParent[s] !== 0) s = (s + 1) & mask;
    this.#edgeParent[s] = node + 1;
    this.#edgeCode[s] = code;
    this.#edgeChild[s] = child;
  }

  #grow(): void {
    const parents = this.#edgeParent;
    const codes = this.#edgeCode;
    const children = this.#edgeChild;
    const size = (this.#mask + 1) * 2;
    this.#mask = size - 1;
    this.#edgeParent = new Int32Array(size);
    this.#edgeCode = new Uint16Array(size);
    this.#edgeChild = new Int32Array(size);
    for (let s = 0; s < parents.length; s++) {
      if (parents[s] !== 0) this.#insert(parents[s]! - 1, codes[s]!, children[s]!);
    }
  }
}
