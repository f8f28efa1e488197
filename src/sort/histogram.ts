// histogram with NumPy's exact arithmetic: the outer edges, np.linspace in
// the dtype NumPy computes it in (the data's float type when the range comes
// from the data, else float64, then cast), the uniform-bin index formula and
// its two corrections, and density's divisions. Counting is in hist-count.ts.
import { type DType, dtypes } from '../core/dtypes.js';
import { fail } from '../core/errors.js';
import { roundFloat16 } from '../core/float16.js';
import { resultType } from '../core/promotion.js';
import type { ArrayInput } from '../ndarray/create.js';
import type { NDArray } from '../ndarray/ndarray.js';
import {
  ARITH,
  type Arith,
  arithOf,
  countExplicit,
  countUniform,
  pairwiseSum,
  weightsOf,
} from './hist-count.js';
import { asArray, type Flat, flat, fromFlat } from './values.js';

export interface HistogramOptions {
  /** The lower and upper edge of the bins; default the data's minimum and maximum. */
  readonly range?: readonly [number, number] | null;
  /** Return the probability density instead of counts. */
  readonly density?: boolean;
  /** A weight per element (same shape as `a`); the result takes their dtype. */
  readonly weights?: ArrayInput | null;
}

/** Casts from float64 to each float type (one rounding, unlike float16 arithmetic). */
const CAST: Readonly<Record<'float16' | 'float32' | 'float64', Arith>> = {
  float16: roundFloat16,
  float32: Math.fround,
  float64: (x) => x,
};

/** The histogram of `a` and its bin edges, as np.histogram: `bins` is a count or the edges. */
export function histogram(
  a: ArrayInput,
  bins: number | ArrayInput = 10,
  options: HistogramOptions = {},
): [NDArray, NDArray] {
  let x = asArray(a);
  if (x.dtype.kind === 'c') {
    throw fail('ERR_UNSUPPORTED_DTYPE', 'a', 'complex data is not supported', 'histogram');
  }
  if (x.dtype.kind === 'b') x = x.astype(dtypes.uint8);
  const w = weightsOf(options.weights ?? null, x.shape);
  if (typeof bins !== 'number') {
    const e = asArray(bins);
    if (e.ndim !== 1)
      throw fail('ERR_VALUE', 'bins', '`bins` must be 1d, when an array', 'histogram');
    if (e.dtype.kind === 'c') {
      throw fail(
        'ERR_UNSUPPORTED_DTYPE',
        'bins',
        'complex bin edges are not supported',
        'histogram',
      );
    }
    const edges = flat(e);
    checkIncreasing(edges);
    const common = resultType(x.dtype, e.dtype);
    const hist = countExplicit(flat(x, common), flat(e, common), w);
    return [options.density ? density(hist, differences(edges)) : hist, fromFlat(edges)];
  }
  const float = x.dtype.kind === 'f';
  const edgeType = float ? dtypes[x.dtype.name] : dtypes.float64;
  const data = flat(x, edgeType).data as Float64Array;
  const edges = uniformEdges(data, bins, options.range ?? null, edgeType, float);
  const hist = countUniform(bins, data.length, edges.binOf, w);
  const flatEdges: Flat = { dtype: edgeType, repr: 'num', data: edges.values, n: bins + 1 };
  return [options.density ? density(hist, differences(flatEdges)) : hist, fromFlat(flatEdges)];
}

/**
 * NumPy's equal-width bins: the outer edges (from `range` or the data),
 * np.linspace for the edges and the function giving each element's bin.
 */
function uniformEdges(
  data: Float64Array,
  bins: number,
  range: readonly [number, number] | null,
  edgeType: DType,
  float: boolean,
): { values: Float64Array; binOf: (i: number) => number } {
  if (!Number.isInteger(bins)) {
    throw fail('ERR_ARGUMENT', 'bins', '`bins` must be an integer or an array', 'histogram');
  }
  if (bins < 1)
    throw fail('ERR_VALUE', 'bins', '`bins` must be positive, when an integer', 'histogram');
  const fromData = range === null && data.length > 0;
  let [first, last] = range ?? (fromData ? extremes(data) : [0, 1]);
  if (range !== null && first > last) {
    throw fail('ERR_VALUE', 'range', 'max must be larger than min in range parameter', 'histogram');
  }
  if (!Number.isFinite(first) || !Number.isFinite(last)) {
    const what = fromData ? 'autodetected' : 'supplied';
    throw fail(
      'ERR_VALUE',
      fromData ? 'a' : 'range',
      `${what} range of [${first}, ${last}] is not finite`,
      'histogram',
    );
  }
  // Outer edges taken from float data are scalars of its dtype: NumPy's
  // arithmetic on them (the +-0.5, linspace, the index formula) stays in it.
  const name = edgeType.name as 'float16' | 'float32' | 'float64';
  const own = float && fromData ? ARITH[name] : ARITH.float64;
  if (first === last) [first, last] = [own(first - 0.5), own(last + 0.5)];
  const cast = CAST[name];
  const values = linspace(first, last, bins + 1, own).map(cast);
  for (let i = 0; i < bins; i++) {
    if (!(values[i] < values[i + 1])) {
      throw fail(
        'ERR_VALUE',
        'bins',
        `too many bins for data range: cannot create ${bins} finite-sized bins`,
        'histogram',
      );
    }
  }
  const denom = own(last - first);
  const sub = float ? ARITH[name] : ARITH.float64;
  const [lo, hi] = float ? [cast(first), cast(last)] : [first, last];
  const scaled = own === ARITH.float64 ? bins : own(cast(bins));
  const binOf = (i: number) => {
    const v = data[i];
    if (!(v >= lo && v <= hi)) return -1;
    let b = Math.trunc(own(own(sub(v - lo) / denom) * scaled));
    if (b === bins) b--;
    if (v < values[b]) b--;
    if (b !== bins - 1 && v >= values[b + 1]) b++;
    return b;
  };
  return { values, binOf };
}

