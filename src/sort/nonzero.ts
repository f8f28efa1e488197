// Where an array is nonzero: nonzero (one int64 index array per axis),
// argwhere (one row per nonzero element), flatnonzero, and `where`, whose
// one-argument form is nonzero and whose three-argument form is the ufunc
// module's elementwise choice. NaN counts as nonzero, -0 as zero; complex is
// nonzero when either part is.
import type { DTypeName } from '../core/dtypes.js';
import { fail } from '../core/errors.js';
import type { ArrayInput } from '../ndarray/create.js';
import { forEachRun, planIteration } from '../ndarray/iter.js';
import type { NDArray } from '../ndarray/ndarray.js';
import { type AnyTyped, typedWindow, unitOf } from '../ndarray/typed.js';
import { where as choose } from '../ufunc/functions.js';
import type { ArrayOrScalar } from '../ufunc/ufunc.js';
import { asArray, indexArray, native } from './values.js';

type Truth = (w: AnyTyped, p: number) => boolean;

const plain: Truth = (w, p) => w[p] !== 0;
const big: Truth = (w, p) => w[p] !== 0n;
const complex: Truth = (w, p) => w[p] !== 0 || w[p + 1] !== 0;

const TRUTH: Readonly<Record<DTypeName, Truth>> = {
  bool: plain,
  int8: plain,
  int16: plain,
  int32: plain,
  int64: big,
  uint8: plain,
  uint16: plain,
  uint32: plain,
  uint64: big,
  // Raw bits: only the sign bit may be set in a zero.
  float16: (w, p) => ((w[p] as number) & 0x7fff) !== 0,
  float32: plain,
  float64: plain,
  complex64: complex,
  complex128: complex,
};

/** The C-order flat indices of the nonzero elements of `a`. */
function flatIndices(a: NDArray): number[] {
  const x = native(a);
  const w = typedWindow(x.buffer, x.dtype);
  const unit = unitOf(x.dtype);
  const truth = TRUTH[x.dtype.name];
  const found: number[] = [];
  let flatIndex = 0;
  const plan = planIteration(x.shape, [{ strides: x.strides, offset: x.byteOffset }], {
    order: 'C',
  });
  forEachRun(plan, (off, n, inner) => {
    const s = inner[0] / unit;
    for (let i = 0, p = off[0] / unit; i < n; i++, p += s, flatIndex++) {
      if (truth(w, p)) found.push(flatIndex);
    }
  });
  return found;
}

/** The multi-indices of the flat C-order `indices` in `shape`, one list per axis. */
function unravel(indices: readonly number[], shape: readonly number[]): Float64Array[] {
  const axes = shape.map(() => new Float64Array(indices.length));
  indices.forEach((flatIndex, k) => {
    let rest = flatIndex;
    for (let d = shape.length - 1; d >= 0; d--) {
      axes[d][k] = rest % shape[d];
      rest = Math.floor(rest / shape[d]);
    }
  });
  return axes;
}

/** One int64 array per axis with the indices of the nonzero elements, as np.nonzero. */
export function nonzero(a: ArrayInput): NDArray[] {
  const x = asArray(a);
  if (x.ndim === 0) {
    throw fail(
      'ERR_VALUE',
      'a',
      'calling nonzero on 0d arrays is not allowed; use atleast1d(scalar).nonzero() instead',
      'nonzero',
    );
  }
  const indices = flatIndices(x);
  return unravel(indices, x.shape).map((axis) => indexArray(axis, [indices.length]));
}

/** The indices of the nonzero elements as rows of an (N, ndim) int64 array, as np.argwhere. */
export function argwhere(a: ArrayInput): NDArray {
  const x = asArray(a);
  const indices = flatIndices(x);
  const axes = unravel(indices, x.shape);
  const rows = new Float64Array(indices.length * x.ndim);
  axes.forEach((axis, d) => {
    for (let k = 0; k < indices.length; k++) rows[k * x.ndim + d] = axis[k];
  });
  return indexArray(rows, [indices.length, x.ndim]);
}

/** The indices of the nonzero elements of the flattened array (int64), as np.flatnonzero. */
export function flatnonzero(a: ArrayInput): NDArray {
  const indices = flatIndices(asArray(a));
  return indexArray(indices, [indices.length]);
}

/** np.where: `where(condition)` is nonzero(condition); `where(condition, x, y)` picks x or y. */
export function where(condition: ArrayInput): NDArray[];
export function where(condition: ArrayOrScalar, x: ArrayOrScalar, y: ArrayOrScalar): NDArray;
export function where(
  condition: ArrayInput,
  x?: ArrayOrScalar,
  y?: ArrayOrScalar,
): NDArray[] | NDArray {
  if (x === undefined && y === undefined) return nonzero(condition);
  if (x === undefined || y === undefined) {
    throw fail(
      'ERR_ARGUMENT',
      x === undefined ? 'x' : 'y',
      'either both or neither of x and y should be given',
      'where',
    );
  }
  return choose(condition as ArrayOrScalar, x, y);
}
