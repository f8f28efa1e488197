// Compute copies for sorting, searching and sets: the elements of an array
// (flattened, or one lane along an axis) as float64 for every dtype a double
// holds exactly, BigInt64Array/BigUint64Array for int64/uint64, interleaved
// float64 pairs for complex; and the way back into arrays of the dtype.
import { type DType, dtypes } from '../core/dtypes.js';
import { fromFloat16Bits, toFloat16Bits } from '../core/float16.js';
import { type ArrayInput, array } from '../ndarray/create.js';
import { forEachRun, planIteration } from '../ndarray/iter.js';
import { empty, NDArray } from '../ndarray/ndarray.js';
import { rawWindow, typedWindow, unitOf } from '../ndarray/typed.js';

/** How elements of a dtype are held while sorting. */
export type Repr = 'num' | 'big' | 'cplx';

export type Data = Float64Array | BigInt64Array | BigUint64Array;

/** `n` elements of a native dtype as compute values (complex: 2n numbers). */
export interface Flat {
  readonly dtype: DType;
  readonly repr: Repr;
  readonly data: Data;
  readonly n: number;
}

/** An operand as an NDArray (nested JavaScript values convert as `array()` converts them). */
export function asArray(value: ArrayInput): NDArray {
  return value instanceof NDArray ? value : array(value);
}

export function reprOf(d: DType): Repr {
  if (d.kind === 'c') return 'cplx';
  return (d.kind === 'i' || d.kind === 'u') && d.itemsize === 8 ? 'big' : 'num';
}

/** A fresh compute buffer for `n` elements of `d`. */
export function allocate(d: DType, n: number): Data {
  switch (reprOf(d)) {
    case 'num':
      return new Float64Array(n);
    case 'cplx':
      return new Float64Array(2 * n);
    case 'big':
      return d.kind === 'i' ? new BigInt64Array(n) : new BigUint64Array(n);
  }
}

/** `a` itself when typed arrays can read it (aligned, native byte order), else such a copy. */
export function native(a: NDArray): NDArray {
  const unit = unitOf(a.dtype);
  const aligned = a.byteOffset % unit === 0 && a.strides.every((s) => s % unit === 0);
  return a.dtype.isNative && aligned ? a : a.astype(dtypes[a.dtype.name]);
}

/** The elements of `a` in C order as compute values of `dtype` (default: a's own, made native). */
export function flat(a: NDArray, dtype: DType = a.dtype): Flat {
  const d = dtypes[dtype.name];
  const src = native(a.dtype.name === d.name ? a : a.astype(d)).ravel();
  const n = src.size;
  const data = allocate(d, n);
  if (n > 0) readLane(src, src.byteOffset, src.strides[0], n, data);
  return { dtype: d, repr: reprOf(d), data, n };
}

/**
 * Reads `n` elements of the native array `a` starting at byte `offset`, `stride`
 * bytes apart, into `dst` (contiguous runs go through TypedArray.set).
 */
export function readLane(a: NDArray, offset: number, stride: number, n: number, dst: Data): void {
  const d = a.dtype;
  const w = typedWindow(a.buffer, d);
  const unit = unitOf(d);
  let p = offset / unit;
  const s = stride / unit;
  if (d.name === 'float16') {
    const f = dst as Float64Array;
    const h = w as Uint16Array;
    for (let i = 0; i < n; i++, p += s) f[i] = fromFloat16Bits(h[p]);
    return;
  }
  const per = d.kind === 'c' ? 2 : 1;
  if (s === per) {
    (dst as Float64Array).set(w.subarray(p, p + per * n) as Float64Array);
    return;
  }
  const out = dst as Float64Array;
  const from = w as Float64Array;
  if (per === 2) {
    for (let i = 0; i < n; i++, p += s) {
      out[2 * i] = from[p];
      out[2 * i + 1] = from[p + 1];
    }
    return;
  }
  for (let i = 0; i < n; i++, p += s) out[i] = from[p];
}

/** int64 / uint64 words whose high half stays below 2^21 in magnitude hold values within +-2^53. */
const SAFE_HIGH = 0x200000;

/**
 * Reads a lane as exact float64 numbers: every real dtype, int64 and uint64
 * while all their values lie within +-2^53 (the common case, sorted far
 * faster than as BigInt). False, with `dst` clobbered, when that fails.
 */
