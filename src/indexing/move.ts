// Moving whole elements between byte positions without conversion, the
// engine under gathers and scatters: raw bits in the widest unit every
// position allows (NaN payloads survive), blocks of elements laid out by
// strides, and the byte offset of the i-th element of a strided shape.
import { sizeOf } from '../core/shape.js';
import { forEachRun, planIteration } from '../ndarray/iter.js';
import { rawWindow } from '../ndarray/typed.js';

/** Copies one element: byte offset `d` of the destination from byte offset `s` of the source. */
export type Move = (d: number, s: number) => void;

interface Placed {
  readonly offset: number;
  readonly strides: readonly number[];
}

/** Where an array's elements sit: its byte offset and strides. */
export function placement(a: { byteOffset: number; strides: readonly number[] }): Placed {
  return { offset: a.byteOffset, strides: a.strides };
}

/** The widest unit (4, 2 or 1 bytes) dividing the item size and every offset and stride. */
export function moveUnit(itemsize: number, ...layouts: readonly Placed[]): 1 | 2 | 4 {
  for (const u of [4, 2] as const) {
    const fits = (x: number) => x % u === 0;
    if (fits(itemsize) && layouts.every((l) => fits(l.offset) && l.strides.every(fits))) return u;
  }
  return 1;
}

export function elementMove(
  dst: ArrayBufferLike,
  src: ArrayBufferLike,
  itemsize: number,
  unit: 1 | 2 | 4,
): Move {
  const d = rawWindow(dst, unit);
  const s = rawWindow(src, unit);
  const per = itemsize / unit;
  if (per === 1) return (di, si) => (d[di / unit] = s[si / unit]);
  if (per === 2) {
    return (di, si) => {
      const a = di / unit;
      const b = si / unit;
      d[a] = s[b];
      d[a + 1] = s[b + 1];
    };
  }
  if (per === 4) {
    return (di, si) => {
      const a = di / unit;
      const b = si / unit;
      d[a] = s[b];
      d[a + 1] = s[b + 1];
      d[a + 2] = s[b + 2];
      d[a + 3] = s[b + 3];
    };
  }
  return (di, si) => {
    const a = di / unit;
    const b = si / unit;
    for (let k = 0; k < per; k++) d[a + k] = s[b + k];
  };
}

/**
 * Copies a block of elements of `shape` laid out by `dstStrides` and
 * `srcStrides` from byte offset s to byte offset d, in C order.
 */
export function blockMove(
  shape: readonly number[],
  dstStrides: readonly number[],
  srcStrides: readonly number[],
  move: Move,
): Move {
  const size = sizeOf(shape);
  if (size === 0) return () => {};
  if (size === 1) return move;
  const plan = planIteration(
    shape,
    [
      { strides: dstStrides, offset: 0 },
      { strides: srcStrides, offset: 0 },
    ],
    { order: 'C' },
  );
  const run = (off: readonly number[], n: number, st: readonly number[]) => {
    for (let i = 0, di = off[0], si = off[1]; i < n; i++, di += st[0], si += st[1]) move(di, si);
  };
  return (d, s) => forEachRun({ ...plan, offsets: [d, s] }, run);
}

/**
 * The byte step between consecutive elements, in C order, of `shape` laid out
 * by `strides` when its axes flatten into one (0 for at most one element), else null.
 */
export function linearStep(shape: readonly number[], strides: readonly number[]): number | null {
  const axes = shape.flatMap((d, k) => (d === 1 ? [] : [k]));
  const flat = axes.every(
    (k, j) => j === axes.length - 1 || strides[k] === strides[axes[j + 1]] * shape[axes[j + 1]],
  );
  if (!flat) return null;
  return axes.length === 0 ? 0 : strides[axes[axes.length - 1]];
}

/**
 * The byte offset (from the first element) of the i-th element, in C order, of
 * `shape` laid out by `strides`: i * step when the axes flatten into one, else
 * a precomputed table.
 */
export function linearOffsets(
  shape: readonly number[],
  strides: readonly number[],
): (i: number) => number {
  const step = linearStep(shape, strides);
  if (step !== null) return (i) => i * step;
  const table = new Float64Array(sizeOf(shape));
  const nd = shape.length;
  const counter = new Array<number>(nd).fill(0);
  let off = 0;
  for (let i = 0; i < table.length; i++) {
    table[i] = off;
    for (let k = nd - 1; k >= 0; k--) {
      off += strides[k];
      if (++counter[k] < shape[k]) break;
      off -= strides[k] * shape[k];
      counter[k] = 0;
    }
  }
  return (i) => table[i];
}
