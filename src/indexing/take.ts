// Index functions over one axis or the flattened array: take and put (with
// NumPy's raise / wrap / clip modes), takeAlongAxis and putAlongAxis (the
// fancy index of orthogonal aranges NumPy builds for them).
import { dtypes } from '../core/dtypes.js';
import { fail } from '../core/errors.js';
import { normalizeAxis } from '../core/shape.js';
import { mayOverlap } from '../ndarray/assign.js';
import { canCast } from '../ndarray/cast.js';
import { array } from '../ndarray/create.js';
import { empty, NDArray } from '../ndarray/ndarray.js';
import { typedWindow } from '../ndarray/typed.js';
import { broadcastValue, getIndex, setIndex } from './fancy.js';
import { elementMove, moveUnit, placement } from './move.js';
import type { IndexSpec } from './spec.js';
import { readIntegers } from './walk.js';

/** What an out-of-range index does: raise an IndexError, wrap around, or clip to the ends. */
export type IndexMode = 'raise' | 'wrap' | 'clip';

/** An array operand: an NDArray, or nested JavaScript values as `array()` takes. */
export type ArrayLike = NDArray | unknown;

/** `value` as an NDArray (JavaScript values convert as `array()` converts them). */
export function asArray(value: ArrayLike): NDArray {
  return value instanceof NDArray ? value : array(value);
}

/**
 * `indices` as an integer or boolean NDArray: JavaScript lists arrive as
 * float64 and become int64 when every number is integral; other dtypes
 * cannot index.
 */
export function integerArray(indices: ArrayLike, argument: string, routine: string): NDArray {
  const a = asArray(indices);
  const kind = a.dtype.kind;
  if (kind === 'i' || kind === 'u' || kind === 'b') return a;
  if (kind === 'f' && !(indices instanceof NDArray)) {
    const values = readIntegers(a);
    if (values.every(Number.isSafeInteger)) return int64Array(a.shape, values);
  }
  throw fail(
    'ERR_CASTING',
    argument,
    `cannot cast array data from ${a.dtype} to int64 according to the rule 'same_kind'`,
    routine,
  );
}

/** `indices` as integer(-valued) indices that cast safely to int64 (put and choose refuse uint64). */
export function safeIndices(indices: ArrayLike, argument: string, routine: string): NDArray {
  const a = integerArray(indices, argument, routine);
  if (!canCast(a.dtype, dtypes.int64, 'safe')) {
    throw fail(
      'ERR_CASTING',
      argument,
      `cannot cast array data from ${a.dtype} to int64 according to the rule 'safe'`,
      routine,
    );
  }
  return a;
}

/** Integer (or boolean, read as 0/1) indices as numbers in C order. */
function integerIndices(
  indices: ArrayLike,
  argument: string,
  routine: string,
): { shape: readonly number[]; values: Float64Array } {
  const a = integerArray(indices, argument, routine);
  return { shape: a.shape, values: readIntegers(a) };
}

type Normalize = (v: number, n: number) => number;

const MODES: Readonly<Record<IndexMode, Normalize>> = {
  raise: (v, n) => (v < 0 ? v + n : v),
  wrap: (v, n) => ((v % n) + n) % n,
  clip: (v, n) => Math.min(Math.max(v, 0), n - 1),
};

/** The index map of a mode ('raise' maps negative indices once; bounds are checked apart). */
export function modeFunction(mode: IndexMode): Normalize {
  const norm = MODES[mode];
  if (norm === undefined)
    throw fail('ERR_OPTION', 'mode', `clipmode must be one of 'clip', 'raise', or 'wrap'`);
  return norm;
}

/** Maps indices into [0, n) by `mode`, naming the axis in errors; in place. */
function normalizeIndices(
  values: Float64Array,
  n: number,
  mode: IndexMode,
  where: { argument: string; routine: string; axis: number; empty: string },
): Float64Array {
  const norm = modeFunction(mode);
  if (n === 0 && values.length > 0)
    throw fail('ERR_INDEX_OUT_OF_BOUNDS', where.argument, where.empty, where.routine);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (mode === 'raise' && (v < -n || v >= n)) {
      throw fail(
        'ERR_INDEX_OUT_OF_BOUNDS',
        where.argument,
        `index ${v} is out of bounds for axis ${where.axis} with size ${n}`,
        where.routine,
      );
    }
    values[i] = norm(v, n);
  }
  return values;
}

/** An int64 array of `shape` holding `values`. */
export function int64Array(shape: readonly number[], values: Float64Array): NDArray {
  const out = empty(shape, 'int64');
  const w = typedWindow(out.buffer, out.dtype) as BigInt64Array;
  for (let i = 0; i < values.length; i++) w[i] = BigInt(values[i]);
  return out;
}

/**
 * NumPy's take: elements of `a` at `indices` along `axis` (of the flattened
 * array when axis is null); the result has shape
 * a.shape[:axis] + indices.shape + a.shape[axis+1:].
 */
export function take(
  a: ArrayLike,
  indices: ArrayLike,
  axis: number | null = null,
  options: { mode?: IndexMode } = {},
): NDArray {
  const arr = axis === null ? asArray(a).ravel() : asArray(a);
  const ax = normalizeAxis(axis ?? 0, arr.ndim, 'axis', 'take');
  const { shape, values } = integerIndices(indices, 'indices', 'take');
  normalizeIndices(values, arr.shape[ax], options.mode ?? 'raise', {
    argument: 'indices',
    routine: 'take',
    axis: ax,
    empty: 'cannot do a non-empty take from an empty axes.',
  });
  const specs: IndexSpec[] = [...new Array<IndexSpec>(ax).fill(':'), int64Array(shape, values)];
  return getIndex(arr, specs);
}

