// The elementwise steps of mean/var/std done as NumPy's _methods.py does them,
// each rounded to the dtype NumPy computes in: division by counts (complex by
// Smith's formula, as NumPy's complex true_divide), squared deviations from a
// broadcast mean, square roots. Values travel as float64 components, which
// hold every float16/float32 result exactly.
import { type DType, type DTypeName, dtypes } from '../core/dtypes.js';
import { roundFloat16 } from '../core/float16.js';
import { resultType } from '../core/promotion.js';
import { contiguousStrides } from '../core/shape.js';
import { forEachRun, planIteration } from '../ndarray/iter.js';
import { NDArray } from '../ndarray/ndarray.js';
import { typedWindow } from '../ndarray/typed.js';
import { emptyKeepOrder, isInexact, native } from './common.js';

const same = (v: number) => v;

/** Rounding to each inexact dtype (complex: per component). */
const ROUND: Readonly<Partial<Record<DTypeName, (v: number) => number>>> = {
  float16: roundFloat16,
  float32: Math.fround,
  float64: same,
  complex64: Math.fround,
  complex128: same,
};

const wideOf = (d: DType) => (d.kind === 'c' ? dtypes.complex128 : dtypes.float64);

/** The real dtype of a complex one (real dtypes map to themselves). */
export function realOf(d: DType): DType {
  if (d.kind !== 'c') return dtypes[d.name];
  return d.itemsize === 8 ? dtypes.float32 : dtypes.float64;
}

/** Dense C-order float64 components of `a` (complex interleaved). */
export function components(a: NDArray): Float64Array {
  const c = a.astype(wideOf(a.dtype));
  return new Float64Array(c.buffer, c.byteOffset, c.nbytes / 8);
}

/** The C-order array of `shape` holding components `v`, converted to `d`. */
export function fromComponents(v: Float64Array, shape: readonly number[], d: DType): NDArray {
  const wide = wideOf(d);
  const a = new NDArray({
    buffer: v.buffer,
    byteOffset: v.byteOffset,
    shape,
    strides: contiguousStrides(shape, wide.itemsize),
    dtype: wide,
  });
  return a.dtype === d ? a : a.astype(d);
}

/** Per-result-element counts (C order), or one count for all. */
export type Counts = number | Float64Array;

const countAt = (c: Counts, j: number) => (typeof c === 'number' ? c : c[j]);

/**
 * NumPy's true_divide(values, counts) stored back into values' dtype. The
 * counts are intp (NumPy scalars or arrays, never weak Python ints), so the
 * division runs in the promotion with int64: float64 or complex128.
 */
export function divide(values: NDArray, counts: Counts): NDArray {
  const d = values.dtype;
  const p = isInexact(d) ? resultType(d, dtypes.int64) : dtypes.float64;
  const round = ROUND[p.name]!;
  const v = components(values);
  if (d.kind !== 'c') {
    for (let j = 0; j < v.length; j++) v[j] = round(v[j] / countAt(counts, j));
    return fromComponents(v, values.shape, d);
  }
  for (let j = 0; j < v.length / 2; j++) {
    const c = countAt(counts, j);
    const [re, im] = [v[2 * j], v[2 * j + 1]];
    if (c === 0) {
      v[2 * j] = re / 0;
      v[2 * j + 1] = im / 0;
      continue;
    }
    const rat = round(0 / c);
    const scl = round(1 / round(c + round(0 * rat)));
    v[2 * j] = round(round(re + round(im * rat)) * scl);
    v[2 * j + 1] = round(round(im - round(re * rat)) * scl);
  }
  return fromComponents(v, values.shape, d);
}

/** Principal complex square root of a + bi, written to v[j], v[j + 1]. */
function complexSqrt(v: Float64Array, j: number, round: (x: number) => number): void {
  const [a, b] = [v[j], v[j + 1]];
  if (a === 0 && b === 0) return;
  const t = Math.sqrt((Math.abs(a) + Math.hypot(a, b)) / 2);
  v[j] = round(a >= 0 ? t : Math.abs(b) / (2 * t));
  v[j + 1] = round(a >= 0 ? b / (2 * t) : Math.sign(b) * t || t);
}

/** Square roots rounded to the array's dtype (std from var; complex when `out` is complex). */
export function sqrt(a: NDArray): NDArray {
  const round = ROUND[a.dtype.name] ?? same;
  const v = components(a);
  if (a.dtype.kind === 'c') for (let j = 0; j < v.length; j += 2) complexSqrt(v, j, round);
  else for (let j = 0; j < v.length; j++) v[j] = round(Math.sqrt(v[j]));
  return fromComponents(v, a.shape, a.dtype);
}

type Deviations = (
  out: Float64Array,
  o: number,
  os: number,
  x: Float64Array,
  i: number,
  is: number,
  m: Float64Array,
  j: number,
  js: number,
  n: number,
  zero: Uint8Array | null,
  round: (v: number) => number,
) => void;

/** (x - m)^2 over n elements, each operation rounded; indices count float64 components. */
const realDeviations: Deviations = (out, o, os, x, i, is, m, j, js, n, zero, round) => {
  for (let k = 0; k < n; k++, o += os, i += is, j += js) {
    if (zero !== null && zero[o] !== 0) continue;
    const d = round(x[i] - m[j]);
    out[o] = round(d * d);
  }
};

/** |x - m|^2 = re^2 + im^2 over n complex elements, each operation rounded. */
const complexDeviations: Deviations = (out, o, os, x, i, is, m, j, js, n, zero, round) => {
  for (let k = 0; k < n; k++, o += os, i += is, j += js) {
    if (zero !== null && zero[o] !== 0) continue;
    const dr = round(x[i] - m[j]);
    const di = round(x[i + 1] - m[j + 1]);
    out[o] = round(round(dr * dr) + round(di * di));
  }
};

/**
 * (x - mean)^2 elementwise, mean broadcast from its keepdims shape, each
 * operation rounded to `store` (complex: |x - mean|^2 as re^2 + im^2 in the
 * real precision). `zero` marks elements forced to 0 (nanvar's NaN slots,
 * dense in x's memory order). The result is real, laid out in x's memory order.
 */
export function squaredDeviations(
  x: NDArray,
  mean: NDArray,
  store: DType,
  zero: Uint8Array | null = null,
): NDArray {
  const wide = wideOf(x.dtype);
  const xs = native(x, wide);
  const m = fromComponents(components(mean), mean.shape, wide).broadcastTo(x.shape);
  const out = emptyKeepOrder(x, dtypes.float64);
  const ov = new Float64Array(out.buffer);
  const xv = typedWindow(xs.buffer, wide) as Float64Array;
  const mv = new Float64Array(m.buffer);
  const kernel = wide.kind === 'c' ? complexDeviations : realDeviations;
  const round = ROUND[store.name]!;
  const plan = planIteration(x.shape, [
    { strides: out.strides, offset: 0 },
    { strides: xs.strides, offset: xs.byteOffset },
    { strides: m.strides, offset: 0 },
  ]);
  forEachRun(plan, (off, n, st) => {
    kernel(
      ov,
      off[0] / 8,
      st[0] / 8,
      xv,
      off[1] / 8,
      st[1] / 8,
      mv,
      off[2] / 8,
      st[2] / 8,
      n,
      zero,
      round,
    );
  });
  return out;
}
