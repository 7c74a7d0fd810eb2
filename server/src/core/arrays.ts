/** Typed arrays that grow by doubling, as the scans fill them one offset at a time. */

/** A copy of `list` in an array of the same type twice its length. */
export function doubled<T extends Int32Array | Uint16Array>(list: T): T {
  const grown = new (list.constructor as new (length: number) => T)(list.length * 2);
  grown.set(list);
  return grown;
}
