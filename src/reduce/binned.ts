// Reproducible summation in the style of ReproBLAS's binned (indexed) sums:
// K = 3 bins of W = 40 bits below a top bin whose index comes from the
// largest magnitude seen, on fixed exponent boundaries (bin i has
// granularity 2^(-1022 + 40 i)). As in ReproBLAS, a value is split across
// the bins with the "(r + M) - M" trick (M = 1.5 * 2^(g + 52) rounds r to
// a multiple of the granularity 2^g, ties to even) and each bin adds its
// parts exactly (a low part carried into an integer high part every 2048
// deposits). Why the order does not matter: the parts a value leaves in the
// bins down to granularity g add up to its rounding to a multiple of 2^g,
// whichever index was on top, because removing a multiple of a coarser
// bin's granularity shifts by an even multiple of 2^g, which round-to-even
// respects. Raising the index therefore only drops whole low bins, as a
// deposit with the higher index would have, and a state depends on the
// multiset of values alone: any order, chunking or merge of partial states
// gives the same bits. The value is the exact state rounded once to the
// target format; parts below the lowest bin (2^-80 of the top bin's range
// per value) are rounded away. NaN and Inf are summed apart: any NaN, or
// +Inf with -Inf, gives NaN. Indices whose M would overflow work on values
// scaled by 2^-80 (exact for every value that reaches the bins).
import type { Body } from './driver.js';

const W = 40;
const BASE = -1022;
const TOP_INDEX = 51;
/** From this index on, values are scaled by 2^-SHIFT so that M stays finite. */
const SCALED = 50;
const SHIFT = 80;
/** Deposits between carries: 2048 parts below 2^40 granules keep every bin under 2^52 granules. */
const CHUNK = 2048;

/** Doubles per state: top index, sum of non-finite values, deposits since the last carry, then low and high parts of the three bins. */
export const STATE = 9;
const TOP = 0;
const SPECIAL = 1;
const COUNT = 2;
const LO = 3;
const HI = 6;

const indices = Array.from({ length: TOP_INDEX + 1 }, (_, i) => i);
/** The factor values are scaled by at each index. */
const SCALE = Float64Array.from(indices, (i) => (i >= SCALED ? 2 ** -SHIFT : 1));
/** log2 of bin k's granularity (in the scaled domain) at index i. */
const grain = (i: number, k: number) => BASE + W * (i - k) - (i >= SCALED ? SHIFT : 0);
/** M per index and bin: 1.5 * 2^(g + 52). */
const MAGIC = indices.map((i) =>
  Float64Array.from([0, 1, 2], (k) => 1.5 * 2 ** (grain(i, k) + 52)),
);
/** Unit of the high parts per index and bin: 2^(g + 40). */
const HIGH = indices.map((i) => Float64Array.from([0, 1, 2], (k) => 2 ** (grain(i, k) + W)));
/** Magnitudes from which a value needs a higher index. */
const CAP = Float64Array.from(indices, (i) => 2 ** (BASE + W * i + W));

/** The smallest index whose top bin holds |v| (finite). */
function indexFor(a: number): number {
  if (a < CAP[0]) return 0;
  let e = Math.floor(Math.log2(a));
  if (2 ** e > a) e--;
  else if (2 ** (e + 1) <= a) e++;
  return Math.min(TOP_INDEX, Math.ceil((e + 1 - BASE - W) / W));
}

/** Moves the state's bins down to index `top`, dropping bins that fall off the bottom. */
function raise(st: Float64Array, o: number, top: number): void {
  const old = st[o + TOP];
  const d = top - old;
  if (d <= 0) return;
  const rescale = SCALE[top] / SCALE[old];
  for (let k = 2; k >= 0; k--) {
    st[o + LO + k] = k >= d ? st[o + LO + k - d] * rescale : 0;
    st[o + HI + k] = k >= d ? st[o + HI + k - d] : 0;
  }
  st[o + TOP] = top;
}

