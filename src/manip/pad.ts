// NumPy's pad for the modes that move values without arithmetic: constant,
// edge, reflect and symmetric (reflect_type 'even'), wrap and empty. The
// original sits in the middle of a new array; each axis is then padded in
// turn over the region already filled, reflect and wrap repeating NumPy's
// iterative chunks so pads wider than the array come out exactly as NumPy's.
import { fail } from '../core/errors.js';
import { sizeOf } from '../core/shape.js';
import { type ArrayLike, asArray } from '../indexing/take.js';
import { readIntegers } from '../indexing/walk.js';
import { array as arrayOf } from '../ndarray/create.js';
import type { SliceSpec } from '../ndarray/layout.js';
import { empty, NDArray } from '../ndarray/ndarray.js';

export type PadMode = 'constant' | 'edge' | 'reflect' | 'symmetric' | 'wrap' | 'empty';

export interface PadOptions {
  /** Values for mode 'constant': one, a (before, after) pair, or a pair per axis (default 0). */
  readonly constantValues?: unknown;
  /** Only 'even' (NumPy's default) is supported: 'odd' needs arithmetic. */
  readonly reflectType?: 'even';
}

type Pair<T> = readonly [T, T];

/** NumPy's _as_pairs: one value, a (before, after) pair, or one pair per axis, as ndim pairs. */
function asPairs<T>(x: NDArray, ndim: number): Pair<T>[] {
  const flat = x.ravel().toArray() as T[];
  if (x.ndim < 3 && x.size === 1) return new Array(ndim).fill([flat[0], flat[0]]);
  if (x.ndim < 3 && x.size === 2 && !(x.ndim === 2 && x.shape[0] === 2 && x.shape[1] === 1))
    return new Array(ndim).fill([flat[0], flat[1]]);
  const b = x.broadcastTo([ndim, 2]).copy().toArray() as T[][];
  return b.map((p) => [p[0], p[1]] as const);
}

function widths(padWidth: ArrayLike, ndim: number): Pair<number>[] {
  const w = asArray(padWidth);
  if (w.dtype.kind === 'f' && padWidth instanceof NDArray)
    throw fail('ERR_ARGUMENT', 'pad_width', '`pad_width` must be of integral type.', 'pad');
  const values = readIntegers(w);
  if (!values.every(Number.isSafeInteger))
    throw fail('ERR_ARGUMENT', 'pad_width', '`pad_width` must be of integral type.', 'pad');
  if (values.some((v) => v < 0))
    throw fail('ERR_VALUE', 'pad_width', "index can't contain negative values", 'pad');
  return asPairs<number>(w.astype('float64'), ndim);
}

/** The index tuple selecting `sl` on `axis` and everything on the other axes. */
function at(axis: number, sl: SliceSpec): SliceSpec[] {
  return [...new Array<SliceSpec>(axis).fill(':'), sl, '...'];
}

function setPadArea(
  p: NDArray,
  axis: number,
  [left, right]: Pair<number>,
  values: Pair<unknown>,
): void {
  p.slice(...at(axis, { stop: left })).assign(values[0]);
  p.slice(...at(axis, { start: p.shape[axis] - right })).assign(values[1]);
}

function edges(p: NDArray, axis: number, [left, right]: Pair<number>): Pair<NDArray> {
  const r = p.shape[axis] - right;
  return [
    p.slice(...at(axis, { start: left, stop: left + 1 })),
    p.slice(...at(axis, { start: r - 1, stop: r })),
  ];
}

/** NumPy's _set_reflect_both (even): one round of reflected chunks; returns the pads left. */
function reflectOnce(
  p: NDArray,
  axis: number,
  [left0, right0]: Pair<number>,
  period: number,
  edge: boolean,
): Pair<number> {
  let [left, right] = [left0, right0];
  let old = p.shape[axis] - right - left;
  const offset = edge ? 1 : 0;
  old = edge
    ? Math.floor(old / period) * period
    : Math.floor((old - 1) / (period - 1)) * (period - 1);
  if (left > 0) {
    const chunk = Math.min(old, left);
    const stop = left - offset;
    const src = p.slice(...at(axis, { start: stop + chunk, stop, step: -1 }));
    p.slice(...at(axis, { start: left - chunk, stop: left })).assign(src);
    left -= chunk;
  }
  if (right > 0) {
    const chunk = Math.min(old, right);
    const start = -right + offset - 2;
    const src = p.slice(...at(axis, { start, stop: start - chunk, step: -1 }));
    const dst = p.shape[axis] - right;
    p.slice(...at(axis, { start: dst, stop: dst + chunk })).assign(src);
    right -= chunk;
  }
  return [left, right];
}

