// Sentinel-padded memory for view and kernel tests: an array placed inside a
// buffer filled with a known byte pattern, and a check that nothing outside
// the array's own elements changed.
import assert from 'node:assert/strict';
import { type DTypeLike, NDArray, toDType } from '../../src/index.js';

export const SENTINEL = 0xa5;

/**
 * A view with the given shape and byte strides placed `pad` bytes into a buffer
 * of sentinel bytes; the buffer is large enough for any sign of stride.
 */
export function padded(shape: number[], strides: number[], dtype: DTypeLike, pad = 64): NDArray {
  const d = toDType(dtype);
  let neg = 0;
  let pos = d.itemsize;
  shape.forEach((n, i) => {
    const span = Math.max(n - 1, 0) * strides[i];
    if (span < 0) neg -= span;
    else pos += span;
  });
  const buffer = new SharedArrayBuffer(neg + pos + 2 * pad);
  new Uint8Array(buffer).fill(SENTINEL);
  return new NDArray({ buffer, byteOffset: pad + neg, shape, strides, dtype: d });
}

/** The set of byte positions an array's elements cover. */
export function coveredBytes(a: NDArray): Set<number> {
  const out = new Set<number>();
  const walk = (axis: number, off: number) => {
    if (axis === a.ndim) {
      for (let b = 0; b < a.itemsize; b++) out.add(off + b);
      return;
    }
    for (let i = 0; i < a.shape[axis]; i++) walk(axis + 1, off + i * a.strides[axis]);
  };
  if (a.size > 0) walk(0, a.byteOffset);
  return out;
}

/** Asserts every byte of `a.buffer` not covered by `a` still holds the sentinel. */
export function assertSentinelsIntact(a: NDArray): void {
  const covered = coveredBytes(a);
  const bytes = new Uint8Array(a.buffer);
  for (let i = 0; i < bytes.length; i++) {
    if (!covered.has(i) && bytes[i] !== SENTINEL)
      assert.fail(`byte ${i} outside the view changed to ${bytes[i]}`);
  }
}
