/**
 * The last instance of each of the term index's working classes (the trie, the match and use buffers, the
 * extractor), kept alive on purpose.
 *
 * While one instance of a class lives, the hidden classes V8 built for its fields live too, and the optimised code of
 * its methods stays valid. When the last instance dies, the next garbage collection drops that code as depending on
 * dead maps, and the next index of a large document runs unoptimised for a while: measured on the 1 MB bench report
 * with a collection before each run, indexTerms took 8–30 ms instead of 3 ms. Keeping one instance of each costs a few
 * hundred kilobytes (the trie's 64 K tables).
 */
const lastInstances = new Map<unknown, object>();

export function keepLastInstance(instance: object): void {
  lastInstances.set(instance.constructor, instance);
}

const EMPTY_PATTERN = /(?:)/;

/**
 * Lets go of the last text a regular expression matched. V8 keeps the subject of the last successful match for the
 * legacy `RegExp.input` / `RegExp.$_` (and `$1`…): after analysing or indexing a document that is then closed, that
 * is the whole document (5 million characters: about 10 MB) until some other match happens. A match on the empty
 * string replaces it.
 */
export function forgetLastMatch(): void {
  EMPTY_PATTERN.exec('');
}