function extremes(data: Float64Array): [number, number] {
  let [lo, hi] = [data[0], data[0]];
  for (const v of data) {
    if (Number.isNaN(v)) return [v, v];
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  return [lo, hi];
}

/** np.linspace(first, last, num) computed in `arith` (endpoint exact). */
function linspace(first: number, last: number, num: number, arith: Arith): Float64Array {
  const div = num - 1;
  const delta = arith(last - first);
  const step = arith(delta / div);
  const y = Float64Array.from({ length: num }, (_, i) => {
    const v = arith(i);
    const scaled = step === 0 ? arith(arith(v / div) * delta) : arith(v * step);
    return arith(scaled + first);
  });
  y[num - 1] = last;
  return y;
}

function checkIncreasing(edges: Flat): void {
  for (let i = 0; i + 1 < edges.n; i++) {
    if (edges.data[i] > edges.data[i + 1]) {
      throw fail(
        'ERR_VALUE',
        'bins',
        '`bins` must increase monotonically, when an array',
        'histogram',
      );
    }
  }
}

/** np.diff(edges) in the edges' dtype, as float64. */
function differences(edges: Flat): Float64Array {
  const d = edges.dtype;
  const arith = d.kind === 'f' ? arithOf(d) : (x: number) => x;
  const v = edges.data;
  return Float64Array.from({ length: Math.max(edges.n - 1, 0) }, (_, i) =>
    d.itemsize === 8 && d.kind !== 'f'
      ? Number((v[i + 1] as bigint) - (v[i] as bigint))
      : arith((v[i + 1] as number) - (v[i] as number)),
  );
}

/** n / db / n.sum() in float64 (complex128 for complex weights), as NumPy divides. */
function density(hist: NDArray, db: Float64Array): NDArray {
  const f = flat(hist);
  const d = hist.dtype;
  const complex = d.kind === 'c';
  const per = complex ? 2 : 1;
  const parts = Array.from({ length: per }, (_, c) =>
    Float64Array.from({ length: f.n }, (_, i) => Number(f.data[per * i + c])),
  );
  const float = d.kind === 'f' || complex;
  const r = float
    ? d.name === 'float64' || d.name === 'complex128'
      ? ARITH.float64
      : ARITH.float32
    : ARITH.float64;
  const total = parts.map((p) => {
    const s = r(0 + pairwiseSum(p, 0, p.length, r, per));
    return d.name === 'float16' ? roundFloat16(s) : s;
  });
  const out = new Float64Array(per * f.n);
  for (let i = 0; i < f.n; i++) {
    if (!complex) {
      out[i] = parts[0][i] / db[i] / total[0];
      continue;
    }
    const [qr, qi] = complexDivide(parts[0][i], parts[1][i], db[i], 0);
    [out[2 * i], out[2 * i + 1]] = complexDivide(qr, qi, total[0], total[1]);
  }
  const dtype = complex ? dtypes.complex128 : dtypes.float64;
  return fromFlat({ dtype, repr: complex ? 'cplx' : 'num', data: out, n: f.n });
}

/** NumPy's complex division (Smith's method). */
function complexDivide(ar: number, ai: number, br: number, bi: number): [number, number] {
  const [abr, abi] = [Math.abs(br), Math.abs(bi)];
  if (abr >= abi) {
    if (abr === 0 && abi === 0) return [ar / abr, ai / abr];
    const rat = bi / br;
    const scl = 1 / (br + bi * rat);
    return [(ar + ai * rat) * scl, (ai - ar * rat) * scl];
  }
  const rat = br / bi;
  const scl = 1 / (bi + br * rat);
  return [(ar * rat + ai) * scl, (ai * rat - ar) * scl];
}
