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
import { castKeepOrder, isInexact } from './common.js';

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

/**
 * (x - mean)^2 elementwise, mean broadcast from its keepdims shape, each
 * operation rounded to `store` (complex: |x - mean|^2 as re^2 + im^2 in the
 * real precision). `zero` marks elements forced to 0 (nanvar's NaN slots,
 * dense in x's memory order). The result is real, laid out like x.
 */
export function squaredDeviations(
  x: NDArray,
  mean: NDArray,
  store: DType,
  zero: Uint8Array | null = null,
): NDArray {
  const xs = castKeepOrder(x, wideOf(x.dtype));
  const m = fromComponents(components(mean), mean.shape, wideOf(mean.dtype)).broadcastTo(x.shape);
  const round = ROUND[store.name]!;
  const complex = x.dtype.kind === 'c' || mean.dtype.kind === 'c';
  const xv = new Float64Array(xs.buffer, 0, xs.nbytes / 8);
  const mv = new Float64Array(m.buffer, 0, m.buffer.byteLength / 8);
  const out = new Float64Array(x.size);
  const xc = xs.dtype.kind === 'c' ? 2 : 1;
  const mc = m.dtype.kind === 'c' ? 2 : 1;
  const plan = planIteration(x.shape, [
    { strides: xs.strides, offset: 0 },
    { strides: m.strides, offset: 0 },
  ]);
  forEachRun(plan, (off, n, st) => {
    for (let k = 0; k < n; k++) {
      const e = (off[0] + k * st[0]) / xs.itemsize;
      const q = (off[1] + k * st[1]) / m.itemsize;
      if (zero?.[e]) continue;
      const dr = round(xv[xc * e] - mv[mc * q]);
      if (!complex) {
        out[e] = round(dr * dr);
        continue;
      }
      const di = round((xc === 2 ? xv[2 * e + 1] : 0) - (mc === 2 ? mv[2 * q + 1] : 0));
      out[e] = round(round(dr * dr) + round(di * di));
    }
  });
  return new NDArray({
    buffer: out.buffer,
    byteOffset: 0,
    shape: x.shape,
    strides: xs.strides.map((s) => s / xc),
    dtype: dtypes.float64,
  });
}
