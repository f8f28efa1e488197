// Exact integer sums modulo 2^64, which is what NumPy's integer add loops
// compute whatever their order: values are summed in doubles, in pieces
// small enough that no partial sum passes 2^53, and the pieces are added into
// the 64-bit result words with carries. 64-bit inputs are summed as their
// low and high 32-bit words (their sum is the value modulo 2^64).
import { dtypes } from '../core/dtypes.js';
import { NDArray } from '../ndarray/ndarray.js';
import { typedWindow } from '../ndarray/typed.js';
import { sumExact } from './bodies.js';
import { type AccLayout, drive } from './driver.js';

const TWO32 = 4294967296;

/** Adds the integer `v` (|v| < 2^53) times 2^(32 shift) into word pair j. */
function addWords(words: Uint32Array, j: number, v: number, high: boolean): void {
  const hi = Math.floor(v / TWO32);
  const lo = v - hi * TWO32;
  if (high) {
    words[2 * j + 1] += lo;
    return;
  }
  const s = words[2 * j] + lo;
  words[2 * j] = s;
  words[2 * j + 1] += hi + (s >= TWO32 ? 1 : 0);
}

/** A view of `x` restricted to [start, end) along `axis`. */
function part(x: NDArray, axis: number, start: number, end: number): NDArray {
  const shape = x.shape.slice();
  shape[axis] = end - start;
  return x.view({ shape, strides: x.strides, offset: x.byteOffset + start * x.strides[axis] });
}

/**
 * Calls `visit` on pieces of (x, where) that together cover x once and each
 * reduce at most `limit` elements into every result element.
 */
function pieces(
  x: NDArray,
  where: NDArray | null,
  reduced: readonly boolean[],
  limit: number,
  visit: (x: NDArray, where: NDArray | null) => void,
): void {
  let count = 1;
  let axis = -1;
  x.shape.forEach((d, i) => {
    if (!reduced[i]) return;
    count *= d;
    if (axis < 0 || d > x.shape[axis]) axis = i;
  });
  if (count <= limit) {
    visit(x, where);
    return;
  }
  const len = x.shape[axis];
  const step = Math.max(1, Math.floor(limit / (count / len)));
  for (let s = 0; s < len; s += step) {
    const e = Math.min(len, s + step);
    const w = where === null ? null : part(where, axis, s, e);
    pieces(part(x, axis, s, e), w, reduced, limit, visit);
  }
}

/** Largest magnitude of one summand: a byte, a 16-bit or a 32-bit word. */
const BOUND: Readonly<Record<number, number>> = { 1: 2 ** 8, 2: 2 ** 16, 4: TWO32, 8: TWO32 };

/**
 * The sums of an integer or bool array (native, aligned) over the reduced
 * axes, modulo 2^64, as little-endian word pairs in accumulator order,
 * starting from `start` (the initial value as two words).
 */
export function exactSum(
  x: NDArray,
  reduced: readonly boolean[],
  where: NDArray | null,
  layout: AccLayout,
  start: readonly [number, number],
): Uint32Array {
  const words = new Uint32Array(2 * layout.size);
  for (let j = 0; j < layout.size; j++) words.set(start, 2 * j);
  const limit = Math.floor(2 ** 53 / BOUND[x.itemsize]);
  const acc = new Float64Array(layout.size);
  const word = (offset: number) =>
    x.view({ shape: x.shape, strides: x.strides, offset: x.byteOffset + offset }, dtypes.uint32);
  const passes: [NDArray, boolean][] =
    x.itemsize === 8
      ? [
          [word(0), false],
          [word(4), true],
        ]
      : [[x, false]];
  for (const [src, high] of passes) {
    const data = typedWindow(src.buffer, src.dtype) as Int32Array;
    const body = sumExact(acc, data);
    pieces(src, where, reduced, limit, (p, w) => {
      acc.fill(0);
      drive(p, src.itemsize, layout, w, body);
      for (let j = 0; j < layout.size; j++) if (acc[j] !== 0) addWords(words, j, acc[j], high);
    });
  }
  return words;
}

/** The word pairs as an int64 or uint64 NDArray laid out like the accumulator. */
export function wordsArray(words: Uint32Array, layout: AccLayout, unsigned: boolean): NDArray {
  const d = unsigned ? dtypes.uint64 : dtypes.int64;
  return new NDArray({
    buffer: words.buffer,
    byteOffset: 0,
    shape: layout.shape,
    strides: layout.strides.map((s) => s * 8),
    dtype: d,
  });
}