/** Carries each bin's low part above 2^40 granules into its high part (exact). */
function carry(st: Float64Array, o: number): void {
  const high = HIGH[st[o + TOP]];
  for (let k = 0; k < 3; k++) {
    const q = Math.trunc(st[o + LO + k] / high[k]);
    st[o + LO + k] -= q * high[k];
    st[o + HI + k] += q;
  }
  st[o + COUNT] = 0;
}

/** Deposits one value (any, including NaN and Inf). */
export function depositOne(st: Float64Array, o: number, v: number): void {
  if (!Number.isFinite(v)) {
    st[o + SPECIAL] += v;
    return;
  }
  if (Math.abs(v) >= CAP[st[o + TOP]]) raise(st, o, indexFor(Math.abs(v)));
  if (st[o + COUNT] >= CHUNK) carry(st, o);
  const top = st[o + TOP];
  const [m0, m1, m2] = MAGIC[top];
  const r0 = v * SCALE[top];
  const q0 = r0 + m0 - m0;
  const r1 = r0 - q0;
  const q1 = r1 + m1 - m1;
  st[o + LO] += q0;
  st[o + LO + 1] += q1;
  st[o + LO + 2] += r1 - q1 + m2 - m2;
  st[o + COUNT]++;
}

type Values = Float64Array | Float32Array;

/** The largest |x[i + k*s]|, k < n (NaN skipped; Inf shows as Inf). */
function largest(x: Values, i: number, n: number, s: number): number {
  let a = 0;
  for (let k = 0, p = i; k < n; k++, p += s) {
    const v = Math.abs(x[p]);
    if (v > a) a = v;
  }
  return a;
}

const parts = new Float64Array(3);

/**
 * Splits n finite values across the bins of index `top` into `parts`;
 * returns false (parts unusable) when a value is NaN or infinite.
 */
function split(x: Values, i: number, n: number, s: number, top: number): boolean {
  const scale = SCALE[top];
  const [m0, m1, m2] = MAGIC[top];
  let b0 = 0;
  let b1 = 0;
  let b2 = 0;
  for (let k = 0, p = i; k < n; k++, p += s) {
    const r0 = x[p] * scale;
    const q0 = r0 + m0 - m0;
    const r1 = r0 - q0;
    const q1 = r1 + m1 - m1;
    b0 += q0;
    b1 += q1;
    b2 += r1 - q1 + m2 - m2;
  }
  parts[0] = b0;
  parts[1] = b1;
  parts[2] = b2;
  return Number.isFinite(b0 + b1 + b2);
}

/** Deposits x[i + k*s], k < n: per chunk, one index raise from the chunk's largest value. */
function depositRun(st: Float64Array, o: number, x: Values, i: number, n: number, s: number) {
  for (let done = 0; done < n; done += CHUNK) {
    const m = Math.min(CHUNK, n - done);
    const start = i + done * s;
    const amax = largest(x, start, m, s);
    const top = amax < Number.POSITIVE_INFINITY ? indexFor(amax) : st[o + TOP];
    if (amax < Number.POSITIVE_INFINITY && split(x, start, m, s, Math.max(top, st[o + TOP]))) {
      raise(st, o, top);
      carry(st, o);
      st[o + LO] += parts[0];
      st[o + LO + 1] += parts[1];
      st[o + LO + 2] += parts[2];
      st[o + COUNT] = m;
    } else {
      for (let k = 0, p = start; k < m; k++, p += s) depositOne(st, o, x[p]);
    }
  }
}

/** Adds state b (at q) into state a (at o). */
function mergeState(a: Float64Array, o: number, b: Float64Array, q: number): void {
  const other = b.slice(q, q + STATE);
  raise(a, o, other[TOP]);
  raise(other, 0, a[o + TOP]);
  carry(a, o);
  carry(other, 0);
  a[o + SPECIAL] += other[SPECIAL];
  for (let k = LO; k < STATE; k++) a[o + k] += other[k];
}

/** A binary floating-point format: precision, smallest normal exponent, overflow exponent. */
export interface Format {
  readonly p: number;
  readonly emin: number;
  readonly emax: number;
}

