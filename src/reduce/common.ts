// Shared preparation of every reduction: the operand and its reduced axes,
// the result shape (checked against `out` before any work), the mask, inputs
// made native and aligned (cast copies keep the memory order, so iteration
// order is NumPy's), and accumulator memory that can become the result.
import { type DType, dtypes } from '../core/dtypes.js';
import { assign } from '../ndarray/assign.js';
import { allocate } from '../ndarray/buffer.js';
import { NDArray } from '../ndarray/ndarray.js';
import { type Axis, asArray, checkOut, reducedAxes, resultShape, whereMask } from './options.js';

export interface Prepared {
  readonly x: NDArray;
  readonly reduced: readonly boolean[];
  /** The result shape (keepdims applied). */
  readonly shape: readonly number[];
  readonly where: NDArray | null;
}

interface PrepareOptions {
  readonly axis?: Axis;
  readonly keepdims?: boolean;
  readonly out?: NDArray;
  readonly where?: unknown;
}

/** Validates the operand and the shared options; nothing is computed yet. */
export function prepare(a: unknown, options: PrepareOptions, routine: string): Prepared {
  const x = asArray(a, routine);
  const reduced = reducedAxes(x.ndim, options.axis, routine);
  const shape = resultShape(x.shape, reduced, options.keepdims ?? false);
  checkOut(options.out, shape, routine);
  const where = whereMask(options.where, x.shape, routine);
  return { x, reduced, shape, where };
}

function isAligned(x: NDArray): boolean {
  const a = x.dtype.alignment;
  return x.byteOffset % a === 0 && x.strides.every((s, i) => x.shape[i] <= 1 || s % a === 0);
}

/**
 * A copy of `x` converted to `d` whose axes keep x's memory order (NumPy's
 * order 'K', strides positive), so iterating it visits elements in the order
 * NumPy's buffered iteration of x does.
 */
export function castKeepOrder(x: NDArray, d: DType): NDArray {
  const out = emptyKeepOrder(x, d);
  assign(out, x);
  return out;
}

/** A new dense array of x's shape and dtype `d` whose axes follow x's memory order. */
export function emptyKeepOrder(x: NDArray, d: DType): NDArray {
  const order = x.shape
    .map((_, i) => i)
    .sort((a, b) => Math.abs(x.strides[a]) - Math.abs(x.strides[b]) || b - a);
  const strides = new Array<number>(x.ndim);
  let s = d.itemsize;
  for (const i of order) {
    strides[i] = s;
    s *= Math.max(1, x.shape[i]);
  }
  return new NDArray({
    buffer: allocate(x.size * d.itemsize),
    byteOffset: 0,
    shape: x.shape,
    strides,
    dtype: d,
  });
}

/** `x` as a native, aligned array of dtype `d` (itself when it already is one). */
export function native(x: NDArray, d: DType = x.dtype): NDArray {
  const target = dtypes[d.name];
  return x.dtype === target && isAligned(x) ? x : castKeepOrder(x, target);
}

/** Zeroed float64 accumulator memory (shareable, so it can become the result). */
export function newFloat64(length: number): Float64Array {
  return new Float64Array(allocate(length * 8));
}

/** True for the inexact kinds (float and complex). */
export function isInexact(d: DType): boolean {
  return d.kind === 'f' || d.kind === 'c';
}
