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
  if (n > 0) new LaneIO(src, src.strides[0], n).read(src.byteOffset, data);
  return { dtype: d, repr: reprOf(d), data, n };
}

/** A new 1-D (or `shape`d) array of `f`'s dtype holding f[take[i]] (all of f without `take`). */
export function fromFlat(
  f: Flat,
  take: Int32Array | null = null,
  shape: readonly number[] = [take === null ? f.n : take.length],
): NDArray {
  const out = empty(shape, f.dtype);
  const count = out.size;
  if (count > 0) new LaneIO(out, f.dtype.itemsize, count).write(0, f.data, take);
  return out;
}

/** int64 / uint64 words whose high half stays below 2^21 in magnitude hold values within +-2^53. */
const SAFE_HIGH = 0x200000;

/** Lanes shorter than this are copied element by element rather than through TypedArray.set. */
const BULK = 64;

/**
 * Moves lanes of `n` elements, `stride` bytes apart, between the native
 * array `a` and compute buffers, converting between its dtype and compute
 * values. Made once per call: the per-lane work is the copy alone.
 */
export class LaneIO {
  readonly #w: Float64Array;
  readonly #words: Uint32Array;
  readonly #unit: number;
  readonly #step: number;
  readonly #per: number;
  readonly #n: number;
  readonly #half: boolean;
  readonly #repr: Repr;
  readonly #signed: boolean;
  readonly #bulk: boolean;

  constructor(a: NDArray, stride: number, n: number) {
    const d = a.dtype;
    // Typed as Float64Array for the copies; the window's own type converts.
    this.#w = typedWindow(a.buffer, d) as Float64Array;
    this.#words = rawWindow(a.buffer, 4) as Uint32Array;
    this.#unit = unitOf(d);
    this.#step = stride / this.#unit;
    this.#per = d.kind === 'c' ? 2 : 1;
    this.#n = n;
    this.#half = d.name === 'float16';
    this.#repr = reprOf(d);
    this.#signed = d.kind === 'i';
    this.#bulk = n >= BULK && this.#step === this.#per;
  }

  /** Reads the lane starting at byte `offset` into `dst`. */
  read(offset: number, dst: Data): void {
    const [w, s, n, per] = [this.#w, this.#step, this.#n, this.#per];
    let p = offset / this.#unit;
    const out = dst as Float64Array;
    if (this.#half) {
      for (let i = 0; i < n; i++, p += s) out[i] = fromFloat16Bits(w[p]);
    } else if (this.#bulk) out.set(w.subarray(p, p + per * n));
    else if (per === 2) {
      for (let i = 0; i < n; i++, p += s) {
        out[2 * i] = w[p];
        out[2 * i + 1] = w[p + 1];
      }
    } else for (let i = 0; i < n; i++, p += s) out[i] = w[p];
  }

  /**
   * Reads the lane as exact float64 numbers: every real dtype, int64 and
   * uint64 while all values lie within +-2^53 (the common case, sorted far
   * faster than as BigInt). False, with `dst` clobbered, when that fails.
   */
  readNumbers(offset: number, dst: Float64Array): boolean {
    if (this.#repr === 'cplx') return false;
    if (this.#repr === 'num') {
      this.read(offset, dst);
      return true;
    }
    const w = this.#words;
    const s = 2 * this.#step;
    for (let i = 0, p = offset / 4; i < this.#n; i++, p += s) {
      const hi = this.#signed ? w[p + 1] | 0 : w[p + 1];
      if (hi >= SAFE_HIGH || hi < -SAFE_HIGH) return false;
      dst[i] = hi * 2 ** 32 + w[p];
    }
    return true;
  }

  /** Writes compute values (`src[take[i]]` with `take`) into the lane at byte `offset`. */
  write(offset: number, src: Data, take: Int32Array | null = null): void {
    const [w, s, n, per] = [this.#w, this.#step, this.#n, this.#per];
    let p = offset / this.#unit;
    const from = src as Float64Array;
    if (this.#half) {
      for (let i = 0; i < n; i++, p += s) w[p] = toFloat16Bits(from[take === null ? i : take[i]]);
    } else if (take === null && this.#bulk) w.set(from.subarray(0, per * n), p);
    else if (per === 2) {
      for (let i = 0; i < n; i++, p += s) {
        const j = take === null ? i : take[i];
        w[p] = from[2 * j];
        w[p + 1] = from[2 * j + 1];
      }
    } else for (let i = 0; i < n; i++, p += s) w[p] = from[take === null ? i : take[i]];
  }

  /** Writes exact float64 numbers (as readNumbers gives them) into the lane. */
  writeNumbers(offset: number, src: Float64Array): void {
    if (this.#repr === 'num') {
      this.write(offset, src);
      return;
    }
    const w = this.#words;
    const s = 2 * this.#step;
    for (let i = 0, p = offset / 4; i < this.#n; i++, p += s) {
      const hi = Math.floor(src[i] / 2 ** 32);
      w[p] = src[i] - hi * 2 ** 32;
      w[p + 1] = hi;
    }
  }

  /** Writes non-negative indices into an int64 lane's low words (the high words stay 0). */
  writeIndices(offset: number, values: ArrayLike<number>): void {
    const w = this.#words;
    const s = 2 * this.#step;
    for (let i = 0, p = offset / 4; i < this.#n; i++, p += s) w[p] = values[i];
  }
}

/** An int64 array of `shape` holding the non-negative `values` (C order). */
export function indexArray(values: ArrayLike<number>, shape: readonly number[]): NDArray {
  const out = empty(shape, dtypes.int64);
  if (out.size > 0) new LaneIO(out, 8, out.size).writeIndices(0, values);
  return out;
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
