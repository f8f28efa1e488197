// Copies that repeat or shift elements: tile, repeat, resize and roll. Each
// is one or a few strided assignments (a tiled or repeated result is viewed
// with an extra axis per repetition, the source broadcast along it).
import { dtypes } from '../core/dtypes.js';
import { fail } from '../core/errors.js';
import { checkShape, normalizeAxis, sizeOf } from '../core/shape.js';
import { type ArrayLike, asArray, integerArray } from '../indexing/take.js';
import { readIntegers } from '../indexing/walk.js';
import { empty, type NDArray } from '../ndarray/ndarray.js';

function counts(value: number | readonly number[], argument: string, routine: string): number[] {
  const list = typeof value === 'number' ? [value] : [...value];
  if (!list.every((r) => Number.isSafeInteger(r) && r >= 0))
    throw fail('ERR_VALUE', argument, `${argument} must be non-negative integers`, routine);
  return list;
}

/** NumPy's tile: `A` repeated reps[i] times along axis i (reps padded with 1s, or A's shape). */
export function tile(A: ArrayLike, reps: number | readonly number[]): NDArray {
  const a = asArray(A);
  const r0 = counts(reps, 'reps', 'tile');
  const nd = Math.max(r0.length, a.ndim);
  const shape = [...new Array<number>(nd - a.ndim).fill(1), ...a.shape];
  const r = [...new Array<number>(nd - r0.length).fill(1), ...r0];
  const out = empty(
    shape.map((s, i) => s * r[i]),
    a.dtype,
  );
  if (out.size === 0) return out;
  const src = a.reshape(shape);
  // out viewed as (r0, s0, r1, s1, ...): repetition k of axis i starts k * s_i rows further.
  const pair = <T>(f: (i: number) => [T, T]) => shape.flatMap((_, i) => f(i));
  out
    .view({
      shape: pair((i) => [r[i], shape[i]]),
      strides: pair((i) => [shape[i] * out.strides[i], out.strides[i]]),
      offset: out.byteOffset,
    })
    .assign(
      src.view(
        {
          shape: pair((i) => [r[i], shape[i]]),
          strides: pair((i) => [0, src.strides[i]]),
          offset: src.byteOffset,
        },
        src.dtype,
        false,
      ),
    );
  return out;
}

/**
 * NumPy's repeat: each element (each slice along `axis`; of the flattened
 * array when null) repeated `repeats` times, or repeats[i] times for slice i.
 */
export function repeat(
  a: ArrayLike,
  repeats: number | readonly number[] | NDArray,
  axis: number | null = null,
): NDArray {
  const arr = axis === null ? asArray(a).ravel() : asArray(a);
  const ax = normalizeAxis(axis ?? 0, arr.ndim, 'axis', 'repeat');
  const n = arr.shape[ax];
  const given =
    typeof repeats === 'number'
      ? [repeats]
      : Array.from(readIntegers(integerArray(repeats, 'repeats', 'repeat')));
  if (given.some((k) => k < 0))
    throw fail('ERR_VALUE', 'repeats', 'repeats may not contain negative values.', 'repeat');
  if (given.length !== 1 && given.length !== n) {
    throw fail(
      'ERR_BROADCAST',
      'repeats',
      `operands could not be broadcast together with shape (${n},) (${given.length},)`,
      'repeat',
    );
  }
  const shape = arr.shape.slice();
  shape[ax] = given.length === 1 ? n * given[0] : given.reduce((s, k) => s + k, 0);
  const out = empty(shape, arr.dtype);
  if (out.size === 0) return out;
  const lead = new Array<string>(ax).fill(':');
  if (given.length === 1) {
    // out viewed with axis ax split into (n, repeats), the source broadcast along the second.
    const split = <T>(xs: readonly T[], a: T, b: T) => [
      ...xs.slice(0, ax),
      a,
      b,
      ...xs.slice(ax + 1),
    ];
    const inner = out.strides[ax];
    const viewShape = split(arr.shape, n, given[0]);
    out
      .view({ shape: viewShape, strides: split(out.strides, given[0] * inner, inner), offset: 0 })
      .assign(
        arr.view(
          {
            shape: viewShape,
            strides: split(arr.strides, arr.strides[ax], 0),
            offset: arr.byteOffset,
          },
          arr.dtype,
          false,
        ),
      );
    return out;
  }
  let start = 0;
  for (let i = 0; i < n; i++) {
    const stop = start + given[i];
    out.slice(...lead, { start, stop }).assign(arr.slice(...lead, { start: i, stop: i + 1 }));
    start = stop;
  }
  return out;
}

/**
 * NumPy's resize: a new array of `newShape` filled with a's elements (C
 * order) repeated cyclically; zeros when either is empty.
 */
export function resize(a: ArrayLike, newShape: number | readonly number[]): NDArray {
  const flat = asArray(a).ravel();
  const shape = checkShape(newShape, 'new_shape', 'resize');
  const size = sizeOf(shape);
  // NumPy joins copies (native byte order) unless either is empty (zeros_like keeps the dtype).
  const joined = flat.size > 0 && size > 0;
  const out = empty([size], joined ? dtypes[flat.dtype.name] : flat.dtype);
  if (joined) {
    for (let start = 0; start < size; start += flat.size) {
      const stop = Math.min(start + flat.size, size);
      out.slice({ start, stop }).assign(flat.slice({ stop: stop - start }));
    }
  }
  return out.reshape(shape);
}

/**
 * NumPy's roll: elements shifted along the given axes (of the flattened array
 * when null), those leaving one end coming back at the other. Shifts on a
 * repeated axis add up.
 */
export function roll(
  a: ArrayLike,
  shift: number | readonly number[],
  axis: number | readonly number[] | null = null,
): NDArray {
  const arr = asArray(a);
  if (axis === null) return roll(arr.ravel(), shift, 0).reshape(arr.shape);
  const axes = (typeof axis === 'number' ? [axis] : axis).map((x) =>
    normalizeAxis(x, arr.ndim, 'axis', 'roll'),
  );
  const shifts = typeof shift === 'number' ? [shift] : shift;
  const pairs = Math.max(axes.length, shifts.length);
  if (
    (axes.length !== 1 && axes.length !== pairs) ||
    (shifts.length !== 1 && shifts.length !== pairs)
  )
    throw fail('ERR_BROADCAST', 'shift', "'shift' and 'axis' should be broadcastable", 'roll');
  const total = new Array<number>(arr.ndim).fill(0);
  for (let i = 0; i < pairs; i++)
    total[axes[axes.length === 1 ? 0 : i]] += shifts[shifts.length === 1 ? 0 : i];
  const out = empty(arr.shape, arr.dtype);
  // Each rolled axis splits into two (source, destination) slice pairs; copy every combination.
  const choices = total.map((s, k) => {
    const n = arr.shape[k];
    const o = n === 0 ? 0 : ((s % n) + n) % n;
    if (o === 0) return [[':', ':']];
    return [
      [{ stop: n - o }, { start: o }],
      [{ start: n - o }, { stop: o }],
    ];
  });
  const combine = (k: number, src: unknown[], dst: unknown[]): void => {
    if (k === arr.ndim) {
      out.slice(...(dst as never[])).assign(arr.slice(...(src as never[])));
      return;
    }
    for (const [s, d] of choices[k]) combine(k + 1, [...src, s], [...dst, d]);
  };
  combine(0, [], []);
  return out;
}