/** NumPy's _set_wrap_both: one round of wrapped chunks; returns the pads left. */
function wrapOnce(
  p: NDArray,
  axis: number,
  [left, right]: Pair<number>,
  original: number,
): Pair<number> {
  const period = Math.floor((p.shape[axis] - right - left) / original) * original;
  if (left > 0) {
    const end = left + period;
    const src = p.slice(...at(axis, { start: end - Math.min(period, left), stop: end }));
    const dst = left > period ? { start: left - period, stop: left } : { stop: left };
    p.slice(...at(axis, dst)).assign(src);
  }
  if (right > 0) {
    const start = -right - period;
    const src = p.slice(...at(axis, { start, stop: start + Math.min(period, right) }));
    const dst = right > period ? { start: -right, stop: -right + period } : { start: -right };
    p.slice(...at(axis, dst)).assign(src);
  }
  return [Math.max(left - period, 0), Math.max(right - period, 0)];
}

type AxisPad = (
  roi: NDArray,
  axis: number,
  width: Pair<number>,
  n: number,
  values: Pair<unknown>,
) => void;

const MODES: Readonly<Record<PadMode, AxisPad>> = {
  constant: (roi, axis, width, _n, values) => setPadArea(roi, axis, width, values),
  empty: () => {},
  edge: (roi, axis, width) => setPadArea(roi, axis, width, edges(roi, axis, width)),
  reflect: (roi, axis, width, n) => reflectAxis(roi, axis, width, n, false),
  symmetric: (roi, axis, width, n) => reflectAxis(roi, axis, width, n, true),
  wrap: (roi, axis, width, n) => {
    for (let w = width; w[0] > 0 || w[1] > 0; ) w = wrapOnce(roi, axis, w, n);
  },
};

function reflectAxis(
  roi: NDArray,
  axis: number,
  width: Pair<number>,
  n: number,
  edge: boolean,
): void {
  // Reflecting a singleton axis is NumPy's legacy: it repeats the edge.
  if (n === 1) {
    setPadArea(roi, axis, width, edges(roi, axis, width));
    return;
  }
  for (let w = width; w[0] > 0 || w[1] > 0; ) w = reflectOnce(roi, axis, w, n, edge);
}

/**
 * NumPy's pad: `array` grown by pad_width[i] = (before, after) elements on
 * axis i (one number, one pair, or a pair per axis), filled by `mode`.
 */
export function pad(
  array: ArrayLike,
  padWidth: ArrayLike,
  mode: PadMode = 'constant',
  options: PadOptions = {},
): NDArray {
  const a = asArray(array);
  if (!Object.hasOwn(MODES, mode))
    throw fail('ERR_OPTION', 'mode', `mode '${mode}' is not supported`, 'pad');
  if ((options.reflectType ?? 'even') !== 'even')
    throw fail('ERR_OPTION', 'reflect_type', "only reflect_type 'even' is supported", 'pad');
  const w = widths(padWidth, a.ndim);
  const order = a.flags.fContiguous && !a.flags.cContiguous ? 'F' : 'C';
  const padded = empty(
    a.shape.map((d, i) => d + w[i][0] + w[i][1]),
    a.dtype,
    order,
  );
  const inner: SliceSpec[] = a.shape.map((d, i) => ({ start: w[i][0], stop: w[i][0] + d }));
  padded.slice(...inner).assign(a);
  if (mode !== 'constant' && mode !== 'empty' && sizeOf(a.shape) === 0) {
    a.shape.forEach((d, axis) => {
      if (d === 0 && (w[axis][0] > 0 || w[axis][1] > 0)) {
        throw fail(
          'ERR_VALUE',
          'pad_width',
          `can't extend empty axis ${axis} using modes other than 'constant' or 'empty'`,
          'pad',
        );
      }
    });
    return padded;
  }
  const values =
    mode === 'constant' ? asPairs<unknown>(arrayOf(options.constantValues ?? 0), a.ndim) : [];
  for (let axis = 0; axis < a.ndim; axis++) {
    // The region of interest: whole on this and earlier axes, the original area on later ones.
    const roi = padded.slice(...new Array<SliceSpec>(axis + 1).fill(':'), ...inner.slice(axis + 1));
    MODES[mode](roi, axis, w[axis], a.shape[axis], values[axis]);
  }
  return padded;
}
