// Joining arrays: concatenate along an existing axis, stack along a new one,
// and the NumPy shorthands built on them (vstack, hstack, dstack,
// columnStack, append). The result dtype promotes the inputs (NumPy 2) unless
// `dtype` is given; inputs are cast under `casting` (default 'same_kind').
import { type DTypeLike, toDType } from '../core/dtypes.js';
import { fail } from '../core/errors.js';
import { resultType } from '../core/promotion.js';
import { formatShape, normalizeAxis } from '../core/shape.js';
import { type ArrayLike, asArray } from '../indexing/take.js';
import { type Casting, canCast } from '../ndarray/cast.js';
import { empty, type NDArray } from '../ndarray/ndarray.js';
import { atleast1d, atleast2d, atleast3d } from './dims.js';

export interface JoinOptions {
  /** The result dtype (default: the inputs' dtypes promoted). */
  readonly dtype?: DTypeLike;
  /** How inputs may be cast to the result dtype (default 'same_kind'). */
  readonly casting?: Casting;
  /** An array of the result's shape to write into (its dtype is the result dtype). */
  readonly out?: NDArray;
}

function checkShapes(arrs: readonly NDArray[], axis: number, routine: string): number[] {
  const first = arrs[0];
  const shape = first.shape.slice();
  arrs.forEach((a, i) => {
    if (i === 0) return;
    if (a.ndim !== first.ndim) {
      throw fail(
        'ERR_SHAPE_MISMATCH',
        'arrays',
        `all the input arrays must have same number of dimensions, but the array at index 0 has ${first.ndim} dimension(s) and the array at index ${i} has ${a.ndim} dimension(s)`,
        routine,
      );
    }
    a.shape.forEach((d, k) => {
      if (k !== axis && d !== first.shape[k]) {
        throw fail(
          'ERR_SHAPE_MISMATCH',
          'arrays',
          `all the input array dimensions except for the concatenation axis must match exactly, but along dimension ${k}, the array at index 0 has size ${first.shape[k]} and the array at index ${i} has size ${d}`,
          routine,
        );
      }
    });
    shape[axis] += a.shape[axis];
  });
  return shape;
}

/**
 * NumPy's concatenate: the arrays joined along `axis` (flattened first when
 * axis is null). Always a new array (or `out`).
 */
export function concatenate(
  arrays: readonly ArrayLike[],
  axis: number | null = 0,
  options: JoinOptions = {},
  routine = 'concatenate',
): NDArray {
  if (arrays.length === 0)
    throw fail('ERR_VALUE', 'arrays', 'need at least one array to concatenate', routine);
  const arrs = arrays.map((a) => (axis === null ? asArray(a).ravel() : asArray(a)));
  if (arrs[0].ndim === 0)
    throw fail('ERR_SHAPE', 'arrays', 'zero-dimensional arrays cannot be concatenated', routine);
  const ax = normalizeAxis(axis ?? 0, arrs[0].ndim, 'axis', routine);
  const shape = checkShapes(arrs, ax, routine);
  const { out } = options;
  const dtype =
    out?.dtype ??
    (options.dtype === undefined
      ? resultType(...arrs.map((a) => a.dtype))
      : toDType(options.dtype));
  const casting = options.casting ?? 'same_kind';
  arrs.forEach((a, i) => {
    if (!canCast(a.dtype, dtype, casting)) {
      throw fail(
        'ERR_CASTING',
        `arrays[${i}]`,
        `cannot cast array data from ${a.dtype} to ${dtype} according to the rule '${casting}'`,
        routine,
      );
    }
  });
  if (
    out !== undefined &&
    (out.ndim !== shape.length || out.shape.some((d, k) => d !== shape[k]))
  ) {
    throw fail(
      'ERR_SHAPE_MISMATCH',
      'out',
      `Output array is the wrong shape: expected ${formatShape(shape)}, got ${formatShape(out.shape)}`,
      routine,
    );
  }
  const result = out ?? empty(shape, dtype);
  const lead = new Array<string>(ax).fill(':');
  let start = 0;
  for (const a of arrs) {
    const stop = start + a.shape[ax];
    result.slice(...lead, { start, stop }).assign(a);
    start = stop;
  }
  return result;
}

/** NumPy's stack: arrays of one shape joined along a new axis at `axis`. */
export function stack(arrays: readonly ArrayLike[], axis = 0, options: JoinOptions = {}): NDArray {
  if (arrays.length === 0)
    throw fail('ERR_VALUE', 'arrays', 'need at least one array to stack', 'stack');
  const arrs = arrays.map(asArray);
  const shape = arrs[0].shape;
  if (arrs.some((a) => a.ndim !== shape.length || a.shape.some((d, k) => d !== shape[k])))
    throw fail(
      'ERR_SHAPE_MISMATCH',
      'arrays',
      'all input arrays must have the same shape',
      'stack',
    );
  const ax = normalizeAxis(axis, shape.length + 1, 'axis', 'stack');
  return concatenate(
    arrs.map((a) => a.expandDims(ax)),
    ax,
    options,
    'stack',
  );
}

/** NumPy's vstack: rows on top of each other (1-D arrays become rows). */
export function vstack(arrays: readonly ArrayLike[], options: JoinOptions = {}): NDArray {
  return concatenate(
    arrays.map((a) => atleast2d(a)),
    0,
    options,
    'vstack',
  );
}

/** NumPy's hstack: joined along the second axis (the first for 1-D arrays). */
export function hstack(arrays: readonly ArrayLike[], options: JoinOptions = {}): NDArray {
  const arrs = arrays.map((a) => atleast1d(a));
  return concatenate(arrs, arrs.length > 0 && arrs[0].ndim === 1 ? 0 : 1, options, 'hstack');
}

/** NumPy's dstack: joined along the third axis (arrays raised to 3-D first). */
export function dstack(arrays: readonly ArrayLike[], options: JoinOptions = {}): NDArray {
  return concatenate(
    arrays.map((a) => atleast3d(a)),
    2,
    options,
    'dstack',
  );
}

/** NumPy's column_stack: 1-D arrays become columns, then joined along the second axis. */
export function columnStack(arrays: readonly ArrayLike[]): NDArray {
  const cols = arrays.map((v) => {
    const a = asArray(v);
    return a.ndim < 2 ? a.reshape([a.size, 1]) : a;
  });
  return concatenate(cols, 1, {}, 'columnStack');
}

/** NumPy's append: `values` after `arr` along `axis` (both flattened when axis is null). */
export function append(arr: ArrayLike, values: ArrayLike, axis: number | null = null): NDArray {
  if (axis === null) return concatenate([asArray(arr).ravel(), asArray(values).ravel()], 0);
  return concatenate([arr, values], axis, {}, 'append');
}