/** Byte offset of each flat (C-order) position of `a`. */
function flatOffset(a: NDArray, flat: number): number {
  let off = a.byteOffset;
  for (let k = a.ndim - 1; k >= 0; k--) {
    off += (flat % a.shape[k]) * a.strides[k];
    flat = Math.floor(flat / a.shape[k]);
  }
  return off;
}

/**
 * NumPy's put: `a.flat[indices] = values`, values flattened and repeated
 * cyclically when shorter than indices; empty values write nothing.
 */
export function put(
  a: NDArray,
  indices: ArrayLike,
  values: ArrayLike,
  options: { mode?: IndexMode } = {},
): void {
  a.assertWriteable('a', 'put');
  const { values: idx } = integerIndices(safeIndices(indices, 'indices', 'put'), 'indices', 'put');
  normalizeIndices(idx, a.size, options.mode ?? 'raise', {
    argument: 'indices',
    routine: 'put',
    axis: 0,
    empty: 'cannot replace elements of an empty array',
  });
  const v = flatValues(a, values);
  if (v.size === 0) return;
  const move = elementMove(
    a.buffer,
    v.buffer,
    a.itemsize,
    moveUnit(a.itemsize, placement(a), placement(v)),
  );
  for (let j = 0; j < idx.length; j++)
    move(flatOffset(a, idx[j]), v.byteOffset + (j % v.size) * a.itemsize);
}

/** `values` cast to a's dtype as a C-contiguous 1-D array that does not alias `a`. */
export function flatValues(a: NDArray, values: ArrayLike): NDArray {
  const v = values instanceof NDArray ? values : array(values, { dtype: a.dtype });
  const own = v.dtype === a.dtype && !mayOverlap(a, v) ? v : v.astype(a.dtype);
  return own.flags.cContiguous ? own.reshape(-1) : own.copy().reshape(-1);
}

/** NumPy's _make_along_axis_idx: orthogonal aranges with `indices` at `axis`. */
function alongAxisIndex(
  shape: readonly number[],
  indices: ArrayLike,
  axis: number,
  routine: string,
): IndexSpec[] {
  const ind = asArray(indices);
  if (ind.dtype.kind !== 'i' && ind.dtype.kind !== 'u')
    throw fail('ERR_INVALID_INDEX', 'indices', '`indices` must be an integer array', routine);
  if (ind.ndim !== shape.length) {
    throw fail(
      'ERR_SHAPE_MISMATCH',
      'indices',
      '`indices` and `arr` must have the same number of dimensions',
      routine,
    );
  }
  const { values } = integerIndices(ind, 'indices', routine);
  normalizeIndices(values, shape[axis], 'raise', {
    argument: 'indices',
    routine,
    axis,
    empty: 'cannot do a non-empty take from an empty axes.',
  });
  return shape.map((n, dim) => {
    if (dim === axis) return int64Array(ind.shape, values);
    const along = shape.map((_, k) => (k === dim ? n : 1));
    return int64Array(
      along,
      Float64Array.from({ length: n }, (_, i) => i),
    );
  });
}

function alongAxis(arr: NDArray, indices: ArrayLike, axis: number | null, routine: string) {
  if (axis === null && asArray(indices).ndim !== 1) {
    throw fail(
      'ERR_SHAPE_MISMATCH',
      'indices',
      'when axis=None, `indices` must have a single dimension.',
      routine,
    );
  }
  return axis === null ? 0 : normalizeAxis(axis, arr.ndim, 'axis', routine);
}

/** NumPy's take_along_axis: the values at `indices` along each 1-d slice of `arr`. */
export function takeAlongAxis(
  arr: ArrayLike,
  indices: ArrayLike,
  axis: number | null = -1,
): NDArray {
  const a = axis === null ? asArray(arr).ravel() : asArray(arr);
  const ax = alongAxis(a, indices, axis, 'takeAlongAxis');
  return getIndex(a, alongAxisIndex(a.shape, indices, ax, 'takeAlongAxis'));
}

/**
 * NumPy's put_along_axis: writes `values` (broadcast) at `indices` along each
 * 1-d slice of `arr`; axis null addresses the flattened array in C order.
 */
export function putAlongAxis(
  arr: NDArray,
  indices: ArrayLike,
  values: ArrayLike,
  axis: number | null,
): void {
  arr.assertWriteable('arr', 'putAlongAxis');
  const ax = alongAxis(arr, indices, axis, 'putAlongAxis');
  if (axis !== null) {
    setIndex(arr, alongAxisIndex(arr.shape, indices, ax, 'putAlongAxis'), values);
    return;
  }
  const idx = alongAxisIndex([arr.size], indices, 0, 'putAlongAxis')[0] as NDArray;
  const target = readIntegers(idx);
  const given = values instanceof NDArray ? values : array(values, { dtype: arr.dtype });
  const v = flatValues(arr, broadcastValue(given, idx.shape));
  const move = elementMove(
    arr.buffer,
    v.buffer,
    arr.itemsize,
    moveUnit(arr.itemsize, placement(arr), placement(v)),
  );
  for (let j = 0; j < target.length; j++)
    move(flatOffset(arr, target[j]), v.byteOffset + j * arr.itemsize);
}