export const FLOAT64: Format = { p: 53, emin: -1022, emax: 1024 };
export const FLOAT32: Format = { p: 24, emin: -126, emax: 128 };
export const FLOAT16: Format = { p: 11, emin: -14, emax: 16 };

/** n * 2^e rounded to nearest even in `fmt` (subnormals and overflow included). */
function roundScaled(n: bigint, e: number, fmt: Format): number {
  if (n === 0n) return 0;
  const neg = n < 0n;
  const a = neg ? -n : n;
  const lead = a.toString(2).length - 1 + e;
  const ulp = Math.max(lead - (fmt.p - 1), fmt.emin - (fmt.p - 1));
  const shift = ulp - e;
  let q = shift <= 0 ? a << BigInt(-shift) : a >> BigInt(shift);
  if (shift > 0) {
    const rem = a - (q << BigInt(shift));
    const half = 1n << BigInt(shift - 1);
    if (rem > half || (rem === half && (q & 1n) === 1n)) q += 1n;
  }
  const mag = Number(q) * 2 ** ulp;
  const v = mag >= 2 ** fmt.emax ? Number.POSITIVE_INFINITY : mag;
  return neg ? -v : v;
}

const bitsView = new DataView(new ArrayBuffer(8));

/** A finite double exactly, as an integer count of 2^-1074. */
function units(x: number): bigint {
  bitsView.setFloat64(0, x);
  const hi = bitsView.getUint32(0);
  const field = (hi >>> 20) & 0x7ff;
  const fraction = (BigInt(hi & 0xfffff) << 32n) | BigInt(bitsView.getUint32(4));
  const m = field === 0 ? fraction : fraction | (1n << 52n);
  const v = m << BigInt(Math.max(field, 1) - 1);
  return hi >>> 31 ? -v : v;
}

/** The state's value rounded once to `fmt`. */
export function stateValue(st: Float64Array, o: number, fmt: Format): number {
  if (st[o + SPECIAL] !== 0) return st[o + SPECIAL];
  const top = st[o + TOP];
  let n = 0n;
  for (let k = 0; k < 3; k++) {
    const high = BigInt(st[o + HI + k]) << BigInt(grain(top, k) + W + 1074);
    n += high + units(st[o + LO + k]);
  }
  return roundScaled(n, -1074 + (top >= SCALED ? SHIFT : 0), fmt);
}

/**
 * The driver body of a reproducible sum: state j (complex: 2j and 2j + 1 for
 * the two components) per result element, in `st`.
 */
export function binnedBody(st: Float64Array, x: Values, complex: boolean): Body {
  const parts = complex ? 2 : 1;
  return {
    run(ai, xi, n, xs) {
      for (let c = 0; c < parts; c++) depositRun(st, (parts * ai + c) * STATE, x, xi + c, n, xs);
    },
    row(ai, as, xi, xs, n) {
      for (let k = 0; k < n; k++, ai += as, xi += xs) {
        for (let c = 0; c < parts; c++) depositOne(st, (parts * ai + c) * STATE, x[xi + c]);
      }
    },
  };
}

/**
 * An order-independent float64 accumulator (ReproBLAS's binned type): the
 * same multiset of values gives the same `value()` bits whatever the order of
 * `add` calls, the chunking, or how partial sums are `merge`d.
 */
export class BinnedSum {
  readonly #state = new Float64Array(STATE);

  /** Adds one number or every element of an array-like of numbers. */
  add(values: number | ArrayLike<number>): this {
    if (typeof values === 'number') depositOne(this.#state, 0, values);
    else if (values instanceof Float64Array || values instanceof Float32Array)
      depositRun(this.#state, 0, values, 0, values.length, 1);
    else for (let i = 0; i < values.length; i++) depositOne(this.#state, 0, values[i]);
    return this;
  }

  /** Adds another accumulator's values into this one (the other is unchanged). */
  merge(other: BinnedSum): this {
    mergeState(this.#state, 0, other.#state, 0);
    return this;
  }

  /** The sum, rounded once to float64. */
  value(): number {
    return stateValue(this.#state, 0, FLOAT64);
  }
}
