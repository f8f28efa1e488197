// The counting half of histogram, step by step as NumPy computes it: blocks
// of 65536 elements, per-block sums in float64 cast to the weights' dtype (or
// cumulative sums for explicit edges), accumulation in that dtype, and the
// pairwise sum density divides by.
import type { DType, DTypeName } from '../core/dtypes.js';
import { dtypes } from '../core/dtypes.js';
import { fail } from '../core/errors.js';
import { roundFloat16 } from '../core/float16.js';
import { elementCast } from '../ndarray/cast.js';
import type { ArrayInput } from '../ndarray/create.js';
import { elementReader } from '../ndarray/elements.js';
import { empty, type NDArray } from '../ndarray/ndarray.js';
import { LaneSorter, LESS } from './order.js';
import { gather } from './unique.js';
import { asArray, type Flat, flat, LaneIO } from './values.js';

/** NumPy processes histogram data in blocks of this many elements. */
const BLOCK = 65536;

/** Rounds an exact result to a dtype's value (integers wrap, bool saturates). */
export type Arith = (x: number) => number;

const wrap = (bits: number, signed: boolean): Arith => {
  const [lo, hi] = signed ? [-(2 ** (bits - 1)), 2 ** (bits - 1)] : [0, 2 ** bits];
  return (x) => {
    if (x >= lo && x < hi) return x;
    const b = BigInt(x);
    return Number(signed ? BigInt.asIntN(bits, b) : BigInt.asUintN(bits, b));
  };
};

/** Each real dtype's arithmetic on doubles (float16 computes in float32, as NumPy's half loops). */
export const ARITH: Readonly<Record<Exclude<DTypeName, 'complex64' | 'complex128'>, Arith>> = {
  bool: (x) => (x !== 0 ? 1 : 0),
  int8: wrap(8, true),
  int16: wrap(16, true),
  int32: wrap(32, true),
  int64: wrap(64, true),
  uint8: wrap(8, false),
  uint16: wrap(16, false),
  uint32: wrap(32, false),
  uint64: wrap(64, false),
  float16: (x) => roundFloat16(Math.fround(x)),
  float32: Math.fround,
  float64: (x) => x,
};

/** The arithmetic of a real dtype, or of a complex dtype's components. */
export function arithOf(d: DType): Arith {
  if (d.name === 'complex64') return ARITH.float32;
  if (d.name === 'complex128') return ARITH.float64;
  return ARITH[d.name];
}

/** float64 -> dtype as NumPy's astype casts (integers truncate; out of range as x86 does). */
function castOf(d: DType): Arith {
  if (d.kind === 'f' || d.kind === 'c') return arithOf(d);
  const cast = elementCast(dtypes.float64, dtypes[d.name]);
  const read = elementReader(d);
  const scratch = new DataView(new ArrayBuffer(16));
  return (x) => {
    scratch.setFloat64(0, x, true);
    cast(scratch, 0, scratch, 8);
    return Number(read(scratch, 8, true));
  };
}

/** Histogram weights: the result dtype and the values as float64 channels (complex: two). */
export interface Weights {
  readonly dtype: DType;
  readonly channels: readonly Float64Array[];
}

export function weightsOf(weights: ArrayInput | null, shape: readonly number[]): Weights | null {
  if (weights === null) return null;
  const w = asArray(weights);
  if (w.shape.length !== shape.length || w.shape.some((d, i) => d !== shape[i])) {
    throw fail(
      'ERR_SHAPE_MISMATCH',
      'weights',
      'weights should have the same shape as a',
      'histogram',
    );
  }
  const f = flat(w, w.dtype.kind === 'c' ? dtypes.complex128 : dtypes.float64);
  const data = f.data as Float64Array;
  const channels =
    f.repr === 'cplx'
      ? [0, 1].map((c) => Float64Array.from({ length: f.n }, (_, i) => data[2 * i + c]))
      : [data];
  return { dtype: w.dtype, channels };
}

/** The result array of dtype `d` (byte order included) holding the channels. */
function resultOf(d: DType, channels: readonly Float64Array[]): NDArray {
  const n = channels[0].length;
  const out = empty([n], dtypes[d.name]);
  if (d.itemsize === 8 && (d.kind === 'i' || d.kind === 'u')) {
    const big = d.kind === 'i' ? new BigInt64Array(out.buffer) : new BigUint64Array(out.buffer);
    big.set(Array.from(channels[0], (v) => BigInt(v)));
  } else {
    const data =
      channels.length === 1
        ? channels[0]
        : Float64Array.from({ length: 2 * n }, (_, k) => channels[k % 2][k >> 1]);
    new LaneIO(out, d.itemsize, n).write(0, data);
  }
  return d.isNative ? out : out.astype(d);
}

/** The bin of each element, or -1 when it is outside the histogram; computed per block. */
export type BinOf = (i: number) => number;

