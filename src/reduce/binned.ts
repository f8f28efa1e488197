// Reproducible summation in the style of ReproBLAS's binned (indexed) sums:
// K = 3 bins of W = 40 bits below a top bin whose index comes from the
// largest magnitude seen, on fixed exponent boundaries (bin i has
// granularity 2^(-1022 + 40 i)). Every finite value deposits into each bin
// its truncation at that bin's granularity minus what the bins above took,
// computed exactly (power-of-two scaling and Math.trunc), and bins add
// exactly (integer counts in doubles, carried into a high part every 2048
// deposits). Raising the top index drops whole low bins, which is what
// depositing with that index from the start would have kept, so a state
// depends only on the multiset of values: any order, chunking or merge of
// partial states gives the same bits. The value is the exact state rounded
// once (to nearest even) to the target format; values below the lowest bin
// (2^-80 of the top bin's range per value) are truncated away. NaN and Inf
// are summed apart: any NaN, or +Inf with -Inf, gives NaN.
import type { Body } from './driver.js';

const W = 40;
const TWO_W = 2 ** W;
const BASE = -1022;
const TOP_INDEX = 51;
/** Deposits between carries: 2048 parts below 2^40 keep every bin under 2^52. */
const CHUNK = 2048;

/** Doubles per state: top index, sum of non-finite values, deposits since the last carry, then low and high parts of the three bins. */
export const STATE = 9;
const TOP = 0;
const SPECIAL = 1;
const COUNT = 2;
const LO = 3;
const HI = 6;

/** 2^-g of the top bin per index (scales a value so the top bin's unit is 1). */
const SCALE = Float64Array.from({ length: TOP_INDEX + 1 }, (_, i) => 2 ** -(BASE + W * i));
/** Magnitudes from which a value needs a higher index. */
const CAP = Float64Array.from({ length: TOP_INDEX + 1 }, (_, i) => 2 ** (BASE + W * i + W));

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
  const d = top - st[o + TOP];
  if (d <= 0) return;
  for (let k = 2; k >= 0; k--) {
    st[o + LO + k] = k >= d ? st[o + LO + k - d] : 0;
    st[o + HI + k] = k >= d ? st[o + HI + k - d] : 0;
  }
  st[o + TOP] = top;
}

/** Carries each bin's low part above 2^40 into its high part (exact). */
function carry(st: Float64Array, o: number): void {
  for (let k = 0; k < 3; k++) {
    const q = Math.trunc(st[o + LO + k] / TWO_W);
    st[o + LO + k] -= q * TWO_W;
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
  let y = v * SCALE[st[o + TOP]];
  const t0 = Math.trunc(y);
  y = (y - t0) * TWO_W;
  const t1 = Math.trunc(y);
  y = (y - t1) * TWO_W;
  st[o + LO] += t0;
  st[o + LO + 1] += t1;
  st[o + LO + 2] += Math.trunc(y);
  st[o + COUNT]++;
}

type Values = Float64Array | Float32Array;

/** Deposits x[i + k*s], k < n: per chunk, one index raise from the chunk's maximum. */
export function depositRun(
  st: Float64Array,
  o: number,
  x: Values,
  i: number,
  n: number,
  s: number,
) {
  for (let done = 0; done < n; done += CHUNK) {
    const m = Math.min(CHUNK, n - done);
    const start = i + done * s;
    let amax = 0;
    let finite = true;
    for (let k = 0, p = start; k < m; k++, p += s) {
      const a = Math.abs(x[p]);
      if (a > amax) amax = a;
      else if (Number.isNaN(a)) finite = false;
    }
    if (!finite || amax === Number.POSITIVE_INFINITY) {
      for (let k = 0, p = start; k < m; k++, p += s) depositOne(st, o, x[p]);
      continue;
    }
    raise(st, o, indexFor(amax));
    carry(st, o);
    const scale = SCALE[st[o + TOP]];
    let b0 = 0;
    let b1 = 0;
    let b2 = 0;
    for (let k = 0, p = start; k < m; k++, p += s) {
      let y = x[p] * scale;
      const t0 = Math.trunc(y);
      y = (y - t0) * TWO_W;
      const t1 = Math.trunc(y);
      y = (y - t1) * TWO_W;
      b0 += t0;
      b1 += t1;
      b2 += Math.trunc(y);
    }
    st[o + LO] += b0;
    st[o + LO + 1] += b1;
    st[o + LO + 2] += b2;
    st[o + COUNT] = m;
  }
}

/** Adds state b (at q) into state a (at o). */
export function mergeState(a: Float64Array, o: number, b: Float64Array, q: number): void {
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
export function roundScaled(n: bigint, e: number, fmt: Format): number {
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

/** The state's value rounded once to `fmt`. */
export function stateValue(st: Float64Array, o: number, fmt: Format): number {
  if (st[o + SPECIAL] !== 0) return st[o + SPECIAL];
  const bin = (k: number) => (BigInt(st[o + HI + k]) << BigInt(W)) + BigInt(st[o + LO + k]);
  const n = (bin(0) << BigInt(2 * W)) + (bin(1) << BigInt(W)) + bin(2);
  return roundScaled(n, BASE + W * st[o + TOP] - 2 * W, fmt);
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
