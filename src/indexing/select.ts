// Selection by condition and by choice index: choose (an element of the k-th
// choice per position), compress and extract (the elements where a condition
// holds), place and putmask (writes where a mask holds, values taken in
// order or by position).
import { fail } from '../core/errors.js';
import { resultType } from '../core/promotion.js';
import { broadcastShapes } from '../core/shape.js';
import { canCast } from '../ndarray/cast.js';
import { readElement } from '../ndarray/elements.js';
import { forEachRun, planIteration } from '../ndarray/iter.js';
import { empty, NDArray } from '../ndarray/ndarray.js';
import { rawWindow } from '../ndarray/typed.js';
import { elementMove, type Move, moveUnit, placement } from './move.js';
import {
  type ArrayLike,
  asArray,
  flatValues,
  type IndexMode,
  int64Array,
  modeFunction,
  safeIndices,
  take,
} from './take.js';
import { countTrue, walkMask } from './walk.js';

/** The truth value of every element (nonzero, NaN included), as a bool array. */
export function truth(condition: ArrayLike): NDArray {
  const c = asArray(condition);
  return c.dtype.kind === 'b' ? c : c.astype('bool');
}

/** C-order positions where `condition` holds, as int64 (NumPy's flatnonzero). */
function truePositions(condition: NDArray): NDArray {
  const mask = truth(condition).reshape(-1);
  const at = new Float64Array(countTrue(mask));
  walkMask(mask, [1], 0, (off, i) => {
    at[i] = off;
  });
  return int64Array([at.length], at);
}

/**
 * NumPy's choose: out[i] = choices[a[i]][i], with `a` and every choice
 * broadcast together; the result dtype promotes the choices' dtypes.
 */
export function choose(
  a: ArrayLike,
  choices: NDArray | readonly ArrayLike[],
  options: { mode?: IndexMode } = {},
): NDArray {
  const idx = safeIndices(a, 'a', 'choose');
  const list =
    choices instanceof NDArray
      ? Array.from({ length: choices.shape[0] ?? 0 }, (_, k) => choices.slice(k))
      : choices.map(asArray);
  if (list.length === 0)
    throw fail('ERR_ARGUMENT', 'choices', 'at least one choice is required', 'choose');
  const dtype = resultType(...list.map((c) => c.dtype));
  const cast = list.map((c) => (c.dtype === dtype ? c : c.astype(dtype)));
  const shape = broadcastShapes([idx.shape, ...cast.map((c) => c.shape)], 'choices', 'choose');
  const out = empty(shape, dtype);
  const ops = [out, idx.broadcastTo(shape), ...cast.map((c) => c.broadcastTo(shape))];
  const moves: Move[] = cast.map((c) =>
    elementMove(out.buffer, c.buffer, dtype.itemsize, moveUnit(dtype.itemsize, placement(c))),
  );
  const mode = options.mode ?? 'raise';
  const wrap = modeFunction(mode);
  const n = list.length;
  const plan = planIteration(
    shape,
    ops.map((o) => ({ strides: o.strides, offset: o.byteOffset })),
    { order: 'C' },
  );
  forEachRun(plan, (off, count, st) => {
    const pos = off.slice();
    for (let i = 0; i < count; i++) {
      let k = Number(readElement(idx.buffer, pos[1], idx.dtype));
      if (mode === 'raise' && (k < 0 || k >= n))
        throw fail('ERR_VALUE', 'a', 'invalid entry in choice array', 'choose');
      k = wrap(k, n);
      moves[k](pos[0], pos[2 + k]);
      for (let o = 0; o < pos.length; o++) pos[o] += st[o];
    }
  });
  return out;
}

/** NumPy's compress: the slices of `a` along `axis` (flattened when null) where `condition` holds. */
export function compress(condition: ArrayLike, a: ArrayLike, axis: number | null = null): NDArray {
  const c = asArray(condition);
  if (c.ndim !== 1)
    throw fail('ERR_SHAPE_MISMATCH', 'condition', 'condition must be a 1-d array', 'compress');
  return take(a, truePositions(c), axis);
}

/** NumPy's extract: the elements of `arr` (in C order) where `condition` holds. */
export function extract(condition: ArrayLike, arr: ArrayLike): NDArray {
  return take(asArray(arr).ravel(), truePositions(asArray(condition)), 0);
}

function sameSize(a: NDArray, mask: NDArray, routine: string): NDArray {
  if (mask.size !== a.size)
    throw fail(
      'ERR_SHAPE_MISMATCH',
      'mask',
      `${routine}: mask and data must be the same size`,
      routine,
    );
  return truth(mask).reshape(a.shape);
}

/** The values as flatValues gives them; NDArray values must cast safely to a's dtype. */
function safeValues(a: NDArray, values: ArrayLike, argument: string, routine: string): NDArray {
  if (values instanceof NDArray && !canCast(values.dtype, a.dtype, 'safe')) {
    throw fail(
      'ERR_CASTING',
      argument,
      `cannot cast array data from ${values.dtype} to ${a.dtype} according to the rule 'safe'`,
      routine,
    );
  }
  return flatValues(a, values);
}

/**
 * NumPy's place: writes the values, in order and repeated cyclically, into
 * the elements of `arr` where `mask` holds (mask of arr's size, C order).
 * NDArray values must cast safely to arr's dtype.
 */
export function place(arr: NDArray, mask: ArrayLike, vals: ArrayLike): void {
  arr.assertWriteable('arr', 'place');
  const m = sameSize(arr, asArray(mask), 'place');
  const v = safeValues(arr, vals, 'vals', 'place');
  if (v.size === 0) {
    if (countTrue(m) > 0)
      throw fail('ERR_VALUE', 'vals', 'Cannot insert from an empty array!', 'place');
    return;
  }
  const move = elementMove(
    arr.buffer,
    v.buffer,
    arr.itemsize,
    moveUnit(arr.itemsize, placement(arr), placement(v)),
  );
  walkMask(m, arr.strides, arr.byteOffset, (off, i) =>
    move(off, v.byteOffset + (i % v.size) * arr.itemsize),
  );
}

/**
 * NumPy's putmask: a.flat[n] = values.flat[n % values.size] wherever
 * mask.flat[n] holds; empty values write nothing. NDArray values must cast
 * safely to a's dtype (JavaScript values convert straight to it).
 */
export function putmask(a: NDArray, mask: ArrayLike, values: ArrayLike): void {
  a.assertWriteable('a', 'putmask');
  const m = sameSize(a, asArray(mask), 'putmask');
  const v = safeValues(a, values, 'values', 'putmask');
  if (v.size === 0) return;
  const move = elementMove(
    a.buffer,
    v.buffer,
    a.itemsize,
    moveUnit(a.itemsize, placement(a), placement(v)),
  );
  const bytes = rawWindow(m.buffer, 1);
  const plan = planIteration(
    a.shape,
    [
      { strides: m.strides, offset: m.byteOffset },
      { strides: a.strides, offset: a.byteOffset },
    ],
    { order: 'C' },
  );
  let flat = 0;
  forEachRun(plan, (off, n, st) => {
    for (let k = 0, p = off[0], d = off[1]; k < n; k++, p += st[0], d += st[1], flat++) {
      if (bytes[p] !== 0) move(d, v.byteOffset + (flat % v.size) * a.itemsize);
    }
  });
}