/** NumPy's uniform path: per block, bincount in float64, cast, add in the result dtype. */
export function countUniform(n: number, size: number, bin: BinOf, w: Weights | null): NDArray {
  const acc = (w?.channels ?? [null]).map(() => new Float64Array(n));
  const sums = acc.map(() => new Float64Array(n));
  const dtype = w?.dtype ?? dtypes.int64;
  const complex = dtype.kind === 'c';
  const [cast, arith] = [castOf(dtype), arithOf(dtype)];
  for (let start = 0; start < size; start += BLOCK) {
    for (const s of sums) s.fill(0);
    for (let i = start; i < Math.min(size, start + BLOCK); i++) {
      const b = bin(i);
      if (b < 0) continue;
      if (w === null) sums[0][b]++;
      else
        w.channels.forEach((ch, c) => {
          sums[c][b] += ch[i];
        });
    }
    acc.forEach((a, c) => {
      for (let b = 0; b < n; b++) a[b] = arith(a[b] + (complex ? sums[c][b] : cast(sums[c][b])));
    });
  }
  return resultOf(dtype, acc);
}

/** The cumulative sum's arithmetic: small integer types accumulate in (u)int64. */
function cumulativeArith(d: DType): Arith {
  return d.kind === 'f' || d.kind === 'c' ? arithOf(d) : (x) => x;
}

/**
 * NumPy's path for explicit edges: per block, sort the data, find each edge
 * (the last one from the right), and add the counts (or the cumulative
 * weights) at those positions; the result is the difference of neighbours.
 */
export function countExplicit(x: Flat, edges: Flat, w: Weights | null): NDArray {
  const ne = edges.n;
  const dtype = w?.dtype ?? dtypes.int64;
  const arith = arithOf(dtype);
  const cumArith = cumulativeArith(dtype);
  const cum = (w?.channels ?? [null]).map(() => new Float64Array(ne));
  const less = LESS[x.repr];
  const per = x.repr === 'cplx' ? 2 : 1;
  for (let start = 0; start < x.n; start += BLOCK) {
    const m = Math.min(x.n, start + BLOCK) - start;
    const block: Flat = { ...x, data: x.data.subarray(per * start, per * (start + m)), n: m };
    const order = new LaneSorter(m).argsort(block.repr, block.data, m).slice(0, m);
    const { data } = gather(block, order);
    const at = Array.from({ length: ne }, (_, j) => {
      let lo = 0;
      let hi = m;
      const right = j === ne - 1;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        const before = right ? !less(edges.data, j, data, mid) : less(data, mid, edges.data, j);
        if (before) lo = mid + 1;
        else hi = mid;
      }
      return lo;
    });
    cum.forEach((acc, c) => {
      const cw = new Float64Array(m + 1);
      if (w !== null) {
        const ch = w.channels[c];
        for (let k = 0; k < m; k++) cw[k + 1] = cumArith(cw[k] + ch[start + order[k]]);
      }
      for (let j = 0; j < ne; j++) acc[j] = arith(acc[j] + (w === null ? at[j] : cw[at[j]]));
    });
  }
  // np.diff makes a new array: native byte order even for swapped weights.
  return resultOf(
    dtypes[dtype.name],
    cum.map((acc) =>
      Float64Array.from({ length: Math.max(ne - 1, 0) }, (_, j) => arith(acc[j + 1] - acc[j])),
    ),
  );
}

/**
 * NumPy's pairwise summation of x[lo, hi), each step rounded by `r`. Real
 * data: eight accumulators up to 128 elements, halves above. A complex
 * component (`parts` 2) follows the same walk over the interleaved pairs:
 * four accumulators up to 64 elements, halves cut at multiples of 4.
 */
export function pairwiseSum(
  x: Float64Array,
  lo: number,
  hi: number,
  r: Arith,
  parts: 1 | 2 = 1,
): number {
  const n = hi - lo;
  const lanes = 8 / parts;
  if (n < lanes) {
    let s = -0;
    for (let i = lo; i < hi; i++) s = r(s + x[i]);
    return s;
  }
  if (n * parts <= 128) {
    const acc = Array.from(x.subarray(lo, lo + lanes));
    let i = lo + lanes;
    for (; i < hi - (n % lanes); i += lanes) {
      for (let j = 0; j < lanes; j++) acc[j] = r(acc[j] + x[i + j]);
    }
    while (acc.length > 1) {
      const half = acc.length / 2;
      for (let j = 0; j < half; j++) acc[j] = r(acc[2 * j] + acc[2 * j + 1]);
      acc.length = half;
    }
    let s = acc[0];
    for (; i < hi; i++) s = r(s + x[i]);
    return s;
  }
  const half = Math.floor((n * parts) / 2);
  const n2 = (half - (half % 8)) / parts;
  return r(pairwiseSum(x, lo, lo + n2, r, parts) + pairwiseSum(x, lo + n2, hi, r, parts));
}