export function readNumbers(
  a: NDArray,
  offset: number,
  stride: number,
  n: number,
  dst: Float64Array,
): boolean {
  const repr = reprOf(a.dtype);
  if (repr === 'cplx') return false;
  if (repr === 'num') {
    readLane(a, offset, stride, n, dst);
    return true;
  }
  const w = rawWindow(a.buffer, 4) as Uint32Array;
  const signed = a.dtype.kind === 'i';
  for (let i = 0, p = offset / 4; i < n; i++, p += stride / 4) {
    const hi = signed ? w[p + 1] | 0 : w[p + 1];
    if (hi >= SAFE_HIGH || hi < -SAFE_HIGH) return false;
    dst[i] = hi * 2 ** 32 + w[p];
  }
  return true;
}

/** Writes exact float64 numbers (as readNumbers gives them) into a lane of a real dtype. */
export function writeNumbers(
  out: NDArray,
  offset: number,
  stride: number,
  n: number,
  src: Float64Array,
): void {
  if (reprOf(out.dtype) === 'num') {
    writeLane(out, offset, stride, n, src);
    return;
  }
  const w = rawWindow(out.buffer, 4) as Uint32Array;
  for (let i = 0, p = offset / 4; i < n; i++, p += stride / 4) {
    const hi = Math.floor(src[i] / 2 ** 32);
    w[p] = src[i] - hi * 2 ** 32;
    w[p + 1] = hi;
  }
}

/**
 * Writes `n` compute values (`src[take[i]]` when `take` is given) into the native
 * array `out` from byte `offset`, `stride` bytes apart, converting to its dtype.
 */
export function writeLane(
  out: NDArray,
  offset: number,
  stride: number,
  n: number,
  src: Data,
  take: Int32Array | null = null,
): void {
  const d = out.dtype;
  const w = typedWindow(out.buffer, d);
  const unit = unitOf(d);
  let p = offset / unit;
  const s = stride / unit;
  const per = d.kind === 'c' ? 2 : 1;
  if (d.name === 'float16') {
    const f = src as Float64Array;
    const h = w as Uint16Array;
    for (let i = 0; i < n; i++, p += s) h[p] = toFloat16Bits(f[take === null ? i : take[i]]);
    return;
  }
  if (take === null && s === per) {
    (w as Float64Array).set((src as Float64Array).subarray(0, per * n), p);
    return;
  }
  const to = w as Float64Array;
  const from = src as Float64Array;
  for (let i = 0; i < n; i++, p += s) {
    const j = take === null ? i : take[i];
    if (per === 2) {
      to[p] = from[2 * j];
      to[p + 1] = from[2 * j + 1];
    } else to[p] = from[j];
  }
}

/** A new 1-D (or `shape`d) array of `f`'s dtype holding f[take[i]] (all of f without `take`). */
export function fromFlat(
  f: Flat,
  take: Int32Array | null = null,
  shape: readonly number[] = [take === null ? f.n : take.length],
): NDArray {
  const out = empty(shape, f.dtype);
  const count = out.size;
  if (count > 0) writeLane(out, 0, f.dtype.itemsize, count, f.data, take);
  return out;
}

/** An int64 array of `shape` holding the non-negative `values` (C order). */
export function indexArray(values: ArrayLike<number>, shape: readonly number[]): NDArray {
  const out = empty(shape, dtypes.int64);
  writeIndices(out, 0, 8, out.size, values);
  return out;
}

/** Writes non-negative indices into an int64 array's low words (the high words stay 0). */
export function writeIndices(
  out: NDArray,
  offset: number,
  stride: number,
  n: number,
  values: ArrayLike<number>,
): void {
  const w = rawWindow(out.buffer, 4) as Uint32Array;
  const s = stride / 4;
  for (let i = 0, p = offset / 4; i < n; i++, p += s) w[p] = values[i];
}

/**
 * Calls `fn(offsets)` once per lane along `axis` of `shape`, in C order of the
 * other axes; `offsets[k]` is the byte offset of the lane's first element in
 * `arrays[k]`. The offsets array is reused between calls.
 */
export function forEachLane(
  shape: readonly number[],
  axis: number,
  arrays: readonly { readonly strides: readonly number[]; readonly byteOffset: number }[],
  fn: (offsets: readonly number[]) => void,
): void {
  if (shape.some((d) => d === 0)) return;
  const outer = shape.filter((_, i) => i !== axis);
  const ops = arrays.map((a) => ({
    strides: a.strides.filter((_, i) => i !== axis),
    offset: a.byteOffset,
  }));
  const current = new Array<number>(arrays.length).fill(0);
  forEachRun(planIteration(outer, ops, { order: 'C' }), (offs, n, inner) => {
    for (let i = 0; i < n; i++) {
      for (let k = 0; k < offs.length; k++) current[k] = offs[k] + i * inner[k];
      fn(current);
    }
  });
}
